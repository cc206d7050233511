"""rnnviz: gradient flow in recurrent neural networks, made visible.

The package is split by job:

- ``rnnviz.core``: the numpy engine (cells, unrolling, BPTT, Jacobians, initialisations).
- ``rnnviz.experiments``: the seeds' own computations (the book's norm experiment, clipping,
  worked examples, iterated maps), numpy only.
- ``rnnviz.figures``: Plotly figure builders, data in and ``go.Figure`` out.
- ``rnnviz.catalogue``: every figure with its typed, bilingual parameters.
- ``rnnviz.i18n``: Korean and English strings.
- ``rnnviz.ui``: the one module that imports streamlit.
"""

__version__ = "0.1.0"

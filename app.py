"""rnnviz entry point: page config, the shared sidebar, and the navigation over the lessons' pages.

Run with ``streamlit run app.py``.
"""

import gc
import os

# One BLAS thread per computation: the engine's matrices are small, and on a shared server threads
# that compete for the same cores make every chart slower (numpy reads this when it is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from rnnviz import ui  # noqa: E402


@st.cache_resource(show_spinner=False)
def freeze_the_startup_heap() -> None:
    """Once per server process: everything imported so far (Streamlit, Plotly, numpy, pandas, the
    catalogue) lives as long as the server; moving it out of the garbage collector's reach keeps Python's
    full collections, which otherwise walked all of it for 80–110 ms in the middle of a slider move, to
    the objects made since."""
    gc.freeze()


freeze_the_startup_heap()
ui.app_frame().run()

"""The seeds' own computations as plain numpy functions (no streamlit, no plotly).

One module per topic: ``book_norms`` (seed 000's norm experiment), ``spectra``, ``clipping``,
``derivatives``, ``scalar`` (``w^{T−1} Π φ'``), ``worked_examples`` and ``parity`` (seed 004's
examples), ``scalar_bptt``, ``dynamics`` (iterated maps), ``book_layers`` and
``book_time_rnn`` (seed 002's RNN layer with the correct backward), ``rnnlm`` and
``sentences``; learning long-term dependencies: ``tasks`` (the adding problem, the first token),
``training`` (tanh RNN, IRNN, LSTM, GRU trained with the engine's BPTT), ``delay_sweep``,
``reversal`` (seed 004's input reversal); ``architectures`` (stacked and bidirectional gradient
tables). Import from the modules directly.
"""

"""Seed 004's dynamical-systems view: an RNN step is a map iterated over time.

- ``logistic(x, r=3.5)``: ``r x (1 − x)``; its n-fold compositions get steeper as n grows.
- ``quadratic(x, c=0.15)``: ``x² + c`` (the real, monotone slice of the Mandelbrot map). For
  ``c = 0.15`` the fixed points are ``(1 ∓ √0.4)/2 ≈ 0.18377`` (sink, ``f' ≈ 0.36754``) and
  ``≈ 0.81623`` (source, ``f' ≈ 1.63246``); the seed says "near 0.17" and "near 0.82".
  Starting points with ``|x0| < source`` are drawn to the sink, ``|x0| > source`` run to ∞.
Shapes: ``n`` iterations, grids ``(G,)``.
"""

import numpy as np

ESCAPE = 1e6  # |x| beyond this counts as diverged (x² + c then explodes in a few steps)


def logistic(x, r=3.5):
    """``r x (1 − x)``, elementwise. Shape ``(...)``."""
    x = np.asarray(x, dtype=np.float64)
    return r * x * (1.0 - x)


def quadratic(x, c=0.15):
    """``x² + c``, elementwise. Shape ``(...)``."""
    x = np.asarray(x, dtype=np.float64)
    return x * x + c


def _check_n(n, minimum=0):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < minimum:
        raise ValueError(f"n must be an integer >= {minimum}, got {n!r}")


def iterate(f, x0, n):
    """``x_0, f(x_0), …, f^n(x_0)``: array ``(n + 1, ...)`` (``x0`` may be an array ``(...)``).

    Values that overflow become ``inf`` (the orbit escaped); no warning is raised.
    """
    _check_n(n)
    x = np.asarray(x0, dtype=np.float64)
    out = np.empty((n + 1,) + x.shape)
    out[0] = x
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(n):
            x = f(x)
            out[k + 1] = x
    return out


def compose(f, n):
    """The n-fold composition ``f ∘ … ∘ f`` (``n >= 1``) as a function of ``x`` ``(...)``."""
    _check_n(n, 1)

    def composed(x):
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n):
                x = f(x)
        return x

    return composed


def max_slope(f, n, grid):
    """``max |d f^n / dx|`` over ``grid`` ``(G,)`` by second-order differences on the grid."""
    grid = np.asarray(grid, dtype=np.float64)
    if grid.ndim != 1 or grid.size < 3:
        raise ValueError(f"grid must be 1-D of shape (G,) with G >= 3, got {grid.shape}")
    return float(np.max(np.abs(np.gradient(compose(f, n)(grid), grid, edge_order=2))))


def cobweb_path(f, x0, n):
    """Cobweb diagram vertices ``(2n + 1, 2)``: ``(x0, 0)``, then for each step up/down to the
    curve ``(x_k, x_{k+1})`` and across to the diagonal ``(x_{k+1}, x_{k+1})``."""
    _check_n(n)
    xs = iterate(f, float(x0), n)  # (n + 1,)
    pts = np.empty((2 * n + 1, 2))
    pts[0] = (xs[0], 0.0)
    for k in range(n):
        pts[2 * k + 1] = (xs[k], xs[k + 1])
        pts[2 * k + 2] = (xs[k + 1], xs[k + 1])
    return pts


def fixed_points_quadratic(c=0.15):
    """Exact fixed points of ``x² + c`` (``c <= 1/4``): dict with ``sink``
    ``(1 − √(1−4c))/2``, ``source`` ``(1 + √(1−4c))/2`` and the slopes ``f' = 2x`` at each."""
    c = float(c)
    if not np.isfinite(c) or c > 0.25:
        raise ValueError(f"c must be a finite number <= 1/4 for real fixed points, got {c!r}")
    root = np.sqrt(1.0 - 4.0 * c)
    sink, source = (1.0 - root) / 2.0, (1.0 + root) / 2.0
    return {"sink": sink, "source": source, "sink_slope": 2 * sink, "source_slope": 2 * source}


def basins_quadratic(grid, c=0.15, n=200):
    """Where each start ``x0`` in ``grid`` ``(G,)`` goes under ``x² + c`` after ``n`` steps.

    Returns a dict with ``x0`` ``(G,)``, ``final`` ``(G,)`` (``inf`` if escaped) and
    ``label`` ``(G,)``: ``"sink"`` (within 1e-6 of the sink), ``"infinity"`` (escaped) or
    ``"other"`` (e.g. exactly on the source, or not settled within ``n`` steps).
    """
    _check_n(n, 1)
    grid = np.asarray(grid, dtype=np.float64)
    if grid.ndim != 1:
        raise ValueError(f"grid must be 1-D of shape (G,), got {grid.shape}")
    sink = fixed_points_quadratic(c)["sink"]
    x = grid.copy()
    for _ in range(n):
        x = np.where(np.abs(x) > ESCAPE, np.inf, quadratic(np.minimum(np.abs(x), ESCAPE), c))
    label = np.full(grid.shape, "other", dtype=object)
    label[np.abs(x - sink) < 1e-6] = "sink"
    label[~np.isfinite(x)] = "infinity"
    return {"x0": grid, "final": x, "label": label.astype(str)}

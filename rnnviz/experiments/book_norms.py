"""The book's norm experiment (seed 000, *Deep Learning from Scratch 2*, ch. 6).

Seed code::

    dh = np.ones((N, H)); np.random.seed(3); Wh = np.random.rand(H, H)   # or "* 0.5"
    for t in range(T):
        dh = np.matmul(dh, Wh.T); norm = np.sqrt(np.sum(dh**2)) / N

The literal loop gives ``norms`` bit for bit where float64 can hold them.
Here the legacy seeding is reproduced with ``np.random.RandomState(seed)`` (same draws, no
global state), and the products are renormalised each step so that ``T`` in the thousands
stays finite: ``log10_norms`` is always finite (unless ``dh`` becomes exactly zero).
"""

from dataclasses import dataclass

import numpy as np

from rnnviz.experiments.spectra import spectrum

INITS = ("rand", "randn")
SCALE_UNITS = ("raw", "rho")  # raw: Wh = draw * scale (the book); rho: Wh = draw / ρ(draw) * scale, so ρ(Wh) = scale


@dataclass(frozen=True)
class NormExperiment:
    """Result of ``book_norm_experiment``; ``T`` time steps, hidden size ``H``."""

    steps: np.ndarray  # (T,) 1..T, the seed's x axis
    log10_norms: np.ndarray  # (T,) log10(‖dh_t‖_F / N)
    norms: np.ndarray  # (T,) 10**log10_norms; inf only where the value exceeds float64
    Wh: np.ndarray  # (H, H) the scaled matrix
    spectral_radius: float  # ρ of Wh (same for Wh.T)
    base_spectral_radius: float  # ρ₀ of the unscaled draw; with scale_unit "raw" the critical scale is 1/ρ₀
    largest_singular_value: float  # σ₁ of Wh
    log10_guide: np.ndarray  # (T,) log10 of ρ^t, anchored at the first norm


def book_norm_experiment(N=2, H=3, T=20, seed=3, init="rand", scale=1.0, scale_unit="raw"):
    """Run the seed's loop ``dh = dh @ Wh.T`` for ``T`` steps from ``dh = ones((N, H))``.

    ``scale_unit="raw"``: ``Wh = RandomState(seed).rand(H, H) * scale`` (or ``randn``), the book's code bit
    for bit. ``scale_unit="rho"``: the draw divided by its spectral radius ρ₀ first, so ``scale`` is ρ(Wh)
    itself and 1 is the threshold at every ``H`` (a draw with ρ₀ = 0, nilpotent, is only multiplied). Returns ``NormExperiment``
    with ``norms`` ``(T,)`` as the seed prints them (``‖dh‖_F / N``), their log10, ``Wh``
    ``(H, H)``, ``ρ``, ``σ₁`` and the guide line ``norms[0] · ρ^(t−1)`` in log10.
    """
    for name, value in (("N", N), ("H", H), ("T", T)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if init not in INITS:
        raise ValueError(f"init must be one of {INITS}, got {init!r}")
    if scale_unit not in SCALE_UNITS:
        raise ValueError(f"scale_unit must be one of {SCALE_UNITS}, got {scale_unit!r}")
    scale = float(scale)
    if not np.isfinite(scale):
        raise ValueError(f"scale must be finite, got {scale!r}")
    draw = getattr(np.random.RandomState(seed), init)(H, H)  # (H, H)
    base_rho = spectrum(draw).spectral_radius
    if scale_unit == "rho" and base_rho > 0:
        draw = draw / base_rho
    Wh = draw * scale  # (H, H)
    dh = np.ones((N, H))  # (N, H)
    log_scale = 0.0  # natural log of the factor removed from dh so far
    log10_norms = np.empty(T)
    for t in range(T):
        dh = dh @ Wh.T  # (N, H)
        size = np.sqrt(np.sum(dh**2))
        with np.errstate(divide="ignore"):
            log_scale += np.log(size)
        log10_norms[t] = log_scale / np.log(10.0) - np.log10(N)
        if size > 0:
            dh = dh / size
        else:  # exactly zero: stays zero
            log10_norms[t:] = -np.inf
            break
    norms = _direct_norms(Wh, N, T, log10_norms)
    spec = spectrum(Wh)
    steps = np.arange(1, T + 1)
    with np.errstate(divide="ignore"):
        log10_rho = np.log10(spec.spectral_radius)
    log10_guide = log10_norms[0] + (steps - 1) * log10_rho
    return NormExperiment(
        steps=steps,
        log10_norms=log10_norms,
        norms=norms,
        Wh=Wh,
        spectral_radius=spec.spectral_radius,
        base_spectral_radius=base_rho,
        largest_singular_value=spec.largest_singular_value,
        log10_guide=log10_guide,
    )


def _direct_norms(Wh, N, T, log10_norms):
    """The seed's loop run literally, so its printed numbers come out bit for bit; where the
    literal values leave float64's normal range, ``10**log10_norms`` is used instead. ``(T,)``."""
    dh = np.ones((N, Wh.shape[0]))  # (N, H)
    direct = np.empty(T)
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        for t in range(T):
            dh = np.matmul(dh, Wh.T)
            direct[t] = np.sqrt(np.sum(dh**2)) / N
        fallback = 10.0**log10_norms
    usable = np.isfinite(direct) & (direct > 1e-290) & (direct < 1e290)
    return np.where(usable, direct, fallback)

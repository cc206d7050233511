"""Eigenvalues and singular values of a recurrent matrix (seeds 000, 003, 004).

Seed 003 says a gradient vanishes when the largest eigenvalue/singular value of ``W_h`` is below
1 and explodes above. The precise statement: repeated products ``dh W^k`` follow the spectral
radius ``ρ`` in the long run; ``σ₁ < 1`` guarantees shrinking at every step, while ``σ₁ > 1``
with ``ρ < 1`` allows a transient growth that still vanishes (the book's ``randn * 0.5``,
seed 3: ``σ₁ ≈ 1.33``, ``ρ ≈ 0.63``).
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Spectrum:
    """Spectral summary of a square matrix ``W`` of shape ``(H, H)``."""

    eigenvalues: np.ndarray  # (H,) complex, sorted by decreasing modulus
    spectral_radius: float  # ρ = max |λ|
    singular_values: np.ndarray  # (H,) decreasing
    largest_singular_value: float  # σ₁ = ‖W‖₂
    behaviour: str  # "vanishes", "explodes" or "neutral" (from ρ)
    transient_growth_possible: bool  # σ₁ > 1 although ρ < 1


def _check_square(W):
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2 or W.shape[0] != W.shape[1] or W.shape[0] == 0:
        raise ValueError(f"W must be a square matrix of shape (H, H), got shape {W.shape}")
    if not np.all(np.isfinite(W)):
        raise ValueError("W must contain only finite values")
    return W


def vanishes_or_explodes(W, tol=1e-9):
    """Long-run behaviour of ``dh W^k``: ``"vanishes"`` if ``ρ < 1 − tol``, ``"explodes"`` if
    ``ρ > 1 + tol``, else ``"neutral"``. ``W`` is ``(H, H)``. (``W`` and ``W.T`` share it.)"""
    rho = float(np.max(np.abs(np.linalg.eigvals(_check_square(W)))))
    if rho < 1.0 - tol:
        return "vanishes"
    if rho > 1.0 + tol:
        return "explodes"
    return "neutral"


def spectrum(W):
    """Eigenvalues, ``ρ``, singular values, ``σ₁`` and the classification of ``W`` ``(H, H)``."""
    W = _check_square(W)
    eig = np.linalg.eigvals(W)
    eig = eig[np.argsort(-np.abs(eig), kind="stable")]
    sv = np.linalg.svd(W, compute_uv=False)
    rho = float(np.abs(eig[0]))
    sigma1 = float(sv[0])
    return Spectrum(
        eigenvalues=eig,
        spectral_radius=rho,
        singular_values=sv,
        largest_singular_value=sigma1,
        behaviour=vanishes_or_explodes(W),
        transient_growth_possible=bool(sigma1 > 1.0 and rho < 1.0),
    )


def book_randn_half_example(seed=3, H=3):
    """The book's ``np.random.seed(3); Wh = randn(H, H) * 0.5``: returns ``(Wh (H, H), Spectrum)``.

    With the defaults ``σ₁ ≈ 1.3297`` but ``ρ ≈ 0.6276``: the norms vanish.
    """
    Wh = np.random.RandomState(seed).randn(H, H) * 0.5
    return Wh, spectrum(Wh)

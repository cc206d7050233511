"""Seed 000's norm experiment exactly as the blog's code writes it: the reference the tests hold the app to."""

import numpy as np


def seed_code(init="rand", scale=1.0, N=2, H=3, T=20):
    """``(norm_list (T,), Wh (H, H))`` of the seed's loop, run as written (legacy global seeding)."""
    dh = np.ones((N, H))
    np.random.seed(3)
    Wh = getattr(np.random, init)(H, H) * scale
    norm_list = []
    for _ in range(T):
        dh = np.matmul(dh, Wh.T)
        norm = np.sqrt(np.sum(dh**2)) / N
        norm_list.append(norm)
    return np.array(norm_list), Wh

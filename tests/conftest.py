"""Shared test setup: run from the repository root so app.py and pages/ resolve, and with numpy's BLAS on one
thread, as the app runs it (app.py): its worker threads spin while they wait and slow the app's own threads
(a page's training job) on a shared machine."""

import os
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before anything imports numpy

ROOT = Path(__file__).resolve().parents[1]
os.chdir(ROOT)

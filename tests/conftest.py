"""Shared test setup: run from the repository root so app.py and pages/ resolve."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.chdir(ROOT)

"""Launch Debian's Chromium through Playwright (never ``playwright install``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}
MISSING = (
    f"Debian's Chromium is required at {CHROMIUM} for the browser tests: run `apt-get install -y "
    "chromium fonts-nanum` (as .ci/run does). Do not use `playwright install`."
)


def launch(playwright: Any) -> Any:
    """A headless Chromium ``Browser``; ``RuntimeError`` naming the fix when the binary is missing."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise RuntimeError(MISSING)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)

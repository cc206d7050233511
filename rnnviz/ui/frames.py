"""Live frames served as files: a live chart gets its figure at once and fetches its frames by HTTP.

Computing a live figure's frames takes a few hundred milliseconds and the payload can be a megabyte. So
that a control's change answers as fast as a plain chart, ``ui.figure`` sends the figure now and the URL
of its frames; the frames are computed in a background thread (one at a time, each set once, at a lower
scheduling priority than the page runs) and written
to a file that Streamlit's component route serves (gzipped, cached by the browser), which the chart
element fetches and then shows its live sliders. A second visitor at the same settings gets the file at
once. The folder is the server process's own (removed when it exits), bounded to :data:`MAX_FILES` files (the oldest go first).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import streamlit as st
import streamlit.components.v1 as components_v1

from rnnviz.lessons.jobs import lower_thread_priority

LOG = logging.getLogger("rnnviz")
MAX_FILES = 256  # frame files kept per server process (each at most a few MB)
NICENESS = 10  # the frames' thread yields the cores to the page runs that answer users (as training jobs do)
START_DELAY_S = 0.25  # let the run that asked for the frames draw its page before they take the cores


class FrameFiles:
    """A folder of frame files, written by one background thread."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="rnnviz-frames-"))
        atexit.register(shutil.rmtree, self.folder, ignore_errors=True)  # the folder leaves with its process
        self.url = f"component/{components_v1.declare_component('frames', path=str(self.folder)).name}"
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rnnviz-frames",
                                        initializer=lower_thread_priority, initargs=(NICENESS,))
        self._lock = threading.Lock()
        self._pending: set[str] = set()

    def request(self, digest: str, make: Callable[[], str]) -> str:
        """The URL of the frames named ``digest``, written by ``make()`` in the background unless they are
        already there (or on their way)."""
        path = self.folder / f"{digest}.json"
        with self._lock:
            if not path.exists() and digest not in self._pending:
                self._pending.add(digest)
                self._pool.submit(self._write, digest, make)
        return f"{self.url}/{digest}.json"

    def _write(self, digest: str, make: Callable[[], str]) -> None:
        try:
            time.sleep(START_DELAY_S)
            text = make()
            partial = self.folder / f"{digest}.part"
            partial.write_text(text, encoding="utf-8")
            partial.replace(self.folder / f"{digest}.json")  # the browser never reads half a file
            self._trim()
        except Exception:  # the chart stays a plain chart; never a traceback for the user
            LOG.exception("live frames %s failed", digest)
        finally:
            with self._lock:
                self._pending.discard(digest)

    def _trim(self) -> None:
        files = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in files[:-MAX_FILES]:
            old.unlink(missing_ok=True)

    def path(self, url: str) -> Path:
        """The file behind a frames URL (the tests read it)."""
        return self.folder / url.rsplit("/", 1)[1]


@st.cache_resource(show_spinner=False)
def frame_files() -> FrameFiles:
    """The server process's frame files (made on first use, in a script run)."""
    return FrameFiles()


def digest(*key: Any) -> str:
    """A file name for the frames of one figure at one set of values, language and theme."""
    return hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:32]

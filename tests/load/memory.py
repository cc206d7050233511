"""The resident memory of server processes (Linux ``/proc``), read once or sampled for a peak."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable

MB = 2**20


def rss_bytes(pid: int) -> int:
    """Resident set size of process ``pid`` (``VmRSS`` in ``/proc/<pid>/status``), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def total_rss(pids: Iterable[int]) -> int:
    return sum(rss_bytes(pid) for pid in pids)


class PeakRss:
    """Samples the summed RSS of ``pids`` every ``interval`` seconds in a thread, while in a ``with`` block."""

    def __init__(self, pids: Iterable[int], interval: float = 0.25) -> None:
        self.pids = tuple(pids)
        self.interval = interval
        self.peak = 0
        self.last = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while True:
            self.last = total_rss(self.pids)
            self.peak = max(self.peak, self.last)
            if self._stop.wait(self.interval):
                return

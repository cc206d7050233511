"""What server processes use (Linux ``/proc``): resident memory, read once or sampled for a peak, and CPU time."""

from __future__ import annotations

import os
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


def cpu_seconds(pids: Iterable[int]) -> float:
    """User and system CPU time the processes have used so far (``/proc/<pid>/stat``), in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime: fields 14 and 15 of stat
    return total


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

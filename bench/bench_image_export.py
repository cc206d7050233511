"""Benchmark: PNG and SVG export through Kaleido and the system's Chromium.

Run: ``python bench/bench_image_export.py [--only ID,ID] [--skip-cli]``. Prints, measured in this run:

1. the import cost of ``kaleido`` after ``rnnviz.export`` (the pages never pay it: it is imported
   when a renderer opens);
2. per format, with one browser kept open (:class:`rnnviz.images.ImageRenderer`): the browser's start,
   the first figure, the median and mean seconds per figure after it, and the total (data computed
   and figures built beforehand, not timed);
3. the reference, a fresh browser per figure (what :func:`rnnviz.export.figure_image` does), on
   three figures: seconds per figure and its ratio to a kept browser;
4. ``python -m rnnviz export --all --format png`` and ``--format svg`` as a user runs them: the wall
   time and the command's own summary line (browser start, first figure, per figure after it).

The goal is 0.5 s or less per figure after the first. Numbers only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz import catalogue, export, images  # noqa: E402

GOAL_S = 0.5
REFERENCE_FIGURES = 3


def import_cost() -> tuple[float, float]:
    """Seconds to import ``rnnviz.export`` in a fresh interpreter, and then ``kaleido`` on top of it
    (measured inside that interpreter, so start-up noise does not enter the difference); best of three."""
    probe = ("import time; tick = time.perf_counter(); import rnnviz.export; middle = time.perf_counter(); "
             "import kaleido; print(middle - tick, time.perf_counter() - middle)")
    runs = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT, capture_output=True, text=True)
        runs.append(tuple(float(word) for word in result.stdout.split()))
    return min(run[0] for run in runs), min(run[1] for run in runs)


def kept_browser(figures: list, fmt: str) -> dict[str, float]:
    tick = time.perf_counter()
    seconds = []
    with images.ImageRenderer() as renderer:
        start = time.perf_counter() - tick
        for fig in figures:
            render_tick = time.perf_counter()
            renderer.render(fig, fmt, width=export.SLIDE_WIDTH, height=export.SLIDE_HEIGHT)
            seconds.append(time.perf_counter() - render_tick)
    return {"start": start, "first": seconds[0], "median": statistics.median(seconds[1:]),
            "mean": statistics.fmean(seconds[1:]), "total": time.perf_counter() - tick}


def browser_per_figure(figures: list, fmt: str) -> float:
    seconds = []
    for fig in figures:
        tick = time.perf_counter()
        export.figure_image(fig, fmt)
        seconds.append(time.perf_counter() - tick)
    return statistics.fmean(seconds)


def cli_all(fmt: str, only: str | None) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "rnnviz", "export", "--all", "--format", fmt, "--out", folder]
        tick = time.perf_counter()
        result = subprocess.run(command + (["--only", only] if only else []), cwd=ROOT, check=True,
                                capture_output=True, text=True)
        return time.perf_counter() - tick, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma list of figure ids (default: every figure)")
    parser.add_argument("--skip-cli", action="store_true", help="leave out the command-line runs")
    args = parser.parse_args()
    ids = args.only.split(",") if args.only else sorted(catalogue.CATALOGUE)
    specs = [catalogue.get(figure_id) for figure_id in ids]
    figures = [spec.build(spec.run(spec.defaults()), lang="ko", theme="light", **spec.view_values(spec.defaults())) for spec in specs]

    export_seconds, kaleido_seconds = import_cost()
    print(f"import rnnviz.export {export_seconds:.2f} s; kaleido on top of it {kaleido_seconds:.3f} s "
          f"(+{kaleido_seconds / export_seconds:.0%}, paid only when an image is drawn)")

    print(f"\n{len(figures)} figures, Korean, {export.SLIDE_WIDTH}x{export.SLIDE_HEIGHT} at scale 1, "
          f"one browser kept open (seconds):")
    print(f"{'format':6s} {'browser':>8s} {'first':>7s} {'median':>7s} {'mean':>7s} {'total':>7s}  "
          f"(median, mean: per figure after the first; goal <= {GOAL_S} s)")
    kept = {}
    for fmt in images.IMAGE_FORMATS:
        kept[fmt] = row = kept_browser(figures, fmt)
        print(f"{fmt:6s} {row['start']:8.2f} {row['first']:7.2f} {row['median']:7.3f} {row['mean']:7.3f} "
              f"{row['total']:7.2f}  mean/goal {row['mean'] / GOAL_S:.2f}x")

    print(f"\nreference: a fresh browser per figure (export.figure_image), first {REFERENCE_FIGURES} figures:")
    for fmt in images.IMAGE_FORMATS:
        one_shot = browser_per_figure(figures[:REFERENCE_FIGURES], fmt)
        print(f"{fmt:6s} {one_shot:.2f} s per figure = {one_shot / kept[fmt]['mean']:.1f}x a kept browser's "
              f"{kept[fmt]['mean']:.3f} s")

    if not args.skip_cli:
        print("\npython -m rnnviz export --all (wall time, then the command's own summary):")
        for fmt in images.IMAGE_FORMATS:
            wall, summary = cli_all(fmt, args.only)
            print(f"{fmt:6s} {wall:6.2f} s total   {summary}")


if __name__ == "__main__":
    main()

"""Benchmark: server time to turn each catalogue figure into the JSON a page sends.

Run: ``python bench/bench_figures.py [--repeats 30]``. For every figure at its defaults (data computed
once, not timed), the median time of three ways to the same JSON, measured in this run (the first two
alternately, so that load from other processes hits both alike):

- ``canvas``: what the pages do (draw on the plain-dict canvas, ``typed_arrays_in_place``, dump);
- ``plotly b64``: the same canvas, its arrays converted by Plotly's own ``convert_to_base64``;
- ``validated``: Plotly's validating ``go.Figure`` objects (``to_json``).

Prints per figure and in total, with the ratios to the canvas. Numbers only: nothing is asserted (the
tests check that the three give the same JSON).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _plotly_utils.utils import convert_to_base64  # noqa: E402
from bench_engine import median_time, paired_median_times  # noqa: E402
from plotly.io.json import to_json_plotly  # noqa: E402

from rnnviz import catalogue  # noqa: E402
from rnnviz.figures import canvas  # noqa: E402


def with_plotly_b64(spec, data) -> str:
    result = spec.build.draw(data, lang="en", theme="light").to_dict(typed_arrays=False)
    convert_to_base64(result)
    return to_json_plotly(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    totals = [0.0, 0.0, 0.0]
    print(f"{'figure':24s} {'canvas':>8s} {'plotly b64':>11s} {'validated':>10s}   (ms, median of {args.repeats})")
    for figure_id in sorted(catalogue.CATALOGUE):
        spec = catalogue.get(figure_id)
        data = spec.run(spec.defaults())
        pair = paired_median_times(lambda: spec.build.json(data, lang="en", theme="light"),
                                   lambda: with_plotly_b64(spec, data), args.repeats)
        with canvas.plotly_objects():  # the validated way draws on Plotly's objects throughout
            validated = median_time(lambda: spec.build(data, lang="en", theme="light").to_json(),
                                    max(3, args.repeats // 5))
        times = [1000 * pair[0], 1000 * pair[1], 1000 * validated]
        totals = [total + t for total, t in zip(totals, times)]
        print(f"{figure_id:24s} {times[0]:8.2f} {times[1]:11.2f} {times[2]:10.2f}")
    print(f"{'all figures':24s} {totals[0]:8.1f} {totals[1]:11.1f} {totals[2]:10.1f}")
    print(f"ratio to canvas: plotly b64 {totals[1] / totals[0]:.2f}x, validated {totals[2] / totals[0]:.2f}x")


if __name__ == "__main__":
    main()

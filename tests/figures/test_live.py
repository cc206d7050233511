"""Live figures: every frame the browser shows is the builder's figure for the engine's exact data at that
value (never an interpolation; a lesson's vectorised sweep agrees with the per-value run to rounding), the
patches rebuild it, and the payloads keep to their budgets."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from plotly.io.json import to_json_plotly

from rnnviz import catalogue, lessons
from rnnviz.figures import live

LIVE = [(spec.id, name) for spec in catalogue.CATALOGUE.values() for name in spec.live]


def payload(figure_id, lang="en", theme="light", **changes):
    spec = catalogue.get(figure_id)
    values = {**spec.defaults(), **changes}
    return spec, values, json.loads(live.live_payload(spec, values, lang=lang, theme=theme,
                                                     label=lambda param: param.label(lang)))


RTOL = 1e-9  # a frame from a lesson's vectorised sweep: the same engine, rounded in another order (~1e-13)


def same_figure(got, want, sweep: bool) -> bool:
    """Figure dicts equal, numbers in typed arrays to ``RTOL`` when the frame came from a vectorised sweep
    (and strings, text and every other value exactly)."""
    if isinstance(got, dict) and isinstance(want, dict):
        if sweep and set(got) == set(want) == {"dtype", "bdata"} and got["dtype"] == want["dtype"]:
            a, b = (np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]) for v in (got, want))
            return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=0.0, equal_nan=True))
        return set(got) == set(want) and all(same_figure(got[k], want[k], sweep) for k in got)
    if isinstance(got, list) and isinstance(want, list):
        return len(got) == len(want) and all(same_figure(a, b, sweep) for a, b in zip(got, want))
    if sweep and isinstance(got, float) and isinstance(want, float):
        return bool(np.isclose(got, want, rtol=RTOL, atol=0.0))
    return got == want


def expected(spec, values, lang="en", theme="light"):
    """The figure a full page run draws at these values, as the browser reads it (JSON)."""
    return json.loads(to_json_plotly(spec.build.dict(spec.run(values), lang=lang, theme=theme,
                                                      **spec.view_values(values))))


def test_every_chart_page_has_live_figures():
    pages_with_live = {lessons.page_of(figure_id).name for figure_id, _ in LIVE}
    assert {"vanishing_exploding", "derivatives", "scale_sweep", "unrolled_graph", "inside_cells", "dynamics",
            "worked_examples", "cell_comparison", "remedies", "architectures"} <= pages_with_live
    assert ("book-norms", "scale") in LIVE and ("book-norms", "T") in LIVE


@pytest.mark.parametrize(("figure_id", "name"), LIVE, ids=[f"{f}-{n}" for f, n in LIVE])
def test_every_frame_is_the_builders_figure_at_that_value(figure_id, name):
    spec, values, data = payload(figure_id)
    slider = next(s for s in data["sliders"] if s["name"] == name)
    assert same_figure(data["base"], expected(spec, values), sweep=spec.sweep is not None)
    assert slider["values"][slider["index"]] == pytest.approx(float(values[name]))
    count = len(slider["values"])
    for index in sorted({0, 1, count // 3, count // 2, count - 2, count - 1}):
        value = slider["values"][index]
        at = {**values, name: spec.param(name).parse(value)[0]}
        frame = live.apply(data["base"], slider["patches"][index], slider["reference"])
        assert same_figure(frame, expected(spec, at), sweep=spec.sweep is not None), (name, value)


def test_the_book_norms_T_frames_are_prefixes_of_the_longest_run():
    _, _, data = payload("book-norms")
    slider = next(s for s in data["sliders"] if s["name"] == "T")
    prefixes = [change for patch in slider["patches"] for trace in patch.get("data", {}).values()
                for change in trace.values() if isinstance(change, dict) and set(change) == {"prefix"}]
    assert len(prefixes) > len(slider["patches"])  # the curves travel as prefixes, not as numbers
    assert len(json.dumps(slider)) < 400_000


def test_patches_and_prefixes_round_trip():
    import numpy as np

    from rnnviz.figures.canvas import typed_array

    long = {"data": [{"type": "scatter", "y": typed_array(np.arange(10.0)), "name": "a"}], "layout": {"title": "x"}}
    short = {"data": [{"type": "scatter", "y": typed_array(np.arange(4.0)), "mode": "lines"}], "layout": {}}
    change = live.patch(long, short, reference=long)
    assert change["data"]["0"]["y"] == {"prefix": 4} and change["data"]["0"]["name"] is None
    assert change["layout"] == {"title": None}
    assert live.apply(long, change, reference=long) == short
    other = {"data": [{"type": "scatter", "y": typed_array(np.array([9.0, 1.0]))}], "layout": {}}
    assert live.patch(long, other, reference=long)["data"]["0"]["y"] == typed_array(np.array([9.0, 1.0]))


def test_thinning_keeps_the_ends_and_the_current_value():
    grid = tuple(range(1, 101))
    assert live.thinned(grid, 37, 1) == grid
    thinned = live.thinned(grid, 37, 10)
    assert thinned[0] == 1 and thinned[-1] == 100 and 37 in thinned and len(thinned) == 12
    assert live.stride_for([live.BYTES_BUDGET / 50], [0.0], 100) == 2  # 100 frames of a 50th of the budget
    assert live.stride_for([1.0], [live.TIME_BUDGET_S / 10], 100) == 10


@pytest.mark.parametrize("page", ["home", "vanishing_exploding", "derivatives", "scale_sweep", "unrolled_graph",
                                  "inside_cells", "dynamics", "worked_examples", "cell_comparison", "remedies",
                                  "architectures"])
def test_a_pages_live_frames_at_its_defaults_fit_2_mb(page):
    lesson = next(lesson for lesson in lessons.LESSONS if lesson.PAGE.name == page)
    specs = getattr(lesson, "FIGURES", ()) or (catalogue.get("book-norms"),)  # home shows the book's chart
    total = sum(len(live.live_payload(spec, spec.defaults(), lang="ko", theme="light",
                                      label=lambda param: param.label("ko")))
                for spec in specs if spec.live)
    assert 0 < total <= 2 * 2**20, total


def test_thinned_frames_say_so_and_stay_within_8_mb_at_the_largest_settings():
    _, _, data = payload("hidden-states", cell="lstm", T=1000, H=256)
    assert len(json.dumps(data)) <= 8 * 2**20
    slider = data["sliders"][0]
    if len(slider["values"]) < 60:  # fewer frames than the 60 scales: the payload names the parameter
        assert data["thinned"] and data["thinned"][0][1] > 1

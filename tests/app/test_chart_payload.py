"""What a page's chart elements send to the browser: the catalogue's own figure, the app's Plotly
config, where plotly.js is served, and labels in the user's language."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import plotly.io as pio

from rnnviz import catalogue, export
from rnnviz.i18n import t
from tests.app.apptest_helpers import chart_payloads, charts, open_page


def catalogue_figure(figure_id: str, lang: str, theme: str, **values) -> dict:
    spec = catalogue.get(figure_id)
    chosen = {**spec.defaults(), **values}
    fig = spec.build(spec.run(chosen), lang=lang, theme=theme, **spec.view_values(chosen))
    return json.loads(pio.to_json(fig))


def test_the_chart_element_draws_the_catalogue_figure_for_the_url_values():
    at = open_page("pages/cell_comparison.py", {"scale": "2.5", "forget_bias": "2"}, lang="ko")
    drawn = charts(at)
    assert set(drawn) == {"cell-comparison", "cell-small-multiples"}
    for figure_id in drawn:
        assert drawn[figure_id] == catalogue_figure(figure_id, "ko", "light", scale=2.5, forget_bias=2.0)


def test_each_payload_names_plotly_js_the_config_and_labels_in_the_users_language():
    for lang in ("ko", "en"):
        payloads = chart_payloads(open_page("pages/unrolled_graph.py", lang=lang))
        assert len(payloads) == 2
        for payload in payloads.values():
            assert payload["plotly"] == "component/rnnviz.ui.chart.plotlyjs/plotly.min.js"
            assert payload["config"] == export.plotly_config(lang)
            assert payload["config"]["locale"] == lang and payload["config"]["showSendToCloud"] is False
            assert payload["labels"] == {"fullscreen": t("chart.fullscreen", lang), "failed": t("chart.failed", lang),
                                         "thinned": t("chart.live.thinned", lang)}


def test_a_control_change_sends_the_new_figure_under_the_same_element():
    at = open_page("pages/worked_examples.py")
    before = chart_payloads(at)["parity-rnn"]["figure"]
    at.session_state["worked_examples.bits"] = "0110"
    at.run()
    after = chart_payloads(at)["parity-rnn"]["figure"]
    assert after != before
    assert json.loads(after) == catalogue_figure("parity-rnn", "en", "light", bits="0110")


def live_payload(url: str, timeout: float = 60.0) -> dict:
    """The live payload behind a chart's frames URL, once the app's background thread has written it (in the
    frames folder of the app under test: ``rnnviz-frames-*`` in the temporary directory)."""
    name = url.rsplit("/", 1)[1]
    deadline = time.monotonic() + timeout
    while not (found := list(Path(tempfile.gettempdir()).glob(f"rnnviz-frames-*/{name}"))):
        assert time.monotonic() < deadline, f"{url} was not written in {timeout:.0f} s"
        time.sleep(0.05)
    newest = max(found, key=lambda path: path.stat().st_mtime)  # another run's folder may hold the same name
    return json.loads(newest.read_text(encoding="utf-8"))


def test_a_live_chart_sends_its_figure_at_once_and_the_address_of_its_frames():
    at = open_page("pages/scale_sweep.py")
    before = chart_payloads(at)["scale-sweep"]
    at.session_state["scale_sweep.T"] = 60
    at.run()
    payload = chart_payloads(at)["scale-sweep"]
    assert json.loads(payload["figure"]) == catalogue_figure("scale-sweep", "en", "light", T=60)
    assert payload["live"] != before["live"] and payload["live"].startswith("component/")
    frames = live_payload(payload["live"])
    assert frames["base"] == json.loads(payload["figure"])
    assert [slider["name"] for slider in frames["sliders"]] == ["highlight"]

"""Every page whose figures accept uploaded weights names them when it uses them, and says when it draws
generated weights instead (another cell chosen than the uploaded one)."""

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import core, lessons, weights
from tests.app.apptest_helpers import APP, TIMEOUT, assert_healthy

PAGES_WITH_WEIGHTS = sorted(
    lesson.PAGE.name for lesson in lessons.LESSONS
    if any("weights" in {p.name for p in spec.params} for spec in getattr(lesson, "FIGURES", ()))
)
HAS_CELL = {lesson.PAGE.name for lesson in lessons.LESSONS
            if any("cell" in {p.name for p in spec.params} for spec in getattr(lesson, "FIGURES", ()))}


def test_the_pages_that_take_uploaded_weights_are_found():
    assert {"inside_cells", "scale_sweep", "unrolled_graph", "cell_comparison"} <= set(PAGES_WITH_WEIGHTS)


def open_with_upload(page: str, cell: str, lang: str, query: dict[str, str] | None = None) -> AppTest:
    """The app with ``cell`` weights (I = 4, H = 5) uploaded in this session, then ``page`` opened."""
    token = weights.register(cell, core.init_params(cell, 4, 5, seed=1))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.session_state["uploaded_weights"] = token
    at.query_params.update({"lang": lang, "T": "10", **(query or {})})
    at.switch_page(f"pages/{page}.py").run()
    assert_healthy(at)
    return at


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES_WITH_WEIGHTS)
def test_uploaded_weights_are_named_on_the_page(page, lang):
    at = open_with_upload(page, "lstm", lang)
    words = {"en": "uploaded LSTM weights (H = 5, I = 4", "ko": "올린 LSTM 가중치를 씁니다 (H = 5, I = 4"}[lang]
    assert any(words in info.value for info in at.info), [info.value for info in at.info]


@pytest.mark.parametrize("page", sorted(set(PAGES_WITH_WEIGHTS) & HAS_CELL))
def test_another_cell_says_generated_weights_are_drawn(page):
    at = open_with_upload(page, "lstm", "en", {"cell": "gru"})
    assert any("The uploaded weights are for the LSTM" in info.value for info in at.info)

"""The story of the pages: every page says what to look for (``<page>.look``) and links to the next page in
the menu's order; the numbers a look sentence states are what the page's defaults compute."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rnnviz import catalogue, lessons
from rnnviz.i18n import strings

HANGUL = re.compile("[\uac00-\ud7a3]")
NAMES = [lesson.PAGE.name for lesson in lessons.LESSONS]


@pytest.mark.parametrize("name", NAMES)
def test_every_page_has_one_look_sentence_in_both_languages(name):
    text = strings()[f"{name}.look"]
    assert HANGUL.search(text.ko) and text.en.strip()
    for sentence in (text.ko, text.en):
        assert "\n" not in sentence and len(sentence) < 200, sentence  # one line under the title


def test_the_next_page_follows_the_menus_order_and_the_last_page_has_none():
    assert [page.name for page in lessons.PAGES] == NAMES
    assert [lessons.next_page(name).name for name in NAMES[:-1]] == NAMES[1:]
    assert lessons.next_page(NAMES[-1]) is None


def run(figure_id: str, **changes):
    spec = catalogue.get(figure_id)
    values, notices = spec.validate({**spec.defaults(), **changes})
    assert not notices, notices
    return spec.run(values)


def states(name: str, *quotes: str) -> None:
    for lang in ("ko", "en"):
        for quote in quotes:
            assert quote in strings()[f"{name}.look"](lang), (name, lang, quote)


def test_the_book_experiment_crosses_at_a_scale_of_one():
    states("home", "ρ", "1")
    states("vanishing_exploding", "1.5", "4360", "1")
    data = run("book-norms")
    assert abs(data["rho"] - 1.5) < 1e-12 and abs(data["norms"][-1] - 4360) < 10
    assert run("book-norms", scale=0.95)["rho"] < 1 < run("book-norms", scale=1.05)["rho"]
    assert run("book-norms", scale=0.95)["norms"][-1] < run("book-norms", scale=0.95)["norms"][0]
    assert run("book-norms", scale=1.05)["norms"][-1] > run("book-norms", scale=1.05)["norms"][0]


def test_tanh_alone_makes_the_gradient_vanish():
    states("derivatives", "1.7", "10⁻⁴·⁷")
    data = run("derivative-product")
    assert np.allclose(data["log10_grad_linear"], np.log10(1.7), atol=0.02)
    assert abs(data["log10_grad_tanh"][0] + 4.7) < 0.05


def test_little_reaches_the_first_step_of_the_vanilla_rnn():
    states("inside_cells", "10⁻⁷·⁶")
    assert abs(run("cell-gradients")["log10"]["h"][0] + 7.6) < 0.05


def test_the_orbit_falls_into_the_sink():
    states("dynamics", "0.6", "0.184", "0.37", "0.816", "1.63")
    data = run("cobweb")
    assert data["x0"] == 0.6 and not data["escaped"] and abs(data["orbit"][-1] - data["sink"]) < 1e-3
    assert round(data["sink"], 3) == 0.184 and round(data["sink_slope"], 2) == 0.37
    assert round(data["source"], 3) == 0.816 and round(data["source_slope"], 2) == 1.63


def test_what_reaches_step_zero_in_each_cell():
    states("cell_comparison", "10⁻⁵·⁹", "10⁻⁸·¹", "10⁻¹³·⁷")
    grad = {cell: float(v[0]) for cell, v in run("cell-comparison")["log10_grad"].items()}
    for cell, stated in (("lstm", -5.9), ("gru", -8.1), ("rnn", -13.7)):
        assert abs(grad[cell] - stated) < 0.05, (cell, grad[cell])


def test_clipping_keeps_the_direction():
    states("remedies", "22", "5")
    data = run("clipping")
    assert abs(data["norm_before"] - 22) < 0.5 and abs(data["norms"]["norm_clip"] - 5) < 1e-5
    assert abs(data["cosines"]["norm_clip"] - 1) < 1e-12


def test_example_one_adds_up_its_inputs():
    states("worked_examples", "w_h = 1", "3.5")
    data = run("worked-linear")
    assert data["wh"] == 1 and np.allclose(data["h"], np.cumsum(data["x"])) and data["h"][-1] == 3.5


def test_the_seeds_backward_is_wrong_where_the_look_says():
    states("book_code", "dWx", "dh_prev", "10⁻¹⁰")
    data = run("book-backward")
    assert all(0.1 < data["rel_err_seed"][name] < 10 for name in ("dWx", "dh_prev"))
    assert all(data["rel_err_seed"][name] < 1e-8 for name in ("dx", "dWh", "db"))


@pytest.mark.parametrize("name", ["architectures", "training"])
def test_numbers_the_try_list_checks(name):
    """These pages' look sentences repeat numbers of their "try this" list's first bullet, which
    tests/lessons/test_try_this.py computes (training's takes minutes)."""
    numbers = re.findall(r"10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+|\d+\.\d+", strings()[f"{name}.look"].en)
    assert numbers
    first_bullet = strings()[f"{name}.try"].en.split("\n- ")[0]
    for number in numbers:
        states(name, number)
        assert number in first_bullet, (name, number)

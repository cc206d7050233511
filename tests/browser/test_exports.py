"""Exports in real Chromium: open a chart's expander, download its CSV and HTML, read the real files."""

from __future__ import annotations

import csv
import io

from tests.browser import streamlit_dom as dom


BOOK_VIEW = "vanishing_exploding?lang=en&scale_unit=raw&scale=1"  # the book's own unit and scale: its numbers


def open_exports(page, app_url: str) -> None:
    dom.open_app_page(page, f"{app_url}/{BOOK_VIEW}")
    page.locator("[data-testid=stExpander] summary").first.click()
    page.locator("[data-testid=stDownloadButton]").first.wait_for(timeout=dom.READY_TIMEOUT * 1000)
    dom.wait_until_idle(page)


def download(page, label: str):
    with page.expect_download(timeout=dom.READY_TIMEOUT * 1000) as info:
        page.locator("[data-testid=stDownloadButton]").filter(has_text=label).first.click()
    return info.value


def test_closed_expanders_hold_no_buttons_and_an_open_one_downloads_the_seed_numbers(page, app_url, tmp_path):
    dom.open_app_page(page, f"{app_url}/{BOOK_VIEW}")
    assert page.locator("[data-testid=stExpander]").count() == 3
    assert page.locator("[data-testid=stDownloadButton]").count() == 0  # drawn only when opened

    open_exports(page, app_url)
    csv_file = download(page, "Download CSV")
    assert csv_file.suggested_filename == "rnnviz-book-norms.csv"
    path = tmp_path / csv_file.suggested_filename
    csv_file.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [int(row["t"]) for row in rows] == list(range(1, 21))
    assert round(float(rows[-1]["norm"]), 6) == 4322.011666  # the seed code's 20th norm

    for label, name, marker in (("with its sliders", "rnnviz-book-norms.html", "rnnvizApplyPatch"),
                                ("the chart only", "rnnviz-book-norms-static.html", "Plotly.newPlot")):
        html_file = download(page, label)
        html_path = tmp_path / html_file.suggested_filename
        html_file.save_as(html_path)
        html = html_path.read_text(encoding="utf-8")
        assert html_file.suggested_filename == name
        assert marker in html and len(html) > 1_000_000  # plotly.js itself is inlined: works offline
        assert "<script src=" not in html
    assert not dom.problems(page) and not page.js_errors, (dom.problems(page), page.js_errors)

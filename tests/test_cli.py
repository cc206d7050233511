"""The command line, run as a user runs it: a real subprocess writing real files."""

import csv
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from rnnviz import catalogue
from tests.image_checks import latin_only_fontconfig, png_size, svg_texts
from tests.seed_code import seed_code


# A JSON string literal, escapes included: how a figure's texts are written into the HTML's script.
JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def script_strings(html):
    """The decoded string literals of the page (Plotly writes non-ASCII as \\uXXXX or as UTF-8, depending
    on which JSON encoder is installed; the test must not care which)."""
    found = []
    for literal in JSON_STRING.findall(html):
        try:
            found.append(json.loads(literal))
        except ValueError:
            continue
    return found


def run_cli(*args, env=None, timeout=120):
    environment = None if env is None else {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "rnnviz", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def assert_one_line_error(result, *, mentions=""):
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert mentions in result.stderr


class Links(HTMLParser):
    """The href and src targets of a page, and its visible text."""

    def __init__(self):
        super().__init__()
        self.targets, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.targets += [value for name, value in attrs if name in ("href", "src")]

    def handle_data(self, data):
        self.text.append(data)


def test_list_prints_every_figure_id_once():
    result = run_cli("list")
    assert result.returncode == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(catalogue.CATALOGUE)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_list_prints_plain_titles(lang):
    """Readable in a terminal: no TeX-like ``x_{n−1}`` and no chart markup."""
    result = run_cli("list", "--lang", lang)
    assert result.returncode == 0
    for line in result.stdout.splitlines():
        assert "_{" not in line and "^{" not in line and "<sub>" not in line and "<sup>" not in line, line


def test_csv_export_of_book_norms_holds_the_seed_codes_20_norms(tmp_path):
    out = tmp_path / "norms.csv"
    result = run_cli("export", "book-norms", "--set", "scale_unit=raw", "--set", "scale=1", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open()))
    assert [float(row["norm"]) for row in rows] == seed_code()[0].tolist()
    assert [int(row["t"]) for row in rows] == list(range(1, 21))


def test_json_export_records_the_parameters(tmp_path):
    out = tmp_path / "scalar.json"
    result = run_cli("export", "scalar-power", "--set", "w=0.9", "--set", "n=50", "--format", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    payload = json.loads(out.read_text())
    assert payload["figure"] == "scalar-power"
    assert payload["params"] == {"w": 0.9, "n": 50}
    assert round(payload["data"][-1]["w_power"], 5) == 0.00515


def test_html_export_is_standalone_and_offline(tmp_path):
    out = tmp_path / "chart.html"
    result = run_cli("export", "book-norms", "--format", "html", "--lang", "ko", "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script src=\"http" not in html  # plotly.js is inlined, nothing fetched
    assert "plotly" in html.lower() and len(html) > 1_000_000
    assert any("기울기 노름" in text for text in script_strings(html))


def test_unknown_id_and_bad_values_exit_non_zero_with_one_line(tmp_path):
    out = tmp_path / "x.csv"
    cases = [
        ("export", "no-such-figure", "--out", str(out)),
        ("export", "book-norms", "--set", "scale=banana", "--out", str(out)),
        ("export", "book-norms", "--set", "scale=99", "--out", str(out)),
        ("export", "book-norms", "--set", "init=zeros", "--out", str(out)),
        ("export", "book-norms", "--set", "nosuch=1", "--out", str(out)),
        ("export", "book-norms", "--set", "scale", "--out", str(out)),
    ]
    for args in cases:
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert not out.exists()


def test_png_export_is_a_slide_sized_png_by_default(tmp_path):
    out = tmp_path / "norms.png"
    result = run_cli("export", "book-norms", "--format", "png", "--lang", "ko", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (1280, 720)


def test_png_export_has_the_asked_size_times_the_scale(tmp_path):
    out = tmp_path / "sweep.png"
    result = run_cli("export", "scale-sweep", "--set", "cell=lstm", "--format", "png", "--scale", "1.5",
                     "--width", "800", "--height", "450", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (1200, 675)


def test_svg_export_is_xml_with_the_hangul_title_as_text(tmp_path):
    out = tmp_path / "norms.svg"
    result = run_cli("export", "book-norms", "--format", "svg", "--scale", "2", "--lang", "ko", "--out", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_bytes()
    assert "기울기 노름 ‖dh‖/N의 변화" in svg_texts(svg)
    head = svg[:400].decode()
    assert 'width="2560" height="1440"' in head and 'viewBox="0 0 1280 720"' in head


def test_all_writes_every_figure_and_an_index_whose_links_exist(tmp_path):
    folder = tmp_path / "slides"
    result = run_cli("export", "--all", "--format", "svg", "--lang", "ko", "--out", str(folder), timeout=300)
    assert result.returncode == 0, result.stderr
    written = {path.name for path in folder.iterdir()}
    assert written == {f"rnnviz-{figure_id}.svg" for figure_id in catalogue.CATALOGUE} | {"index.html"}
    for figure_id in catalogue.CATALOGUE:
        texts = svg_texts((folder / f"rnnviz-{figure_id}.svg").read_bytes())
        assert any(re.search("[가-힣]", text) for text in texts), figure_id
    index = Links()
    index.feed((folder / "index.html").read_text(encoding="utf-8"))
    assert index.targets and all((folder / target).is_file() for target in index.targets), index.targets
    assert set(index.targets) == written - {"index.html"}
    page_text = "".join(index.text)
    assert all(spec.title("ko") in page_text for spec in catalogue.CATALOGUE.values())
    lines = result.stdout.splitlines()
    assert len(lines) == len(catalogue.CATALOGUE) + 2  # a line per figure, then the totals
    assert "per figure after it" in lines[-1]


def test_all_only_writes_the_chosen_figures_in_each_format(tmp_path):
    folder = tmp_path / "two"
    result = run_cli("export", "--all", "--only", "book-norms,tanh-derivative", "--format", "png,html,csv",
                     "--out", str(folder))
    assert result.returncode == 0, result.stderr
    expected = {f"rnnviz-{figure_id}.{fmt}" for figure_id in ("book-norms", "tanh-derivative")
                for fmt in ("png", "html", "csv")}
    assert {path.name for path in folder.iterdir()} == expected | {"index.html"}
    assert png_size((folder / "rnnviz-tanh-derivative.png").read_bytes()) == (1280, 720)
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert '<img src="rnnviz-book-norms.png"' in index and 'lang="en"' in index


@pytest.mark.parametrize("args, mentions", [
    (("book-norms", "--format", "gif"), "unknown format 'gif'"),
    (("book-norms", "--format", "png", "--scale", "0"), "--scale"),
    (("book-norms", "--format", "png", "--width", "-5"), "--width"),
    (("book-norms", "--format", "svg", "--height", "tall"), "--height"),
    (("book-norms", "--format", "png,svg"), "needs --all"),
    (("book-norms", "--format", "csv", "--scale", "2"), "png and svg only"),
    (("book-norms", "--only", "book-norms", "--format", "svg"), "--only"),
    (("--format", "svg"), "give a figure id"),
    (("--all", "--only", "book-norms,no-such-figure", "--format", "svg"), "no-such-figure"),
    (("--all", "--set", "scale=0.5", "--format", "svg"), "--set"),
    (("--all", "--format", "svg,csv,svg"), "twice"),
])
def test_bad_image_and_batch_options_exit_2_with_one_line_and_write_nothing(tmp_path, args, mentions):
    out = tmp_path / "out"
    assert_one_line_error(run_cli("export", *args, "--out", str(out)), mentions=mentions)
    assert not out.exists()


def test_no_chromium_is_one_line_that_says_how_to_install_it(tmp_path):
    out = tmp_path / "norms.png"
    result = run_cli("export", "book-norms", "--format", "png", "--out", str(out),
                     env={"BROWSER_PATH": str(tmp_path / "no-such-chromium")})
    assert_one_line_error(result, mentions="apt-get install chromium")
    assert not out.exists()
    folder = tmp_path / "slides"
    result = run_cli("export", "--all", "--format", "png,csv", "--out", str(folder),
                     env={"BROWSER_PATH": str(tmp_path / "no-such-chromium")})
    assert_one_line_error(result, mentions="apt-get install chromium")
    assert not folder.exists()


def test_korean_image_without_a_hangul_font_is_one_line_that_says_how_to_install_one(tmp_path):
    out = tmp_path / "norms.png"
    result = run_cli("export", "book-norms", "--format", "png", "--lang", "ko", "--out", str(out),
                     env={"FONTCONFIG_FILE": str(latin_only_fontconfig(tmp_path))})
    assert_one_line_error(result, mentions="apt-get install fonts-nanum")
    assert not out.exists()

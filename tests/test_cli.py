"""The command line, run as a user runs it: a real subprocess writing real files."""

import csv
import json
import re
import subprocess
import sys


from rnnviz import catalogue
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


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "rnnviz", *args], capture_output=True, text=True, timeout=120)


def test_list_prints_every_figure_id_once():
    result = run_cli("list")
    assert result.returncode == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(catalogue.CATALOGUE)


def test_csv_export_of_book_norms_holds_the_seed_codes_20_norms(tmp_path):
    out = tmp_path / "norms.csv"
    result = run_cli("export", "book-norms", "--format", "csv", "--out", str(out))
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

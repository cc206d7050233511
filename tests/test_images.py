"""PNG and SVG images through Kaleido and Debian's Chromium: a real browser and the machine's real fonts."""

import subprocess
import sys

import plotly.graph_objects as go
import pytest

from rnnviz import catalogue, export, images
from rnnviz.figures.style import FONT_FAMILY, apply_layout
from tests.image_checks import latin_only_fontconfig, png_scanlines, png_size, svg_texts

# Two runs of six different syllables: drawn as glyphs they differ; drawn as missing-glyph boxes
# (one box per character, all alike) they are the same picture.
KOREAN_A = "가나다라마바"
KOREAN_B = "사아자차카타"
SMALL = {"width": 400, "height": 120}


def title_only(title):
    """A figure whose only ink is its title, in the app's fonts."""
    fig = go.Figure()
    apply_layout(fig, theme="light", title=title)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def korean_book_norms():
    spec = catalogue.get("book-norms")
    return spec.build(spec.run(spec.defaults()), lang="ko", theme="light", **spec.view_values(spec.defaults()))


@pytest.fixture(scope="module")
def renderer():
    with images.ImageRenderer() as kept_open:
        yield kept_open


def test_the_charts_font_list_names_a_hangul_font_installed_here():
    families = images.hangul_font_families()
    assert families, "no Korean font: apt-get install fonts-nanum"
    listed = {name.strip().strip('"') for name in FONT_FAMILY.split(",")}
    assert listed & set(families), (families, FONT_FAMILY)  # Chromium takes it by name, not as a fallback


def test_hangul_titles_are_drawn_as_glyphs_not_boxes(renderer):
    first = renderer.render(title_only(KOREAN_A), "png", **SMALL)
    second = renderer.render(title_only(KOREAN_B), "png", **SMALL)
    blank = renderer.render(title_only(""), "png", **SMALL)
    assert png_size(first) == png_size(second) == (400, 120)
    assert png_scanlines(first) != png_scanlines(blank)  # the title was drawn at all
    assert png_scanlines(first) != png_scanlines(second)  # as different glyphs


def test_without_a_hangul_font_the_titles_would_be_identical_boxes_so_they_are_refused(tmp_path, monkeypatch):
    """The control of the test above (it can fail), and the run-time check that prevents it."""
    monkeypatch.setenv("FONTCONFIG_FILE", str(latin_only_fontconfig(tmp_path)))
    assert images.hangul_font_families() == []
    with pytest.raises(images.ImageError, match="apt-get install fonts-nanum"):
        images.require_hangul_font()
    with images.ImageRenderer(check_hangul_font=False) as unchecked:
        first = unchecked.render(title_only(KOREAN_A), "png", **SMALL)
        second = unchecked.render(title_only(KOREAN_B), "png", **SMALL)
    assert png_scanlines(first) == png_scanlines(second)
    with images.ImageRenderer() as checked:
        with pytest.raises(images.ImageError, match="apt-get install fonts-nanum"):
            checked.render(title_only(KOREAN_A), "png", **SMALL)
        english = checked.render(title_only("gradient norms"), "png", **SMALL)  # Latin text still draws
    assert png_size(english) == (400, 120)


def test_svg_holds_the_korean_title_as_text(renderer):
    fig = korean_book_norms()
    svg = renderer.render(fig, "svg", width=export.SLIDE_WIDTH, height=export.SLIDE_HEIGHT)
    assert fig.layout.title.text == "기울기 노름 ‖dh‖/N의 변화"
    assert fig.layout.title.text in svg_texts(svg)


def test_render_refuses_a_bad_format_or_size(renderer):
    fig = title_only("x")
    with pytest.raises(ValueError, match="image format"):
        renderer.render(fig, "gif", **SMALL)
    with pytest.raises(ValueError, match="scale"):
        renderer.render(fig, "png", scale=0, **SMALL)
    with pytest.raises(ValueError, match="width and height"):
        renderer.render(fig, "png", width=-5, height=100)


def test_figure_image_for_the_pages_export_menu_is_a_png_of_size_times_scale():
    png = export.figure_image(korean_book_norms(), "png", scale=2, width=640, height=360)
    assert png_size(png) == (1280, 720)


def test_a_missing_chromium_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    with pytest.raises(images.ImageError, match="apt-get install chromium"):
        images.ImageRenderer()


def test_contains_hangul_looks_at_every_text_of_the_figure():
    assert images.contains_hangul(korean_book_norms())
    assert not images.contains_hangul(title_only("gradient norms ‖dh‖"))
    assert images.contains_hangul({"data": [{"type": "scatter", "name": "은닉", "y": [1, 2]}], "layout": {}})
    annotated = title_only("plain")
    annotated.add_annotation(text="기울기 폭발", x=0, y=0)
    assert images.contains_hangul(annotated)


def test_the_export_module_and_the_command_line_do_not_import_kaleido():
    probe = "import sys, rnnviz.export, rnnviz.__main__; print('kaleido' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"

"""Every string exists in Korean and English, placeholders agree between the two, and the app uses every string."""

import re
import string
from pathlib import Path

import pytest

from rnnviz.i18n import LANGS, normalise_lang, strings, t

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(strings()))
def test_both_languages_present_and_placeholders_match(key):
    text = strings()[key]
    assert text.ko.strip() and text.en.strip(), key
    assert fields(text.ko) == fields(text.en), key


def test_korean_strings_are_korean_where_there_are_words():
    # Formulas and English example sentences may be the same in both; prose (four or more plain
    # lowercase words) must have a Korean version.
    wordy = [k for k, v in strings().items() if len(re.findall(r"\b[a-z]{3,}\b", v.en)) >= 4]
    assert wordy
    for key in wordy:
        assert HANGUL.search(strings()[key].ko), key


def test_lookup_and_formatting():
    assert t("vanishing_exploding.verdict.vanishes", "ko") == "기울기 소실"
    assert t("vanishing_exploding.verdict.vanishes", "en") == "vanishing"
    assert "0.5000" in t("vanishing_exploding.spectrum.caption", "en", rho=0.5, sigma=1.0)


@pytest.mark.parametrize(("raw", "lang"), [("ko-KR", "ko"), ("ko", "ko"), ("en-US", "en"), ("de-DE", "en"),
                                           (None, "en"), ("<script>", "en"), ("", "en")])
def test_language_from_locale_or_query(raw, lang):
    assert normalise_lang(raw) == lang
    assert lang in LANGS


ROOT = Path(__file__).resolve().parents[1]
KEY_TEMPLATE = re.compile(r"""f["']([^"'{}]*)\{[^}]*\}([^"'{}]*)["']""")  # f"prefix{...}suffix"


def source_text() -> str:
    """The app's code (app.py, pages/, rnnviz/) without the string tables' own keys."""
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "rnnviz").rglob("*.py"))]
    code = "\n".join(path.read_text(encoding="utf-8") for path in files)
    return re.sub(r'^\s+"[a-z_]+\.[\w.]+": Text\(', "", code, flags=re.MULTILINE)


def unused_keys(keys, code: str) -> list[str]:
    """Keys that the code names neither literally nor through an f-string template ``f"prefix{...}suffix"``."""
    templates = [(prefix, suffix) for prefix, suffix in KEY_TEMPLATE.findall(code) if prefix or suffix]
    return [key for key in keys
            if f'"{key}"' not in code and f"'{key}'" not in code
            and not any(key.startswith(prefix) and key.endswith(suffix) and len(key) > len(prefix) + len(suffix)
                        for prefix, suffix in templates)]


def test_every_string_is_used_by_the_app():
    assert unused_keys(sorted(strings()), source_text()) == []


def test_the_usage_check_sees_literal_and_templated_keys():
    code = 'text("a.one") + t(f"b.trace.{name}", lang) + text(f"{page}.title")'
    assert unused_keys(["a.one", "b.trace.x", "home.title", "a.two", "b.other"], code) == ["a.two", "b.other"]


ALTERNATIVE_PARTICLES = ("(를)", "(을)", "(가)", "(이)", "(은)", "(는)", "(과)", "(와)", "(으)", "(로)")


@pytest.mark.parametrize("key", sorted(strings()))
def test_korean_needs_no_particle_for_two_kinds_of_word(key):
    """Korean that reads as Korean: a sentence is written so that its particles attach to a fixed word, never
    "을(를)" after a placeholder whose value the sentence cannot know."""
    found = [particle for particle in ALTERNATIVE_PARTICLES if particle in strings()[key].ko]
    assert not found, (key, found)


@pytest.mark.parametrize("key", sorted(strings()))
def test_korean_says_time_step_as_the_seeds_do(key):
    assert "시간 크기" not in strings()[key].ko, key  # the seeds' prose says 시각 t


# Names a Korean axis title may keep in Latin letters: cells, functions, optimisers, losses and symbols.
TECHNICAL_NAMES = {"RNN", "LSTM", "GRU", "IRNN", "tanh", "ReLU", "relu", "log", "sigmoid", "softmax", "max", "min",
                   "W_h", "W_hh", "W_ih", "Adam", "SGD", "MSE", "BPTT", "exp", "sin", "cos"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]*[A-Za-z]")


def english_fragments(text: str) -> list[str]:
    """Latin words of three or more letters in ``text`` that are not technical names."""
    return [word for word in LATIN_WORD.findall(text)
            if sum(ch.isalpha() for ch in word) >= 3 and word not in TECHNICAL_NAMES]


def test_the_fragment_finder_sees_english_and_passes_names():
    assert english_fragments("시각 t (Time step)") == ["Time", "step"]
    assert english_fragments("log₁₀ ‖∂L/∂h_t‖, W_hh, tanh, ReLU, γ = max |φ'|") == []


def test_korean_axis_titles_carry_no_english_fragments():
    offenders = {key: english_fragments(text("ko")) for key, text in strings().items() if ".axis." in key}
    assert {key: words for key, words in offenders.items() if words} == {}

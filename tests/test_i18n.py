"""Every string exists in Korean and English, and placeholders agree between the two."""

import re
import string

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

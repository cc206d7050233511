"""Validation of parameters: every way a URL or command line can be wrong gets a value and a notice."""

import math

import pytest

from rnnviz import catalogue
from rnnviz.lessons.spec import MAX_RAW_LENGTH, Param
from rnnviz.i18n import Text

LABEL = Text("라벨", "label")
NUMBER = Param("x", "float", 1.0, LABEL, min=0.0, max=2.0, step=0.1)
COUNT = Param("n", "int", 5, LABEL, min=1, max=10, step=1)
CHOICE = Param("c", "choice", "a", LABEL, choices=("a", "b"))
FLAG = Param("f", "bool", False, LABEL)


@pytest.mark.parametrize(
    ("param", "raw", "value", "reason"),
    [
        (NUMBER, "1.5", 1.5, None), (NUMBER, " 0.25 ", 0.25, None), (NUMBER, 2, 2.0, None),
        (NUMBER, "3", 2.0, "clamped"), (NUMBER, "-1e300", 0.0, "clamped"), (NUMBER, "nan", 1.0, "invalid"),
        (NUMBER, "inf", 1.0, "invalid"), (NUMBER, "1,5", 1.0, "invalid"), (NUMBER, "", 1.0, "invalid"),
        (NUMBER, True, 1.0, "invalid"), (NUMBER, "9" * (MAX_RAW_LENGTH + 1), 1.0, "too_long"),
        (COUNT, "7", 7, None), (COUNT, "7.0", 7, None), (COUNT, "7.5", 5, "invalid"), (COUNT, "0", 1, "clamped"),
        (COUNT, "1e400", 5, "invalid"), (COUNT, "11", 10, "clamped"),
        (CHOICE, "b", "b", None), (CHOICE, "B", "a", "unknown_choice"), (CHOICE, "<script>", "a", "unknown_choice"),
        (FLAG, "1", True, None), (FLAG, "off", False, None), (FLAG, "maybe", False, "invalid"),
    ],
)
def test_parse_gives_a_valid_value_and_says_what_changed(param, raw, value, reason):
    parsed, notice = param.parse(raw)
    assert parsed == value and type(parsed) is type(value)
    assert (notice.reason if notice else None) == reason


def test_invalid_default_is_refused_at_declaration():
    with pytest.raises(ValueError, match="default"):
        Param("x", "float", 5.0, LABEL, min=0.0, max=1.0)


@pytest.mark.parametrize("param", [NUMBER, COUNT, CHOICE, FLAG])
def test_query_form_reads_back_to_the_same_value(param):
    for raw in ("0.1", "1.7", "3", "9", "b", "a", "1", "0"):
        value, _ = param.parse(raw)
        assert param.parse(param.to_query(value)) == (value, None)


def test_every_catalogue_parameter_round_trips_its_default_and_bounds():
    for spec in catalogue.CATALOGUE.values():
        for param in spec.params:
            candidates = [param.default]
            if param.kind in ("int", "float"):
                candidates += [param.min, param.max]
            for value in candidates:
                parsed, notice = param.parse(param.to_query(value))
                assert notice is None and parsed == value, (spec.id, param.name, value)


def test_validate_fills_defaults_and_ignores_extra_keys():
    values, notices = catalogue.validate((NUMBER, COUNT), {"x": "0.5", "other": "1"})
    assert values == {"x": 0.5, "n": 5} and notices == []


def test_duplicate_ids_and_unknown_ids_are_reported():
    with pytest.raises(KeyError, match="known ids"):
        catalogue.get("no-such-figure")
    assert all(not math.isnan(len(spec.id)) for spec in catalogue.CATALOGUE.values())

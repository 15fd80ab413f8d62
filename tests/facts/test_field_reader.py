"""Typed field reading: every wrong value becomes one problem with its line and what is right."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import pytest

from quizgen.errors import Problem
from quizgen.facts.field_reader import FieldReader, suggestion, with_article
from quizgen.facts.yaml_lines import Located

PATH = "notes/facts/a.yaml"
WHAT = "fact 'x'"


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


def record(items: dict[str, Any], line: int = 10) -> Located:
    """A mapping on `line` whose keys sit on the lines after it, in order (first key: line+1)."""
    return Located(items, line=line, key_lines={k: line + 1 + i for i, k in enumerate(items)})


def lines(reader: FieldReader) -> list[str]:
    return [str(problem) for problem in reader.problems]


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("explantion", ["explanation", "evidence"], "; did you mean 'explanation'?"),
        ("persn", ["person", "place"], "; did you mean 'person'?"),
        ("perm", ["permanent", "elected"], ""),
        ("kind", [], ""),
        ("kind", ["kind"], "; did you mean 'kind'?"),
    ],
)
def test_suggestion_names_only_a_close_choice(word: str, choices: list[str], expected: str) -> None:
    assert suggestion(word, choices) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("entity", "an entity"),
        ("organisation", "an organisation"),
        ("date", "a date"),
        ("person", "a person"),
        ("number", "a number"),
    ],
)
def test_with_article(word: str, expected: str) -> None:
    assert with_article(word) == expected


def test_report_keeps_problems_in_order_with_the_path() -> None:
    reader = FieldReader(PATH)
    reader.report(7, "second thing")
    reader.report(3, "first thing")
    assert reader.problems == [Problem(PATH, 7, "second thing"), Problem(PATH, 3, "first thing")]


def test_mapping_accepts_a_located_mapping() -> None:
    reader = FieldReader(PATH)
    located = record({"a": 1})
    assert reader.mapping(located, 4, WHAT) is located
    assert reader.problems == []


@pytest.mark.parametrize("value", ["text", [1, 2], 42, None])
def test_mapping_reports_anything_else(value: Any) -> None:
    reader = FieldReader(PATH)
    assert reader.mapping(value, 4, "'answer' of fact 'x'") is None
    assert lines(reader) == [
        f"{PATH}:4: 'answer' of fact 'x' must be a mapping of keys to values (key: value)"
    ]


def test_check_keys_reports_unknown_then_missing_keys() -> None:
    reader = FieldReader(PATH)
    located = record({"id": "x", "explantion": "e", "colour": "red"})
    reader.check_keys(located, WHAT, ("id", "kind", "explanation"), ("note",))
    assert lines(reader) == [
        f"{PATH}:12: unknown key 'explantion' in fact 'x'; did you mean 'explanation'?"
        " (allowed: explanation, id, kind, note)",
        f"{PATH}:13: unknown key 'colour' in fact 'x' (allowed: explanation, id, kind, note)",
        f"{PATH}:10: fact 'x' is missing the required key 'explanation'",
        f"{PATH}:10: fact 'x' is missing the required key 'kind'",
    ]


def test_check_keys_accepts_required_and_optional_keys() -> None:
    reader = FieldReader(PATH)
    reader.check_keys(record({"id": "x", "note": "n"}), WHAT, ("id",), ("note", "event"))
    assert reader.problems == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("The mayor spoke.", "The mayor spoke."),
        ("  The   mayor\n spoke.\t", "The mayor spoke."),
        (2016, "2016"),
        (1.5, "1.5"),
    ],
)
def test_text_is_trimmed_with_single_spaces(value: Any, expected: str) -> None:
    reader = FieldReader(PATH)
    assert reader.text(record({"statement": value}), "statement", WHAT) == expected
    assert reader.problems == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "'statement' of fact 'x' must not be empty"),
        ("   \n ", "'statement' of fact 'x' must not be empty"),
        (None, "'statement' of fact 'x' must be text, not nothing (null)"),
        (True, "'statement' of fact 'x' must be text, not true/false"),
        (record({"a": 1}), "'statement' of fact 'x' must be text, not a mapping"),
        (["a", "b"], "'statement' of fact 'x' must be text, not a list"),
        (dt.date(2016, 10, 7), "'statement' of fact 'x' must be text, not a date"),
        (b"bytes", "'statement' of fact 'x' must be text, not bytes"),
    ],
)
def test_text_reports_a_value_that_is_not_text(value: Any, message: str) -> None:
    reader = FieldReader(PATH)
    assert reader.text(record({"id": "x", "statement": value}), "statement", WHAT) is None
    assert lines(reader) == [f"{PATH}:12: {message}"]


def test_text_absent_is_none_without_a_problem() -> None:
    reader = FieldReader(PATH)
    assert reader.text(record({"id": "x"}), "statement", WHAT) is None
    assert reader.problems == []


def test_optional_text_may_be_null() -> None:
    reader = FieldReader(PATH)
    assert reader.text(record({"note": None}), "note", WHAT, required=False) is None
    assert reader.problems == []


@pytest.mark.parametrize("value", ["kerry", "kerry-calls-for-probe", "un-2254", "a1-b2"])
def test_slug_accepts_lowercase_words_joined_by_hyphens(value: str) -> None:
    reader = FieldReader(PATH)
    assert reader.slug(record({"id": value}), "id", "this fact") == value
    assert reader.problems == []


@pytest.mark.parametrize(
    "value", ["Kerry", "john_kerry", "john--kerry", "-kerry", "kerry-", "john kerry"]
)
def test_slug_rejects_anything_else(value: str) -> None:
    reader = FieldReader(PATH)
    assert reader.slug(record({"id": value}), "id", "this fact") is None
    assert lines(reader) == [
        f"{PATH}:11: 'id' of this fact is {value!r}; ids are lowercase words joined by hyphens,"
        " like 'kerry-calls-for-probe'"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ()),
        ([], ()),
        (["bridge", " river   crossing "], ("bridge", "river crossing")),
        ([2016, 1.5], ("2016", "1.5")),
    ],
)
def test_text_list(value: Any, expected: tuple[str, ...]) -> None:
    reader = FieldReader(PATH)
    assert reader.text_list(record({"topics": value}), "topics", WHAT) == expected
    assert reader.problems == []


def test_text_list_absent_is_empty() -> None:
    reader = FieldReader(PATH)
    assert reader.text_list(record({}), "topics", WHAT) == ()
    assert reader.problems == []


def test_text_list_reports_each_bad_item_and_keeps_the_good_ones() -> None:
    reader = FieldReader(PATH)
    value = ["bridge", "", None, ["nested"], True, "money"]
    assert reader.text_list(record({"topics": value}), "topics", WHAT) == ("bridge", "money")
    assert lines(reader) == [
        f"{PATH}:11: 'topics' of fact 'x' has an empty item",
        f"{PATH}:11: each item of 'topics' in fact 'x' must be text, not nothing (null)",
        f"{PATH}:11: each item of 'topics' in fact 'x' must be text, not a list",
        f"{PATH}:11: each item of 'topics' in fact 'x' must be text, not true/false",
    ]


@pytest.mark.parametrize("value", ["bridge", 42, record({"a": 1})])
def test_text_list_reports_a_value_that_is_not_a_list(value: Any) -> None:
    reader = FieldReader(PATH)
    assert reader.text_list(record({"topics": value}), "topics", WHAT) == ()
    assert lines(reader) == [f"{PATH}:11: 'topics' of fact 'x' must be a list, like [a, b]"]


def test_list_of_mappings_keeps_the_mappings_and_reports_the_rest() -> None:
    reader = FieldReader(PATH)
    first, second = record({"source": "a"}, line=12), record({"source": "b"}, line=14)
    found = reader.list_of_mappings(
        record({"evidence": [first, "a quote", second]}), "evidence", WHAT
    )
    assert found == [first, second]
    assert lines(reader) == [
        f"{PATH}:11: each item of 'evidence' in fact 'x' must be a mapping of keys to values"
        " (key: value)"
    ]


@pytest.mark.parametrize(("value", "expected"), [(None, []), ([], [])])
def test_list_of_mappings_absent_or_empty(value: Any, expected: list[Located]) -> None:
    reader = FieldReader(PATH)
    assert reader.list_of_mappings(record({"evidence": value}), "evidence", WHAT) == expected
    assert reader.problems == []


def test_list_of_mappings_reports_a_value_that_is_not_a_list() -> None:
    reader = FieldReader(PATH)
    assert reader.list_of_mappings(record({"evidence": "a quote"}), "evidence", WHAT) == []
    assert lines(reader) == [f"{PATH}:11: 'evidence' of fact 'x' must be a list of mappings"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [({"colour": "green"}, Colour.GREEN), ({"colour": " red "}, Colour.RED), ({}, Colour.RED)],
)
def test_choice_reads_a_member_or_the_default(items: dict[str, Any], expected: Colour) -> None:
    reader = FieldReader(PATH)
    assert reader.choice(record(items), "colour", WHAT, Colour, Colour.RED) is expected
    assert reader.problems == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("gren", "'colour' of fact 'x' is 'gren'; did you mean 'green'? (allowed: red, green)"),
        ("blue", "'colour' of fact 'x' is 'blue' (allowed: red, green)"),
        ("Green", "'colour' of fact 'x' is 'Green'; did you mean 'green'? (allowed: red, green)"),
        (None, "'colour' of fact 'x' must be text, not nothing (null)"),
        (["red"], "'colour' of fact 'x' must be text, not a list"),
    ],
)
def test_choice_reports_a_value_outside_the_set(value: Any, message: str) -> None:
    reader = FieldReader(PATH)
    assert reader.choice(record({"colour": value}), "colour", WHAT, Colour, Colour.RED) is None
    assert lines(reader) == [f"{PATH}:11: {message}"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 11, 22), dt.date(2026, 11, 22)),
        ("2026-11-22", dt.date(2026, 11, 22)),
        (" 2026-11-22 ", dt.date(2026, 11, 22)),
    ],
)
def test_day_reads_a_calendar_date(value: Any, expected: dt.date) -> None:
    reader = FieldReader(PATH)
    assert reader.day(record({"revised": value}), "revised", WHAT) == expected
    assert reader.problems == []


DAY_MESSAGE = "'revised' of fact 'x' must be a date written YYYY-MM-DD, like 2026-11-22"


@pytest.mark.parametrize(
    "value",
    [
        "2026-13-22",
        "2026-02-30",
        "22/11/2026",
        "November 22, 2026",
        20261122,
        None,
        dt.datetime(2026, 11, 22, 10, 0),
    ],
)
def test_day_reports_anything_but_a_calendar_date(value: Any) -> None:
    reader = FieldReader(PATH)
    assert reader.day(record({"revised": value}), "revised", WHAT) is None
    assert lines(reader) == [f"{PATH}:11: {DAY_MESSAGE}"]


def test_day_absent_is_reported_at_the_record() -> None:
    reader = FieldReader(PATH)
    assert reader.day(record({"id": "x"}), "revised", WHAT) is None
    assert lines(reader) == [f"{PATH}:10: {DAY_MESSAGE}"]


@pytest.mark.parametrize("value", ["20261122", "2026-W47-1"])
def test_day_rejects_other_iso_forms(value: str) -> None:
    reader = FieldReader(PATH)
    assert reader.day(record({"revised": value}), "revised", WHAT) is None
    assert lines(reader) == [f"{PATH}:11: {DAY_MESSAGE}"]


def test_problems_from_several_fields_are_all_kept() -> None:
    reader = FieldReader(PATH)
    located = record({"id": "Bad_Id", "statement": "", "topics": "bridge", "revised": "soon"})
    reader.slug(located, "id", "this fact")
    reader.text(located, "statement", WHAT)
    reader.text_list(located, "topics", WHAT)
    reader.day(located, "revised", WHAT)
    assert [p.line for p in reader.problems] == [11, 12, 13, 14]

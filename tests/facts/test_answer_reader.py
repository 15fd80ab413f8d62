"""Typed answers, partial dates and distractors read from the source notes, and their problems."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from quizgen.facts.answer_reader import (
    ANSWER_SHAPES,
    read_answer,
    read_distractor,
    read_partial_date,
)
from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.field_reader import FieldReader
from quizgen.facts.model import Answer, DateAnswer, EntityAnswer, NumberAnswer, TextAnswer
from quizgen.facts.yaml_lines import Located

PATH = "notes/facts/a.yaml"
WHAT = "'answer' of fact 'x'"
DISTRACTOR = "a distractor of fact 'x'"


def record(items: dict[str, Any], line: int = 10) -> Located:
    """A mapping on `line` whose keys sit on the lines after it, in order (first key: line+1)."""
    return Located(items, line=line, key_lines={k: line + 1 + i for i, k in enumerate(items)})


def lines(reader: FieldReader) -> list[str]:
    return [str(problem) for problem in reader.problems]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            {"date": dt.date(2016, 10, 7), "precision": "day"},
            PartialDate(2016, 10, 7, Precision.DAY),
        ),
        ({"date": "2016-10-07", "precision": "day"}, PartialDate(2016, 10, 7, Precision.DAY)),
        ({"date": " 2016-10 ", "precision": "month"}, PartialDate(2016, 10, 0, Precision.MONTH)),
        ({"date": 2016, "precision": "year"}, PartialDate(2016, 0, 0, Precision.YEAR)),
    ],
)
def test_read_partial_date(items: dict[str, Any], expected: PartialDate) -> None:
    reader = FieldReader(PATH)
    assert read_partial_date(reader, record(items), 10, WHAT) == expected
    assert reader.problems == []


@pytest.mark.parametrize(
    ("value", "problems"),
    [
        (
            "2016-10-07",
            [f"{PATH}:9: {WHAT} must be a mapping of keys to values (key: value)"],
        ),
        (
            record({"precision": "day"}),
            [f"{PATH}:10: {WHAT} is missing the required key 'date'"],
        ),
        (
            record({"date": "2016-10-07", "precision": "days"}),
            [
                f"{PATH}:12: 'precision' of {WHAT} is 'days'; did you mean 'day'?"
                " (allowed: day, month, year)"
            ],
        ),
        (
            record({"date": "2016-10", "precision": "day"}),
            [
                f"{PATH}:11: 'date' of {WHAT}: '2016-10' is not a day-precision date;"
                " write it like 2016-10-07"
            ],
        ),
        (
            record({"date": dt.date(2016, 10, 7), "precision": "month"}),
            [
                f"{PATH}:11: 'date' of {WHAT}: '2016-10-07' is not a month-precision date;"
                " write it like 2016-10"
            ],
        ),
        (
            record({"date": "2016-02-30", "precision": "day"}),
            [
                f"{PATH}:11: 'date' of {WHAT}: '2016-02-30' is not a real calendar day"
                " (month 02 has no day 30)"
            ],
        ),
    ],
    ids=["not-a-mapping", "no-date", "bad-precision", "wrong-precision", "date-as-month", "no-day"],
)
def test_read_partial_date_reports_what_is_wrong(value: Any, problems: list[str]) -> None:
    reader = FieldReader(PATH)
    assert read_partial_date(reader, value, 9, WHAT) is None
    assert lines(reader) == problems


def test_read_partial_date_without_precision_reports_it_and_reads_a_day() -> None:
    reader = FieldReader(PATH)
    found = read_partial_date(reader, record({"date": "2016-10-07"}), 10, WHAT)
    assert found == PartialDate(2016, 10, 7, Precision.DAY)
    assert lines(reader) == [f"{PATH}:10: {WHAT} is missing the required key 'precision'"]


def test_read_partial_date_reports_an_unknown_key_and_still_reads_the_date() -> None:
    reader = FieldReader(PATH)
    items = {"date": "2016-10", "precision": "month", "circa": True}
    found = read_partial_date(reader, record(items), 10, WHAT)
    assert found == PartialDate(2016, 10, 0, Precision.MONTH)
    assert lines(reader) == [f"{PATH}:13: unknown key 'circa' in {WHAT} (allowed: date, precision)"]


def test_read_partial_date_reports_a_null_date() -> None:
    reader = FieldReader(PATH)
    assert read_partial_date(reader, record({"date": None, "precision": "day"}), 10, WHAT) is None
    assert [(p.path, p.line) for p in reader.problems] == [(PATH, 11)]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ({"entity": "john-kerry"}, EntityAnswer("john-kerry")),
        (
            {"date": "2016-10", "precision": "month"},
            DateAnswer(PartialDate(2016, 10, 0, Precision.MONTH)),
        ),
        ({"number": 275000, "unit": "civilians"}, NumberAnswer(275000, "civilians")),
        ({"number": 0, "unit": "deaths"}, NumberAnswer(0, "deaths")),
        ({"number": 2.5, "unit": "tonnes"}, NumberAnswer(2.5, "tonnes")),
        (
            {"number": 900, "unit": "fighters", "qualifier": "about"},
            NumberAnswer(900, "fighters", "about"),
        ),
        (
            {"number": 250000, "unit": "civilians", "qualifier": "more than"},
            NumberAnswer(250000, "civilians", "more than"),
        ),
        ({"text": "  Secretary   of State "}, TextAnswer("Secretary of State")),
    ],
)
def test_read_answer_reads_each_shape(items: dict[str, Any], expected: Answer) -> None:
    reader = FieldReader(PATH)
    assert read_answer(reader, record(items), 10, WHAT) == expected
    assert reader.problems == []


NUMBER_MESSAGE = f"'number' of {WHAT} must be a number written without commas, like 275000"


@pytest.mark.parametrize(
    ("value", "problems"),
    [
        ("john-kerry", [f"{PATH}:9: {WHAT} must be a mapping of keys to values (key: value)"]),
        (
            record({"entity": "john-kerry", "text": "Kerry"}),
            [
                f"{PATH}:10: {WHAT} must have exactly one of entity, date, number, text"
                f" (found entity, text); write it like {ANSWER_SHAPES}"
            ],
        ),
        (
            record({"person": "john-kerry"}),
            [
                f"{PATH}:10: {WHAT} must have exactly one of entity, date, number, text"
                f" (found none of them); write it like {ANSWER_SHAPES}"
            ],
        ),
        (
            record({"entity": "John Kerry"}),
            [
                f"{PATH}:11: 'entity' of {WHAT} is 'John Kerry'; ids are lowercase words"
                " joined by hyphens, like 'kerry-calls-for-probe'"
            ],
        ),
        (record({"text": ""}), [f"{PATH}:11: 'text' of {WHAT} must not be empty"]),
        (record({"number": -1, "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (record({"number": math.nan, "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (record({"number": math.inf, "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (record({"number": "275,000", "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (record({"number": True, "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (record({"number": None, "unit": "civilians"}), [f"{PATH}:11: {NUMBER_MESSAGE}"]),
        (
            record({"number": 5}),
            [f"{PATH}:10: {WHAT} is missing the required key 'unit'"],
        ),
        (
            record({"number": 5, "unit": ""}),
            [f"{PATH}:12: 'unit' of {WHAT} must not be empty"],
        ),
        (
            record({"number": 5, "unit": "guests", "qualifier": "roughly"}),
            [
                f"{PATH}:13: 'qualifier' of {WHAT} is 'roughly' (allowed: about, more than,"
                " as many as, at least, nearly, up to)"
            ],
        ),
    ],
    ids=[
        "not-a-mapping",
        "two-shapes",
        "no-shape",
        "entity-not-an-id",
        "empty-text",
        "negative-number",
        "nan",
        "infinity",
        "number-with-commas",
        "number-true",
        "number-null",
        "no-unit",
        "empty-unit",
        "unknown-qualifier",
    ],
)
def test_read_answer_reports_what_is_wrong(value: Any, problems: list[str]) -> None:
    reader = FieldReader(PATH)
    assert read_answer(reader, value, 9, WHAT) is None
    assert lines(reader) == problems


@pytest.mark.parametrize(
    ("items", "expected", "problem"),
    [
        (
            {"entity": "john-kerry", "role": "secretary"},
            EntityAnswer("john-kerry"),
            f"{PATH}:12: unknown key 'role' in {WHAT} (allowed: entity)",
        ),
        (
            {"text": "a cause", "why": "b"},
            TextAnswer("a cause"),
            f"{PATH}:12: unknown key 'why' in {WHAT} (allowed: text)",
        ),
        (
            {"number": 5, "unit": "guests", "qualifer": "about"},
            NumberAnswer(5, "guests"),
            f"{PATH}:13: unknown key 'qualifer' in {WHAT}; did you mean 'qualifier'?"
            " (allowed: number, qualifier, unit)",
        ),
    ],
)
def test_read_answer_reports_an_unknown_key_and_still_reads_the_answer(
    items: dict[str, Any], expected: Answer, problem: str
) -> None:
    reader = FieldReader(PATH)
    assert read_answer(reader, record(items), 9, WHAT) == expected
    assert lines(reader) == [problem]


def test_read_answer_date_problems_name_the_answer() -> None:
    reader = FieldReader(PATH)
    value = record({"date": "2016-10-32", "precision": "day"})
    assert read_answer(reader, value, 9, WHAT) is None
    assert lines(reader) == [
        f"{PATH}:11: 'date' of {WHAT}: '2016-10-32' is not a real calendar day"
        " (month 10 has no day 32)"
    ]


@pytest.mark.parametrize(
    ("value", "like", "expected"),
    [
        ("bashar-al-assad", EntityAnswer("john-kerry"), EntityAnswer("bashar-al-assad")),
        (
            "2016-09",
            DateAnswer(PartialDate(2016, 10, 0, Precision.MONTH)),
            DateAnswer(PartialDate(2016, 9, 0, Precision.MONTH)),
        ),
        (
            dt.date(2016, 9, 19),
            DateAnswer(PartialDate(2016, 10, 7, Precision.DAY)),
            DateAnswer(PartialDate(2016, 9, 19, Precision.DAY)),
        ),
        (
            2015,
            DateAnswer(PartialDate(2016, 0, 0, Precision.YEAR)),
            DateAnswer(PartialDate(2015, 0, 0, Precision.YEAR)),
        ),
        (
            300000,
            NumberAnswer(275000, "civilians", "about"),
            NumberAnswer(300000, "civilians", "about"),
        ),
        (2.5, NumberAnswer(1, "tonnes"), NumberAnswer(2.5, "tonnes")),
        (
            "  the council   ran out of money ",
            TextAnswer("the beams were late"),
            TextAnswer("the council ran out of money"),
        ),
    ],
)
def test_read_distractor_takes_the_short_form_of_the_keys_type(
    value: Any, like: Answer, expected: Answer
) -> None:
    reader = FieldReader(PATH)
    assert read_distractor(reader, value, 20, DISTRACTOR, like) == expected
    assert reader.problems == []


NUMBER_DISTRACTOR = f"{DISTRACTOR} must be a number, like 300000"
TEXT_DISTRACTOR = f"{DISTRACTOR} must be a non-empty text"


@pytest.mark.parametrize(
    ("value", "like", "message"),
    [
        (
            "Bashar",
            EntityAnswer("john-kerry"),
            f"'entity' of {DISTRACTOR} is 'Bashar'; ids are lowercase words joined by hyphens,"
            " like 'kerry-calls-for-probe'",
        ),
        (
            "2016-09-19",
            DateAnswer(PartialDate(2016, 10, 0, Precision.MONTH)),
            f"'date' of {DISTRACTOR}: '2016-09-19' is not a month-precision date;"
            " write it like 2016-10",
        ),
        ("300,000", NumberAnswer(1, "civilians"), NUMBER_DISTRACTOR),
        (True, NumberAnswer(1, "civilians"), NUMBER_DISTRACTOR),
        (None, NumberAnswer(1, "civilians"), NUMBER_DISTRACTOR),
        ("", TextAnswer("t"), TEXT_DISTRACTOR),
        ("   ", TextAnswer("t"), TEXT_DISTRACTOR),
        (42, TextAnswer("t"), TEXT_DISTRACTOR),
        (None, TextAnswer("t"), TEXT_DISTRACTOR),
        (["a"], TextAnswer("t"), TEXT_DISTRACTOR),
    ],
)
def test_read_distractor_reports_a_value_of_the_wrong_form(
    value: Any, like: Answer, message: str
) -> None:
    reader = FieldReader(PATH)
    assert read_distractor(reader, value, 20, DISTRACTOR, like) is None
    assert lines(reader) == [f"{PATH}:20: {message}"]


@pytest.mark.parametrize("value", [-5, math.nan, math.inf])
def test_read_distractor_rejects_numbers_an_answer_could_not_be(value: float) -> None:
    reader = FieldReader(PATH)
    assert read_distractor(reader, value, 20, DISTRACTOR, NumberAnswer(1, "civilians")) is None
    assert lines(reader) == [f"{PATH}:20: {NUMBER_DISTRACTOR}"]

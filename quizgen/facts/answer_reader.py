"""Reading typed answers and partial dates from the source notes."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.field_reader import FieldReader
from quizgen.facts.model import Answer, DateAnswer, EntityAnswer, NumberAnswer, TextAnswer
from quizgen.facts.yaml_lines import Located

ANSWER_SHAPES = (
    "{entity: john-kerry}, {date: 2016-10-07, precision: day},"
    " {number: 275000, unit: civilians} or {text: ...}"
)
QUALIFIERS = ("about", "more than", "as many as", "at least", "nearly", "up to")


def read_partial_date(reader: FieldReader, value: Any, line: int, what: str) -> PartialDate | None:
    """`{date: 2016-10-07, precision: day}` (or month `2016-10`, year `2016`)."""
    record = reader.mapping(value, line, what)
    if record is None:
        return None
    reader.check_keys(record, what, ("date", "precision"), ())
    precision = reader.choice(record, "precision", what, Precision, Precision.DAY)
    raw = record.get("date")
    if "date" in record and raw is None:
        message = f"'date' of {what} is empty; write it like 2016-10-07"
        reader.report(record.line_of("date"), message)
        return None
    if precision is None or raw is None:
        return None
    text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    try:
        return PartialDate.parse(text.strip(), precision)
    except ValueError as exc:
        reader.report(record.line_of("date"), f"'date' of {what}: {exc}")
        return None


def read_answer(reader: FieldReader, value: Any, line: int, what: str) -> Answer | None:
    """One typed answer: an entity, a date, a number with its unit, or a short text."""
    record = reader.mapping(value, line, what)
    if record is None:
        return None
    shapes = [key for key in ("entity", "date", "number", "text") if key in record]
    if len(shapes) != 1:
        found = ", ".join(shapes) if shapes else "none of them"
        reader.report(
            record.line,
            f"{what} must have exactly one of entity, date, number, text (found {found});"
            f" write it like {ANSWER_SHAPES}",
        )
        return None
    shape = shapes[0]
    if shape == "entity":
        reader.check_keys(record, what, ("entity",), ())
        entity = reader.slug(record, "entity", what)
        return EntityAnswer(entity) if entity else None
    if shape == "date":
        date = read_partial_date(reader, record, record.line, what)
        return DateAnswer(date) if date else None
    if shape == "number":
        return _read_number(reader, record, what)
    reader.check_keys(record, what, ("text",), ())
    text = reader.text(record, "text", what)
    return TextAnswer(text) if text else None


def read_distractor(
    reader: FieldReader, value: Any, line: int, what: str, like: Answer
) -> Answer | None:
    """A wrong answer written in the short form of the key's type (id, date, number, text)."""
    if isinstance(like, EntityAnswer):
        return read_answer(reader, Located({"entity": value}, line=line, key_lines={}), line, what)
    if isinstance(like, DateAnswer):
        shaped = {"date": value, "precision": like.date.precision.value}
        return read_answer(reader, Located(shaped, line=line, key_lines={}), line, what)
    if isinstance(like, NumberAnswer):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
        ):
            reader.report(line, f"{what} must be a number, like 300000")
            return None
        return NumberAnswer(value, like.unit, like.qualifier)
    if isinstance(value, bool) or not isinstance(value, str) or not value.strip():
        reader.report(line, f"{what} must be a non-empty text")
        return None
    return TextAnswer(" ".join(value.split()))


def _read_number(reader: FieldReader, record: Located, what: str) -> Answer | None:
    reader.check_keys(record, what, ("number", "unit"), ("qualifier",))
    number = record.get("number")
    if (
        isinstance(number, bool)
        or not isinstance(number, int | float)
        or not math.isfinite(number)
        or number < 0
    ):
        reader.report(
            record.line_of("number"),
            f"'number' of {what} must be a number written without commas, like 275000",
        )
        return None
    unit = reader.text(record, "unit", what)
    qualifier = reader.text(record, "qualifier", what, required=False)
    if qualifier is not None and qualifier not in QUALIFIERS:
        reader.report(
            record.line_of("qualifier"),
            f"'qualifier' of {what} is {qualifier!r} (allowed: {', '.join(QUALIFIERS)})",
        )
        return None
    return NumberAnswer(number, unit, qualifier) if unit else None

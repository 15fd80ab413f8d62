"""Partial dates: parsing at a precision, showing them, and ordering them by what they could be."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.facts.dates import PartialDate, Precision

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


@pytest.mark.parametrize(
    ("text", "precision", "expected"),
    [
        ("2016-10-07", DAY, PartialDate(2016, 10, 7, DAY)),
        ("2016-02-29", DAY, PartialDate(2016, 2, 29, DAY)),
        ("2016-12-31", DAY, PartialDate(2016, 12, 31, DAY)),
        ("2016-10", MONTH, PartialDate(2016, 10, 0, MONTH)),
        ("2016-01", MONTH, PartialDate(2016, 1, 0, MONTH)),
        ("2016", YEAR, PartialDate(2016, 0, 0, YEAR)),
        ("0987", YEAR, PartialDate(987, 0, 0, YEAR)),
    ],
)
def test_parse_reads_each_precision(text: str, precision: Precision, expected: PartialDate) -> None:
    assert PartialDate.parse(text, precision) == expected


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        ("2016-10", DAY, "'2016-10' is not a day-precision date; write it like 2016-10-07"),
        ("2016", DAY, "'2016' is not a day-precision date; write it like 2016-10-07"),
        ("2016-1-7", DAY, "'2016-1-7' is not a day-precision date; write it like 2016-10-07"),
        (
            "7 October 2016",
            DAY,
            "'7 October 2016' is not a day-precision date; write it like 2016-10-07",
        ),
        ("", DAY, "'' is not a day-precision date; write it like 2016-10-07"),
        ("2016-10-07", MONTH, "'2016-10-07' is not a month-precision date; write it like 2016-10"),
        ("2016/10", MONTH, "'2016/10' is not a month-precision date; write it like 2016-10"),
        ("2016-10", YEAR, "'2016-10' is not a year-precision date; write it like 2016"),
        ("16", YEAR, "'16' is not a year-precision date; write it like 2016"),
        (" 2016", YEAR, "' 2016' is not a year-precision date; write it like 2016"),
        ("2016-13", MONTH, "'2016-13' has no month 13; months run from 01 to 12"),
        ("2016-00", MONTH, "'2016-00' has no month 0; months run from 01 to 12"),
        ("2016-13-01", DAY, "'2016-13-01' has no month 13; months run from 01 to 12"),
        ("2015-02-29", DAY, "'2015-02-29' is not a real calendar day (month 02 has no day 29)"),
        ("2016-04-31", DAY, "'2016-04-31' is not a real calendar day (month 04 has no day 31)"),
        ("2016-10-00", DAY, "'2016-10-00' is not a real calendar day (month 10 has no day 0)"),
    ],
)
def test_parse_rejects_with_a_message_that_shows_the_right_form(
    text: str, precision: Precision, message: str
) -> None:
    with pytest.raises(ValueError) as info:
        PartialDate.parse(text, precision)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "precision"), [("0000", YEAR), ("0000-01", MONTH)])
def test_parse_rejects_year_zero(text: str, precision: Precision) -> None:
    with pytest.raises(ValueError, match="0000"):
        PartialDate.parse(text, precision)


@pytest.mark.parametrize(
    ("date", "iso", "human"),
    [
        (PartialDate(2016, 10, 7, DAY), "2016-10-07", "October 7, 2016"),
        (PartialDate(2016, 2, 29, DAY), "2016-02-29", "February 29, 2016"),
        (PartialDate(2016, 10, 0, MONTH), "2016-10", "October 2016"),
        (PartialDate(2016, 1, 0, MONTH), "2016-01", "January 2016"),
        (PartialDate(2016, 0, 0, YEAR), "2016", "2016"),
        (PartialDate(987, 0, 0, YEAR), "0987", "987"),
    ],
)
def test_iso_and_human_show_only_the_known_parts(date: PartialDate, iso: str, human: str) -> None:
    assert (date.iso(), date.human()) == (iso, human)


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (PartialDate(2016, 10, 7, DAY), dt.date(2016, 10, 7), dt.date(2016, 10, 7)),
        (PartialDate(2016, 10, 0, MONTH), dt.date(2016, 10, 1), dt.date(2016, 10, 31)),
        (PartialDate(2016, 2, 0, MONTH), dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        (PartialDate(2015, 2, 0, MONTH), dt.date(2015, 2, 1), dt.date(2015, 2, 28)),
        (PartialDate(2016, 4, 0, MONTH), dt.date(2016, 4, 1), dt.date(2016, 4, 30)),
        (PartialDate(2016, 0, 0, YEAR), dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
    ],
)
def test_span_is_the_first_and_last_possible_day(
    date: PartialDate, first: dt.date, last: dt.date
) -> None:
    assert date.span() == (first, last)
    assert date.ordinal() == first.toordinal()


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (PartialDate(2016, 10, 6, DAY), PartialDate(2016, 10, 7, DAY), True),
        (PartialDate(2016, 10, 7, DAY), PartialDate(2016, 10, 7, DAY), False),
        (PartialDate(2016, 10, 8, DAY), PartialDate(2016, 10, 7, DAY), False),
        (PartialDate(2016, 9, 0, MONTH), PartialDate(2016, 10, 1, DAY), True),
        (PartialDate(2016, 10, 0, MONTH), PartialDate(2016, 10, 7, DAY), False),
        (PartialDate(2016, 10, 7, DAY), PartialDate(2016, 10, 0, MONTH), False),
        (PartialDate(2016, 9, 30, DAY), PartialDate(2016, 10, 0, MONTH), True),
        (PartialDate(2015, 0, 0, YEAR), PartialDate(2016, 1, 1, DAY), True),
        (PartialDate(2016, 0, 0, YEAR), PartialDate(2016, 12, 31, DAY), False),
        (PartialDate(2016, 12, 0, MONTH), PartialDate(2017, 0, 0, YEAR), True),
    ],
)
def test_surely_before_only_when_the_spans_do_not_overlap(
    earlier: PartialDate, later: PartialDate, expected: bool
) -> None:
    assert earlier.surely_before(later) is expected


def test_sorting_puts_a_wider_date_before_the_narrower_dates_inside_it() -> None:
    dates = [
        PartialDate(2016, 10, 7, DAY),
        PartialDate(2016, 0, 0, YEAR),
        PartialDate(2016, 9, 30, DAY),
        PartialDate(2016, 10, 0, MONTH),
        PartialDate(2015, 12, 31, DAY),
    ]
    assert [d.iso() for d in sorted(dates)] == [
        "2015-12-31",
        "2016",
        "2016-09-30",
        "2016-10",
        "2016-10-07",
    ]


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A date as the source notes could write it, at any precision."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1)))
    precision = draw(st.sampled_from(Precision))
    text = {DAY: day.isoformat(), MONTH: day.isoformat()[:7], YEAR: day.isoformat()[:4]}
    return PartialDate.parse(text[precision], precision)


@given(partial_dates())
def test_iso_parses_back_to_the_same_date(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso(), date.precision) == date


@given(partial_dates())
def test_span_is_ordered_and_ordinal_is_its_first_day(date: PartialDate) -> None:
    first, last = date.span()
    assert first <= last
    assert date.ordinal() == first.toordinal()
    assert not date.surely_before(date)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(Precision))
def test_span_contains_the_day_the_date_was_read_from(day: dt.date, precision: Precision) -> None:
    text = {DAY: day.isoformat(), MONTH: day.isoformat()[:7], YEAR: day.isoformat()[:4]}
    first, last = PartialDate.parse(text[precision], precision).span()
    assert first <= day <= last


@given(partial_dates(), partial_dates())
def test_ordering_agrees_with_the_span(a: PartialDate, b: PartialDate) -> None:
    if a < b:
        assert a.span()[0] <= b.span()[0]
    if a.surely_before(b):
        assert a < b
        assert a.ordinal() < b.ordinal()
        assert not b.surely_before(a)
    if a == b:
        assert a.span() == b.span()

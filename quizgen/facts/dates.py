"""Dates known to a precision (day, month or year), as the documents establish them."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass


class Precision(enum.Enum):
    """How much of a date the documents establish."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_PATTERNS = {
    Precision.DAY: re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    Precision.MONTH: re.compile(r"^(\d{4})-(\d{2})$"),
    Precision.YEAR: re.compile(r"^(\d{4})$"),
}
_EXAMPLES = {Precision.DAY: "2016-10-07", Precision.MONTH: "2016-10", Precision.YEAR: "2016"}


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date of which only the parts its precision names are known."""

    year: int
    month: int = 0
    day: int = 0
    precision: Precision = Precision.DAY

    @classmethod
    def parse(cls, text: str, precision: Precision) -> PartialDate:
        """Parse `2016-10-07` / `2016-10` / `2016` for the given precision (ValueError if not)."""
        match = _PATTERNS[precision].match(text)
        if not match:
            raise ValueError(
                f"{text!r} is not a {precision.value}-precision date; write it like"
                f" {_EXAMPLES[precision]}"
            )
        parts = [int(g) for g in match.groups()] + [0, 0]
        year, month, day = parts[0], parts[1], parts[2]
        if year < 1:
            raise ValueError(f"{text!r} has no year 0000; years run from 0001")
        if precision is not Precision.YEAR and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}; months run from 01 to 12")
        if precision is Precision.DAY:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"{text!r} is not a real calendar day (month {month:02d} has no day {day})"
                ) from None
        return cls(year, month, day, precision)

    def iso(self) -> str:
        """The date as written in the source notes (`2016-10-07`, `2016-10`, `2016`)."""
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """The date for a reader: `October 7, 2016`, `October 2016` or `2016`."""
        if self.precision is Precision.YEAR:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.precision is Precision.MONTH:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}"

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last calendar day this date could be."""
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.precision is Precision.MONTH:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        day = dt.date(self.year, self.month, self.day)
        return day, day

    def surely_before(self, other: PartialDate) -> bool:
        """True when every day this date could be falls before every day `other` could be."""
        return self.span()[1] < other.span()[0]

    def ordinal(self) -> int:
        """A sortable number for the first day this date could be."""
        return self.span()[0].toordinal()

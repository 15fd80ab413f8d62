"""Finding where a fact's answer is written in its statement (for cloze cards)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.facts.dates import Precision
from quizgen.facts.model import (
    Answer,
    DateAnswer,
    EntityAnswer,
    Fact,
    FactBase,
    NumberAnswer,
    TextAnswer,
    shown_number,
)


@dataclass(frozen=True, slots=True)
class Slot:
    """The answer's span in a statement: `statement[start:end]` is the answer as written."""

    statement: str
    start: int
    end: int

    def replaced(self, text: str) -> str:
        """The statement with the answer swapped for `text`."""
        return self.statement[: self.start] + text + self.statement[self.end :]

    @property
    def before(self) -> str:
        """The statement up to the answer."""
        return self.statement[: self.start]

    @property
    def answer(self) -> str:
        """The answer as the statement writes it."""
        return self.statement[self.start : self.end]

    @property
    def after(self) -> str:
        """The statement after the answer."""
        return self.statement[self.end :]


def spellings(base: FactBase, answer: Answer) -> list[str]:
    """Ways the answer may be written in running text, longest first."""
    if isinstance(answer, EntityAnswer):
        entity = base.entity(answer.entity)
        forms = [entity.name, *entity.aliases]
    elif isinstance(answer, DateAnswer):
        date = answer.date
        forms = [date.human()]
        if date.precision is Precision.DAY:
            month = date.human().split()[0]
            forms += [f"{date.day} {month} {date.year}", f"{month} {date.day}"]
    elif isinstance(answer, NumberAnswer):
        value = shown_number(answer.number)
        forms = [f"{value:,}", str(value)] if isinstance(value, int) else [str(value)]
    else:
        assert isinstance(answer, TextAnswer)
        forms = [answer.text]
    return sorted(set(forms), key=lambda form: (-len(form), form))  # longest first, then A-Z


def find_slot(base: FactBase, fact: Fact) -> Slot | None:
    """Where the fact's answer appears in its statement, as a whole word or phrase."""
    if fact.answer is None:
        return None
    for form in spellings(base, fact.answer):
        # not inside a longer word or figure: "800" is not in "1,800", "5" is not in "2.5"
        pattern = r"(?<![\w-])(?<!\d[,.])" + re.escape(form) + r"(?![\w-]|[,.]\d)"
        match = re.search(pattern, fact.statement)
        if match:
            return Slot(fact.statement, match.start(), match.end())
    return None

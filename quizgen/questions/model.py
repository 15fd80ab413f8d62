"""Questions as the generator makes them and every consumer (quiz, exporters) reads them."""

from __future__ import annotations

import enum
import string
from collections.abc import Collection
from dataclasses import dataclass, replace


class Form(enum.Enum):
    """How a question is asked (the value is what set files store)."""

    MULTIPLE_CHOICE = "multiple-choice"
    TRUE_FALSE = "true-false"
    TIMELINE_ORDER = "timeline-order"

    @property
    def choice(self) -> str:
        """The name a learner or teacher picks this form by (one of FORM_CHOICES)."""
        return "timeline" if self is Form.TIMELINE_ORDER else self.value


#: The one vocabulary of forms on the command line, in recipes and in `build`. For the
#: generator `timeline` makes both timeline shapes ("which happened first?" as multiple choice,
#: and "put these in order"); the quiz's `--form timeline` picks the ordering questions.
FORM_CHOICES = ("multiple-choice", "true-false", "timeline")
#: Older spellings still accepted on the command line.
FORM_ALIASES = {"timeline-order": "timeline"}
TRUE_FALSE_OPTIONS = ("True", "False")
#: Options are lettered A, B, C... on paper, in Aiken files and on Anki cards.
OPTION_LETTERS = string.ascii_uppercase
#: Between events in an ordering question's answer: `A → B → C`.
ORDER_ARROW = " → "


def option_letter(index: int) -> str:
    """`A` for the first option, `B` for the second...; past Z, the option's number."""
    return OPTION_LETTERS[index] if index < len(OPTION_LETTERS) else str(index + 1)


def order_text(options: tuple[str, ...], order: tuple[int, ...]) -> str:
    """The options in the given order, joined by arrows."""
    return ORDER_ARROW.join(options[i] for i in order)


_DOUBLE_MARKS = '"\u201c\u201d'


def quoted(text: str) -> str:
    """A quote between curly double quotes. A double quotation mark left unmatched where the
    quote was cut (at its start or end) is dropped; matched ones inside become single marks."""
    inner = text.strip()
    marks = [i for i, char in enumerate(inner) if char in _DOUBLE_MARKS]
    if len(marks) % 2:  # one is unmatched: a closing one first, else the last opening one
        first = marks[0]
        cut = first if first > 0 and not inner[first - 1].isspace() else marks[-1]
        inner = (inner[:cut] + inner[cut + 1 :]).strip()
    out, opened = [], False
    for char in inner:  # alternate opening and closing single marks, whatever the originals
        if char in _DOUBLE_MARKS:
            out.append("\u2019" if opened else "\u2018")
            opened = not opened
        else:
            out.append(char)
    return f"\u201c{''.join(out)}\u201d"


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """Where an answer comes from: the document and the verbatim evidence quote."""

    outlet: str
    headline: str
    date: str
    document: str
    quote: str

    def text(self) -> str:
        """`Outlet, "Headline", date: “quote”` on one line, the quote's marks balanced."""
        return f'{self.outlet}, "{self.headline}", {self.date}: {quoted(self.quote)}'


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """One question with its options, key, explanation and citations.

    `answer` is the 0-based index of the key; for a timeline-order question it is the list of
    option indices in chronological order (earliest first).
    """

    id: str
    form: Form
    stem: str
    options: tuple[str, ...]
    answer: int | tuple[int, ...]
    fact: str
    explanation: str
    sources: tuple[Citation, ...]
    topics: tuple[str, ...]
    facts: tuple[str, ...] = ()
    options_sorted: bool = False
    #: Facts whose questions must not share a set or quiz with this one (they clue each other).
    related: tuple[str, ...] = ()
    #: Every fact it draws on was approved by a reviewer, on its content as it is now.
    verified: bool = False
    #: The stem shortened by hand (a fact's `short_question`), for game sites with short
    #: question fields; None when the fact has none (the stem itself may be short enough).
    short_stem: str | None = None

    @property
    def key_index(self) -> int:
        """The index of the single right option (multiple choice and true/false)."""
        if isinstance(self.answer, tuple):
            raise TypeError(f"{self.id} is an ordering question: it has no single key")
        return self.answer

    def right_answer_text(self) -> str:
        """The right answer as a learner reads it (for ordering: the options in order)."""
        if isinstance(self.answer, tuple):
            return order_text(self.options, self.answer)
        return self.options[self.answer]

    def is_right(self, response: int | tuple[int, ...]) -> bool:
        """Whether a learner's response (an index, or an order of indices) is right."""
        return response == self.answer


@dataclass(frozen=True, slots=True, kw_only=True)
class SetHeader:
    """What a question set was generated from, so it can be regenerated exactly."""

    title: str
    seed: int
    count: int | None
    topics: tuple[str, ...]
    forms: tuple[str, ...]
    sources: tuple[str, ...]
    fact_base_revision: str
    fact_base_digest: str
    variant: str | None = None
    variants: int = 1
    #: Facts left out because earlier sets asked them (`generate --exclude-set`), sorted.
    used_before: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionSet:
    """A header and its questions, in the order they are asked."""

    header: SetHeader
    questions: tuple[Question, ...]

    def fact_ids(self) -> frozenset[str]:
        """Every fact the set's questions draw on (a timeline question draws on several)."""
        return frozenset(f for q in self.questions for f in (q.fact, *q.facts))


def mark_verified(qset: QuestionSet, approved: Collection[str]) -> QuestionSet:
    """The set with each question marked verified when every fact it draws on is approved."""
    questions = tuple(
        replace(q, verified=all(f in approved for f in (q.fact, *q.facts))) for q in qset.questions
    )
    return QuestionSet(qset.header, questions)

"""Whether one question gives away another: its key printed in the other's stem or text options.

A set, a class test or a quiz that holds both would let a learner answer one question by
reading the other. Keys are compared as a learner reads them (case, accents and punctuation
ignored), and a date or a figure also by its short form ("October 7", "275,000").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.questions.model import Form, Question
from quizgen.questions.option_text import normalise_option

if TYPE_CHECKING:  # the quiz imports this module: keep the generator's machinery out of it
    from typing import TypeAlias

    from quizgen.questions.placement import Draft

    Item: TypeAlias = Draft | Question

_DAY_DATE = re.compile(r"^([A-Z][a-z]+ \d{1,2}), \d{4}$")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
#: A key that names a month or a year is a date: its figures are years, not counts.
_YEAR_ONLY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|^\d{4}$"
)


def key_forms(item: Item) -> tuple[str, ...]:
    """The normalised ways the item's key can appear in text (none for true/false and order)."""
    if not isinstance(item, Question):
        key = item.key  # a draft: its options are not placed yet, its key is known
    elif item.form is Form.MULTIPLE_CHOICE:
        key = item.options[item.key_index]
    else:
        return ()
    forms = [key]
    day = _DAY_DATE.match(key)
    if day:  # a date's year alone gives nothing away: stems are anchored "in October 2016"
        forms.append(day.group(1))
    elif not _YEAR_ONLY.search(key):
        forms += [f for f in _FIGURE.findall(key) if len(f) >= 3]  # "1" or "12" is too common
    return tuple(n for f in forms if (n := normalise_option(f)))


def shown_text(item: Item) -> str:
    """The normalised text the item shows besides its options to choose (stem; event labels)."""
    parts = [item.stem]
    if item.short_stem is not None:
        parts.append(item.short_stem)
    if isinstance(item, Question) and item.form is not Form.MULTIPLE_CHOICE:
        parts += item.options
    return f" {normalise_option(' '.join(parts))} "


@dataclass(frozen=True, slots=True)
class Profile:
    """What the clue checks read of an item, worked out once: its facts, related facts, key
    forms and shown text."""

    facts: frozenset[str]
    related: frozenset[str]
    keys: tuple[str, ...]
    text: str

    def gives_away(self, reader: Profile) -> bool:
        """True when this item's key appears in the other's shown text."""
        return any(f" {form} " in reader.text for form in self.keys)

    def linked(self, other: Profile) -> bool:
        """True when the two share a fact, or one names the other's fact as related."""
        return bool(
            self.facts & other.facts or self.facts & other.related or other.facts & self.related
        )


def profile(item: Item) -> Profile:
    """The item's profile for clue checks."""
    return Profile(
        facts=frozenset(facts_of(item)),
        related=frozenset(item.related),
        keys=key_forms(item),
        text=shown_text(item),
    )


def clues(first: Item, second: Item) -> bool:
    """True when either item's key appears in the other's shown text."""
    one, two = profile(first), profile(second)
    return one.gives_away(two) or two.gives_away(one)


def facts_of(item: Item) -> set[str]:
    """Every fact an item draws on (a timeline question draws on several)."""
    return {item.fact, *item.facts}


def linked(first: Item, second: Item) -> bool:
    """True when the items share a fact, or one names the other's fact as related."""
    return profile(first).linked(profile(second))


#: How many questions of one set or quiz may share a key: more, and "pick Kerry" is a strategy.
MAX_SAME_KEY = 2


def compatible(item: Item, chosen: Iterable[Item]) -> bool:
    """True when `item` is not linked to, does not clue and is not clued by any of `chosen`,
    and its key is not already the key of MAX_SAME_KEY of them."""
    return fits(profile(item), [profile(c) for c in chosen])


def fits(candidate: Profile, chosen: Iterable[Profile]) -> bool:
    """`compatible` over profiles worked out beforehand (for drawing many sets at once)."""
    key = candidate.keys[:1]
    same_key = 0
    for other in chosen:
        if candidate.linked(other) or candidate.gives_away(other) or other.gives_away(candidate):
            return False
        same_key += bool(key) and other.keys[:1] == key
    return same_key < MAX_SAME_KEY

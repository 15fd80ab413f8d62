"""Whether one question gives away another: its key printed in the other's stem or text options.

A set, a class test or a quiz that holds both would let a learner answer one question by
reading the other. Keys are compared as a learner reads them (case, accents and punctuation
ignored), and a date or a figure also by its short form ("October 7", "275,000").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quizgen.questions.model import Form, Question
from quizgen.questions.option_text import normalise_option

if TYPE_CHECKING:  # the quiz imports this module: keep the generator's machinery out of it
    from typing import TypeAlias

    from quizgen.questions.placement import Draft

    Item: TypeAlias = Draft | Question

_DAY_DATE = re.compile(r"^([A-Z][a-z]+ \d{1,2}), \d{4}$")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


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
    if day:
        forms.append(day.group(1))
    forms += [f for f in _FIGURE.findall(key) if len(f) >= 3]  # "1" or "12" alone is too common
    return tuple(n for f in forms if (n := normalise_option(f)))


def shown_text(item: Item) -> str:
    """The normalised text the item shows besides its options to choose (stem; event labels)."""
    parts = [item.stem]
    if isinstance(item, Question) and item.form is not Form.MULTIPLE_CHOICE:
        parts += item.options
    return f" {normalise_option(' '.join(parts))} "


def clues(first: Item, second: Item) -> bool:
    """True when either item's key appears in the other's shown text."""
    return _gives_away(first, second) or _gives_away(second, first)


def _gives_away(keyed: Item, reader: Item) -> bool:
    text = shown_text(reader)
    return any(f" {form} " in text for form in key_forms(keyed))


def facts_of(item: Item) -> set[str]:
    """Every fact an item draws on (a timeline question draws on several)."""
    return {item.fact, *item.facts}


def linked(first: Item, second: Item) -> bool:
    """True when the items share a fact, or one names the other's fact as related."""
    mine, theirs = facts_of(first), facts_of(second)
    return bool(mine & theirs or mine & set(second.related) or theirs & set(first.related))


#: How many questions of one set or quiz may share a key: more, and "pick Kerry" is a strategy.
MAX_SAME_KEY = 2


def compatible(item: Item, chosen: Iterable[Item]) -> bool:
    """True when `item` is not linked to, does not clue and is not clued by any of `chosen`,
    and its key is not already the key of MAX_SAME_KEY of them."""
    key = key_forms(item)[:1]
    same_key = 0
    for other in chosen:
        if linked(item, other) or clues(item, other):
            return False
        same_key += bool(key) and key_forms(other)[:1] == key
    return same_key < MAX_SAME_KEY

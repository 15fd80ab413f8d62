"""Wrong options of the key's type, drawn from the fact base first and invented only when short.

Pools are built once per fact base and indexed (by kind and country, by unit, by precision), so
finding distractors costs the same whatever the size of the base: no quadratic search.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.model import (
    ENTITY_KINDS,
    Answer,
    DateAnswer,
    Entity,
    EntityAnswer,
    EntityKind,
    Fact,
    FactBase,
    FactKind,
    NumberAnswer,
    TextAnswer,
    format_number,
    shown_number,
)
from quizgen.questions.option_text import normalise_option

T = TypeVar("T")

#: With this many hand-picked figures or dates, no others are mixed in: the author chose
#: them to fit the stem and the story, and an invented one may not.
ENOUGH_CURATED = 3

#: Qualifiers that make a figure a lower or an upper bound.
LOWER_BOUNDS = ("more than", "at least")
UPPER_BOUNDS = ("up to", "nearly", "as many as")

#: How many candidates are drawn from each tier (same group, same country, all; like posts, all).
#: Tuning: changing it changes the wrong options of every deck built after.
DRAW_PER_TIER = 12


@dataclass
class Pools:
    """Every candidate wrong answer in the fact base, indexed for quick draws."""

    entities: dict[EntityKind, list[Entity]] = field(default_factory=dict)
    by_country: dict[tuple[EntityKind, str], list[Entity]] = field(default_factory=dict)
    by_group: dict[str, list[Entity]] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)
    speakers_of: dict[str | None, list[Entity]] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    roles_by_first_word: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, list[float]] = field(default_factory=dict)
    dates: dict[Precision, list[PartialDate]] = field(default_factory=dict)
    story_end: dt.date = dt.date.max
    caption_only: frozenset[str] = frozenset()

    @classmethod
    def build(cls, base: FactBase) -> Pools:
        """Index the fact base's entities, speakers, posts, figures and dates."""
        pools = cls()
        entities: dict[EntityKind, list[Entity]] = defaultdict(list)
        by_country: dict[tuple[EntityKind, str], list[Entity]] = defaultdict(list)
        by_group: dict[str, list[Entity]] = defaultdict(list)
        for entity in base.entities:
            entities[entity.kind].append(entity)
            if entity.group:
                by_group[entity.group].append(entity)
            if entity.country:
                by_country[(entity.kind, entity.country)].append(entity)
        numbers: dict[str, set[float]] = defaultdict(set)
        dates: dict[Precision, set[PartialDate]] = defaultdict(set)
        roles: dict[str, str] = {}
        for fact in base.facts:
            if not fact.askable:
                continue
            if fact.event_date:
                dates[fact.event_date.precision].add(fact.event_date)
            if fact.contested:
                continue  # one source's figure is never a distractor against another's
            answer = fact.answer
            if isinstance(answer, EntityAnswer) and fact.kind is FactKind.WHO_SAID:
                pools.speakers.add(answer.entity)
            elif isinstance(answer, NumberAnswer):
                numbers[answer.unit].add(float(answer.number))
            elif isinstance(answer, DateAnswer):
                dates[answer.date.precision].add(answer.date)
            elif isinstance(answer, TextAnswer) and fact.kind is FactKind.ROLE:
                roles.setdefault(normalise_option(answer.text), answer.text)
        speakers_of: dict[str | None, list[Entity]] = defaultdict(list)
        for entity in base.entities:
            if entity.id in pools.speakers:
                speakers_of[entity.country].append(entity)
                speakers_of["*"].append(entity)
        pools.speakers_of = dict(speakers_of)
        pools.entities = dict(entities)
        pools.by_country = dict(by_country)
        pools.by_group = dict(by_group)
        pools.roles = sorted(roles.values())
        by_word: dict[str, list[str]] = defaultdict(list)
        for role in pools.roles:
            by_word[role.split()[0]].append(role)
        pools.roles_by_first_word = dict(by_word)
        pools.numbers = {unit: sorted(values) for unit, values in numbers.items()}
        pools.dates = {p: sorted(values) for p, values in dates.items()}
        pools.story_end = story_end(base)
        pools.caption_only = frozenset(e.id for e in base.entities if e.caption_only)
        return pools


def story_end(base: FactBase) -> dt.date:
    """The last day the documents can speak of: the end of the newest date any of them gives."""
    dated = [s.date for s in base.sources if s.date] + [
        d
        for f in base.facts
        for d in (f.event_date, f.answer.date if isinstance(f.answer, DateAnswer) else None)
        if d is not None
    ]
    return max((d.span()[1] for d in dated), default=dt.date.max)


@dataclass(frozen=True, slots=True)
class Candidates:
    """Wrong options for one question: free ones, or, for numbers and dates, split by side."""

    free: tuple[str, ...] = ()
    below: tuple[tuple[float, str], ...] = ()  # (sort value, text), best first
    above: tuple[tuple[float, str], ...] = ()
    key_value: float = 0.0

    @property
    def ordered(self) -> bool:
        """True for numbers and dates, whose options are shown in ascending order."""
        return bool(self.below or self.above)


class Excluder:
    """Rejects a candidate that is the key, an accepted answer, or a repeat of an option."""

    def __init__(self, forbidden: Iterable[str]) -> None:
        self.taken = {normalise_option(t) for t in forbidden}

    def admit(self, text: str) -> bool:
        """True (and remember it) when `text` is new after normalisation."""
        norm = normalise_option(text)
        if not norm or norm in self.taken:
            return False
        self.taken.add(norm)
        return True


def candidates_for(
    base: FactBase,
    pools: Pools,
    fact: Fact,
    answer: Answer,
    accepted: tuple[str, ...],
    rng: random.Random,
    forbidden: Iterable[str] = (),
) -> Candidates:
    """Wrong options for `answer`, best first, never the key, an alias or a contested variant."""
    excluder = Excluder([*base.accepted_texts(answer, accepted), *forbidden])
    for variant in fact.variants:
        excluder.admit(base.answer_text(variant.answer))
    if isinstance(answer, EntityAnswer):
        return Candidates(free=_entities(base, pools, fact, answer, rng, excluder))
    if isinstance(answer, TextAnswer):
        return Candidates(free=_texts(pools, fact, rng, excluder))
    if isinstance(answer, NumberAnswer):
        below, above = _numbers(pools, fact, answer, rng)
        show = lambda v: format_number(_renumber(answer, v))  # noqa: E731
        return _ordered(float(answer.number), below, above, float, show, excluder)
    assert isinstance(answer, DateAnswer)
    below_d, above_d = _dates(pools, fact, answer.date, rng)
    value = float(answer.date.ordinal())
    return _ordered(value, below_d, above_d, _date_value, PartialDate.human, excluder)


def _date_value(date: PartialDate) -> float:
    return float(date.ordinal())


def _renumber(answer: NumberAnswer, value: float) -> NumberAnswer:
    return NumberAnswer(shown_number(value), answer.unit, answer.qualifier)


def _ordered(
    key_value: float,
    below: list[T],
    above: list[T],
    value: Callable[[T], float],
    show: Callable[[T], str],
    excluder: Excluder,
) -> Candidates:
    kept_below = tuple((value(v), show(v)) for v in below if excluder.admit(show(v)))
    kept_above = tuple((value(v), show(v)) for v in above if excluder.admit(show(v)))
    return Candidates(below=kept_below, above=kept_above, key_value=key_value)


def _entities(
    base: FactBase,
    pools: Pools,
    fact: Fact,
    answer: EntityAnswer,
    rng: random.Random,
    excluder: Excluder,
) -> tuple[str, ...]:
    key = base.entity(answer.entity)
    banned = {key.id, *fact.excludes, *pools.caption_only}
    tiers: list[list[Entity]] = [
        [base.entity(d.entity) for d in fact.distractors if isinstance(d, EntityAnswer)]
    ]
    kinds = ENTITY_KINDS.get(fact.kind, (key.kind,))
    if key.group:  # a news outlet for a news outlet, an armed group for an armed group
        same_group = pools.by_group.get(key.group, [])
        local = [e for e in same_group if e.country == key.country]
        kinds, tiers = (), [*tiers, local, same_group]
    for kind in kinds:
        same_country = pools.by_country.get((kind, key.country), []) if key.country else []
        everyone = pools.entities.get(kind, [])
        if fact.kind is FactKind.WHO_SAID:  # other speakers of the story first
            tiers.append(pools.speakers_of.get(key.country, []) if key.country else [])
            tiers.append(pools.speakers_of.get("*", []))
        # a place or a weapon from elsewhere would give the answer away: stay in its country
        local_only = kind in (EntityKind.PLACE, EntityKind.WEAPON) and key.country
        tiers.extend([same_country] if local_only else [same_country, everyone])
    chosen: list[str] = []
    for tier in tiers:
        for entity in _shuffled(tier, rng, limit=DRAW_PER_TIER):
            if (
                entity.id not in banned
                and _shares(entity, key, fact)
                and excluder.admit(entity.name)
            ):
                banned.add(entity.id)
                chosen.append(entity.name)
            if len(chosen) == 3:
                return tuple(chosen)
    return tuple(chosen)


def _shares(entity: Entity, key: Entity, fact: Fact) -> bool:
    """True when `entity` has every attribute the fact's stem implies (`options_share`)."""
    return all(entity.attribute(name) == key.attribute(name) for name in fact.options_share)


def _texts(pools: Pools, fact: Fact, rng: random.Random, excluder: Excluder) -> tuple[str, ...]:
    curated = [d.text for d in fact.distractors if isinstance(d, TextAnswer)]
    chosen = [t for t in _shuffled(curated, rng) if excluder.admit(t)][:3]
    if fact.kind is FactKind.ROLE and len(chosen) < 3 and isinstance(fact.answer, TextAnswer):
        # posts of the same country or body first ("U.S. ..." for "U.S. Secretary of Defense")
        first_word = fact.answer.text.split()[0]
        alike = [r for r in pools.roles_by_first_word.get(first_word, [])]
        drawn = [*_shuffled(alike, rng, DRAW_PER_TIER), *_shuffled(pools.roles, rng, DRAW_PER_TIER)]
        for role in drawn:
            if len(chosen) < 3 and excluder.admit(role):
                chosen.append(role)
    return tuple(chosen)


def _shuffled(items: Sequence[T], rng: random.Random, limit: int | None = None) -> list[T]:
    """A random selection of `items` (all of them, or `limit` drawn without a full shuffle)."""
    if limit is not None and len(items) > limit:
        return rng.sample(items, limit)
    copy = list(items)
    rng.shuffle(copy)
    return copy


def _numbers(
    pools: Pools, fact: Fact, answer: NumberAnswer, rng: random.Random
) -> tuple[list[float], list[float]]:
    key = float(answer.number)
    curated = [float(d.number) for d in fact.distractors if isinstance(d, NumberAnswer)]
    pool = pools.numbers.get(answer.unit, [])
    # the nearest figures of the same unit, within a factor of ten of the key
    low = max(bisect.bisect_left(pool, key / 10), bisect.bisect_left(pool, key) - 6)
    mid = bisect.bisect_left(pool, key)
    high = min(bisect.bisect_right(pool, key * 10), bisect.bisect_right(pool, key) + 6)
    near_below = _shuffled(pool[low:mid], rng)
    near_above = _shuffled([v for v in pool[mid:high] if v != key], rng)
    invented_below, invented_above = _invented_numbers(key, rng)
    below = [v for v in curated if v < key] + near_below + invented_below
    above = [v for v in curated if v > key] + near_above + invented_above
    if len(curated) >= ENOUGH_CURATED:  # the author's figures only: no others mixed in
        below, above = [v for v in curated if v < key], [v for v in curated if v > key]
    # an open-ended key implies every option on its open side ("more than 250,000" makes "more
    # than 200,000" true too): offer only values on the side that would make the stem false
    if answer.qualifier in LOWER_BOUNDS:
        below = []
    if answer.qualifier in UPPER_BOUNDS:
        above = []
    return below, above


def _invented_numbers(key: float, rng: random.Random) -> tuple[list[float], list[float]]:
    """Plausible figures either side of the key, rounded as the key is rounded (376 gives 263,
    not 260; 275,000 gives 193,000), so no option stands out by its roundness."""
    if key <= 12 and key.is_integer():
        below = [key - d for d in (1, 2, 3, 4) if key - d > 0]
        above = [key + d for d in (1, 2, 3, 5)]
    else:
        step = 10 ** trailing_zeros(key)
        below = [round(key * f / step) * step for f in (0.5, 0.6, 0.7, 0.8)]
        above = [round(key * f / step) * step for f in (1.25, 1.5, 1.75, 2.0)]
        below = [v for v in below if 0 < v < key]
        above = [v for v in above if v > key]
    return _shuffled(below, rng), _shuffled(above, rng)


def trailing_zeros(value: float) -> int:
    """How many zeros end a whole number (376: 0, 275,000: 3); 0 for fractions and zero."""
    if not float(value).is_integer() or value == 0:
        return 0
    whole, count = int(value), 0
    while whole % 10 == 0:
        whole, count = whole // 10, count + 1
    return count


def _dates(
    pools: Pools, fact: Fact, key: PartialDate, rng: random.Random
) -> tuple[list[PartialDate], list[PartialDate]]:
    curated = [d.date for d in fact.distractors if isinstance(d, DateAnswer)]
    pool = pools.dates.get(key.precision, [])
    index = bisect.bisect_left(pool, key)
    near_below = _shuffled(pool[max(0, index - 6) : index], rng)
    near_above = _shuffled([d for d in pool[index : index + 7] if d != key], rng)
    invented_below, invented_above = _invented_dates(key, rng)
    invented_above = [d for d in invented_above if d.span()[1] <= pools.story_end]
    below = [d for d in curated if d < key] + near_below + invented_below
    above = [d for d in curated if d > key] + near_above + invented_above
    if len(curated) >= ENOUGH_CURATED:  # the author's dates only: no others mixed in
        below, above = [d for d in curated if d < key], [d for d in curated if d > key]
    return below, above


def _invented_dates(
    key: PartialDate, rng: random.Random
) -> tuple[list[PartialDate], list[PartialDate]]:
    """Other dates at the key's precision: days, months or years either side of it."""
    if key.precision is Precision.DAY:
        day = dt.date(key.year, key.month, key.day)
        shifted = [day + dt.timedelta(days=d) for d in (-9, -6, -4, -2, 2, 4, 6, 9)]
        made = [PartialDate(d.year, d.month, d.day, Precision.DAY) for d in shifted]
    elif key.precision is Precision.MONTH:
        months = [key.year * 12 + key.month - 1 + d for d in (-3, -2, -1, 1, 2, 3)]
        made = [PartialDate(m // 12, m % 12 + 1, 0, Precision.MONTH) for m in months]
    else:
        made = [PartialDate(key.year + d, 0, 0, Precision.YEAR) for d in (-3, -2, -1, 1, 2, 3)]
    return _shuffled([d for d in made if d < key], rng), _shuffled(
        [d for d in made if d > key], rng
    )

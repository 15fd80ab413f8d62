"""Fact-base records built directly (every field typed), for unit tests of the question stage."""

from __future__ import annotations

from synthetic import HERE, REVISED, SOURCE, TOPICS

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.model import (
    Answer,
    Entity,
    EntityKind,
    Evidence,
    Fact,
    FactBase,
    FactKind,
    Source,
    Status,
    Variant,
)


def date(text: str) -> PartialDate:
    """`2016-10-07`, `2016-10` or `2016`, at the precision the text shows."""
    precision = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}[len(text)]
    return PartialDate.parse(text, precision)


def entity(
    entity_id: str,
    name: str,
    kind: EntityKind = EntityKind.PERSON,
    *,
    aliases: tuple[str, ...] = (),
    country: str | None = None,
    organisation: str | None = None,
    group: str | None = None,
    gender: str | None = None,
    office: str | None = None,
    council_seat: str | None = None,
    caption_only: bool = False,
) -> Entity:
    """An entity; only what a test sets is filled in."""
    return Entity(
        id=entity_id,
        kind=kind,
        name=name,
        aliases=aliases,
        role=None,
        country=country,
        organisation=organisation,
        location=HERE,
        group=group,
        gender=gender,
        office=office,
        council_seat=council_seat,
        caption_only=caption_only,
    )


def fact(
    fact_id: str,
    answer: Answer | None,
    kind: FactKind = FactKind.DETAIL,
    *,
    statement: str = "",
    status: Status = Status.SETTLED,
    accepted: tuple[str, ...] = (),
    excludes: tuple[str, ...] = (),
    distractors: tuple[Answer, ...] = (),
    topics: tuple[str, ...] = ("alpha",),
    event: str | None = None,
    event_date: PartialDate | None = None,
    variants: tuple[Variant, ...] = (),
    options_share: tuple[str, ...] = (),
    related: tuple[str, ...] = (),
) -> Fact:
    """A fact proved by one quote of the synthetic document `doc`."""
    return Fact(
        id=fact_id,
        kind=kind,
        status=status,
        statement=statement or f"Statement of {fact_id}.",
        question=None if answer is None else f"Question about {fact_id}?",
        answer=answer,
        accepted=accepted,
        excludes=excludes,
        distractors=distractors,
        topics=topics,
        event=event,
        event_date=event_date,
        explanation=f"Because of {fact_id}.",
        evidence=(Evidence(source=SOURCE.id, quote=f"quote {fact_id}", location=HERE),),
        variants=variants,
        note=None,
        revised=REVISED,
        location=HERE,
        options_share=options_share,
        related=related,
    )


def variant(according_to: str, answer: Answer) -> Variant:
    """One attributed side of a contested fact."""
    quote = f"{according_to} says so"
    return Variant(
        according_to=according_to,
        question=f"According to {according_to}, what?",
        answer=answer,
        accepted=(),
        evidence=(Evidence(source=SOURCE.id, quote=quote, location=HERE),),
    )


def fact_base(
    entities: tuple[Entity, ...] = (),
    facts: tuple[Fact, ...] = (),
    sources: tuple[Source, ...] = (SOURCE,),
) -> FactBase:
    """A fact base of these records and the synthetic topics."""
    return FactBase(sources, entities, TOPICS, facts)

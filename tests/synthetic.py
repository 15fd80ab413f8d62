"""Synthetic fact bases built directly as records, for property tests of the generator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.model import (
    DateAnswer,
    Entity,
    EntityAnswer,
    EntityKind,
    Evidence,
    Fact,
    FactBase,
    FactKind,
    Location,
    NumberAnswer,
    Source,
    Status,
    TextAnswer,
    Topic,
    Variant,
)

HERE = Location("synthetic.yaml", 1)
SOURCE = Source(
    id="doc",
    file="doc.txt",
    sha256="0" * 64,
    outlet="Outlet",
    headline="Headline",
    date=None,
    date_note="undated",
    summary="s",
    location=HERE,
)
TOPICS = (Topic("alpha", "Alpha", "a"), Topic("beta", "Beta", "b"))
COUNTRIES = ("land-a", "land-b", "land-c")
UNITS = ("civilians", "fighters")
REVISED = dt.date(2026, 11, 22)


def _fact(fact_id: str, kind: FactKind, answer, statement: str, **extra) -> Fact:  # type: ignore[no-untyped-def]
    fields: dict[str, Any] = {
        "question": f"Question about {fact_id}?",
        "accepted": (),
        "excludes": (),
        "distractors": (),
        "event": None,
        "event_date": None,
        "variants": (),
        "note": None,
        "status": Status.SETTLED,
    }
    fields.update(extra)
    return Fact(
        id=fact_id,
        kind=kind,
        statement=statement,
        answer=answer,
        topics=(TOPICS[len(fact_id) % 2].id,),
        explanation=f"Because of {fact_id}.",
        evidence=(Evidence(source="doc", quote=f"quote {fact_id}", location=HERE),),
        revised=REVISED,
        location=HERE,
        **fields,
    )


@st.composite
def fact_bases(draw: st.DrawFn) -> FactBase:
    """A small random fact base with people, figures, dates, texts and contested facts."""
    people_count = draw(st.integers(2, 9))
    people = tuple(
        Entity(
            id=f"person-{i}",
            kind=EntityKind.PERSON,
            name=f"Person {chr(65 + i)} Name{i}",
            aliases=(f"P{i}",),
            role="Official",
            country=COUNTRIES[i % 3],
            organisation=None,
            location=HERE,
        )
        for i in range(people_count)
    )
    countries = tuple(
        Entity(
            id=c,
            kind=EntityKind.COUNTRY,
            name=c.title(),
            aliases=(),
            role=None,
            country=None,
            organisation=None,
            location=HERE,
        )
        for c in COUNTRIES
    )
    facts: list[Fact] = []
    for i in range(draw(st.integers(1, 6))):
        speaker = people[draw(st.integers(0, people_count - 1))]
        facts.append(
            _fact(
                f"said-{i}",
                FactKind.WHO_SAID,
                EntityAnswer(speaker.id),
                f"{speaker.name} said thing {i}.",
            )
        )
    for i in range(draw(st.integers(0, 5))):
        value = draw(st.integers(1, 2_000_000))
        unit = draw(st.sampled_from(UNITS))
        facts.append(
            _fact(
                f"count-{i}",
                FactKind.NUMBER,
                NumberAnswer(value, unit),
                f"There were {value:,} {unit} in place {i}.",
            )
        )
    for i in range(draw(st.integers(0, 6))):
        day = dt.date(2016, 9, 1) + dt.timedelta(days=draw(st.integers(0, 90)))
        precision = draw(st.sampled_from([Precision.DAY, Precision.DAY, Precision.MONTH]))
        date = PartialDate(
            day.year, day.month, day.day if precision is Precision.DAY else 0, precision
        )
        facts.append(
            _fact(
                f"event-{i}",
                FactKind.DATE,
                DateAnswer(date),
                f"Event {i} happened on {date.human()}.",
                event=f"Event number {i}",
                event_date=date,
            )
        )
    for i in range(draw(st.integers(0, 3))):
        wrong = tuple(TextAnswer(f"wrong reason {i}-{j}") for j in range(draw(st.integers(2, 4))))
        facts.append(
            _fact(
                f"why-{i}",
                FactKind.CAUSE,
                TextAnswer(f"the real reason {i}"),
                f"It happened because of the real reason {i}.",
                distractors=wrong,
            )
        )
    if draw(st.booleans()):
        a, b = draw(st.integers(100, 900)), draw(st.integers(1000, 5000))
        variants = tuple(
            Variant(
                according_to=f"source {n}",
                question=f"According to source {n}, how many?",
                answer=NumberAnswer(v, "civilians"),
                accepted=(),
                evidence=(Evidence(source="doc", quote=f"says {v}", location=HERE),),
            )
            for n, v in ((1, a), (2, b))
        )
        facts.append(
            _fact(
                "disputed",
                FactKind.NUMBER,
                None,
                "Sources disagree.",
                question=None,
                status=Status.CONTESTED,
                variants=variants,
            )
        )
    return FactBase((SOURCE,), people + countries, TOPICS, tuple(facts))

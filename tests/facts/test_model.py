"""The fact-base records: lookups by id, answers as a learner reads them, numbers, citations."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.model import (
    Answer,
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
    format_number,
    shown_number,
    unit_for,
)

HERE = Location("notes.yaml", 1)


def source(source_id: str, outlet: str = "The Gazette", date: PartialDate | None = None) -> Source:
    return Source(
        id=source_id,
        file=f"{source_id}.txt",
        sha256="0" * 64,
        outlet=outlet,
        headline="Headline",
        date=date,
        date_note="",
        summary="Summary.",
        location=HERE,
    )


def entity(entity_id: str, name: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        id=entity_id,
        kind=EntityKind.PERSON,
        name=name,
        aliases=aliases,
        role="Mayor",
        country=None,
        organisation=None,
        location=HERE,
        gender="female",
        office="mayor",
    )


def evidence(source_id: str) -> Evidence:
    return Evidence(source=source_id, quote=f"quote from {source_id}", location=HERE)


def fact(
    fact_id: str,
    *,
    status: Status = Status.SETTLED,
    revised: dt.date = dt.date(2026, 11, 22),
    cites: tuple[str, ...] = ("gazette",),
    variants: tuple[Variant, ...] = (),
) -> Fact:
    return Fact(
        id=fact_id,
        kind=FactKind.PERSON,
        status=status,
        statement="Lena Ortiz opened the bridge.",
        question=None if variants else "Who opened the bridge?",
        answer=None if variants else EntityAnswer("lena-ortiz"),
        accepted=(),
        excludes=(),
        distractors=(),
        topics=("bridge",),
        event=None,
        event_date=None,
        explanation="",
        evidence=tuple(evidence(s) for s in cites),
        variants=variants,
        note=None,
        revised=revised,
        location=HERE,
    )


def variant(according_to: str, cites: str) -> Variant:
    return Variant(
        according_to=according_to,
        question=f"According to {according_to}, who opened the bridge?",
        answer=EntityAnswer("tom-reyes"),
        accepted=(),
        evidence=(evidence(cites),),
    )


ORTIZ = entity("lena-ortiz", "Lena Ortiz", ("Ortiz", "Mayor Ortiz"))
REYES = entity("tom-reyes", "Tom Reyes")
GAZETTE, COURIER = source("gazette"), source("courier", outlet="unknown")
OPENED = fact("opened")
BASE = FactBase(
    (GAZETTE, COURIER), (ORTIZ, REYES), (Topic("bridge", "The bridge", "d"),), (OPENED,)
)


def test_lookups_find_each_record_by_id() -> None:
    assert BASE.source("courier") is COURIER
    assert BASE.entity("tom-reyes") is REYES
    assert BASE.fact("opened") is OPENED


@pytest.mark.parametrize("lookup", ["source", "entity", "fact"])
def test_lookup_of_an_unknown_id_is_a_key_error(lookup: str) -> None:
    with pytest.raises(KeyError, match="nobody"):
        getattr(BASE, lookup)("nobody")


def test_the_base_is_immutable_and_compares_by_its_records() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        BASE.facts = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        BASE._entity_by_id["x"] = ORTIZ  # type: ignore[index]
    same = FactBase(BASE.sources, BASE.entities, BASE.topics, BASE.facts)
    assert same == BASE
    assert same != FactBase(BASE.sources, (ORTIZ,), BASE.topics, BASE.facts)


def test_a_later_record_with_the_same_id_wins_the_lookup() -> None:
    renamed = entity("lena-ortiz", "L. Ortiz")
    assert FactBase((), (ORTIZ, renamed), (), ()).entity("lena-ortiz") is renamed


@pytest.mark.parametrize(
    ("revisions", "expected"),
    [
        ((), dt.date(2016, 1, 1)),
        ((dt.date(2026, 11, 22),), dt.date(2026, 11, 22)),
        (
            (dt.date(2026, 1, 5), dt.date(2026, 11, 22), dt.date(2025, 12, 31)),
            dt.date(2026, 11, 22),
        ),
    ],
)
def test_revision_is_the_newest_fact_revision(
    revisions: tuple[dt.date, ...], expected: dt.date
) -> None:
    facts = tuple(fact(f"fact-{i}", revised=day) for i, day in enumerate(revisions))
    assert FactBase((), (ORTIZ,), (), facts).revision() == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (EntityAnswer("lena-ortiz"), "Lena Ortiz"),
        (DateAnswer(PartialDate(2016, 10, 7, Precision.DAY)), "October 7, 2016"),
        (DateAnswer(PartialDate(2016, 10, 0, Precision.MONTH)), "October 2016"),
        (DateAnswer(PartialDate(2016, 0, 0, Precision.YEAR)), "2016"),
        (NumberAnswer(275000, "civilians", "about"), "about 275,000 civilians"),
        (TextAnswer("the beams were late"), "the beams were late"),
    ],
)
def test_answer_text_is_what_a_learner_reads(answer: Answer, expected: str) -> None:
    assert BASE.answer_text(answer) == expected


@pytest.mark.parametrize(
    ("answer", "accepted", "expected"),
    [
        (EntityAnswer("lena-ortiz"), (), ("Lena Ortiz", "Ortiz", "Mayor Ortiz")),
        (
            EntityAnswer("lena-ortiz"),
            ("the mayor", "Ortiz", "Lena Ortiz"),
            ("Lena Ortiz", "Ortiz", "Mayor Ortiz", "the mayor"),
        ),
        (EntityAnswer("tom-reyes"), ("Reyes",), ("Tom Reyes", "Reyes")),
        (
            NumberAnswer(40000000, "crowns"),
            ("40 million crowns",),
            ("40,000,000 crowns", "40 million crowns"),
        ),
        (TextAnswer("late beams"), ("late beams", "beams"), ("late beams", "beams")),
    ],
)
def test_accepted_texts_are_answer_then_aliases_then_accepted_without_repeats(
    answer: Answer, accepted: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert BASE.accepted_texts(answer, accepted) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (NumberAnswer(275000, "civilians"), "275,000 civilians"),
        (NumberAnswer(275000.0, "civilians"), "275,000 civilians"),
        (NumberAnswer(900, "fighters", "about"), "about 900 fighters"),
        (NumberAnswer(250000, "civilians", "more than"), "more than 250,000 civilians"),
        (NumberAnswer(1234567, "people", "as many as"), "as many as 1,234,567 people"),
        (NumberAnswer(1234.5, "tonnes"), "1,234.5 tonnes"),
        (NumberAnswer(2.5, "million people", "nearly"), "nearly 2.5 million people"),
        (NumberAnswer(0, "deaths"), "0 deaths"),
        (NumberAnswer(1, "convoy"), "1 convoy"),
        (NumberAnswer(1, "warships"), "1 warship"),
        (NumberAnswer(1.0, "casualties", "about"), "about 1 casualty"),
        (NumberAnswer(3, "warships"), "3 warships"),
        (NumberAnswer(1.5, "months"), "1.5 months"),
    ],
)
def test_format_number(answer: NumberAnswer, expected: str) -> None:
    assert format_number(answer) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1, "warships", "warship"),
        (1, "people wounded", "person wounded"),
        (1, "casualties", "casualty"),
        (1, "civilians", "civilian"),
        (1, "glass", "glass"),
        (1, "tonnes of flour", "tonne of flour"),
        (0, "warships", "warships"),
        (2, "warships", "warships"),
        (0.5, "months", "months"),
        (275000, "civilians", "civilians"),
    ],
)
def test_unit_for_agrees_with_one(value: float, unit: str, expected: str) -> None:
    assert unit_for(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        (275000.0, 275000, int),
        (275000, 275000, int),
        (0.0, 0, int),
        (2.5, 2.5, float),
        (1234.25, 1234.25, float),
    ],
)
def test_shown_number_drops_a_whole_numbers_point(
    value: float, expected: float, kind: type
) -> None:
    shown = shown_number(value)
    assert shown == expected
    assert type(shown) is kind


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("The Gazette", "The Gazette"),
        ("unknown", "outlet not named"),
        ("Unknown Press", "Unknown Press"),
    ],
)
def test_shown_outlet(outlet: str, expected: str) -> None:
    assert source("s", outlet=outlet).shown_outlet == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, "undated"),
        (PartialDate(2016, 10, 7, Precision.DAY), "October 7, 2016"),
        (PartialDate(2016, 10, 0, Precision.MONTH), "October 2016"),
        (PartialDate(2016, 0, 0, Precision.YEAR), "2016"),
    ],
)
def test_shown_date(date: PartialDate | None, expected: str) -> None:
    assert source("s", date=date).shown_date == expected


@pytest.mark.parametrize(
    ("status", "contested", "askable"),
    [
        (Status.SETTLED, False, True),
        (Status.CONTESTED, True, True),
        (Status.SLIP, False, False),
    ],
)
def test_status_decides_contested_and_askable(
    status: Status, contested: bool, askable: bool
) -> None:
    assert (fact("f", status=status).contested, fact("f", status=status).askable) == (
        contested,
        askable,
    )


def test_source_ids_are_in_first_cited_order_across_variants() -> None:
    disputed = fact(
        "disputed",
        status=Status.CONTESTED,
        cites=("courier",),
        variants=(variant("the council", "gazette"), variant("the organisers", "courier")),
    )
    assert [e.source for e in disputed.all_evidence()] == ["courier", "gazette", "courier"]
    assert disputed.source_ids() == ("courier", "gazette")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gender", "female"),
        ("office", "mayor"),
        ("country", None),
        ("organisation", None),
        ("council_seat", None),
    ],
)
def test_entity_attribute(name: str, expected: str | None) -> None:
    assert ORTIZ.attribute(name) == expected

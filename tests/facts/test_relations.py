"""Related facts: linked by hand (either side) or by a shared run of a proof quote."""

from __future__ import annotations

import dataclasses

from synthetic import HERE, REVISED, SOURCE

from quizgen.facts.model import Evidence, Fact, FactBase, FactKind, Status, TextAnswer
from quizgen.facts.relations import SHARED_RUN, related_facts


def fact(fid: str, quote: str, role: str = "proof", **extra: object) -> Fact:
    return Fact(
        id=fid,
        kind=FactKind.DETAIL,
        status=Status.SETTLED,
        statement=f"Statement {fid}.",
        question="Q?",
        answer=TextAnswer("a"),
        accepted=(),
        excludes=(),
        distractors=(),
        topics=("alpha",),
        event=None,
        event_date=None,
        explanation="E.",
        evidence=(Evidence(source="doc", quote=quote, location=HERE, role=role),),
        variants=(),
        note=None,
        revised=REVISED,
        location=HERE,
        **extra,  # type: ignore[arg-type]
    )


def base(*facts: Fact) -> FactBase:
    return FactBase(sources=(SOURCE,), entities=(), topics=(), facts=facts)


SENTENCE = "the attack claimed 376 lives and injured 1,200 others in the city"


def test_facts_proved_by_the_same_sentence_are_related_both_ways() -> None:
    deaths = fact("deaths", SENTENCE)
    injuries = fact("injuries", "claimed 376 lives and injured 1,200 others")
    other = fact("other", "a quite different sentence about another day entirely")
    links = related_facts(base(deaths, injuries, other))
    assert links == {"deaths": ("injuries",), "injuries": ("deaths",)}


def test_a_run_shorter_than_the_threshold_or_a_dating_quote_links_nothing() -> None:
    words = SENTENCE.split()
    short = fact("short", " ".join(words[: SHARED_RUN - 1]))
    dating = fact("dating", SENTENCE, role="dating")
    assert related_facts(base(fact("full", SENTENCE), short, dating)) == {}


def test_a_link_by_hand_on_one_side_holds_for_both() -> None:
    first = fact("first", "one sentence here that nobody else will ever quote at all")
    second = dataclasses.replace(
        fact("second", "another sentence that stands quite alone in the text"), related=("first",)
    )
    assert related_facts(base(first, second)) == {"first": ("second",), "second": ("first",)}

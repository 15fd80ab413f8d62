"""Timeline questions never ask an order that the events' dates cannot settle."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from fact_records import date, fact
from hypothesis import given
from hypothesis import strategies as st

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.model import Fact, Status
from quizgen.questions.model import Citation, Form
from quizgen.questions.timeline import (
    FIRST_STEM,
    ORDER_STEM,
    Timeline,
    first_draft,
    order_question,
)


def event(
    fact_id: str, label: str | None, when: str | None, status: Status = Status.SETTLED
) -> Fact:
    return fact(
        fact_id,
        None,
        status=status,
        event=label,
        event_date=date(when) if when else None,
        topics=(f"topic-{fact_id}", "shared"),
    )


def cite(f: Fact) -> tuple[Citation, ...]:
    """Two citations per fact: a timeline question cites both (a date and the event are
    often two sentences apart)."""
    return tuple(
        Citation(outlet="o", headline="h", date="d", document="doc.txt", quote=f"{f.id} {n}")
        for n in (1, 2)
    )


A = event("a", "Talks in Geneva", "2016-10-03")
B = event("b", "October offensive", "2016-10")
C = event("c", "Convoy struck", "2016-10-05")
H = event("h", "Convoy struck", "2016-10-09")  # a second fact of the same event
D = event("d", "November summit", "2016-11")
E = event("e", "Hospital hit", "2016-11-02")
F = event("f", "Year of sieges", "2016")
G = event("g", "Inauguration", "2017")
LEFT_OUT = [
    event("slip", "Misprinted year", "2105", status=Status.SLIP),
    event("undated", "Undated event", None),
    event("no-label", None, "2016-10-04"),
]
TIMELINE = Timeline.of([G, LEFT_OUT[0], E, D, H, C, LEFT_OUT[1], B, A, F, LEFT_OUT[2]])


def test_the_timeline_holds_askable_dated_events_by_first_possible_day() -> None:
    assert [e.id for e in TIMELINE.events] == ["f", "b", "a", "c", "h", "d", "e", "g"]
    assert TIMELINE.starts == tuple(e.event_date.ordinal() for e in TIMELINE.events if e.event_date)
    assert TIMELINE.starts == tuple(sorted(TIMELINE.starts))


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (A, ["c", "d", "e", "g"]),  # not b: October 2016 may be before October 3
        (B, ["d", "e", "g"]),  # not c or h: they fall inside October
        (C, ["d", "e", "g"]),  # not h: the same event, told again
        (D, ["g"]),  # not e: November 2 falls inside November
        (F, ["g"]),
        (G, []),
    ],
)
def test_surely_after(earlier: Fact, later: list[str]) -> None:
    assert [e.id for e in TIMELINE.surely_after(earlier)] == later


def test_which_happened_first_offers_only_events_surely_after_the_key() -> None:
    draft = first_draft(TIMELINE, B, random.Random(3), cite)
    assert draft is not None
    assert (draft.id, draft.stem, draft.key, draft.fact) == (
        "b/first",
        FIRST_STEM,
        "October offensive",
        "b",
    )
    assert sorted(draft.candidates.free) == ["Hospital hit", "Inauguration", "November summit"]
    assert draft.facts == ("b", "d", "e", "g")
    assert [s.quote for s in draft.sources] == [
        "b 1",
        "b 2",
        "d 1",
        "d 2",
        "e 1",
        "e 2",
        "g 1",
        "g 2",
    ]
    assert draft.topics == ("topic-b", "shared", "topic-d", "topic-e", "topic-g")
    dates = {
        "Hospital hit": "November 2, 2016",
        "Inauguration": "2017",
        "November summit": "November 2016",
    }
    by_date = ["Hospital hit", "November summit", "Inauguration"]  # by each one's last day
    assert draft.explanation == (
        "October offensive (October 2016) came first. The others: "
        + "; ".join(f"{label} ({dates[label]})" for label in by_date)
        + "."
    )


@pytest.mark.parametrize("fact_", [F, D, G], ids=["f", "d", "g"])
def test_no_first_question_with_fewer_than_two_later_events(fact_: Fact) -> None:
    assert first_draft(TIMELINE, fact_, random.Random(1), cite) is None


def test_which_happened_first_offers_one_event_per_date() -> None:
    same_day = [event("x", "X", "2016-10-05"), event("y", "Y", "2016-10-05")]
    key = event("k", "K", "2016-10-01")
    timeline = Timeline.of([key, *same_day, event("z", "Z", "2016-10-07")])
    for seed in range(10):
        draft = first_draft(timeline, key, random.Random(seed), cite)
        assert draft is not None
        assert len(draft.candidates.free) == 2
        assert "Z" in draft.candidates.free
        assert len({"X", "Y"} & set(draft.candidates.free)) == 1


def test_put_in_order_asks_the_only_chain_there_is() -> None:
    chain = [event("p", "P", "2016-10-01"), event("q", "Q", "2016-10"), event("r", "R", "2016-11")]
    timeline = Timeline.of(chain)
    questions = [
        q
        for seed in range(20)
        if (q := order_question(timeline, chain[0], random.Random(seed), cite))
    ]
    assert questions == []  # October 1 is not surely before October: no chain of three


def test_put_in_order_gives_the_events_in_date_order() -> None:
    chain = [event(i, i.upper(), f"2016-10-0{n}") for n, i in enumerate("pqr", start=1)]
    timeline = Timeline.of(chain)
    made = [order_question(timeline, chain[0], random.Random(seed), cite) for seed in range(20)]
    questions = [q for q in made if q is not None]
    assert questions  # from P, a chain P, Q, R is there to find
    for q in questions:
        assert (q.id, q.form, q.stem, q.fact) == ("p/order", Form.TIMELINE_ORDER, ORDER_STEM, "p")
        assert q.right_answer_text() == "P → Q → R"
        assert q.facts == ("p", "q", "r")
        assert [s.quote for s in q.sources] == ["p 1", "p 2", "q 1", "q 2", "r 1", "r 2"]
        assert q.explanation == (
            "In order: P (October 1, 2016); Q (October 2, 2016); R (October 3, 2016)."
        )


@st.composite
def timelines(draw: st.DrawFn) -> list[Fact]:
    facts = []
    for i in range(draw(st.integers(1, 16))):
        precision = draw(st.sampled_from(list(Precision)))
        day = dt.date(2016, 1, 1) + dt.timedelta(days=draw(st.integers(0, 500)))
        when = PartialDate(
            day.year,
            day.month if precision is not Precision.YEAR else 0,
            day.day if precision is Precision.DAY else 0,
            precision,
        )
        label = draw(st.sampled_from(["E0", "E1", "E2", "E3", "E4", "E5", "E6", "E7"]))
        facts.append(fact(f"f{i}", None, event=label, event_date=when))
    return facts


def surely_before(first: Fact, second: Fact) -> bool:
    assert first.event_date and second.event_date
    return first.event_date.surely_before(second.event_date)


@given(timelines())
def test_surely_after_gives_every_later_event_once_and_nothing_else(facts: list[Fact]) -> None:
    timeline = Timeline.of(facts)
    for f in facts:
        later = timeline.surely_after(f)
        assert all(surely_before(f, e) for e in later)
        labels = [e.event for e in later]
        assert len(labels) == len(set(labels))
        assert set(labels) == {e.event for e in facts if surely_before(f, e)} - {f.event}


@given(timelines(), st.integers())
def test_the_key_of_which_happened_first_is_surely_before_every_option(
    facts: list[Fact], seed: int
) -> None:
    timeline = Timeline.of(facts)
    by_id = {f.id: f for f in facts}
    for f in facts:
        draft = first_draft(timeline, f, random.Random(seed), cite)
        if draft is None:
            continue
        others = [by_id[i] for i in draft.facts if i != f.id]
        assert draft.key == f.event
        assert 2 <= len(others) <= 3
        assert all(surely_before(f, o) for o in others)
        assert sorted(draft.candidates.free) == sorted(str(o.event) for o in others)
        assert f.event not in draft.candidates.free
        assert len({o.event_date for o in others}) == len(others)


@given(timelines(), st.integers())
def test_put_in_order_answers_in_date_order(facts: list[Fact], seed: int) -> None:
    timeline = Timeline.of(facts)
    by_id = {f.id: f for f in facts}
    for f in facts:
        q = order_question(timeline, f, random.Random(seed), cite)
        if q is None:
            continue
        chain = [by_id[i] for i in q.facts]
        assert chain[0] is f
        assert 3 <= len(chain) <= 4
        assert isinstance(q.answer, tuple)
        assert [q.options[i] for i in q.answer] == [e.event for e in chain]
        assert all(surely_before(x, y) for x, y in itertools.pairwise(chain))

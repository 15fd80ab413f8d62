"""How `quizgen facts`, `facts --json`, `sources` and `check` describe the fact base."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from fact_records import entity, fact
from synthetic import SOURCE

from quizgen.facts.listing import base_summary, fact_lines, fact_record, source_lines
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import (
    Evidence,
    FactBase,
    TextAnswer,
    Topic,
)


@pytest.fixture
def base(minimal_notes: Path) -> FactBase:
    return load_fact_base(minimal_notes)


FACT_LINES = {
    "mayor-opened-bridge": (
        "mayor-opened-bridge",
        [
            "  statement: Mayor Lena Ortiz opened the River Bridge.",
            "  answer:    Lena Ortiz",
            "  sources:   gazette-bridge.txt",
            "  topics:    bridge",
        ],
    ),
    "bridge-opened-date": (
        "bridge-opened-date",
        [
            "  statement: The River Bridge opened on March 3, 2015.",
            "  answer:    March 3, 2015",
            "  sources:   gazette-bridge.txt",
            "  topics:    bridge",
        ],
    ),
    "bridge-cost": (
        "bridge-cost",
        [
            "  statement: The bridge cost 40 million crowns.",
            "  answer:    40,000,000 crowns",
            "  sources:   courier-cost.txt",
            "  topics:    money",
        ],
    ),
    "crowd-size": (
        "crowd-size  [contested]",
        [
            "  statement: Counts of the crowd at the opening differ.",
            "  answer:    1,800 guests (according to the town council);"
            " 2,500 guests (according to the organisers)",
            "  sources:   gazette-bridge.txt",
            "  topics:    bridge",
        ],
    ),
    "opening-year-printed-2105": (
        "opening-year-printed-2105  [slip]",
        [
            "  statement: A report printed the opening year as 2105.",
            "  note:      A typing error for 2015.",
            "  sources:   courier-cost.txt",
            "  topics:    bridge",
        ],
    ),
    "bridge-delay-cause": (
        "bridge-delay-cause",
        [
            "  statement: The bridge was late because the steel beams arrived in the wrong size.",
            "  answer:    the steel beams arrived in the wrong size",
            "  sources:   gazette-bridge.txt",
            "  topics:    bridge",
        ],
    ),
}


@pytest.mark.parametrize("fact_id", list(FACT_LINES))
def test_fact_lines(base: FactBase, fact_id: str) -> None:
    assert fact_lines(base, base.fact(fact_id)) == FACT_LINES[fact_id]


def test_fact_lines_list_every_cited_source_once_in_first_cited_order(base: FactBase) -> None:
    cost = base.fact("bridge-cost")
    both = dataclasses.replace(
        cost,
        evidence=(
            Evidence(source="courier-cost", quote="q1", location=cost.location),
            Evidence(source="gazette-bridge", quote="q2", location=cost.location),
            Evidence(source="courier-cost", quote="q3", location=cost.location),
        ),
        topics=("money", "bridge"),
    )
    _, lines = fact_lines(base, both)
    assert lines[-2:] == [
        "  sources:   courier-cost.txt, gazette-bridge.txt",
        "  topics:    money, bridge",
    ]


@pytest.mark.parametrize(
    ("source_id", "expected"),
    [
        (
            "gazette-bridge",
            (
                "gazette-bridge  (gazette-bridge.txt)",
                [
                    "  outlet:   The Harbour Town Gazette",
                    "  headline: Mayor opens the River Bridge",
                    "  date:     March 2015",
                    "  summary:  The mayor opens a long-delayed bridge; crowd counts differ.",
                    "  facts:    4",
                ],
            ),
        ),
        (
            "courier-cost",
            (
                "courier-cost  (courier-cost.txt)",
                [
                    "  outlet:   unknown",
                    "  headline: What the bridge cost",
                    "  date:     not printed",
                    "            No date is printed; it follows the opening.",
                    "  summary:  A councillor gives the bridge's cost.",
                    "  facts:    2",
                ],
            ),
        ),
    ],
)
def test_source_lines(base: FactBase, source_id: str, expected: tuple[str, list[str]]) -> None:
    assert source_lines(base, base.source(source_id)) == expected


def test_base_summary(base: FactBase) -> None:
    assert base_summary(base) == (
        "2 sources, 5 entities (2 people), 6 facts (1 contested, 1 slip), 2 topics"
    )


def test_base_summary_counts_slips(base: FactBase) -> None:
    fewer = FactBase(base.sources, base.entities, base.topics, base.facts[:3])
    assert base_summary(fewer) == (
        "2 sources, 5 entities (2 people), 3 facts (0 contested, 0 slips), 2 topics"
    )


ONE_OF_EACH = FactBase(
    (SOURCE,),
    (entity("ann", "Ann"),),
    (Topic("bridge", "The bridge", "d"),),
    (fact("why", TextAnswer("a"), topics=("bridge",)),),
)


def test_base_summary_uses_the_singular_for_one() -> None:
    assert base_summary(ONE_OF_EACH) == (
        "1 source, 1 entity (1 person), 1 fact (0 contested, 0 slips), 1 topic"
    )


def test_fact_record_of_a_settled_fact(base: FactBase) -> None:
    assert fact_record(base, base.fact("mayor-opened-bridge")) == {
        "id": "mayor-opened-bridge",
        "kind": "person",
        "status": "settled",
        "statement": "Mayor Lena Ortiz opened the River Bridge.",
        "question": "Who opened the River Bridge in March 2015?",
        "answer": "Lena Ortiz",
        "accepted": ["Ortiz", "Mayor Ortiz", "the mayor"],
        "topics": ["bridge"],
        "sources": ["gazette-bridge.txt"],
        "contested": False,
        "event_date": "2015-03-03",
        "explanation": "The mayor opened it two years late.",
        "note": None,
        "variants": [],
        "evidence": [
            {
                "source": "gazette-bridge.txt",
                "quote": "Mayor Lena Ortiz opened the River Bridge on March 3, 2015",
            }
        ],
    }


def test_fact_record_of_a_contested_fact(base: FactBase) -> None:
    record: dict[str, Any] = fact_record(base, base.fact("crowd-size"))
    assert record == {
        "id": "crowd-size",
        "kind": "number",
        "status": "contested",
        "statement": "Counts of the crowd at the opening differ.",
        "question": "According to the town council, how many guests came to the opening?"
        " / According to the organisers, how many guests came to the opening?",
        "answer": "1,800 guests (according to the town council);"
        " 2,500 guests (according to the organisers)",
        "accepted": [],
        "topics": ["bridge"],
        "sources": ["gazette-bridge.txt"],
        "contested": True,
        "event_date": None,
        "explanation": "The council and the organisers gave different counts.",
        "note": None,
        "variants": [
            {
                "according_to": "the town council",
                "question": "According to the town council, how many guests came to the opening?",
                "answer": "1,800 guests",
                "sources": ["gazette-bridge.txt"],
            },
            {
                "according_to": "the organisers",
                "question": "According to the organisers, how many guests came to the opening?",
                "answer": "2,500 guests",
                "sources": ["gazette-bridge.txt"],
            },
        ],
        "evidence": [
            {"source": "gazette-bridge.txt", "quote": "The town council counted 1,800 guests"},
            {"source": "gazette-bridge.txt", "quote": "while the organisers spoke of 2,500."},
        ],
    }


def test_fact_record_of_a_slip(base: FactBase) -> None:
    assert fact_record(base, base.fact("opening-year-printed-2105")) == {
        "id": "opening-year-printed-2105",
        "kind": "detail",
        "status": "slip",
        "statement": "A report printed the opening year as 2105.",
        "question": None,
        "answer": None,
        "accepted": [],
        "topics": ["bridge"],
        "sources": ["courier-cost.txt"],
        "contested": False,
        "event_date": None,
        "explanation": "",
        "note": "A typing error for 2015.",
        "variants": [],
        "evidence": [
            {
                "source": "courier-cost.txt",
                "quote": "dated the opening to 2105, a typing error for 2015.",
            }
        ],
    }

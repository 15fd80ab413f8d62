"""Choosing facts by topic, source (id or file) and status, always in file order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import MINIMAL_FACT_IDS

from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.facts.selection import select_facts

ALL = MINIMAL_FACT_IDS
GAZETTE = ["mayor-opened-bridge", "bridge-opened-date", "crowd-size", "bridge-delay-cause"]
COURIER = ["bridge-cost", "opening-year-printed-2105"]


@pytest.fixture
def base(minimal_notes: Path) -> FactBase:
    return load_fact_base(minimal_notes)


@pytest.mark.parametrize(
    ("topics", "sources", "contested_only", "expected"),
    [
        ((), (), False, ALL),
        (("bridge",), (), False, [f for f in ALL if f != "bridge-cost"]),
        (("money",), (), False, ["bridge-cost"]),
        (("money", "bridge"), (), False, ALL),
        (("finance",), (), False, []),
        ((), ("gazette-bridge",), False, GAZETTE),
        ((), ("gazette-bridge.txt",), False, GAZETTE),
        ((), ("courier-cost.txt",), False, COURIER),
        ((), ("courier-cost", "gazette-bridge.txt"), False, ALL),
        ((), ("courier",), False, []),
        ((), (), True, ["crowd-size", "opening-year-printed-2105"]),
        (("bridge",), ("courier-cost",), False, ["opening-year-printed-2105"]),
        (("money",), ("gazette-bridge",), False, []),
        (("bridge",), ("gazette-bridge",), True, ["crowd-size"]),
        (("money",), (), True, []),
    ],
)
def test_select_facts(
    base: FactBase,
    topics: tuple[str, ...],
    sources: tuple[str, ...],
    contested_only: bool,
    expected: list[str],
) -> None:
    assert [f.id for f in select_facts(base, topics, sources, contested_only)] == expected


def test_selected_facts_are_the_base_records(base: FactBase) -> None:
    chosen = select_facts(base, ["money"])
    assert len(chosen) == 1
    assert chosen[0] is base.fact("bridge-cost")


def test_filters_on_different_axes_intersect_and_values_on_one_axis_unite(
    base: FactBase,
) -> None:
    topics = [t.id for t in base.topics] + ["finance"]
    sources = [v for s in base.sources for v in (s.id, s.file)] + ["courier"]
    for topic_set in subsets(topics):
        for source_set in subsets(sources):
            for contested_only in (False, True):
                both = select_facts(base, topic_set, source_set, contested_only)
                by_topic = select_facts(base, topic_set, (), contested_only)
                by_source = select_facts(base, (), source_set, contested_only)
                assert both == [f for f in by_topic if f in by_source]
                united = [select_facts(base, (t,), source_set, contested_only) for t in topic_set]
                if topic_set:
                    assert both == [f for f in base.facts if any(f in u for u in united)]


def subsets(values: list[str]) -> list[tuple[str, ...]]:
    return [c for n in range(len(values) + 1) for c in itertools.combinations(values, n)]

"""What validation collects: references to check later and the first place each id was used."""

from __future__ import annotations

import pytest

from quizgen.errors import Problem
from quizgen.facts.model import EntityKind, Location
from quizgen.facts.references import Collected, Reference


def test_reference_needs_no_entity_kinds_by_default() -> None:
    ref = Reference("topic", "bridge", "facts/a.yaml", 8, "fact 'x'")
    assert ref.entity_kinds == ()
    ref.entity_kinds = (EntityKind.PERSON,)
    assert ref == Reference("topic", "bridge", "facts/a.yaml", 8, "fact 'x'", (EntityKind.PERSON,))


def test_each_collected_starts_empty_and_shares_nothing() -> None:
    first, second = Collected(), Collected()
    first.problems.append(Problem("a.yaml", 1, "m"))
    first.references.append(Reference("source", "s", "a.yaml", 1, "w"))
    first.first_seen[("fact", "x")] = Location("a.yaml", 1)
    first.unreadable.add("sources")
    assert (second.problems, second.references, second.first_seen, second.unreadable) == (
        [],
        [],
        {},
        set(),
    )


def test_first_claim_of_an_id_is_recorded_without_a_problem() -> None:
    collected = Collected()
    collected.claim_id("fact", "bridge-cost", Location("facts/a.yaml", 29))
    assert collected.first_seen == {("fact", "bridge-cost"): Location("facts/a.yaml", 29)}
    assert collected.problems == []


def test_claiming_again_from_the_same_place_is_not_a_duplicate() -> None:
    collected = Collected()
    collected.claim_id("entity", "norland", Location("entities.yaml", 13))
    collected.claim_id("entity", "norland", Location("entities.yaml", 13))
    assert collected.problems == []


def test_every_later_claim_names_the_first_place() -> None:
    collected = Collected()
    collected.claim_id("fact", "bridge-cost", Location("facts/a.yaml", 29))
    collected.claim_id("fact", "bridge-cost", Location("facts/b.yaml", 2))
    collected.claim_id("fact", "bridge-cost", Location("facts/c.yaml", 40))
    assert [str(p) for p in collected.problems] == [
        "facts/b.yaml:2: duplicate fact id 'bridge-cost': already used at facts/a.yaml:29;"
        " give this one another id",
        "facts/c.yaml:40: duplicate fact id 'bridge-cost': already used at facts/a.yaml:29;"
        " give this one another id",
    ]
    assert collected.first_seen == {("fact", "bridge-cost"): Location("facts/a.yaml", 29)}


@pytest.mark.parametrize(
    ("first", "second"),
    [(("entity", "bridge"), ("topic", "bridge")), (("fact", "a"), ("fact", "b"))],
)
def test_ids_are_unique_per_namespace_only(first: tuple[str, str], second: tuple[str, str]) -> None:
    collected = Collected()
    collected.claim_id(*first, Location("x.yaml", 1))
    collected.claim_id(*second, Location("y.yaml", 5))
    assert collected.problems == []
    assert list(collected.first_seen) == [first, second]

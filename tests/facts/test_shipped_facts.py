"""The fact base that ships with quizgen: valid, big enough, and proven against its documents."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from quizgen.errors import FactBaseError
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import EntityKind, FactBase, Status
from quizgen.facts.proof import prove_against_documents
from quizgen.paths import shipped_notes_dir

MIN_FACTS = 100
MIN_PEOPLE = 15
MIN_FACTS_PER_SOURCE = 12
MIN_CONTESTED = 2
SOURCES = 5


@pytest.fixture(scope="module")
def shipped() -> FactBase:
    try:
        return load_fact_base(shipped_notes_dir())
    except FactBaseError as exc:  # show every problem, as `quizgen check` would
        pytest.fail("\n".join(str(problem) for problem in exc.problems), pytrace=False)


def test_shipped_fact_base_has_no_problems(shipped: FactBase) -> None:
    assert len(shipped.sources) == SOURCES


def test_shipped_fact_base_has_enough_facts(shipped: FactBase) -> None:
    assert len(shipped.facts) >= MIN_FACTS


def test_shipped_fact_base_names_enough_people(shipped: FactBase) -> None:
    people = [e for e in shipped.entities if e.kind is EntityKind.PERSON]
    assert len(people) >= MIN_PEOPLE


def test_every_source_is_cited_by_enough_facts(shipped: FactBase) -> None:
    citing = Counter(source for fact in shipped.facts for source in fact.source_ids())
    counts = {source.id: citing[source.id] for source in shipped.sources}
    short = {sid: count for sid, count in counts.items() if count < MIN_FACTS_PER_SOURCE}
    assert not short, f"sources cited by fewer than {MIN_FACTS_PER_SOURCE} facts: {short}"


def test_shipped_fact_base_records_contested_facts(shipped: FactBase) -> None:
    contested = [f for f in shipped.facts if f.status is Status.CONTESTED]
    assert len(contested) >= MIN_CONTESTED
    assert all(len(f.variants) >= 2 and f.answer is None for f in contested)


def test_every_evidence_quote_is_proven(shipped: FactBase) -> None:
    # $QUIZGEN_DOCUMENTS, else the documents beside the checkout (where CI and developers
    # have them): the proof runs whenever the documents can be found
    beside = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    documents = os.environ.get("QUIZGEN_DOCUMENTS") or (str(beside) if beside.is_dir() else "")
    if not documents:
        pytest.skip(
            "NOT PROVEN: no documents at ../shared/seeds and QUIZGEN_DOCUMENTS is unset; set it"
            " to prove every evidence quote against its document"
        )
    try:
        report = prove_against_documents(shipped, Path(documents))
    except FactBaseError as exc:
        pytest.fail("\n".join(str(problem) for problem in exc.problems), pytrace=False)
    assert report.documents == SOURCES
    assert report.quotes == sum(len(f.all_evidence()) for f in shipped.facts)

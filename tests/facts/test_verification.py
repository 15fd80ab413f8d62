"""The verification ledger and the per-fact digest that lapses an approval."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from quizgen.errors import FactBaseError
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import Evidence, FalseStatement, Location, TextAnswer
from quizgen.facts.verification import (
    Decision,
    Review,
    State,
    fact_digest,
    ledger_path,
    ledger_problems,
    load_ledger,
    record_review,
    state_counts,
)

DAY = dt.date(2026, 11, 23)
ENTRY = (
    "reviews:\n  - fact: bridge-cost\n    decision: {decision}\n    by: J\n"
    "    date: {date}\n    digest: {digest}\n"
)


def review(notes: Path, fact_id: str, decision: Decision = Decision.APPROVED, **extra: str) -> None:
    fact = load_fact_base(notes).fact(fact_id)
    record_review(
        notes,
        Review(
            fact=fact_id,
            decision=decision,
            by="Jane Doe",
            date=DAY,
            digest=extra.pop("digest", fact_digest(fact)),
            reason=extra.pop("reason", None),
        ),
    )


def test_an_absent_ledger_means_nothing_verified(minimal_notes: Path) -> None:
    base = load_fact_base(minimal_notes)
    ledger = load_ledger(minimal_notes)
    assert not ledger.exists and ledger.reviews == ()
    assert set(ledger.states(base).values()) == {State.UNVERIFIED}


@pytest.mark.parametrize(
    "change",
    [
        {"statement": "The bridge cost 41 million crowns."},
        {"question": "What did the bridge cost?"},
        {"answer": TextAnswer("forty million")},
        {"accepted": ("40 million",)},
        {"distractors": (TextAnswer("a lot"),)},
        {"false_statements": (FalseStatement(statement="It was free.", why_false="It was not."),)},
        {"explanation": "Twice the estimate."},
        {"evidence": (Evidence(source="courier-cost", quote="cost", location=Location("x", 1)),)},
        {"variants": ()},
    ],
)
def test_the_digest_changes_with_every_verified_field(
    minimal_notes: Path, change: dict[str, object]
) -> None:
    fact = load_fact_base(minimal_notes).fact(
        "crowd-size" if "variants" in change else "bridge-cost"
    )
    assert fact_digest(dataclasses.replace(fact, **change)) != fact_digest(fact)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change",
    [
        {"revised": dt.date(2030, 1, 1)},
        {"note": "a reviewer's remark"},
        {"location": Location("y", 9)},
    ],
)
def test_the_digest_ignores_bookkeeping(minimal_notes: Path, change: dict[str, object]) -> None:
    fact = load_fact_base(minimal_notes).fact("bridge-cost")
    assert fact_digest(dataclasses.replace(fact, **change)) == fact_digest(fact)  # type: ignore[arg-type]


def test_the_digest_ignores_whitespace_and_revised_in_the_file(minimal_notes: Path) -> None:
    before = fact_digest(load_fact_base(minimal_notes).fact("bridge-cost"))
    path = minimal_notes / "facts" / "a.yaml"
    text = path.read_text()
    text = text.replace(
        "statement: The bridge cost 40 million crowns.",
        "statement:   The bridge  cost\n      40 million crowns.",
    )
    path.write_text(text.replace("revised: 2026-11-22", "revised: 2027-01-05"))
    assert fact_digest(load_fact_base(minimal_notes).fact("bridge-cost")) == before


def test_an_approval_lapses_when_the_fact_changes(minimal_notes: Path) -> None:
    review(minimal_notes, "bridge-cost")
    review(minimal_notes, "bridge-delay-cause", Decision.REJECTED, reason="wrong cause")
    base = load_fact_base(minimal_notes)
    ledger = load_ledger(minimal_notes)
    assert ledger.state(base.fact("bridge-cost")) is State.APPROVED
    assert ledger.state(base.fact("bridge-delay-cause")) is State.REJECTED
    path = minimal_notes / "facts" / "a.yaml"
    path.write_text(path.read_text().replace("twice the first estimate", "double the estimate"))
    changed = load_fact_base(minimal_notes)
    assert ledger.state(changed.fact("bridge-cost")) is State.STALE
    assert state_counts(changed, ledger) == "0 approved, 1 stale, 1 rejected, 4 unverified"


def test_writes_keep_every_earlier_entry_and_the_last_decision_counts(minimal_notes: Path) -> None:
    review(minimal_notes, "bridge-cost", Decision.REJECTED, reason="check the figure")
    review(minimal_notes, "mayor-opened-bridge")
    review(minimal_notes, "bridge-cost")
    ledger = load_ledger(minimal_notes)
    assert [(r.fact, r.decision) for r in ledger.reviews] == [
        ("bridge-cost", Decision.REJECTED),
        ("mayor-opened-bridge", Decision.APPROVED),
        ("bridge-cost", Decision.APPROVED),
    ]
    assert ledger.state(load_fact_base(minimal_notes).fact("bridge-cost")) is State.APPROVED
    assert ledger.reviews[0].reason == "check the figure"
    assert [p.name for p in minimal_notes.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ENTRY.format(decision="aproved", date="2026-11-23", digest="0123456789abcdef"),
            "verified.yaml:3: 'decision' of the review of 'bridge-cost' is 'aproved';"
            " did you mean 'approved'? (allowed: approved, rejected)",
        ),
        (
            ENTRY.format(decision="rejected", date="2026-11-23", digest="0123456789abcdef"),
            "verified.yaml:2: the review of 'bridge-cost' is a rejection: say why under 'reason'",
        ),
        (
            ENTRY.format(decision="approved", date="2026-13-23", digest="xyz"),
            "verified.yaml:5: 'date' of the review of 'bridge-cost' must be a date written"
            " YYYY-MM-DD, like 2026-11-22",
        ),
        (
            "reviews:\n  - fact: bridge-cost\n    fact: x\n",
            "verified.yaml:3: the key 'fact' appears twice",
        ),
        ("reviews: [\n", "verified.yaml:2: invalid YAML"),
        ("- just a list\n", "verified.yaml:1: the ledger must hold one key 'reviews'"),
    ],
)
def test_a_damaged_ledger_gives_file_and_line(
    minimal_notes: Path, text: str, expected: str
) -> None:
    ledger_path(minimal_notes).write_text(text)
    with pytest.raises(FactBaseError) as caught:
        load_ledger(minimal_notes)
    shown = [str(p).replace(f"{minimal_notes}/", "") for p in caught.value.problems]
    assert any(line.startswith(expected) for line in shown), shown


def test_a_review_of_an_unknown_fact_is_named_with_its_line(minimal_notes: Path) -> None:
    ledger_path(minimal_notes).write_text(
        "reviews:\n  - fact: bridge-costs\n    decision: approved\n    by: J\n"
        "    date: 2026-11-23\n    digest: 0123456789abcdef\n"
    )
    problems = ledger_problems(load_fact_base(minimal_notes), load_ledger(minimal_notes))
    assert [str(p).replace(f"{minimal_notes}/", "") for p in problems] == [
        "verified.yaml:2: the review names unknown fact 'bridge-costs'; did you mean"
        " 'bridge-cost'? (the ids are in facts/*.yaml; remove the entry if the fact was removed)"
    ]


def test_recording_refuses_to_overwrite_a_damaged_ledger(minimal_notes: Path) -> None:
    ledger_path(minimal_notes).write_text("reviews: [\n")
    with pytest.raises(FactBaseError):
        review(minimal_notes, "bridge-cost")
    assert ledger_path(minimal_notes).read_text() == "reviews: [\n"


def test_an_empty_ledger_file_exists_but_holds_nothing(minimal_notes: Path) -> None:
    ledger_path(minimal_notes).write_text("reviews: []\n")
    ledger = load_ledger(minimal_notes)
    assert ledger.exists and ledger.reviews == ()

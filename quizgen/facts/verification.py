"""Hand verification: the ledger of reviewers' decisions and the content digest that lapses them.

The ledger is `verified.yaml` in the fact-base folder (absent: nothing verified yet):

    reviews:                      # one entry per decision, oldest first; the last one counts
      - fact: churkin-signals-veto
        decision: approved        # approved | rejected
        by: Jane Doe              # the reviewer, named as they chose to be named
        date: 2026-11-23
        digest: 3f2a9c0e11d4b7a8  # fact_digest() of the fact as it was read
        reason: ...               # required for a rejection, optional for an approval

An approval counts only while the fact's digest is the one recorded: a fact whose content
changes after approval is stale. A rejection stands until someone reviews the fact again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import FactBaseError, Problem
from quizgen.facts.digest import plain_record, short_digest
from quizgen.facts.field_reader import FieldReader, suggestion
from quizgen.facts.model import Fact, FactBase
from quizgen.facts.yaml_lines import Located, load_yaml
from quizgen.files import write_atomic

LEDGER_NAME = "verified.yaml"
#: What a reviewer reads and agrees with; topics, links, `note`, `revised` and where the fact
#: is written are bookkeeping and never lapse an approval.
DIGEST_FIELDS = (
    "kind",
    "status",
    "statement",
    "question",
    "answer",
    "accepted",
    "distractors",
    "false_statements",
    "explanation",
    "event",
    "event_date",
    "variants",
    "evidence",
)
_DIGEST = re.compile(r"^[0-9a-f]{16}$")
_HEADER = (
    "# Hand verification of the facts: one entry per decision, oldest first; the last entry for\n"
    '# a fact counts. Written by `quizgen verify` (see README, "The fact base").\n'
)


class Decision(enum.Enum):
    """What a reviewer decided about a fact."""

    APPROVED = "approved"
    REJECTED = "rejected"


class State(enum.Enum):
    """Where a fact stands today."""

    APPROVED = "approved"
    STALE = "stale"
    REJECTED = "rejected"
    UNVERIFIED = "unverified"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """One decision: which fact, approved or rejected, by whom, when, on what content, why."""

    fact: str
    decision: Decision
    by: str
    date: dt.date
    digest: str
    reason: str | None = None
    line: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Ledger:
    """Every review recorded in one fact base's ledger file, oldest first."""

    path: Path
    exists: bool
    reviews: tuple[Review, ...]

    def latest(self, fact_id: str) -> Review | None:
        """The decision that counts for a fact (the last one recorded), or None."""
        return next((r for r in reversed(self.reviews) if r.fact == fact_id), None)

    def state(self, fact: Fact) -> State:
        """Approved (on the fact as it is now), stale, rejected or unverified."""
        review = self.latest(fact.id)
        if review is None:
            return State.UNVERIFIED
        if review.decision is Decision.REJECTED:
            return State.REJECTED
        return State.APPROVED if review.digest == fact_digest(fact) else State.STALE

    def states(self, base: FactBase) -> dict[str, State]:
        """Every fact's state, in fact-base order."""
        return {fact.id: self.state(fact) for fact in base.facts}

    def with_ids(self, base: FactBase, *wanted: State) -> frozenset[str]:
        """The ids of the facts in one of the `wanted` states."""
        return frozenset(i for i, s in self.states(base).items() if s in wanted)


def ledger_path(notes_dir: Path) -> Path:
    """Where a fact base keeps its ledger."""
    return notes_dir / LEDGER_NAME


def fact_digest(fact: Fact) -> str:
    """The first 16 hex digits of SHA-256 over what a reviewer agrees with (DIGEST_FIELDS)."""
    return short_digest({name: plain_record(getattr(fact, name)) for name in DIGEST_FIELDS})


def load_ledger(notes_dir: Path) -> Ledger:
    """The ledger of `notes_dir` (empty when absent); FactBaseError lists every problem."""
    path = ledger_path(notes_dir)
    if not path.exists():
        return Ledger(path, False, ())
    data, problems = load_yaml(path)
    if problems:
        raise FactBaseError(problems)
    reader = FieldReader(str(path))
    reviews: list[Review] = []
    if data is None:
        pass  # an empty file: nothing recorded yet
    elif not isinstance(data, Located) or not isinstance(data.get("reviews", []), list):
        line = data.line if isinstance(data, Located) else 1
        reader.report(line, "the ledger must hold one key 'reviews' with a list (reviews: [...])")
    else:
        reader.check_keys(data, "the ledger", ("reviews",), ())
        for item in reader.list_of_mappings(data, "reviews", "the ledger"):
            review = _read_review(reader, item)
            if review is not None:
                reviews.append(review)
    if reader.problems:
        raise FactBaseError(reader.problems)
    return Ledger(path, True, tuple(reviews))


def _read_review(reader: FieldReader, item: Located) -> Review | None:
    what = "a review"
    reader.check_keys(item, what, ("fact", "decision", "by", "date", "digest"), ("reason",))
    fact = reader.slug(item, "fact", what)
    if fact is not None:
        what = f"the review of {fact!r}"
    decision = reader.choice(item, "decision", what, Decision, Decision.APPROVED)
    by = reader.text(item, "by", what)
    date = reader.day(item, "date", what) if "date" in item else None
    digest = reader.text(item, "digest", what)
    if digest is not None and not _DIGEST.match(digest):
        reader.report(item.line_of("digest"), f"'digest' of {what} must be 16 hex digits")
        digest = None
    reason = reader.text(item, "reason", what, required=False)
    if decision is Decision.REJECTED and reason is None:
        reader.report(item.line, f"{what} is a rejection: say why under 'reason'")
    if None in (fact, decision, by, date, digest):
        return None
    assert fact and decision and by and date and digest
    return Review(
        fact=fact,
        decision=decision,
        by=by,
        date=date,
        digest=digest,
        reason=reason,
        line=item.line,
    )


def ledger_problems(base: FactBase, ledger: Ledger) -> list[Problem]:
    """A review of a fact the base does not have (misspelt, or the fact was removed)."""
    known = [f.id for f in base.facts]
    return [
        Problem(
            str(ledger.path),
            review.line,
            f"the review names unknown fact {review.fact!r}{suggestion(review.fact, known)}"
            " (the ids are in facts/*.yaml; remove the entry if the fact was removed)",
        )
        for review in ledger.reviews
        if review.fact not in set(known)
    ]


def record_review(notes_dir: Path, review: Review) -> Ledger:
    """Append one decision to the ledger, atomically, keeping every entry already recorded
    (the file is read again just before writing, so entries another session wrote stay)."""
    current = load_ledger(notes_dir)
    reviews = (*current.reviews, review)
    entries = [_review_data(r) for r in reviews]
    text = _HEADER + yaml.dump(
        {"reviews": entries},
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    write_atomic(current.path, text.encode("utf-8"))
    return Ledger(current.path, True, reviews)


def _review_data(review: Review) -> dict[str, Any]:
    data: dict[str, Any] = {
        "fact": review.fact,
        "decision": review.decision.value,
        "by": review.by,
        "date": review.date,
        "digest": review.digest,
    }
    if review.reason:
        data["reason"] = review.reason
    return data


def state_counts(base: FactBase, ledger: Ledger) -> str:
    """`3 approved, 1 stale, 0 rejected, 133 unverified` (every state, always in this order)."""
    states = list(ledger.states(base).values())
    return ", ".join(f"{states.count(s)} {s.value}" for s in State)


def verification_record(fact: Fact, ledger: Ledger) -> dict[str, Any]:
    """A fact's state as JSON-ready data (for `quizgen facts --json`)."""
    review = ledger.latest(fact.id)
    return {
        "state": ledger.state(fact).value,
        "by": review.by if review else None,
        "date": review.date.isoformat() if review else None,
        "reason": review.reason if review else None,
    }


def state_line(fact: Fact, ledger: Ledger) -> str:
    """`approved by Jane Doe on 2026-11-23`, `stale: approved by ... (changed since)`, ..."""
    review = ledger.latest(fact.id)
    state = ledger.state(fact)
    if review is None:
        return "unverified"
    told = f"{review.decision.value} by {review.by} on {review.date.isoformat()}"
    if state is State.STALE:
        return f"stale: {told}, changed since"
    if state is State.REJECTED:
        return f"{told}: {review.reason}"
    return told

"""Questions before their key position is fixed, and how options are laid out around the key."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quizgen.questions.distractors import Candidates
from quizgen.questions.model import Citation, Form, Question


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """A multiple-choice question whose options are chosen but not yet placed."""

    id: str
    stem: str
    key: str
    candidates: Candidates
    fact: str
    explanation: str
    sources: tuple[Citation, ...]
    topics: tuple[str, ...]
    facts: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    short_stem: str | None = None

    def option_count(self) -> int:
        """4 options where the candidates allow, else 3, else 0 (the draft cannot be asked; so
        also a sorted draft with wrong options on one side of the key only)."""
        c = self.candidates
        if c.ordered and not (c.below and c.above):
            return 0  # the key could only ever be the smallest or the largest option: a cue
        available = len(c.free) if not c.ordered else len(c.below) + len(c.above)
        return 4 if available >= 3 else 3 if available == 2 else 0

    def allowed_positions(self) -> tuple[int, ...]:
        """Where the key may go: anywhere, or for sorted options any rank the candidates on
        each side allow (balanced over the set, so no rank is a give-away)."""
        n = self.option_count()
        if not self.candidates.ordered:
            return tuple(range(n))
        c = self.candidates
        return tuple(r for r in range(n) if len(c.below) >= r and len(c.above) >= n - 1 - r)

    def place(self, position: int, rng: random.Random) -> Question:
        """The finished question with its key at `position`."""
        n = self.option_count()
        c = self.candidates
        if c.ordered:
            # candidates come best first (hand-picked, then the fact base, then invented)
            chosen = [*c.below[:position], (c.key_value, self.key), *c.above[: n - 1 - position]]
            options = tuple(text for _, text in sorted(chosen))
        else:
            wrong = list(c.free[: n - 1])
            rng.shuffle(wrong)
            options = (*wrong[:position], self.key, *wrong[position:])
        return Question(
            id=self.id,
            form=Form.MULTIPLE_CHOICE,
            stem=self.stem,
            options=tuple(options),
            answer=position,
            fact=self.fact,
            explanation=self.explanation,
            sources=self.sources,
            topics=self.topics,
            facts=self.facts,
            options_sorted=c.ordered,
            related=self.related,
            short_stem=self.short_stem,
        )


def assign_positions(drafts: list[Draft], rng: random.Random) -> list[int]:
    """A key position per draft, balanced per option count, sorted and unsorted apart (so the
    key's rank among sorted numbers and dates is first, middle and last equally often)."""
    counts: dict[tuple[int, bool], list[int]] = {}
    positions = [0] * len(drafts)
    order = sorted(range(len(drafts)), key=lambda i: not drafts[i].candidates.ordered)
    for index in order:
        draft = drafts[index]
        group = (draft.option_count(), draft.candidates.ordered)
        tally = counts.setdefault(group, [0] * draft.option_count())
        allowed = draft.allowed_positions()
        fewest = min(tally[p] for p in allowed)
        position = rng.choice([p for p in allowed if tally[p] == fewest])
        tally[position] += 1
        positions[index] = position
    return positions

"""Timeline questions from facts with event dates, never asking an order the dates cannot settle."""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.facts.model import Fact
from quizgen.questions.distractors import Candidates
from quizgen.questions.model import Citation, Form, Question
from quizgen.questions.placement import Draft

# Tuning: each of these windows decides which events a timeline question can draw, so changing
# one changes the questions of every deck built after (rebuild and commit the decks).
#: How many later events the scan looks at (the nearest later ones suffice).
LATER_SCAN = 60
#: How many of the nearest later events "which happened first?" picks its options from.
FIRST_WINDOW = 12
#: How many of the nearest later events an ordering question picks each next event from.
ORDER_WINDOW = 8

#: Quotes cited per event: a date and what happened are often two sentences apart.
TIMELINE_QUOTES = 2

FIRST_STEM = "Which of these happened first?"
ORDER_STEM = "Put these events in the order they happened, earliest first."


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dated events of a fact base, sorted by the first day each could be."""

    events: tuple[Fact, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, facts: list[Fact]) -> Timeline:
        """The facts that have an event and an event date, in date order."""
        dated = sorted(
            (f for f in facts if f.event_date and f.event and f.askable),
            key=lambda f: (f.event_date.ordinal() if f.event_date else 0, f.id),
        )
        return cls(
            tuple(dated), tuple(f.event_date.ordinal() if f.event_date else 0 for f in dated)
        )

    def surely_after(self, fact: Fact) -> list[Fact]:
        """Events that certainly happened after `fact`, whatever their dates' precision."""
        assert fact.event_date is not None
        last_day = fact.event_date.span()[1].toordinal()
        index = bisect.bisect_right(self.starts, last_day)
        labels = {fact.event}
        later = []
        for event in self.events[index : index + LATER_SCAN]:
            if event.event not in labels:
                labels.add(event.event)
                later.append(event)
        return later


def first_draft(
    timeline: Timeline, fact: Fact, rng: random.Random, cite: Callable[[Fact], tuple[Citation, ...]]
) -> Draft | None:
    """'Which of these happened first?' with `fact` as the key and later events as options."""
    # one event per date, so two labels of one event never stand side by side
    later = list(
        {e.event_date: e for e in reversed(timeline.surely_after(fact)[:FIRST_WINDOW])}.values()
    )
    if len(later) < 2 or fact.event is None:
        return None
    # one of the others shares a topic with the key where possible, so the key is not the
    # only event of its kind (a strike among three UN steps would be found by logic alone)
    alike = [e for e in later if set(e.topics) & set(fact.topics)]
    first = [rng.choice(alike)] if alike else []
    rest = [e for e in later if e not in first]
    others = first + rng.sample(rest, min(3 - len(first), len(rest)))
    chain = sorted([fact, *others], key=_start)
    # the other options are each surely later than the key, not necessarily ordered among
    # themselves, so the feedback dates them without claiming an order
    explanation = (
        f"{fact.event} ({fact.event_date.human() if fact.event_date else ''}) came first."
        + " The others: "
        + "; ".join(
            f"{e.event} ({e.event_date.human() if e.event_date else ''})"
            for e in sorted(others, key=_last_day)
        )
        + "."
    )
    return Draft(
        id=f"{fact.id}/first",
        stem=FIRST_STEM,
        key=fact.event,
        candidates=Candidates(free=tuple(str(e.event) for e in others)),
        fact=fact.id,
        explanation=explanation,
        sources=_sources(chain, cite),
        topics=_topics(chain),
        facts=tuple(e.id for e in chain),
    )


def order_question(
    timeline: Timeline, fact: Fact, rng: random.Random, cite: Callable[[Fact], tuple[Citation, ...]]
) -> Question | None:
    """'Put these in order' over `fact` and up to three events, each surely after the last."""
    chain = [fact]
    while len(chain) < 4:
        later = timeline.surely_after(chain[-1])
        later = [e for e in later if e.event not in {c.event for c in chain}][:ORDER_WINDOW]
        if not later:
            break
        chain.append(rng.choice(later))
    if len(chain) < 3:
        return None
    shown = list(chain)
    rng.shuffle(shown)
    if shown == chain:  # never shown already in order: that would ask nothing
        shown = shown[1:] + shown[:1]
    answer = tuple(shown.index(e) for e in chain)
    explanation = (
        "In order: "
        + "; ".join(f"{e.event} ({e.event_date.human() if e.event_date else ''})" for e in chain)
        + "."
    )
    return Question(
        id=f"{fact.id}/order",
        form=Form.TIMELINE_ORDER,
        stem=ORDER_STEM,
        options=tuple(str(e.event) for e in shown),
        answer=answer,
        fact=fact.id,
        explanation=explanation,
        sources=_sources(chain, cite),
        topics=_topics(chain),
        facts=tuple(e.id for e in chain),
    )


def _sources(
    chain: list[Fact], cite: Callable[[Fact], tuple[Citation, ...]]
) -> tuple[Citation, ...]:
    """Up to TIMELINE_QUOTES citations per event, each quote once (two facts may share one)."""
    cited = (c for e in chain for c in cite(e)[:TIMELINE_QUOTES])
    return tuple({(c.document, c.quote): c for c in cited}.values())


def _last_day(fact: Fact) -> int:
    """The last day an event could have been: "October 2016" sorts after "October 6, 2016"."""
    return fact.event_date.span()[1].toordinal() if fact.event_date else 0


def _start(fact: Fact) -> int:
    return fact.event_date.ordinal() if fact.event_date else 0


def _topics(chain: list[Fact]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for e in chain for t in e.topics))

"""Progress at a glance: questions seen, accuracy, what is due, weakest facts and streaks.

Accuracy counts each question's first answer in a session (learn mode's repeat rounds would
flatter it). Days for streaks are UTC calendar days.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from quizgen.plural import plural
from quizgen.study.progress import AnswerRow, CardRow

WEAKEST_COUNT = 10


@dataclass(frozen=True, slots=True)
class TopicAccuracy:
    """How a topic's questions went."""

    topic: str
    answered: int
    right: int
    accuracy: float


@dataclass(frozen=True, slots=True)
class WeakFact:
    """A fact the learner misses."""

    fact: str
    missed: int
    answered: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything `quizgen stats` shows."""

    questions_seen: int
    answers: int
    right: int
    accuracy: float | None
    by_topic: tuple[TopicAccuracy, ...]
    due_now: int
    due_next_7_days: int
    weakest_facts: tuple[WeakFact, ...]
    current_streak_days: int
    best_streak_days: int

    def to_dict(self) -> dict[str, Any]:
        """The stats as plain JSON-ready data."""
        return asdict(self)


def compute_stats(answers: Sequence[AnswerRow], cards: Iterable[CardRow], now: datetime) -> Stats:
    """The stats of a learner's whole history at `now`."""
    first = [a for a in answers if a.attempt == 1]
    right = sum(1 for a in first if a.correct)
    dues = [c.due for c in cards]
    days = {a.answered_at.date() for a in answers}
    current, best = streaks(days, now.date())
    return Stats(
        questions_seen=len({a.question_id for a in answers}),
        answers=len(first),
        right=right,
        accuracy=_ratio(right, len(first)),
        by_topic=_by_topic(first),
        due_now=sum(1 for d in dues if d <= now),
        due_next_7_days=sum(1 for d in dues if now < d <= now + timedelta(days=7)),
        weakest_facts=_weakest(first),
        current_streak_days=current,
        best_streak_days=best,
    )


def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, best) runs of consecutive days; the current run may end today or yesterday."""
    ordered = sorted(set(days))
    best = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    alive = previous is not None and today - previous <= timedelta(days=1)
    return (run if alive else 0), best


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _by_topic(first: Sequence[AnswerRow]) -> tuple[TopicAccuracy, ...]:
    answered: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for answer in first:
        for topic in answer.topics:
            answered[topic] += 1
            right[topic] += answer.correct
    return tuple(
        TopicAccuracy(t, answered[t], right[t], round(right[t] / answered[t], 3))
        for t in sorted(answered)
    )


def _weakest(first: Sequence[AnswerRow]) -> tuple[WeakFact, ...]:
    tally: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for answer in first:
        tally[answer.fact_id][0] += not answer.correct
        tally[answer.fact_id][1] += 1
    missed = [WeakFact(f, m, n) for f, (m, n) in tally.items() if m > 0]
    missed.sort(key=lambda w: (-w.missed, -(w.missed / w.answered), w.fact))
    return tuple(missed[:WEAKEST_COUNT])


def stats_lines(result: Stats) -> list[str]:
    """The stats as the `stats` command prints them, one line each."""
    if not result.answers:
        return ["No answers yet: start with `quizgen quiz`."]
    lines = [
        f"Questions seen: {result.questions_seen}",
        f"Answers: {result.answers}, right: {result.right} ({_percent(result.accuracy)})",
        f"Due now: {result.due_now}; in the next 7 days: {result.due_next_7_days}",
        f"Streak: {plural(result.current_streak_days, 'day')}"
        f" (best {plural(result.best_streak_days, 'day')})",
        "By topic:",
    ]
    width = max(len(t.topic) for t in result.by_topic) if result.by_topic else 0
    lines += [
        f"  {t.topic:<{width}}  {t.right}/{t.answered}  {_percent(t.accuracy)}"
        for t in result.by_topic
    ]
    if result.weakest_facts:
        lines.append("Weakest facts (most missed):")
        width = max(len(w.fact) for w in result.weakest_facts)
        lines += [
            f"  {w.fact:<{width}}  missed {w.missed} of {w.answered}" for w in result.weakest_facts
        ]
    return lines


def _percent(ratio: float | None) -> str:
    return "-" if ratio is None else f"{round(100 * ratio)}%"

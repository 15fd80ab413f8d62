"""Stats from a hand-made history: accuracy, topics, due counts, weakest facts, streaks."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from quizgen.study.progress import AnswerRow, CardRow
from quizgen.study.stats import TopicAccuracy, WeakFact, compute_stats, streaks

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=timezone.utc)


def row(
    qid: str,
    correct: bool,
    days_ago: int = 0,
    attempt: int = 1,
    topics: tuple[str, ...] = ("bridge",),
) -> AnswerRow:
    return AnswerRow(
        question_id=qid,
        fact_id=qid.split("/")[0],
        topics=topics,
        session_id=1,
        response=0,
        correct=correct,
        seconds=1.0,
        mode="practice",
        attempt=attempt,
        answered_at=NOW - timedelta(days=days_ago),
    )


def test_stats_of_a_small_history() -> None:
    answers = [
        row("a/mc", True, 2),
        row("a/tf", False, 1),
        row("b/mc", False, 0, topics=("money",)),
        row("b/mc", True, 0, attempt=2, topics=("money",)),
        row("a/mc", False, 0),
    ]
    cards = [
        CardRow("a/mc", "{}", NOW - timedelta(minutes=1)),
        CardRow("a/tf", "{}", NOW + timedelta(days=2)),
        CardRow("b/mc", "{}", NOW + timedelta(days=9)),
    ]
    stats = compute_stats(answers, cards, NOW)
    assert (stats.questions_seen, stats.answers, stats.right, stats.accuracy) == (3, 4, 1, 0.25)
    assert stats.by_topic == (
        TopicAccuracy("bridge", 3, 1, 0.333),
        TopicAccuracy("money", 1, 0, 0.0),
    )
    assert (stats.due_now, stats.due_next_7_days) == (1, 1)
    assert stats.weakest_facts == (WeakFact("a", 2, 3), WeakFact("b", 1, 1))
    assert (stats.current_streak_days, stats.best_streak_days) == (3, 3)
    assert stats.to_dict()["weakest_facts"][0] == {"fact": "a", "missed": 2, "answered": 3}


def test_no_history_gives_empty_stats() -> None:
    stats = compute_stats([], [], NOW)
    assert (stats.answers, stats.accuracy, stats.by_topic, stats.current_streak_days) == (
        0,
        None,
        (),
        0,
    )


def test_only_ten_weakest_facts() -> None:
    answers = [row(f"f{n:02}/mc", False) for n in range(15)]
    assert len(compute_stats(answers, [], NOW).weakest_facts) == 10


D = date(2026, 5, 10)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], (0, 0)),
        ([D], (1, 1)),
        ([D - timedelta(days=1)], (1, 1)),  # yesterday still counts: today is not over
        ([D - timedelta(days=2)], (0, 1)),
        ([D - timedelta(days=n) for n in (0, 1, 2, 5, 6, 7, 8)], (3, 4)),
    ],
)
def test_streaks(days: list[date], expected: tuple[int, int]) -> None:
    assert streaks(days, D) == expected

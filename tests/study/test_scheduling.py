"""FSRS scheduling with a fixed clock: wrong answers come back sooner than right ones."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from quizgen.study.progress import CardRow
from quizgen.study.scheduling import (
    card_id_for,
    describe_wait,
    due_question_ids,
    next_due,
    rating_for,
    review,
)

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)


def test_card_ids_are_stable_positive_and_distinct() -> None:
    assert card_id_for("bridge-cost/mc") == card_id_for("bridge-cost/mc")
    assert card_id_for("bridge-cost/mc") != card_id_for("bridge-cost/tf")
    assert 0 < card_id_for("x") < 2**48


def test_ratings_are_again_and_good() -> None:
    assert rating_for(False).name == "Again"
    assert rating_for(True).name == "Good"


def test_a_wrong_answer_is_due_sooner_than_a_right_one() -> None:
    wrong = review(None, "q/mc", False, NOW)
    right = review(None, "q/mc", True, NOW)
    assert NOW < wrong.due < right.due
    assert (wrong.due - NOW, right.due - NOW) == (timedelta(minutes=1), timedelta(minutes=10))


def test_right_answers_push_the_card_further_out_each_time() -> None:
    card, moment, gaps = None, NOW, []
    for _ in range(4):
        card = review(card, "q/mc", True, moment)
        gaps.append(card.due - moment)
        moment = card.due
    assert gaps == sorted(gaps) and gaps[-1] >= timedelta(days=1)


def test_the_schedule_is_deterministic() -> None:
    first = review(review(None, "q/mc", True, NOW), "q/mc", True, NOW + timedelta(hours=1))
    again = review(review(None, "q/mc", True, NOW), "q/mc", True, NOW + timedelta(hours=1))
    assert first == again


def test_due_questions_come_most_overdue_first() -> None:
    cards = [
        CardRow("late", "{}", NOW - timedelta(hours=1)),
        CardRow("later", "{}", NOW - timedelta(days=2)),
        CardRow("future", "{}", NOW + timedelta(hours=3)),
    ]
    assert due_question_ids(cards, NOW) == ["later", "late"]
    assert next_due(cards, NOW) == NOW + timedelta(hours=3)
    assert next_due(cards[:2], NOW) is None


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="UTC"):
        review(None, "q/mc", True, datetime(2026, 5, 1))


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=-5), "now"),
        (timedelta(seconds=30), "in under a minute"),
        (timedelta(minutes=1), "in 1 minute"),
        (timedelta(hours=5), "in 5 hours"),
        (timedelta(days=3), "in 3 days"),
    ],
)
def test_waits_read_naturally(delta: timedelta, text: str) -> None:
    assert describe_wait(NOW + delta, NOW) == text

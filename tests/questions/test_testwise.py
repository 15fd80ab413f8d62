"""A test-wise learner who knows nothing of the story gains little over chance on the full pool."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quizgen.facts.model import FactBase
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, Question
from quizgen.questions.option_text import normalise_option

Strategy = Callable[[Question], list[int]]


def longest(question: Question) -> list[int]:
    """The option(s) with the most characters."""
    most = max(len(o) for o in question.options)
    return [i for i, o in enumerate(question.options) if len(o) == most]


def skip_extremes(question: Question) -> list[int]:
    """For sorted options, anything but the smallest and largest; else every option."""
    if not question.options_sorted:
        return list(range(len(question.options)))
    return list(range(1, len(question.options) - 1))


def most_stem_words(question: Question) -> list[int]:
    """The option(s) sharing the most words with the stem."""
    stem = set(normalise_option(question.stem).split())
    shared = [len(stem & set(normalise_option(o).split())) for o in question.options]
    return [i for i, n in enumerate(shared) if n == max(shared)]


def gain_over_chance(questions: list[Question], strategy: Strategy) -> float:
    """Expected score of the strategy (ties split evenly) minus chance, in percentage points."""
    score = sum((q.key_index in picks) / len(picks) for q in questions if (picks := strategy(q)))
    chance = sum(1 / len(q.options) for q in questions)
    return 100 * (score - chance) / len(questions)


@pytest.mark.parametrize("strategy", [longest, skip_extremes, most_stem_words])
def test_no_strategy_gains_more_than_five_points(real_base: FactBase, strategy: Strategy) -> None:
    pool = generate_set(real_base, GenerateOptions(forms=("multiple-choice",)), seed=1)
    questions = [
        q for q in pool.questions if q.form is Form.MULTIPLE_CHOICE and not q.id.endswith("/first")
    ]
    gain = gain_over_chance(questions, strategy)
    print(f"{strategy.__name__}: {gain:+.1f} points over chance on {len(questions)} questions")
    assert gain <= 5.0


def test_the_measure_catches_a_giveaway() -> None:
    rigged = Question(
        id="f/mc",
        form=Form.MULTIPLE_CHOICE,
        stem="Which?",
        options=("a", "b", "the long key", "c"),
        answer=2,
        fact="f",
        explanation="e",
        sources=(),
        topics=(),
    )
    assert gain_over_chance([rigged], longest) == 75.0

"""The library's named errors: a problem's `path:line: message`, and every problem kept."""

from __future__ import annotations

import pytest

from quizgen.errors import (
    FactBaseError,
    Problem,
    ProblemsError,
    QuestionSetError,
    QuizgenError,
    RecipeError,
)

FIRST = Problem("notes/facts/a.yaml", 12, "'answer' of the fact must be a mapping")
SECOND = Problem("notes/sources.yaml", 3, "unknown key 'colour' in the source")


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (FIRST, "notes/facts/a.yaml:12: 'answer' of the fact must be a mapping"),
        (
            Problem("x.recipe.yaml", 1, "a recipe must be a mapping"),
            "x.recipe.yaml:1: a recipe must be a mapping",
        ),
        (Problem("a b.yaml", 7, "text: with colons"), "a b.yaml:7: text: with colons"),
    ],
)
def test_a_problem_reads_path_line_message(problem: Problem, expected: str) -> None:
    assert str(problem) == expected


def test_problems_sort_by_path_then_line() -> None:
    later_line = Problem("notes/facts/a.yaml", 40, "a")
    assert sorted([SECOND, later_line, FIRST]) == [FIRST, later_line, SECOND]


@pytest.mark.parametrize("kind", [ProblemsError, FactBaseError, QuestionSetError, RecipeError])
def test_problems_error_keeps_every_problem_in_order(kind: type[ProblemsError]) -> None:
    error = kind(p for p in (FIRST, SECOND))  # any iterable, even a one-shot generator
    assert error.problems == (FIRST, SECOND)
    assert str(error) == (
        "notes/facts/a.yaml:12: 'answer' of the fact must be a mapping\n"
        "notes/sources.yaml:3: unknown key 'colour' in the source"
    )
    assert isinstance(error, QuizgenError)


def test_no_problems_gives_an_empty_message() -> None:
    error = ProblemsError([])
    assert (error.problems, str(error)) == ((), "")

"""Deck recipes read into generate options; every bad field reported as `path:line: message`."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import Problem, RecipeError
from quizgen.exports.recipes import Recipe, load_recipes
from quizgen.questions.generator import GenerateOptions
from quizgen.questions.model import FORM_CHOICES

ALLOWED_EXPORTS = "gift, moodle-xml, aiken, csv, kahoot, blooket, gimkit, markdown, html, anki"

FULL_RECIPE = """\
title: "Bridge: class test"
seed: 20
count: 12
topics: [bridge, money]
forms: [multiple-choice, timeline]
sources: [gazette-bridge]
variants: 2
exports: [gift, anki]
"""


def write_recipe(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.recipe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_recipe_is_read_into_generate_options(tmp_path: Path) -> None:
    write_recipe(tmp_path, "class-test", FULL_RECIPE)
    assert load_recipes(tmp_path) == [
        Recipe(
            name="class-test",
            seed=20,
            options=GenerateOptions(
                title="Bridge: class test",
                count=12,
                topics=("bridge", "money"),
                forms=("multiple-choice", "timeline"),
                sources=("gazette-bridge",),
            ),
            variants=2,
            exports=("gift", "anki"),
        )
    ]


@pytest.mark.parametrize(
    "forms", ["", "forms: []\n", "forms: null\n"], ids=["absent", "empty", "null"]
)
def test_a_short_recipe_takes_every_question_and_form(tmp_path: Path, forms: str) -> None:
    write_recipe(tmp_path, "full", f"title: Everything\nseed: 0\n{forms}exports: [csv]\n")
    assert load_recipes(tmp_path) == [
        Recipe(
            "full",
            0,
            GenerateOptions(title="Everything", count=None, topics=(), forms=FORM_CHOICES),
            1,
            ("csv",),
        )
    ]


def test_recipes_are_sorted_by_name_and_other_files_ignored(tmp_path: Path) -> None:
    for name in ("zeta", "alpha", "mid"):
        write_recipe(tmp_path, name, f"title: {name}\nseed: 1\nexports: [gift]\n")
    (tmp_path / "notes.yaml").write_text("title: not a recipe\n", encoding="utf-8")
    assert [r.name for r in load_recipes(tmp_path)] == ["alpha", "mid", "zeta"]


def test_no_recipes_is_an_empty_list(tmp_path: Path) -> None:
    assert load_recipes(tmp_path) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: T\nseed: 1\nforms: [multiple-choice, essay]\nexports: [gift]\n",
            [(3, "'forms' has 'essay' (allowed: multiple-choice, true-false, timeline)")],
        ),
        (
            "title: T\nseed: 1\nforms: [timeline-order]\nexports: [gift]\n",
            [(3, "'forms' has 'timeline-order' (allowed: multiple-choice, true-false, timeline)")],
        ),
        (
            "title: T\nseed: 1\nexports:\n  - gift\n  - pdf\n  - docx\n",
            [
                (
                    3,
                    f"'exports' has 'pdf' (allowed: {ALLOWED_EXPORTS})",
                ),
                (
                    3,
                    f"'exports' has 'docx' (allowed: {ALLOWED_EXPORTS})",
                ),
            ],
        ),
        (
            "title: T\nexports: [gift]\nseed: -1\n",
            [(3, "'seed' of the recipe must be a whole number")],
        ),
        (
            "title: T\nseed: twenty\nexports: [gift]\n",
            [(2, "'seed' of the recipe must be a whole number")],
        ),
        (
            "title: T\nseed: 1.5\nexports: [gift]\n",
            [(2, "'seed' of the recipe must be a whole number")],
        ),
        (
            "title: T\nseed: true\nexports: [gift]\n",
            [(2, "'seed' of the recipe must be a whole number")],
        ),
        (
            "title: T\n\nexports: [gift]\n",
            [(1, "the recipe is missing the required key 'seed'")],
        ),
        (
            "title: T\nseed: 1\ncount: 0\nvariants: 0\nexports: [gift]\n",
            [
                (3, "'count' of the recipe must be a whole number"),
                (4, "'variants' of the recipe must be a whole number from 1 to 26"),
            ],
        ),
        (
            "seed: x\nforms: [essay]\nexports: [pdf]\n",
            [
                (1, "the recipe is missing the required key 'title'"),
                (1, "'seed' of the recipe must be a whole number"),
                (2, "'forms' has 'essay' (allowed: multiple-choice, true-false, timeline)"),
                (
                    3,
                    f"'exports' has 'pdf' (allowed: {ALLOWED_EXPORTS})",
                ),
            ],
        ),
    ],
    ids=[
        "unknown-form",
        "form-alias",
        "unknown-exports",
        "negative-seed",
        "text-seed",
        "fractional-seed",
        "boolean-seed",
        "missing-seed",
        "zero-count-and-variants",
        "every-problem-at-once",
    ],
)
def test_bad_recipes_name_the_file_and_line(
    tmp_path: Path, text: str, expected: list[tuple[int, str]]
) -> None:
    path = write_recipe(tmp_path, "bad", text)
    with pytest.raises(RecipeError) as caught:
        load_recipes(tmp_path)
    assert list(caught.value.problems) == [Problem(str(path), line, msg) for line, msg in expected]


def test_problems_of_every_recipe_are_reported_together(tmp_path: Path) -> None:
    first = write_recipe(tmp_path, "a", "title: A\nseed: -2\nexports: [gift]\n")
    write_recipe(tmp_path, "b", "title: B\nseed: 1\nexports: [gift]\n")
    third = write_recipe(tmp_path, "c", "title: C\nseed: 1\nexports: [pdf]\n")
    with pytest.raises(RecipeError) as caught:
        load_recipes(tmp_path)
    assert str(caught.value) == (
        f"{first}:2: 'seed' of the recipe must be a whole number\n"
        f"{third}:3: 'exports' has 'pdf' (allowed: {ALLOWED_EXPORTS})"
    )


def test_a_seed_without_a_value_is_reported(tmp_path: Path) -> None:
    path = write_recipe(tmp_path, "empty-seed", "title: T\nseed:\nexports: [gift]\n")
    with pytest.raises(RecipeError) as caught:
        load_recipes(tmp_path)
    assert [(p.path, p.line) for p in caught.value.problems] == [(str(path), 2)]
    assert "'seed'" in caught.value.problems[0].message

"""Deck recipes: `decks/<name>.recipe.yaml` names a title, seed, selection and the exports to write.

title: "Aleppo 2016: class test"
seed: 20
count: 20                 # omit or null: every question that fits
topics: []                # optional filters
forms: [multiple-choice, true-false, timeline]
sources: []
variants: 2               # A and B: same questions, own order and key
exports: [gift, moodle-xml, aiken, csv, kahoot, blooket, gimkit, markdown, html, anki]
verified_only: true       # optional: only facts a reviewer approved (see quizgen verify)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import RecipeError
from quizgen.exports.formats import EXPORT_FORMATS
from quizgen.facts.field_reader import FieldReader
from quizgen.facts.yaml_lines import Located, load_yaml
from quizgen.questions.generator import GenerateOptions
from quizgen.questions.model import FORM_CHOICES

RECIPE_SUFFIX = ".recipe.yaml"
#: As `generate --variants`: one letter each, A to Z.
MAX_VARIANTS = 26


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one deck folder under `decks/` is built: what to generate, and what to write."""

    name: str
    seed: int
    options: GenerateOptions
    variants: int
    exports: tuple[str, ...]
    #: Only facts a reviewer approved, on their content as it is now.
    verified_only: bool = False

    def file_count(self) -> int:
        """How many files building it writes: per variant its set and each text export, and
        one Anki deck for all variants."""
        per_variant = 1 + sum(1 for name in self.exports if name != "anki")
        return self.variants * per_variant + (1 if "anki" in self.exports else 0)


def load_recipes(decks_dir: Path) -> list[Recipe]:
    """Every recipe in `decks_dir`, sorted by name; RecipeError lists every problem."""
    recipes, problems = [], []
    for path in sorted(decks_dir.glob(f"*{RECIPE_SUFFIX}")):
        data, found = load_yaml(path)
        problems += found
        if found:
            continue
        reader = FieldReader(str(path))
        recipe = _read_recipe(reader, data, path.name.removesuffix(RECIPE_SUFFIX))
        problems += reader.problems
        if recipe is not None:
            recipes.append(recipe)
    if problems:
        raise RecipeError(problems)
    return recipes


def _read_recipe(reader: FieldReader, data: object, name: str) -> Recipe | None:
    record = reader.mapping(data, 1, "a recipe")
    if record is None:
        return None
    optional = ("count", "topics", "forms", "sources", "variants", "verified_only")
    reader.check_keys(record, "the recipe", ("title", "seed", "exports"), optional)
    title = reader.text(record, "title", "the recipe")
    numbers = {k: _whole(reader, record, k) for k in ("seed", "count", "variants")}
    forms = reader.text_list(record, "forms", "the recipe") or FORM_CHOICES
    exports = reader.text_list(record, "exports", "the recipe")
    for key, values, allowed in (
        ("forms", forms, FORM_CHOICES),
        ("exports", exports, EXPORT_FORMATS),
    ):
        for value in values:
            if value not in allowed:
                reader.report(
                    record.line_of(key), f"{key!r} has {value!r} (allowed: {', '.join(allowed)})"
                )
    verified_only = record.get("verified_only", False)
    if not isinstance(verified_only, bool):
        reader.report(
            record.line_of("verified_only"), "'verified_only' of the recipe is true/false"
        )
    if title is None or numbers["seed"] is None or reader.problems:
        return None
    options = GenerateOptions(
        title=title,
        count=numbers["count"],
        topics=reader.text_list(record, "topics", "the recipe"),
        forms=forms,
        sources=reader.text_list(record, "sources", "the recipe"),
    )
    return Recipe(
        name, numbers["seed"], options, numbers["variants"] or 1, exports, verified_only is True
    )


def _whole(reader: FieldReader, record: Located, key: str) -> int | None:
    value = record.get(key)
    if value is None and (key != "seed" or key not in record):
        return None  # count and variants may be left empty; a seed written empty is a mistake
    low, high = (0, None) if key == "seed" else (1, MAX_VARIANTS if key == "variants" else None)
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < low
        or (high is not None and value > high)
    ):
        bound = f" from {low} to {high}" if high is not None else ""
        reader.report(record.line_of(key), f"{key!r} of the recipe must be a whole number{bound}")
        return None
    return value

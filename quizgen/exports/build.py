"""`quizgen build`: every deck folder under `decks/`, regenerated from its recipe."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import OutputError, QuizgenError
from quizgen.exports.formats import EXTENSIONS, export
from quizgen.exports.recipes import Recipe, load_recipes
from quizgen.facts.model import FactBase
from quizgen.files import write_atomic
from quizgen.questions.generator import generate_set
from quizgen.questions.lint import lint_set
from quizgen.questions.set_file import dump_set
from quizgen.questions.variants import make_variants


@dataclass(frozen=True, slots=True)
class BuiltFile:
    """One file a build writes: its path under `decks/`, its bytes, exporter notes, and what it
    holds when that needs saying (an Anki deck's notes and cards)."""

    path: str
    content: bytes
    notes: tuple[str, ...] = ()
    summary: str = ""


def build_recipe(
    base: FactBase, recipe: Recipe, progress: Callable[[int], None] | None = None
) -> Iterator[BuiltFile]:
    """The question set(s) and exports of one recipe, as files under `<recipe.name>/`."""
    qset = generate_set(base, recipe.options, recipe.seed, progress)
    findings = lint_set(qset, base)
    if findings:
        lines = "\n".join(f"  {f}" for f in findings)
        raise QuizgenError(
            f"recipe {recipe.name!r}: the item linter rejects the set it makes:\n{lines}"
        )
    sets = make_variants(qset, recipe.variants) if recipe.variants > 1 else [qset]
    for variant in sets:
        suffix = f"-{variant.header.variant}" if variant.header.variant else ""
        yield BuiltFile(f"{recipe.name}/set{suffix}.yaml", dump_set(variant).encode("utf-8"))
        for name in recipe.exports:
            if name == "anki" and variant is not sets[0]:
                continue  # one deck is enough: Anki shuffles by itself
            result = export(name, variant, base)
            stem = recipe.name if name == "anki" else f"{recipe.name}{suffix}"
            path = f"{recipe.name}/{stem}{EXTENSIONS[name]}"
            yield BuiltFile(path, result.content, result.notes, result.summary)


def build_decks(base: FactBase, decks_dir: Path) -> Iterator[tuple[Path, BuiltFile]]:
    """Build every recipe in `decks_dir`, writing each file; yields where it went and what it is."""
    recipes = load_recipes(decks_dir)
    if not recipes:
        raise QuizgenError(f"no *.recipe.yaml in {decks_dir}")
    for recipe in recipes:
        for built in build_recipe(base, recipe):
            path = decks_dir / built.path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot create {path.parent}: {exc.strerror}") from None
            write_atomic(path, built.content)
            yield path, built

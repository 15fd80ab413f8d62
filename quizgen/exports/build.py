"""`quizgen build`: every deck folder under `decks/`, regenerated from its recipe."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from quizgen.errors import OutputError, QuizgenError
from quizgen.exports.formats import EXTENSIONS, export
from quizgen.exports.recipes import Recipe
from quizgen.facts.model import FactBase
from quizgen.facts.verification import Ledger, State
from quizgen.files import write_atomic
from quizgen.questions.generator import generate_set
from quizgen.questions.lint import lint_set
from quizgen.questions.model import mark_verified
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
    base: FactBase,
    recipe: Recipe,
    progress: Callable[[int], None] | None = None,
    ledger: Ledger | None = None,
) -> Iterator[BuiltFile]:
    """The question set(s) and exports of one recipe, as files under `<recipe.name>/`; with a
    ledger, rejected facts are left out and approved ones marked (or, for a `verified_only`
    recipe, the only ones asked)."""
    options = recipe.options
    approved: frozenset[str] = frozenset()
    if ledger is not None:
        approved = ledger.with_ids(base, State.APPROVED)
        options = replace(
            options, exclude_facts=options.exclude_facts | ledger.with_ids(base, State.REJECTED)
        )
    if recipe.verified_only:
        if not approved:
            raise QuizgenError(
                f"recipe {recipe.name!r} asks only verified facts, and no fact is approved yet:"
                " review some with `quizgen verify`"
            )
        options = replace(options, only_facts=approved)
    qset = mark_verified(generate_set(base, options, recipe.seed, progress), approved)
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


def build_decks(
    base: FactBase, decks_dir: Path, recipes: list[Recipe], ledger: Ledger | None = None
) -> Iterator[tuple[Path, BuiltFile]]:
    """Build `recipes` (read from `decks_dir` by `load_recipes`), writing each file under
    `decks_dir`; yields where it went and what it is (with a ledger: see `build_recipe`)."""
    if not recipes:
        raise QuizgenError(f"no *.recipe.yaml in {decks_dir}")
    for recipe in recipes:
        for built in build_recipe(base, recipe, ledger=ledger):
            path = decks_dir / built.path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot create {path.parent}: {exc.strerror}") from None
            write_atomic(path, built.content)
            yield path, built

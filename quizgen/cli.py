"""The command line: a thin skin that parses options, calls the library and renders results.

Heavy libraries (genanki, questionary, prompt_toolkit, fsrs) are imported inside the commands
that need them, so `quizgen --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from quizgen.factbase import FactBase

F = TypeVar("F", bound=Callable[..., Any])

NOTES_HELP = "Fact base folder (default: the one shipped with quizgen)."


def reports_errors(command: F) -> F:
    """Turn library errors into messages and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizgen.errors import ProblemsError, QuizgenError

        try:
            return command(*args, **kwargs)
        except ProblemsError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            raise click.ClickException(
                f"{count} problem{'s' if count != 1 else ''} found; fix them and run again"
            ) from None
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def load_base(notes: Path | None) -> FactBase:
    """The fact base at `notes`, or the shipped one."""
    from quizgen.loader import load_fact_base
    from quizgen.paths import shipped_notes_dir

    return load_fact_base(notes or shipped_notes_dir())


notes_option = click.option(
    "--notes",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=NOTES_HELP,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def main() -> None:
    """Verified quizzes on the 2016 U.S.-Russia diplomacy over Aleppo.

    Every question traces to a verbatim quote in a named document.

    \b
    Examples:
      quizgen quiz                      take a 10-question quiz
      quizgen check --documents DIR     prove every fact against its document
      quizgen generate --seed 7 --count 20 -o test.yaml
    """


@main.command()
@notes_option
@click.option(
    "--documents",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="QUIZGEN_DOCUMENTS",
    help="Folder of the source documents: also prove every evidence quote and checksum"
    " (default: $QUIZGEN_DOCUMENTS).",
)
@reports_errors
def check(notes: Path | None, documents: Path | None) -> None:
    """Validate the fact base and report every problem as path:line: message.

    \b
    Example:
      quizgen check --documents ../shared/seeds
      quizgen check --notes my_notes/
    """
    from quizgen.documents import prove_against_documents
    from quizgen.factbase import EntityKind, Status

    base = load_base(notes)
    people = sum(1 for e in base.entities if e.kind is EntityKind.PERSON)
    contested = sum(1 for f in base.facts if f.status is Status.CONTESTED)
    slips = sum(1 for f in base.facts if f.status is Status.SLIP)
    summary = (
        f"ok: {len(base.sources)} sources, {len(base.entities)} entities ({people} people),"
        f" {len(base.facts)} facts ({contested} contested, {slips} slips),"
        f" {len(base.topics)} topics"
    )
    if documents is None:
        summary += "; quotes not proven (give --documents DIR or set QUIZGEN_DOCUMENTS)"
    else:
        proof = prove_against_documents(base, documents)
        summary += f"; {proof.quotes} evidence quotes proven in {proof.documents} documents"
    click.echo(summary)


@main.command()
@notes_option
@click.option("--topic", "topics", multiple=True, help="Only facts with this topic (repeatable).")
@click.option(
    "--source", "sources", multiple=True, help="Only facts citing this source id or file."
)
@click.option("--contested", is_flag=True, help="Only contested facts and recorded slips.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array for scripts.")
@reports_errors
def facts(
    notes: Path | None,
    topics: tuple[str, ...],
    sources: tuple[str, ...],
    contested: bool,
    as_json: bool,
) -> None:
    """List facts: id, statement, answer, sources and topics.

    \b
    Examples:
      quizgen facts --topic united-nations
      quizgen facts --contested
      quizgen facts --json | python -m json.tool
    """
    from quizgen.listing import answer_summary, fact_record, select_facts

    base = load_base(notes)
    _check_choices("--topic", topics, [t.id for t in base.topics])
    _check_choices(
        "--source", sources, [s.id for s in base.sources] + [s.file for s in base.sources]
    )
    chosen = select_facts(base, topics, sources, contested)
    if as_json:
        click.echo(json.dumps([fact_record(base, f) for f in chosen], indent=2, ensure_ascii=False))
        return
    for fact in chosen:
        tag = "" if fact.status.value == "settled" else f"  [{fact.status.value}]"
        click.echo(click.style(fact.id, bold=True) + tag)
        click.echo(f"  statement: {fact.statement}")
        answer = answer_summary(base, fact)
        if answer is not None:
            click.echo(f"  answer:    {answer}")
        if fact.note:
            click.echo(f"  note:      {fact.note}")
        click.echo(f"  sources:   {', '.join(base.source(s).file for s in fact.source_ids())}")
        click.echo(f"  topics:    {', '.join(fact.topics)}")
    click.echo(f"{len(chosen)} facts")


@main.command()
@notes_option
@reports_errors
def sources(notes: Path | None) -> None:
    """List the documents the fact base is drawn from.

    \b
    Example:
      quizgen sources
    """
    base = load_base(notes)
    for source in base.sources:
        facts_citing = sum(1 for f in base.facts if source.id in f.source_ids())
        click.echo(click.style(source.id, bold=True) + f"  ({source.file})")
        click.echo(f"  outlet:   {source.outlet}")
        click.echo(f"  headline: {source.headline}")
        click.echo(f"  date:     {source.date.human() if source.date else 'not printed'}")
        if source.date_note:
            click.echo(f"            {source.date_note}")
        click.echo(f"  summary:  {source.summary}")
        click.echo(f"  facts:    {facts_citing}")


# --- commands: generate, build, export (question sets and teacher formats) ---


def _progress_reporter(label: str, total: int) -> Any:
    """A click progress bar on stderr for large fact bases; None for small ones."""
    if total < 2000:
        return None
    return click.progressbar(length=total, label=label, file=click.get_text_stream("stderr"))


@main.command()
@notes_option
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option("--count", type=click.IntRange(min=1), help="Number of questions (default: all).")
@click.option("--topic", "topics", multiple=True, help="Only these topics (repeatable).")
@click.option(
    "--form",
    "forms",
    multiple=True,
    type=click.Choice(["multiple-choice", "true-false", "timeline"]),
    help="Only these forms (repeatable; default: all).",
)
@click.option("--source", "sources", multiple=True, help="Only facts citing this source.")
@click.option("--variants", type=click.IntRange(1, 26), default=1, help="Write variants A, B, ...")
@click.option("--title", default="Aleppo 2016", show_default=True, help="Title of the set.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Set file.")
@reports_errors
def generate(
    notes: Path | None,
    seed: int,
    count: int | None,
    topics: tuple[str, ...],
    forms: tuple[str, ...],
    sources: tuple[str, ...],
    variants: int,
    title: str,
    output: Path | None,
) -> None:
    """Generate a question set (YAML) from the fact base.

    The same fact base and seed always give a byte-identical file. With --variants N and
    -o test.yaml it writes test-A.yaml, test-B.yaml, ...: the same questions, each in its own
    order with its own key.

    \b
    Examples:
      quizgen generate --seed 7 --count 20 -o test.yaml
      quizgen generate --seed 7 --count 20 --variants 2 -o test.yaml
      quizgen generate --topic united-nations --form multiple-choice
    """
    from quizgen.generator import GenerateOptions, generate_set
    from quizgen.questionset import dump_set
    from quizgen.variants import make_variants

    base = load_base(notes)
    _check_choices("--topic", topics, [t.id for t in base.topics])
    _check_choices(
        "--source", sources, [s.id for s in base.sources] + [s.file for s in base.sources]
    )
    if variants > 1 and output is None:
        raise click.UsageError("--variants writes one file per variant: give -o FILE too")
    chosen_forms = forms or ("multiple-choice", "true-false", "timeline")
    options = GenerateOptions(title, count, topics, chosen_forms, sources)
    bar = _progress_reporter("Generating", len(base.facts))
    if bar is None:
        qset = generate_set(base, options, seed)
    else:
        with bar:
            qset = generate_set(base, options, seed, bar.update)
    if count is not None and len(qset.questions) < count:
        click.echo(f"Only {len(qset.questions)} questions fit the filters.", err=True)
    if output is None:
        click.echo(dump_set(qset), nl=False)
        return
    sets = make_variants(qset, variants) if variants > 1 else [qset]
    for variant in sets:
        path = output
        if variant.header.variant:
            path = output.with_name(f"{output.stem}-{variant.header.variant}{output.suffix}")
        path.write_text(dump_set(variant), encoding="utf-8", newline="\n")
        click.echo(f"Wrote {path} ({len(variant.questions)} questions)")


@main.command()
@notes_option
@click.option(
    "--decks",
    "decks_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of deck recipes (default: the repository's decks/).",
)
@reports_errors
def build(notes: Path | None, decks_dir: Path | None) -> None:
    """Regenerate every deck under decks/ from its recipe (*.recipe.yaml).

    \b
    Example:
      quizgen build
    """
    from quizgen.build import build_recipe
    from quizgen.paths import shipped_decks_dir
    from quizgen.recipes import load_recipes

    base = load_base(notes)
    target = decks_dir or shipped_decks_dir()
    recipes = load_recipes(target)
    if not recipes:
        raise click.ClickException(f"no *.recipe.yaml in {target}")
    for recipe in recipes:
        for built in build_recipe(base, recipe):
            path = target / built.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(built.content)
            click.echo(f"Wrote {path}")
            for note in built.notes:
                click.echo(f"  note: {note}")


@main.command()
@notes_option
@click.argument(
    "format_name", metavar="FORMAT", type=click.Choice(["gift", "aiken", "csv", "markdown", "anki"])
)
@click.option(
    "--set",
    "set_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Question set file (from quizgen generate).",
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def export(notes: Path | None, format_name: str, set_path: Path, output: Path) -> None:
    """Export a question set for Moodle (gift, aiken), spreadsheets (csv), paper (markdown)
    or Anki (anki).

    \b
    Examples:
      quizgen export gift --set test-A.yaml -o test-A.gift
      quizgen export markdown --set test-A.yaml -o test-A.md
      quizgen export anki --set test-A.yaml -o test.apkg
    """
    from quizgen.exporters import export as run_export
    from quizgen.questionset import load_set

    qset = load_set(set_path)
    base = load_base(notes)
    result = run_export(format_name, qset, base)
    output.write_bytes(result.content)
    click.echo(f"Wrote {output} ({len(qset.questions)} questions, {format_name})")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


# --- commands: quiz, review, stats (the learner's terminal quiz) ---

# --- end of commands ---


def _check_choices(option: str, given: tuple[str, ...], allowed: list[str]) -> None:
    for value in given:
        if value not in allowed:
            raise click.BadParameter(
                f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option
            )


if os.environ.get("QUIZGEN_DEBUG_IMPORTS"):  # pragma: no cover - a developer aid
    import sys

    click.echo(sorted(sys.modules), err=True)

"""Teachers' commands: generate question sets, build the decks, export to other formats."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen.cli import (
    _check_selection,
    form_option,
    load_base,
    load_ledger_of,
    main,
    notes_option,
    reports_errors,
)
from quizgen.cli.progress_bars import (
    EXPORT_BAR_BYTES,
    GENERATE_BAR_FACTS,
    progress_bar,
    stages,
)
from quizgen.exports.formats import EXPORT_FORMATS
from quizgen.plural import plural
from quizgen.questions.model import FORM_ALIASES, FORM_CHOICES

if TYPE_CHECKING:
    from quizgen.questions.generator import GenerateOptions


@main.command()
@notes_option
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option("--count", type=click.IntRange(min=1), help="Number of questions (default: all).")
@click.option("--topic", "topics", multiple=True, help="Only these topics (repeatable).")
@form_option("Only these forms (repeatable; default: all).")
@click.option("--source", "sources", multiple=True, help="Only facts citing this source.")
@click.option("--variants", type=click.IntRange(1, 26), default=1, help="Write variants A, B, ...")
@click.option("--title", default="Aleppo 2016", show_default=True, help="Title of the set.")
@click.option(
    "--verified-only", is_flag=True, help="Only facts a reviewer approved (see quizgen verify)."
)
@click.option(
    "--exclude-set",
    "exclude_sets",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Ask no fact this earlier set asked (repeatable: last term's tests).",
)
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
    verified_only: bool,
    exclude_sets: tuple[Path, ...],
    output: Path | None,
) -> None:
    """Generate a question set (YAML) from the fact base.

    The same fact base and seed always give a byte-identical file. With --variants N and
    -o test.yaml it writes test-A.yaml, test-B.yaml, ...: the same questions, each in its own
    order with its own key. Facts a reviewer rejected are never asked; questions on approved
    facts are marked verified. With --exclude-set OLD.yaml no fact an earlier set asked comes
    back.

    \b
    Examples:
      quizgen generate --seed 7 --count 20 -o test.yaml
      quizgen generate --seed 7 --count 20 --variants 2 -o test.yaml
      quizgen generate --seed 8 --count 20 --exclude-set test-A.yaml -o next-term.yaml
      quizgen generate --topic united-nations --form multiple-choice
      quizgen generate --verified-only -o checked.yaml
    """
    from quizgen.errors import GenerationError
    from quizgen.facts.verification import State
    from quizgen.files import same_file
    from quizgen.questions.generator import GenerateOptions, generate_set
    from quizgen.questions.model import mark_verified
    from quizgen.questions.set_file import dump_set, load_set
    from quizgen.questions.variants import write_variants

    base = load_base(notes)
    _check_selection(base, topics, sources)
    if variants > 1 and output is None:
        raise click.UsageError("--variants writes one file per variant: give -o FILE too")
    if output is not None and any(same_file(output, old) for old in exclude_sets):
        raise click.UsageError(f"-o {output} is an --exclude-set file: give another file name")
    used = frozenset(f for old in exclude_sets for f in load_set(old).fact_ids())
    chosen_forms = tuple(dict.fromkeys(FORM_ALIASES.get(f, f) for f in forms)) or FORM_CHOICES
    ledger = load_ledger_of(notes)
    approved = ledger.with_ids(base, State.APPROVED)
    if verified_only and not approved:
        raise click.ClickException(
            "no fact is approved yet: review facts with `quizgen verify`, or leave out"
            " --verified-only"
        )
    options = GenerateOptions(
        title=title,
        count=count,
        topics=topics,
        forms=chosen_forms,
        sources=sources,
        only_facts=approved if verified_only else None,
        exclude_facts=ledger.with_ids(base, State.REJECTED),
        used_before=used,
    )
    bar = (
        progress_bar("Generating", len(base.facts))
        if len(base.facts) >= GENERATE_BAR_FACTS
        else None
    )
    try:
        with bar or contextlib.nullcontext():
            qset = generate_set(base, options, seed, bar.update if bar else None)
    except GenerationError as exc:
        if not used:
            raise
        raise GenerationError(
            f"{exc}. {_relax(used, exclude_sets, options, verified_only)}"
        ) from None
    qset = mark_verified(qset, approved)
    if count is not None and len(qset.questions) < count:
        click.echo(f"Only {plural(len(qset.questions), 'question')} fit the filters.", err=True)
        if used:
            click.echo(_relax(used, exclude_sets, options, verified_only), err=True)
    from quizgen.questions.lint import lint_set

    for finding in lint_set(qset, base):
        click.echo(f"lint: {finding}", err=True)
    if output is None:
        click.echo(dump_set(qset), nl=False)
        return
    for path, written in write_variants(qset, variants, output):
        click.echo(f"Wrote {path} ({plural(written, 'question')})")


def _relax(
    used: frozenset[str],
    exclude_sets: tuple[Path, ...],
    options: GenerateOptions,
    verified_only: bool,
) -> str:
    """What --exclude-set left out, and the filters a teacher could relax for more questions."""
    given = [
        name
        for name, on in (
            ("--topic", options.topics),
            ("--form", options.forms != FORM_CHOICES),
            ("--source", options.sources),
            ("--verified-only", verified_only),
        )
        if on
    ]
    files = ", ".join(str(p) for p in exclude_sets)
    relax = ["drop an --exclude-set", *(f"widen or drop {name}" for name in given)]
    return (
        f"{plural(len(used), 'fact')} asked in {files} {'was' if len(used) == 1 else 'were'} left"
        f" out. For more questions: {', or '.join(relax)}."
    )


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

    Facts a reviewer rejected are left out; a recipe with `verified_only: true` asks only
    approved ones.

    \b
    Example:
      quizgen build
    """
    from quizgen.exports.build import build_decks
    from quizgen.exports.recipes import load_recipes
    from quizgen.paths import build_target

    target = decks_dir or build_target()
    base = load_base(notes)
    recipes = load_recipes(target)
    lines: list[str] = []
    bar = progress_bar("Building", sum(r.file_count() for r in recipes))
    with bar or contextlib.nullcontext():
        for path, built in build_decks(base, target, recipes, load_ledger_of(notes)):
            written = [f"Wrote {path}: {built.summary}" if built.summary else f"Wrote {path}"]
            written += [f"  note: {note}" for note in built.notes]
            if bar is None:
                click.echo("\n".join(written))
            else:  # said once the bar is done, so lines and bar do not interleave
                lines += written
                bar.update(1, built.path)
    for line in lines:
        click.echo(line)


@main.command()
@notes_option
@click.argument("format_name", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
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
    from quizgen.exports.formats import export as run_export
    from quizgen.files import same_file, write_atomic
    from quizgen.questions.set_file import load_set

    if same_file(output, set_path):
        raise click.UsageError(
            f"-o {output} is the question set being exported: give another file name"
        )
    with stages("Exporting", 4, set_path.stat().st_size >= EXPORT_BAR_BYTES) as begin:
        begin(f"reading {set_path.name}")
        qset = load_set(set_path)
        begin("reading the fact base")
        base = load_base(notes)
        begin(f"writing {format_name}")
        result = run_export(format_name, qset, base)
        begin(f"saving {output.name}")
        write_atomic(output, result.content)
    if result.summary:  # an Anki deck: notes and cards, not questions
        click.echo(f"Wrote {output}: {result.summary}")
    else:
        click.echo(f"Wrote {output} ({plural(len(qset.questions), 'question')}, {format_name})")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)

"""The command line: a thin skin that parses options, calls the library and renders results.

Heavy libraries (genanki, questionary, prompt_toolkit, fsrs) are imported inside the commands
that need them, so `quizgen --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizgen.exports.formats import EXPORT_FORMATS
from quizgen.plural import plural
from quizgen.questions.model import FORM_ALIASES, FORM_CHOICES
from quizgen.study.session import Mode

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from quizgen.facts.model import FactBase

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
            raise click.ClickException(
                f"{plural(len(exc.problems), 'problem')} found; fix them and run again"
            ) from None
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def load_base(notes: Path | None) -> FactBase:
    """The fact base at `notes`, or the shipped one."""
    from quizgen.facts.loader import load_fact_base
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
    from quizgen.facts.model import EntityKind, Status
    from quizgen.facts.proof import prove_against_documents

    base = load_base(notes)
    people = sum(1 for e in base.entities if e.kind is EntityKind.PERSON)
    contested = sum(1 for f in base.facts if f.status is Status.CONTESTED)
    slips = sum(1 for f in base.facts if f.status is Status.SLIP)
    summary = (
        f"ok: {len(base.sources)} sources, {len(base.entities)} entities ({people} people),"
        f" {len(base.facts)} facts ({contested} contested, {plural(slips, 'slip')}),"
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
    from quizgen.facts.listing import fact_lines, fact_record
    from quizgen.facts.selection import select_facts

    base = load_base(notes)
    _check_selection(base, topics, sources)
    chosen = select_facts(base, topics, sources, contested)
    if as_json:
        click.echo(json.dumps([fact_record(base, f) for f in chosen], indent=2, ensure_ascii=False))
        return
    for fact in chosen:
        _echo_entry(*fact_lines(base, fact))
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
    from quizgen.facts.listing import source_lines

    base = load_base(notes)
    for source in base.sources:
        _echo_entry(*source_lines(base, source))


def _echo_entry(heading: str, lines: list[str]) -> None:
    """A listing entry: its id in bold (the rest of the heading plain), then its details."""
    name, _, rest = heading.partition("  ")
    click.echo(click.style(name, bold=True) + (f"  {rest}" if rest else ""))
    for line in lines:
        click.echo(line)


@main.command()
@notes_option
@click.option(
    "--set",
    "set_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Question set to check (default: every question the fact base yields).",
)
@click.option(
    "--documents",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="QUIZGEN_DOCUMENTS",
    help="Also flag runs of 8+ words copied from these documents (default: $QUIZGEN_DOCUMENTS).",
)
@reports_errors
def lint(notes: Path | None, set_path: Path | None, documents: Path | None) -> None:
    """Check questions against the item-writing rules; one line per finding, exit 1 if any.

    \b
    Examples:
      quizgen lint
      quizgen lint --set test-A.yaml
      quizgen lint --documents ../shared/seeds
    """
    from quizgen.questions.lint import lint_base, lint_set
    from quizgen.questions.set_file import load_set

    base = load_base(notes)
    if set_path is None:
        findings, checked = lint_base(base, documents)
    else:
        qset = load_set(set_path)
        findings, checked = lint_set(qset, base, documents), len(qset.questions)
    for finding in findings:
        click.echo(str(finding))
    if findings:
        raise click.ClickException(
            f"{plural(len(findings), 'finding')} in {plural(checked, 'question')}"
        )
    click.echo(f"ok: {plural(checked, 'question')}, no findings")


# --- commands: generate, build, export (question sets and teacher formats) ---


def _progress_reporter(label: str, total: int) -> ProgressBar[int] | None:
    """A click progress bar on stderr for large fact bases; None for small ones."""
    if total < 2000:
        return None
    bar: ProgressBar[int] = click.progressbar(length=total, label=label, file=sys.stderr)
    return bar


@main.command()
@notes_option
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option("--count", type=click.IntRange(min=1), help="Number of questions (default: all).")
@click.option("--topic", "topics", multiple=True, help="Only these topics (repeatable).")
@click.option(
    "--form",
    "forms",
    multiple=True,
    type=click.Choice(FORM_CHOICES),
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
    from quizgen.questions.generator import GenerateOptions, generate_set
    from quizgen.questions.set_file import dump_set
    from quizgen.questions.variants import write_variants

    base = load_base(notes)
    _check_selection(base, topics, sources)
    if variants > 1 and output is None:
        raise click.UsageError("--variants writes one file per variant: give -o FILE too")
    chosen_forms = forms or FORM_CHOICES
    options = GenerateOptions(
        title=title, count=count, topics=topics, forms=chosen_forms, sources=sources
    )
    bar = _progress_reporter("Generating", len(base.facts))
    if bar is None:
        qset = generate_set(base, options, seed)
    else:
        with bar:
            qset = generate_set(base, options, seed, bar.update)
    if count is not None and len(qset.questions) < count:
        click.echo(f"Only {len(qset.questions)} questions fit the filters.", err=True)
    from quizgen.questions.lint import lint_set

    for finding in lint_set(qset, base):
        click.echo(f"lint: {finding}", err=True)
    if output is None:
        click.echo(dump_set(qset), nl=False)
        return
    for path, written in write_variants(qset, variants, output):
        click.echo(f"Wrote {path} ({written} questions)")


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
    from quizgen.exports.build import build_decks
    from quizgen.paths import shipped_decks_dir

    base = load_base(notes)
    for path, notes_of_file in build_decks(base, decks_dir or shipped_decks_dir()):
        click.echo(f"Wrote {path}")
        for note in notes_of_file:
            click.echo(f"  note: {note}")


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
    from quizgen.questions.set_file import load_set

    qset = load_set(set_path)
    base = load_base(notes)
    result = run_export(format_name, qset, base)
    output.write_bytes(result.content)
    click.echo(f"Wrote {output} ({len(qset.questions)} questions, {format_name})")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


# --- commands: quiz, review, stats (the learner's terminal quiz) ---

if TYPE_CHECKING:
    from datetime import datetime

    from quizgen.study.plan import Plan
    from quizgen.study.progress import ProgressStore
    from quizgen.study.terminal import Ui

QUIZ_MODES = tuple(m.value for m in Mode if m is not Mode.REVIEW)
EXIT_INTERRUPTED = 130


def data_dir_option(command: F) -> F:
    """--data-dir DIR (or $QUIZGEN_DATA_DIR): where progress is saved."""
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="QUIZGEN_DATA_DIR",
        help="Folder of your saved progress (default: $QUIZGEN_DATA_DIR, else the app-data"
        " folder).",
    )(command)


def now_option(command: F) -> F:
    """A hidden --now that fixes the clock, for tests."""
    return click.option("--now", hidden=True, help="Fix the clock (ISO 8601, UTC).")(command)


def set_option(command: F) -> F:
    """--set FILE: a teacher's question set instead of the shipped full deck."""
    return click.option(
        "--set",
        "set_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A question-set file (default: the full deck shipped with quizgen).",
    )(command)


@main.command()
@set_option
@click.option(
    "--count", type=click.IntRange(min=1), default=10, show_default=True, help="How many questions."
)
@click.option("--seed", type=int, help="Choose the questions reproducibly.")
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable).")
@click.option(
    "--form",
    "forms",
    multiple=True,
    type=click.Choice([*FORM_CHOICES, *FORM_ALIASES]),
    help="Only this question form (repeatable).",
)
@click.option(
    "--mode",
    type=click.Choice(QUIZ_MODES),
    default="practice",
    show_default=True,
    help="practice: feedback after each answer; exam: feedback at the end;"
    " learn: missed questions again until all are right.",
)
@click.option("--cram", is_flag=True, help="Practise without changing your review schedule.")
@data_dir_option
@now_option
@reports_errors
def quiz(
    set_path: Path | None,
    count: int,
    seed: int | None,
    topics: tuple[str, ...],
    forms: tuple[str, ...],
    mode: str,
    cram: bool,
    data_dir: Path | None,
    now: str | None,
) -> None:
    """Take a quiz in the terminal; every answer is saved the moment you give it.

    Each answer shows the right one, why, and the source it comes from. Ctrl-C stops (all
    answers kept) and the next `quizgen quiz` offers to resume. Without a terminal (a pipe or
    a file) it reads one answer per line: a number or a letter.

    \b
    Examples:
      quizgen quiz
      quizgen quiz --count 20 --mode exam
      quizgen quiz --topic united-nations --mode learn
      quizgen quiz --count 3 --seed 1 < answers.txt
    """
    import random

    from quizgen.study.plan import start_plan
    from quizgen.study.quiz import load_question_set, offer_resume
    from quizgen.study.session import Mode, choose_questions

    moment = _parse_now(now)
    ui = _quiz_ui()
    with _open_progress(data_dir, moment) as store:
        try:
            plan = offer_resume(store, ui)
        except KeyboardInterrupt:
            click.echo()
            click.get_current_context().exit(EXIT_INTERRUPTED)
        if plan is None:
            path = _set_path(set_path)
            qset = load_question_set(path)
            _check_choices("--topic", topics, sorted({t for q in qset.questions for t in q.topics}))
            chosen = choose_questions(qset.questions, count, random.Random(seed), topics, forms)
            plan = start_plan(store, qset, str(path), chosen, Mode(mode), cram, moment)
        _run(store, plan, ui, now)


@main.command()
@set_option
@click.option(
    "--count",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many questions.",
)
@data_dir_option
@now_option
@reports_errors
def review(set_path: Path | None, count: int, data_dir: Path | None, now: str | None) -> None:
    """Review the questions that are due, most overdue first (spaced repetition, FSRS).

    A missed question comes back soon, one you know later and later. `quiz` feeds the
    schedule too (unless --cram).

    \b
    Examples:
      quizgen review
      quizgen review --count 5
    """
    from quizgen.study.plan import start_plan
    from quizgen.study.quiz import load_question_set, next_review_line
    from quizgen.study.scheduling import due_question_ids
    from quizgen.study.session import Mode, questions_by_id

    moment = _parse_now(now)
    with _open_progress(data_dir, moment) as store:
        due_ids = due_question_ids(store.cards(), moment)
        if not due_ids:
            click.echo("Nothing is due for review.")
            _say(next_review_line(store, moment))
            return
        path = _set_path(set_path)
        qset = load_question_set(path)
        due = questions_by_id(due_ids, {q.id: q for q in qset.questions})[:count]
        if not due:
            raise click.ClickException(
                f"{len(due_ids)} questions are due, but none is in {path}:"
                " give the set they came from with --set FILE"
            )
        click.echo(f"{len(due_ids)} due for review; here come {len(due)}, most overdue first.")
        plan = start_plan(store, qset, str(path), due, Mode.REVIEW, False, moment)
        _run(store, plan, _quiz_ui(), now)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@data_dir_option
@now_option
@reports_errors
def stats(as_json: bool, data_dir: Path | None, now: str | None) -> None:
    """Your progress: questions seen, accuracy by topic, what is due, weakest facts, streaks.

    \b
    Examples:
      quizgen stats
      quizgen stats --json | python -m json.tool
    """
    from quizgen.study.stats import compute_stats, stats_lines

    moment = _parse_now(now)
    with _open_progress(data_dir, moment) as store:
        result = compute_stats(store.answers(), store.cards(), moment)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    for line in stats_lines(result):
        click.echo(line)


def _parse_now(value: str | None) -> datetime:
    from datetime import datetime, timezone

    from quizgen.study.scheduling import parse_moment

    if value is None:
        return datetime.now(timezone.utc)
    try:
        return parse_moment(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a time like 2026-05-01T09:00:00Z", param_hint="--now"
        ) from None


def _clock(now: str | None) -> Callable[[], datetime]:
    """The time each answer is recorded at: fixed by --now, else the real UTC time."""
    if now is None:
        return lambda: _parse_now(None)
    fixed = _parse_now(now)
    return lambda: fixed


def _open_progress(data_dir: Path | None, now: datetime) -> ProgressStore:
    from quizgen.study.progress import open_store

    store, notice = open_store(data_dir or Path(click.get_app_dir("quizgen")), now)
    if notice:
        click.echo(click.style(notice, fg="yellow"), err=True)
    return store


def _set_path(given: Path | None) -> Path:
    from quizgen.paths import shipped_full_set

    return (given or shipped_full_set()).resolve()


def _quiz_ui() -> Ui:
    import shutil

    from quizgen.study.terminal import make_ui

    return make_ui(sys.stdin, sys.stdout, os.environ, shutil.get_terminal_size().columns)


def _run(store: ProgressStore, plan: Plan, ui: Ui, now: str | None) -> None:
    """Run a planned session; exit 130 if it was interrupted, else say what is due next."""
    from quizgen.study.quiz import next_review_line, run_plan

    clock = _clock(now)
    if run_plan(store, plan, ui, clock):
        click.get_current_context().exit(EXIT_INTERRUPTED)
    _say(next_review_line(store, clock()))


def _say(line: str | None) -> None:
    if line is not None:
        click.echo(line)


# --- end of commands ---


def _check_selection(base: FactBase, topics: tuple[str, ...], sources: tuple[str, ...]) -> None:
    """--topic and --source name topics and sources (ids or file names) the fact base has."""
    _check_choices("--topic", topics, [t.id for t in base.topics])
    _check_choices(
        "--source", sources, [s.id for s in base.sources] + [s.file for s in base.sources]
    )


def _check_choices(option: str, given: tuple[str, ...], allowed: list[str]) -> None:
    for value in given:
        if value not in allowed:
            raise click.BadParameter(
                f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option
            )

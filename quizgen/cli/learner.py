"""Learners' commands: the terminal quiz, spaced review, and progress stats."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizgen.cli import _check_choices, form_option, main, reports_errors
from quizgen.plural import plural
from quizgen.study.modes import Mode

F = TypeVar("F", bound=Callable[..., Any])

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
    "--count",
    type=click.IntRange(min=1),
    help="How many questions (default: 10 from the full deck; every question of a --set).",
)
@click.option(
    "--shuffle", is_flag=True, help="Ask a --set's questions in random order (default: its own)."
)
@click.option("--seed", type=int, help="Choose the questions reproducibly.")
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable).")
@form_option("Only this question form (repeatable).")
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
    count: int | None,
    shuffle: bool,
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
    answers kept) and the next `quizgen quiz` offers to resume. With --set, every question of
    the set is asked in the set's order (a teacher's test); --count and --shuffle narrow and
    reorder it. Without a terminal (a pipe or a file) it reads one answer per line.

    \b
    Examples:
      quizgen quiz
      quizgen quiz --count 20 --mode exam
      quizgen quiz --set test-A.yaml
      quizgen quiz --topic united-nations --mode learn
      quizgen quiz --count 3 --seed 1 < answers.txt
    """
    import random

    from quizgen.study.plan import start_plan
    from quizgen.study.quiz import kept_for_later, load_question_set, offer_resume, owner_id
    from quizgen.study.session import choose_questions, in_set_order

    moment = _parse_now(now)
    # a set named on the command line is read (and any mistake in it reported) before any prompt
    path = _set_path(set_path)
    qset = load_question_set(path)
    _check_choices("--topic", topics, sorted({t for q in qset.questions for t in q.topics}))
    source_of = click.get_current_context().get_parameter_source
    given = [
        name
        for name in ("set_path", "count", "shuffle", "seed", "topics", "forms", "mode", "cram")
        if source_of(name) is click.core.ParameterSource.COMMANDLINE
    ]
    ui = _quiz_ui()
    with _open_progress(data_dir, moment) as store:
        plan = None
        if not given:  # a bare `quizgen quiz` offers the unfinished one back
            try:
                plan = offer_resume(store, ui)
            except KeyboardInterrupt:
                click.echo()
                click.get_current_context().exit(EXIT_INTERRUPTED)
        elif (note := kept_for_later(store)) is not None:
            click.echo(note)
        if plan is None:
            rng = random.Random(seed)
            if set_path is not None and not shuffle:
                chosen = in_set_order(qset.questions, count, topics, forms)
            else:
                chosen = choose_questions(qset.questions, count or 10, rng, topics, forms)
            owner = owner_id()
            plan = start_plan(store, qset, str(path), chosen, Mode(mode), cram, moment, owner)
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
    from quizgen.study.session import questions_by_id

    moment = _parse_now(now)
    with _open_progress(data_dir, moment) as store:
        cards = store.cards()
        if not cards:
            click.echo("No review history yet: start with `quizgen quiz`; what you answer")
            click.echo("there comes back here when it is due.")
            return
        due_ids = due_question_ids(cards, moment)
        if not due_ids:
            click.echo("Nothing is due for review.")
            _say(next_review_line(store, moment))
            return
        path = _set_path(set_path)
        qset = load_question_set(path)
        due = questions_by_id(due_ids, {q.id: q for q in qset.questions})[:count]
        if not due:
            raise click.ClickException(
                f"{plural(len(due_ids), 'question')} due, but none is in {path}:"
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
    with _open_progress(data_dir, moment, read_only_ok=True) as store:
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


def _open_progress(
    data_dir: Path | None, now: datetime, *, read_only_ok: bool = False
) -> ProgressStore:
    """The progress store; with `read_only_ok` (commands that only read) a read-only one will do."""
    from quizgen.study.progress_file import open_store

    folder = data_dir or Path(click.get_app_dir("quizgen"))
    store, notice = open_store(folder, now, read_only_ok=read_only_ok)
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

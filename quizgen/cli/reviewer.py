"""The reviewer's command: `quizgen verify`, reading facts against their documents one at a time.

Prompts are click's line prompts, so the same session runs in a terminal, through a pipe and
in tests. Every decision is written to the ledger the moment it is made.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen.cli import documents_option, main, notes_option, reports_errors

if TYPE_CHECKING:
    from quizgen.facts.model import Fact, FactBase
    from quizgen.facts.verification import Ledger

EXIT_INTERRUPTED = 130
CHOICES = {"a": "approve", "r": "reject", "s": "skip", "q": "quit"}


@main.command()
@notes_option
@documents_option("each quote is shown in its document's context")
@click.option("--by", help="Your name as the ledger records it (asked for when not given).")
@click.option("--fact", "fact_ids", multiple=True, help="Review this fact (repeatable).")
@click.option("--stale", is_flag=True, help="Only approved facts that changed since.")
@click.option("--today", hidden=True, help="Fix the date recorded (YYYY-MM-DD), for tests.")
@reports_errors
def verify(
    notes: Path | None,
    documents: Path | None,
    by: str | None,
    fact_ids: tuple[str, ...],
    stale: bool,
    today: str | None,
) -> None:
    """Read facts against their documents one at a time; approve, reject (with a reason) or skip.

    Each fact shows its statement, question, answer and explanation, every evidence quote in
    its document's context, and the questions it yields. Each decision is saved at once in
    verified.yaml next to the facts; Ctrl-C stops and keeps every decision made. Without
    --fact, it goes through every fact not yet decided and every stale approval.

    \b
    Examples:
      quizgen verify --documents ../shared/seeds --by "Jane Doe"
      quizgen verify --notes my_notes/ --documents DIR --stale
      quizgen verify --documents DIR --fact churkin-signals-veto
    """
    from quizgen.errors import FactBaseError
    from quizgen.facts.loader import load_fact_base
    from quizgen.facts.proof import prove_against_documents
    from quizgen.facts.verification import ledger_problems, load_ledger
    from quizgen.paths import verify_target

    if documents is None:
        raise click.UsageError(
            "a reviewer reads each quote in its document: give --documents DIR"
            " (or set QUIZGEN_DOCUMENTS)"
        )
    notes_dir = notes or verify_target()
    base = load_fact_base(notes_dir)
    prove_against_documents(base, documents)  # never approve against a changed document
    ledger = load_ledger(notes_dir)
    unknown = ledger_problems(base, ledger)
    if unknown:
        raise FactBaseError(unknown)
    chosen = _chosen(base, ledger, fact_ids, stale)
    if not chosen:
        click.echo("Nothing to review: every fact is decided and no approval is stale.")
        return
    date = _parse_day(today) if today else dt.date.today()
    try:
        reviewer = (
            by.strip() if by and by.strip() else _ask_text("Your name, as the ledger records it")
        )
        counts = _walk(base, ledger, notes_dir, documents, chosen, reviewer, date)
    except (click.Abort, KeyboardInterrupt):
        click.echo("\nStopped: every decision made so far is saved.")
        sys.exit(EXIT_INTERRUPTED)
    click.echo(
        f"Done: {counts['approved']} approved, {counts['rejected']} rejected,"
        f" {counts['skipped']} skipped ({ledger.path.name})."
    )


def _chosen(base: FactBase, ledger: Ledger, fact_ids: tuple[str, ...], stale: bool) -> list[Fact]:
    from quizgen.facts.verification import State

    known = [f.id for f in base.facts]
    for fact_id in fact_ids:
        if fact_id not in known:
            from quizgen.facts.field_reader import suggestion

            raise click.BadParameter(
                f"no fact {fact_id!r}{suggestion(fact_id, known)}", param_hint="--fact"
            )
    if fact_ids:
        return [base.fact(i) for i in dict.fromkeys(fact_ids)]
    wanted = {State.STALE} if stale else {State.STALE, State.UNVERIFIED}
    return [f for f in base.facts if ledger.state(f) in wanted]


def _walk(
    base: FactBase,
    ledger: Ledger,
    notes_dir: Path,
    documents: Path,
    chosen: list[Fact],
    reviewer: str,
    date: dt.date,
) -> dict[str, int]:
    """Show each fact, take a decision, record it at once; 'q' ends early."""
    from quizgen.facts.verification import Decision, Review, fact_digest, record_review
    from quizgen.questions.review import document_texts, review_lines

    texts = document_texts(base, documents)
    counts = {"approved": 0, "rejected": 0, "skipped": 0}
    for number, fact in enumerate(chosen, start=1):
        click.echo()
        heading = f"Fact {number} of {len(chosen)}: "
        click.echo(
            heading if os.environ.get("NO_COLOR") else click.style(heading, bold=True), nl=False
        )
        for line in review_lines(base, fact, ledger, texts):
            _echo_wrapped(line)
        choice = click.prompt(
            "\n[a]pprove, [r]eject, [s]kip or [q]uit",
            type=click.Choice(list(CHOICES)),
            show_choices=False,
        )
        if choice == "q":
            break
        if choice == "s":
            counts["skipped"] += 1
            continue
        decision = Decision.APPROVED if choice == "a" else Decision.REJECTED
        reason = _ask_text("Why is it wrong? (required)") if choice == "r" else None
        review = Review(
            fact=fact.id,
            decision=decision,
            by=reviewer,
            date=date,
            digest=fact_digest(fact),
            reason=reason,
        )
        ledger = record_review(notes_dir, review)
        counts[decision.value] += 1
        click.echo(f"Saved: {fact.id} {decision.value} by {reviewer}.")
    return counts


def _ask_text(prompt: str) -> str:
    """A non-empty line of text (asked again until there is one)."""
    while True:
        value = " ".join(str(click.prompt(prompt)).split())
        if value:
            return value


def _echo_wrapped(line: str) -> None:
    """A line wrapped at the terminal's width, continuation lines indented under its text."""
    width = max(40, shutil.get_terminal_size().columns - 1)
    indent = " " * (len(line) - len(line.lstrip()) + 2)
    click.echo(textwrap.fill(line, width, subsequent_indent=indent) if line else "")


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter("give a date as YYYY-MM-DD", param_hint="--today") from None

"""Commands on the fact base: check, facts, sources and the item linter."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quizgen.cli import (
    _check_selection,
    documents_option,
    load_base,
    load_ledger_of,
    main,
    notes_option,
    reports_errors,
)
from quizgen.plural import plural


@main.command()
@notes_option
@documents_option("also prove every evidence quote and checksum")
@click.option(
    "--require-verified",
    is_flag=True,
    help="Exit 1 listing every fact a reviewer has not approved as it is now.",
)
@reports_errors
def check(notes: Path | None, documents: Path | None, require_verified: bool) -> None:
    """Validate the fact base and report every problem as path:line: message.

    With a ledger of reviews (verified.yaml), the summary counts approved, stale, rejected
    and unverified facts.

    \b
    Example:
      quizgen check --documents ../shared/seeds
      quizgen check --notes my_notes/
      quizgen check --require-verified
    """
    from quizgen.errors import FactBaseError
    from quizgen.facts.listing import base_summary
    from quizgen.facts.proof import prove_against_documents
    from quizgen.facts.verification import State, ledger_problems, state_counts, state_line

    base = load_base(notes)
    ledger = load_ledger_of(notes)
    unknown = ledger_problems(base, ledger)
    if unknown:
        raise FactBaseError(unknown)
    summary = f"ok: {base_summary(base)}"
    if documents is None:
        summary += "; quotes not proven (give --documents DIR or set QUIZGEN_DOCUMENTS)"
    else:
        proof = prove_against_documents(base, documents)
        summary += (
            f"; {plural(proof.quotes, 'evidence quote')} proven in"
            f" {plural(proof.documents, 'document')}"
        )
    if ledger.exists:
        summary += f"; verified: {state_counts(base, ledger)}"
    click.echo(summary)
    if require_verified:
        waiting = [f for f in base.facts if ledger.state(f) is not State.APPROVED]
        for fact in waiting:
            where = f"{fact.location.path}:{fact.location.line}"
            click.echo(f"{where}: fact {fact.id!r} is {state_line(fact, ledger)}", err=True)
        if waiting:
            raise click.ClickException(
                f"{plural(len(waiting), 'fact')} not approved as they are now;"
                " review them with `quizgen verify`"
            )


@main.command()
@notes_option
@click.option("--topic", "topics", multiple=True, help="Only facts with this topic (repeatable).")
@click.option(
    "--source", "sources", multiple=True, help="Only facts citing this source id or file."
)
@click.option("--contested", is_flag=True, help="Only contested facts and recorded slips.")
@click.option("--unverified", is_flag=True, help="Only facts no reviewer has decided on.")
@click.option("--stale", is_flag=True, help="Only approved facts that changed since.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array for scripts.")
@reports_errors
def facts(
    notes: Path | None,
    topics: tuple[str, ...],
    sources: tuple[str, ...],
    contested: bool,
    unverified: bool,
    stale: bool,
    as_json: bool,
) -> None:
    """List facts: id, statement, answer, sources and topics (and, with a ledger of reviews,
    where each stands: approved, stale, rejected or unverified).

    \b
    Examples:
      quizgen facts --topic united-nations
      quizgen facts --contested
      quizgen facts --unverified --stale     what needs a reviewer
      quizgen facts --json | python -m json.tool
    """
    from quizgen.facts.listing import fact_lines, fact_record
    from quizgen.facts.selection import select_facts
    from quizgen.facts.verification import State, state_line, verification_record

    base = load_base(notes)
    ledger = load_ledger_of(notes)
    _check_selection(base, topics, sources)
    chosen = select_facts(base, topics, sources, contested)
    wanted = {State.UNVERIFIED} if unverified else set()
    wanted |= {State.STALE} if stale else set()
    if wanted:
        chosen = [f for f in chosen if ledger.state(f) in wanted]
    if as_json:
        records = [
            {**fact_record(base, f), "verification": verification_record(f, ledger)} for f in chosen
        ]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for fact in chosen:
        heading, lines = fact_lines(base, fact)
        if ledger.exists:
            lines.append(f"  verified:  {state_line(fact, ledger)}")
        _echo_entry(heading, lines)
    click.echo(plural(len(chosen), "fact"))


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
@documents_option("also flag runs of 8+ words copied from them")
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

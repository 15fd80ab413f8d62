"""`quizgen verify` in line mode, and verification in check, facts and generate."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from conftest import MINIMAL_FACT_IDS, MINIMAL_SUMMARY

from quizgen.cli import main
from quizgen.facts.verification import State, ledger_path, load_ledger

NOT_PROVEN = "; quotes not proven (give --documents DIR or set QUIZGEN_DOCUMENTS)"
FACTS = MINIMAL_FACT_IDS


def run(*args: str, given: str | None = None) -> Result:
    return CliRunner().invoke(
        main, list(args), prog_name="quizgen", input=given, env={"QUIZGEN_DOCUMENTS": None}
    )


def verify(notes: Path, documents: Path, given: str, *extra: str) -> Result:
    return run(
        "verify",
        "--notes",
        str(notes),
        "--documents",
        str(documents),
        "--today",
        "2026-11-23",
        *extra,
        given=given,
    )


def states(notes: Path) -> dict[str, str]:
    records = json.loads(run("facts", "--notes", str(notes), "--json").stdout)
    return {r["id"]: r["verification"]["state"] for r in records}


def test_a_line_mode_session_records_each_decision(
    minimal_notes: Path, documents_dir: Path
) -> None:
    # approve, reject (an empty reason is asked again), skip, then quit
    result = verify(minimal_notes, documents_dir, "Jane Doe\na\nr\n\nwrong date\ns\nq\n")
    assert result.exit_code == 0, result.output
    assert "Fact 1 of 6: mayor-opened-bridge  [person, settled]" in result.output
    out = " ".join(result.output.split())
    assert "»Mayor Lena Ortiz opened the River Bridge on March 3, 2015«" in out
    assert result.output.count("Why is it wrong? (required)") == 2
    assert result.output.rstrip().endswith(
        "Done: 1 approved, 1 rejected, 1 skipped (verified.yaml)."
    )
    ledger = load_ledger(minimal_notes)
    assert [(r.fact, r.decision.value, r.by, r.reason) for r in ledger.reviews] == [
        ("mayor-opened-bridge", "approved", "Jane Doe", None),
        ("bridge-opened-date", "rejected", "Jane Doe", "wrong date"),
    ]
    assert states(minimal_notes)["mayor-opened-bridge"] == "approved"


def test_the_session_shows_quotes_in_context_and_the_questions(
    minimal_notes: Path, documents_dir: Path
) -> None:
    result = verify(
        minimal_notes, documents_dir, "q\n", "--by", "J", "--fact", "bridge-delay-cause"
    )
    out = " ".join(result.output.split())
    assert "»the steel beams arrived from Norland in the wrong size.«" in out
    assert "... The town council counted 1,800 guests, while the organisers spoke of 2,500." in out
    assert "2,500. Work was delayed because »the steel beams" in out
    assert "bridge-delay-cause/mc: Why did the River Bridge open late?" in out
    assert "* A. the steel beams arrived in the wrong size B. the council ran out of money" in out


def test_end_of_input_stops_and_keeps_decisions(minimal_notes: Path, documents_dir: Path) -> None:
    result = verify(minimal_notes, documents_dir, "a\n", "--by", "J")
    assert result.exit_code == 130
    assert "Stopped: every decision made so far is saved." in result.output
    assert len(load_ledger(minimal_notes).reviews) == 1


def test_verify_needs_documents_and_known_facts(minimal_notes: Path, documents_dir: Path) -> None:
    result = run("verify", "--notes", str(minimal_notes), "--by", "J")
    assert result.exit_code == 2 and "give --documents DIR" in result.output
    result = verify(minimal_notes, documents_dir, "", "--by", "J", "--fact", "bridge-costs")
    assert (
        result.exit_code == 2
        and "no fact 'bridge-costs'; did you mean 'bridge-cost'?" in result.output
    )


def test_stale_only_offers_changed_approvals(minimal_notes: Path, documents_dir: Path) -> None:
    verify(
        minimal_notes,
        documents_dir,
        "a\na\n",
        "--by",
        "J",
        "--fact",
        "bridge-cost",
        "--fact",
        "mayor-opened-bridge",
    )
    path = minimal_notes / "facts" / "a.yaml"
    path.write_text(path.read_text().replace("twice the first estimate", "double the estimate"))
    assert states(minimal_notes)["bridge-cost"] == "stale"
    listed = run("facts", "--notes", str(minimal_notes), "--stale")
    assert listed.stdout.splitlines()[0] == "bridge-cost" and listed.stdout.endswith("1 fact\n")
    assert "  verified:  stale: approved by J on 2026-11-23, changed since" in listed.stdout
    result = verify(minimal_notes, documents_dir, "a\n", "--by", "J", "--stale")
    assert "Fact 1 of 1: bridge-cost" in result.output
    assert states(minimal_notes)["bridge-cost"] == "approved"
    unverified = run("facts", "--notes", str(minimal_notes), "--unverified")
    assert unverified.stdout.endswith("4 facts\n")


def test_check_is_unchanged_without_a_ledger(minimal_notes: Path) -> None:
    result = run("check", "--notes", str(minimal_notes))
    assert result.stdout == f"{MINIMAL_SUMMARY}{NOT_PROVEN}\n"


def test_check_counts_and_require_verified_names_the_facts(
    minimal_notes: Path, documents_dir: Path
) -> None:
    verify(
        minimal_notes,
        documents_dir,
        "a\nr\nno such bridge\n",
        "--by",
        "J",
        "--fact",
        "bridge-cost",
        "--fact",
        "bridge-delay-cause",
    )
    result = run("check", "--notes", str(minimal_notes))
    counts = "; verified: 1 approved, 0 stale, 1 rejected, 4 unverified"
    assert (result.exit_code, result.stdout) == (0, f"{MINIMAL_SUMMARY}{NOT_PROVEN}{counts}\n")
    result = run("check", "--notes", str(minimal_notes), "--require-verified")
    assert result.exit_code == 1
    named = [line.split(": fact ")[1] for line in result.stderr.splitlines() if ": fact " in line]
    assert named == [
        "'mayor-opened-bridge' is unverified",
        "'bridge-opened-date' is unverified",
        "'crowd-size' is unverified",
        "'opening-year-printed-2105' is unverified",
        "'bridge-delay-cause' is rejected by J on 2026-11-23: no such bridge",
    ]
    assert result.stderr.splitlines()[0].startswith(f"{minimal_notes}/facts/a.yaml:")
    assert "Error: 5 facts not approved as they are now" in result.stderr


def test_require_verified_passes_when_all_are_approved(
    minimal_notes: Path, documents_dir: Path
) -> None:
    verify(minimal_notes, documents_dir, "a\n" * 6, "--by", "J")
    result = run("check", "--notes", str(minimal_notes), "--require-verified")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("verified: 6 approved, 0 stale, 0 rejected, 0 unverified\n")


def test_a_ledger_naming_an_unknown_fact_fails_check(minimal_notes: Path) -> None:
    ledger_path(minimal_notes).write_text(
        "reviews:\n  - fact: nope\n    decision: approved\n    by: J\n    date: 2026-11-23\n"
        "    digest: 0123456789abcdef\n"
    )
    result = run("check", "--notes", str(minimal_notes))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{ledger_path(minimal_notes)}:2: the review names unknown fact 'nope'"
    )


def test_generate_leaves_out_rejected_and_marks_approved(
    minimal_notes: Path, documents_dir: Path
) -> None:
    verify(
        minimal_notes,
        documents_dir,
        "a\nr\nwrong\n",
        "--by",
        "J",
        "--fact",
        "bridge-cost",
        "--fact",
        "bridge-delay-cause",
    )
    full = run("generate", "--notes", str(minimal_notes))
    assert "bridge-delay-cause/" not in full.stdout
    assert (
        full.stdout.count("verified: true")
        == sum(1 for line in full.stdout.splitlines() if line.startswith("- id: bridge-cost/"))
        > 0
    )
    only = run("generate", "--notes", str(minimal_notes), "--verified-only")
    ids = [line for line in only.stdout.splitlines() if line.startswith("- id: ")]
    assert ids and all(line.startswith("- id: bridge-cost/") for line in ids)


def test_verified_only_without_approvals_says_what_to_do(minimal_notes: Path) -> None:
    result = run("generate", "--notes", str(minimal_notes), "--verified-only")
    assert result.exit_code == 1
    assert "no fact is approved yet: review facts with `quizgen verify`" in result.stderr


def test_json_includes_each_facts_state(minimal_notes: Path) -> None:
    assert states(minimal_notes) == dict.fromkeys(FACTS, State.UNVERIFIED.value)

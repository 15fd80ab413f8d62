"""The real `quizgen verify` in a pseudo-terminal (pexpect), Ctrl-C included."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from quizgen.facts.verification import load_ledger

pytestmark = pytest.mark.slow

ENV = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "QUIZGEN_DOCUMENTS": ""}


def launch(notes: Path, documents: Path, *extra: str) -> pexpect.spawn:
    args = ["-m", "quizgen", "verify", "--notes", str(notes), "--documents", str(documents)]
    return pexpect.spawn(
        sys.executable,
        [*args, "--today", "2026-11-23", *extra],
        env=ENV,
        encoding="utf-8",
        timeout=15,
        dimensions=(30, 100),
    )


PROMPT = "[a]pprove, [r]eject, [s]kip or [q]uit:"


def test_a_reviewer_approves_rejects_and_stops_with_ctrl_c(
    minimal_notes: Path, documents_dir: Path
) -> None:
    child = launch(minimal_notes, documents_dir)
    child.expect_exact("Your name, as the ledger records it:")
    child.sendline("Jane Doe")
    child.expect_exact("Fact 1 of 6: mayor-opened-bridge")
    child.expect_exact(PROMPT)
    child.sendline("a")
    child.expect_exact("Saved: mayor-opened-bridge approved by Jane Doe.")
    child.expect_exact("Fact 2 of 6: bridge-opened-date")
    child.expect_exact(PROMPT)
    child.sendline("r")
    child.expect_exact("Why is it wrong? (required):")
    child.sendline("the date is the planned one")
    child.expect_exact("Saved: bridge-opened-date rejected by Jane Doe.")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect_exact("Stopped: every decision made so far is saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    reviews = load_ledger(minimal_notes).reviews
    assert [(r.fact, r.decision.value, r.reason) for r in reviews] == [
        ("mayor-opened-bridge", "approved", None),
        ("bridge-opened-date", "rejected", "the date is the planned one"),
    ]


def test_the_next_session_offers_only_what_is_left(
    minimal_notes: Path, documents_dir: Path
) -> None:
    child = launch(minimal_notes, documents_dir, "--by", "J", "--fact", "bridge-cost")
    child.expect_exact(PROMPT)
    child.sendline("a")
    child.expect_exact("Done: 1 approved, 0 rejected, 0 skipped (verified.yaml).")
    child.expect(pexpect.EOF)
    child = launch(minimal_notes, documents_dir, "--by", "J")
    child.expect_exact("Fact 1 of 5: mayor-opened-bridge")
    child.expect_exact(PROMPT)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

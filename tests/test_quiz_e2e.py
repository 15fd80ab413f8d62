"""The real `quizgen quiz` in a pseudo-terminal (pexpect) and through a pipe."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pexpect
import pytest
from quiz_helpers import QUESTIONS, RIGHT, write_sample_set

from quizgen.questions.model import Form, Question
from quizgen.study.session import choose_questions

pytestmark = pytest.mark.slow

#: The code under test, run by the interpreter running the tests (not whatever `quizgen`
#: script happens to be installed).
QUIZGEN = [sys.executable, "-m", "quizgen"]
ENV = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1", "TERM": "xterm"}
SEED = 0  # a true/false, a timeline and a multiple-choice question


@pytest.fixture
def set_file(tmp_path: Path) -> Path:
    return write_sample_set(tmp_path / "set.yaml")


def planned(count: int = 3) -> tuple[Question, ...]:
    return choose_questions(QUESTIONS, count, random.Random(SEED))


def spawn(set_file: Path, data: Path, *extra: str) -> pexpect.spawn:
    args = ["quiz", "--set", str(set_file), "--data-dir", str(data), "--seed", str(SEED), *extra]
    return pexpect.spawn(
        QUIZGEN[0],
        [*QUIZGEN[1:], *args],
        env=ENV,
        encoding="utf-8",
        timeout=15,
        dimensions=(30, 100),
    )


def keys_for(question: Question, right: bool) -> str:
    key = RIGHT[question.id]
    if question.form is Form.TIMELINE_ORDER:
        assert isinstance(key, tuple)
        return "".join(str(i + 1) for i in (key if right else tuple(reversed(key))))
    assert isinstance(key, int)
    return str((key if right else (key + 1) % len(question.options)) + 1)


def answer(child: pexpect.spawn, number: int, question: Question, right: bool) -> None:
    child.expect_exact(f"Question {number} of 3")
    child.expect_exact("earliest first" if question.form is Form.TIMELINE_ORDER else "Enter)")
    child.send(keys_for(question, right) + "\r")
    child.expect_exact("✔ Right." if right else "✘ Wrong.")


def saved_answers(data: Path) -> list[tuple[str, int]]:
    with closing(sqlite3.connect(data / "progress.sqlite3")) as db:
        return list(db.execute("SELECT question_id, correct FROM answers ORDER BY id"))


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)


def test_three_questions_with_the_keyboard_then_the_summary(set_file: Path, tmp_path: Path) -> None:
    child = spawn(set_file, tmp_path, "--count", "3")
    questions = planned()
    for n, (question, right) in enumerate(zip(questions, (True, False, True), strict=True), 1):
        answer(child, n, question, right)
    child.expect_exact("Score: 2 of 3 (67%)")
    child.expect_exact(f"  - {questions[1].stem}")
    assert finish(child) == 0
    assert [c for _, c in saved_answers(tmp_path)] == [1, 0, 1]


def test_ctrl_c_keeps_the_answer_and_resume_asks_the_rest(set_file: Path, tmp_path: Path) -> None:
    questions = planned()
    child = spawn(set_file, tmp_path, "--count", "3")
    answer(child, 1, questions[0], True)
    child.expect_exact("Question 2 of 3")
    child.expect_exact(["Enter)", "earliest first"])  # the prompt is up: Ctrl-C is a key now
    child.sendintr()
    child.expect_exact("Score: 1 of 1 (100%), 2 of 3 not answered")
    assert finish(child) == 130
    assert saved_answers(tmp_path) == [(questions[0].id, 1)]

    child = spawn(set_file, tmp_path)
    child.expect_exact("Resume your unfinished quiz (1 of 3 answered)?")
    child.send("\r")
    answer(child, 2, questions[1], True)
    answer(child, 3, questions[2], False)
    child.expect_exact("Score: 2 of 3 (67%)")
    assert finish(child) == 0
    assert len(saved_answers(tmp_path)) == 3


def test_sigkill_mid_quiz_loses_no_answer(set_file: Path, tmp_path: Path) -> None:
    questions = planned()
    child = spawn(set_file, tmp_path, "--count", "3")
    answer(child, 1, questions[0], False)
    answer(child, 2, questions[1], True)
    child.expect_exact("Question 3 of 3")
    child.kill(signal.SIGKILL)
    child.close()
    assert saved_answers(tmp_path) == [(questions[0].id, 0), (questions[1].id, 1)]


def test_a_garbage_database_is_set_aside_in_the_terminal(set_file: Path, tmp_path: Path) -> None:
    (tmp_path / "progress.sqlite3").write_bytes(b"\x00garbage" * 50)
    child = spawn(set_file, tmp_path, "--count", "1")
    child.expect_exact("is not a quizgen progress database (it is not SQLite at all)")
    child.expect_exact("Question 1 of 1")
    child.expect_exact(["Enter)", "earliest first"])  # the prompt is up: Ctrl-C is a key now
    child.sendintr()
    assert finish(child) == 130
    aside = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00garbage" * 50


def test_piped_answers_from_a_file(set_file: Path, tmp_path: Path) -> None:
    questions = planned()
    answers = tmp_path / "answers.txt"
    answers.write_text(
        "".join(keys_for(q, r) + "\n" for q, r in zip(questions, (True, True, False), strict=True))
    )
    with answers.open() as stdin:
        done = subprocess.run(
            [
                *QUIZGEN,
                "quiz",
                "--set",
                str(set_file),
                "--data-dir",
                str(tmp_path / "d"),
                "--count",
                "3",
                "--seed",
                str(SEED),
            ],
            stdin=stdin,
            capture_output=True,
            text=True,
            env=ENV,
            timeout=30,
        )
    assert done.returncode == 0, done.stderr
    assert "Score: 2 of 3 (67%)" in done.stdout.splitlines()
    assert "\x1b" not in done.stdout  # no colour, no full-screen prompt
    stats = subprocess.run(
        [*QUIZGEN, "stats", "--json", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    assert json.loads(stats.stdout)["answers"] == 3

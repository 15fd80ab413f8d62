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
from quiz_helpers import COURIER, GAZETTE, QUESTIONS, RIGHT, write_sample_set

from quizgen.questions.model import Form, Question
from quizgen.questions.set_file import load_set
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
    """A quiz drawn at random from the set (--shuffle --seed), as the full deck's quiz is."""
    args = [
        "quiz",
        "--set",
        str(set_file),
        "--shuffle",
        "--data-dir",
        str(data),
        "--seed",
        str(SEED),
        *extra,
    ]
    return launch(args)


def launch(args: list[str], dimensions: tuple[int, int] = (30, 100)) -> pexpect.spawn:
    return pexpect.spawn(
        QUIZGEN[0],
        [*QUIZGEN[1:], *args],
        env=ENV,
        encoding="utf-8",
        timeout=15,
        dimensions=dimensions,
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
    if not right:  # after a wrong answer the quiz waits until the correction is read
        child.expect_exact("Press any key for the next question")
        child.send(" ")


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

    child = launch(["quiz", "--data-dir", str(tmp_path)])  # bare: it offers the quiz back
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
                "--shuffle",
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


LONG = (
    "Washington said Moscow and Damascus had chosen a military course and pressed on with air"
    " strikes on Syrian government forces"
)


def long_option_set(path: Path) -> Path:
    """One multiple-choice question whose key is a long option, and a long explanation."""
    from quizgen.questions.model import QuestionSet
    from quizgen.questions.set_file import write_set

    qset = QuestionSet(
        load_set(write_sample_set(path)).header,
        (
            Question(
                id="long/mc",
                form=Form.MULTIPLE_CHOICE,
                stem="What did the statement say?",
                options=("Short one", LONG, "Another short one", "A third"),
                answer=1,
                fact="long",
                explanation="Explained at length: " + "the feedback runs on. " * 8,
                sources=(GAZETTE, COURIER),
                topics=("bridge",),
            ),
        ),
    )
    write_set(qset, path)
    return path


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_every_option_is_shown_whole_at_any_width(tmp_path: Path, columns: int) -> None:
    path = long_option_set(tmp_path / "long.yaml")
    child = launch(["quiz", "--set", str(path), "--data-dir", str(tmp_path)], (24, columns))
    child.expect_exact("Enter)")
    child.expect_exact("forces")  # the last word of the long option is on screen
    child.send("1\r")  # wrong
    child.expect_exact("✘ Wrong.")
    child.expect_exact("Press any key")
    verdict = child.before
    assert "forces" in verdict  # the whole right answer, wrapped, not cut off
    assert all(len(line) <= columns for line in _plain_lines(verdict))
    child.send(" ")
    assert finish(child) == 0


def _plain_lines(text: str) -> list[str]:
    """The screen text without escape codes, one entry per printed line."""
    import re

    bare = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
    return [line for line in bare.replace("\r", "").split("\n")]


def test_after_a_wrong_answer_the_next_question_waits_for_a_key(
    set_file: Path, tmp_path: Path
) -> None:
    path = long_option_set(tmp_path / "long.yaml")
    child = launch(["quiz", "--set", str(path), "--data-dir", str(tmp_path)], (24, 80))
    child.expect_exact("Enter)")
    child.send("1\r")
    child.expect_exact("Press any key for the next question")
    screen = child.before
    # verdict, right answer, explanation and one source stay together; the second source is
    # one short line
    assert "✘ Wrong. The right answer:" in screen and "Explained at length" in screen
    assert 'Source: The Harbour Town Gazette, "Mayor opens the River Bridge"' in screen
    assert 'Also: unknown, "What the bridge cost"' in screen
    with pytest.raises(pexpect.TIMEOUT):
        child.expect_exact("Score:", timeout=1)  # nothing moves on until a key is pressed
    child.send(" ")
    child.expect_exact("Score: 0 of 1 (0%)")
    assert finish(child) == 0


def test_a_quiz_running_in_another_terminal_is_not_offered(set_file: Path, tmp_path: Path) -> None:
    questions = planned()
    running = spawn(set_file, tmp_path, "--count", "3")
    answer(running, 1, questions[0], True)
    running.expect_exact("Question 2 of 3")
    running.expect_exact(["Enter)", "earliest first"])
    other = launch(["quiz", "--data-dir", str(tmp_path)])
    other.expect_exact("Question 1 of 10")  # a new quiz: no offer of the running one
    assert "Resume" not in other.before
    other.sendintr()
    assert finish(other) == 130
    running.sendintr()
    assert finish(running) == 130
    later = launch(["quiz", "--data-dir", str(tmp_path)])  # now it stopped, it is offered
    later.expect_exact("Resume your unfinished quiz (1 of 3 answered)?")
    later.sendintr()
    finish(later)


def test_eight_quizzes_at_once_on_a_fresh_folder(set_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "shared"
    lines = "".join(keys_for(q, True) + "\n" for q in QUESTIONS)
    for round_ in range(2):
        procs = [
            subprocess.Popen(
                [*QUIZGEN, "quiz", "--set", str(set_file), "--data-dir", str(data / str(round_))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=ENV,
            )
            for _ in range(8)
        ]
        outputs = [p.communicate(lines, timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0] * 8, [err for _, err in outputs]
        score = f"Score: {len(QUESTIONS)} of {len(QUESTIONS)} (100%)"
        assert all(score in out for out, _ in outputs)
        assert len(saved_answers(data / str(round_))) == 8 * len(QUESTIONS)

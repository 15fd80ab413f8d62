"""`quizgen quiz`, `review` and `stats` through click's runner (the plain line mode)."""

from __future__ import annotations

import json
import os
import pwd
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from quiz_helpers import QUESTIONS, RIGHT, write_sample_set

from quizgen.cli import main
from quizgen.questions.model import Question
from quizgen.study.session import choose_questions

NOW = "2026-05-01T09:00:00Z"


@pytest.fixture
def set_file(tmp_path: Path) -> Path:
    return write_sample_set(tmp_path / "set.yaml")


def answer_line(question: Question, right: bool) -> str:
    key = RIGHT[question.id]
    if isinstance(key, tuple):
        order = key if right else tuple(reversed(key))
        return "".join(str(i + 1) for i in order)
    assert isinstance(key, int)
    return str((key if right else (key + 1) % len(question.options)) + 1)


def chosen(count: int, seed: int) -> tuple[Question, ...]:
    return choose_questions(QUESTIONS, count, random.Random(seed))


def invoke(*args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def quiz(set_file: Path, data: Path, stdin: str, *extra: str) -> Result:
    """A quiz drawn at random from the set (--shuffle), as the full deck's quiz is."""
    return invoke(
        "quiz",
        "--set",
        str(set_file),
        "--shuffle",
        "--data-dir",
        str(data),
        "--now",
        NOW,
        *extra,
        stdin=stdin,
    )


def bare_quiz(data: Path, stdin: str) -> Result:
    """`quizgen quiz` with no options: the one that offers an unfinished quiz back."""
    return invoke("quiz", "--data-dir", str(data), "--now", NOW, stdin=stdin)


@pytest.mark.parametrize("command", ["quiz", "review", "stats"])
def test_every_command_has_an_example(command: str) -> None:
    assert "Example" in invoke(command, "--help").output


def test_piped_answers_give_the_expected_score(set_file: Path, tmp_path: Path) -> None:
    questions = chosen(3, 1)
    lines = [
        answer_line(questions[0], True),
        answer_line(questions[1], False),
        answer_line(questions[2], True),
    ]
    result = quiz(
        set_file, tmp_path / "data", "\n".join(lines) + "\n", "--count", "3", "--seed", "1"
    )
    assert result.exit_code == 0, result.output
    assert "Score: 2 of 3 (67%)" in result.output.splitlines()
    assert f"  - {questions[1].stem}" in result.output
    assert "Question 3 of 3" in result.output


def test_end_of_input_saves_answers_and_exits_130(set_file: Path, tmp_path: Path) -> None:
    first = chosen(3, 1)[0]
    result = quiz(
        set_file, tmp_path / "data", answer_line(first, True) + "\n", "--count", "3", "--seed", "1"
    )
    assert result.exit_code == 130
    assert "Score: 1 of 1 (100%), 2 of 3 not answered" in result.output
    stats = json.loads(
        invoke("stats", "--json", "--data-dir", str(tmp_path / "data"), "--now", NOW).output
    )
    assert (stats["answers"], stats["right"]) == (1, 1)


def test_resume_asks_only_the_rest(set_file: Path, tmp_path: Path) -> None:
    questions = chosen(3, 1)
    quiz(
        set_file,
        tmp_path / "data",
        answer_line(questions[0], False) + "\n",
        "--count",
        "3",
        "--seed",
        "1",
    )
    rest = "".join(answer_line(q, True) + "\n" for q in questions[1:])
    result = bare_quiz(tmp_path / "data", "y\n" + rest)
    assert result.exit_code == 0, result.output
    assert "Resume your unfinished quiz (1 of 3 answered)? [Y/n] y" in result.output
    assert "Question 1 of 3" not in result.output and "Question 2 of 3" in result.output
    assert "Score: 2 of 3 (67%)" in result.output


def test_declining_resume_starts_a_new_quiz(set_file: Path, tmp_path: Path) -> None:
    first = chosen(2, 1)[0]
    quiz(
        set_file, tmp_path / "data", answer_line(first, True) + "\n", "--count", "2", "--seed", "1"
    )
    result = bare_quiz(tmp_path / "data", "n\n")
    assert "Resume your unfinished quiz (1 of 2 answered)? [Y/n] n" in result.output
    assert "Question 1 of 10" in result.output and result.exit_code == 130
    third = bare_quiz(tmp_path / "data", "")
    assert "Resume your unfinished quiz" not in third.output


def test_stopping_before_the_first_answer_leaves_nothing_to_resume(
    set_file: Path, tmp_path: Path
) -> None:
    stopped = quiz(set_file, tmp_path / "data", "", "--count", "2")
    assert stopped.exit_code == 130
    assert stopped.output.splitlines()[-1] == (
        "Stopped before the first answer: nothing to save or resume."
    )
    assert "Score" not in stopped.output
    assert "Resume your unfinished quiz" not in bare_quiz(tmp_path / "data", "").output


def test_new_options_start_what_was_asked_and_keep_the_unfinished_quiz(
    set_file: Path, tmp_path: Path
) -> None:
    first = chosen(3, 1)[0]
    quiz(
        set_file, tmp_path / "data", answer_line(first, True) + "\n", "--count", "3", "--seed", "1"
    )
    other = quiz(set_file, tmp_path / "data", "", "--count", "2", "--mode", "exam")
    lines = other.output.splitlines()
    assert lines[0] == (
        "Your unfinished quiz (1 of 3 answered) is kept: run `quizgen quiz` with no options to"
        " resume it."
    )
    assert "Resume your unfinished quiz" not in other.output
    assert "Question 1 of 2" in other.output
    again = bare_quiz(tmp_path / "data", "")
    assert "Resume your unfinished quiz (1 of 3 answered)? [Y/n]" in again.output


def test_a_set_is_asked_whole_and_in_its_own_order(set_file: Path, tmp_path: Path) -> None:
    result = invoke(
        "quiz", "--set", str(set_file), "--data-dir", str(tmp_path / "d"), "--now", NOW, stdin=""
    )
    assert f"Question 1 of {len(QUESTIONS)}" in result.output
    assert QUESTIONS[0].stem.split("?")[0] in result.output.split("Question 1 of")[1]
    narrowed = invoke(
        "quiz",
        "--set",
        str(set_file),
        "--count",
        "2",
        "--data-dir",
        str(tmp_path / "e"),
        "--now",
        NOW,
        stdin="".join(answer_line(q, True) + "\n" for q in QUESTIONS[:2]),
    )
    assert narrowed.exit_code == 0, narrowed.output
    assert "Score: 2 of 2 (100%)" in narrowed.output
    assert "Set: " in narrowed.output


def test_a_broken_set_is_reported_before_any_prompt(set_file: Path, tmp_path: Path) -> None:
    first = chosen(3, 1)[0]
    quiz(
        set_file, tmp_path / "data", answer_line(first, True) + "\n", "--count", "3", "--seed", "1"
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\n", encoding="utf-8")
    result = invoke("quiz", "--set", str(broken), "--data-dir", str(tmp_path / "data"), stdin="y\n")
    assert result.exit_code == 1
    assert "Resume" not in result.output and str(broken) in result.output


def test_review_brings_back_the_wrong_answer_first(set_file: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    questions = chosen(2, 3)
    stdin = answer_line(questions[0], False) + "\n" + answer_line(questions[1], True) + "\n"
    assert quiz(set_file, tmp_path / "data", stdin, "--count", "2", "--seed", "3").exit_code == 0
    soon = invoke(
        "review",
        "--set",
        str(set_file),
        "--data-dir",
        data,
        "--now",
        "2026-05-01T09:05:00Z",
        stdin=answer_line(questions[0], True) + "\n",
    )
    assert soon.exit_code == 0, soon.output
    assert "1 due for review; here come 1, most overdue first." in soon.output
    assert questions[0].stem in soon.output and questions[1].stem not in soon.output
    later = invoke("review", "--data-dir", data, "--now", "2026-05-01T09:06:00Z")
    assert later.output.startswith("Nothing is due for review.\nNext review in 4 minutes")


def test_cram_leaves_the_schedule_alone(set_file: Path, tmp_path: Path) -> None:
    quiz(set_file, tmp_path / "data", "1\n", "--count", "1", "--form", "true-false", "--cram")
    stats = json.loads(
        invoke("stats", "--json", "--data-dir", str(tmp_path / "data"), "--now", NOW).output
    )
    assert stats["answers"] == 1 and stats["due_next_7_days"] == 0


def test_exam_holds_feedback_until_the_end(set_file: Path, tmp_path: Path) -> None:
    question = chosen(1, 5)[0]
    result = quiz(
        set_file,
        tmp_path / "data",
        answer_line(question, False) + "\n",
        "--count",
        "1",
        "--seed",
        "5",
        "--mode",
        "exam",
    )
    before, _, after = result.output.partition("Your answers")
    assert "Wrong" not in before and "✘ Wrong." in after and "Source:" in after


def test_stats_text(set_file: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    assert invoke("stats", "--data-dir", data).output == (
        "No answers yet: start with `quizgen quiz`.\n"
    )
    questions = chosen(2, 1)
    quiz(
        set_file,
        tmp_path / "data",
        answer_line(questions[0], True) + "\n" + answer_line(questions[1], False) + "\n",
        "--count",
        "2",
        "--seed",
        "1",
    )
    output = invoke("stats", "--data-dir", data, "--now", NOW).output
    assert output.splitlines()[:4] == [
        "Questions seen: 2",
        "Answers: 2, right: 1 (50%)",
        "Due now: 0; in the next 7 days: 2",
        "Streak: 1 day (best 1 day)",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--now", "yesterday"], "is not a time like"),
        (["--topic", "nope"], "'nope' is not one of"),
        (["--form", "essay"], "'essay' is not one of"),
    ],
)
def test_bad_options_are_usage_errors(
    set_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke("quiz", "--set", str(set_file), "--data-dir", str(tmp_path), *args)
    assert result.exit_code == 2 and message in result.output


def test_a_garbage_database_is_set_aside(set_file: Path, tmp_path: Path) -> None:
    (tmp_path / "progress.sqlite3").write_text("garbage")
    result = invoke("stats", "--data-dir", str(tmp_path), "--now", NOW)
    assert result.exit_code == 0
    assert "progress.sqlite3.damaged-20260501T090000Z" in result.output


def test_a_folder_where_the_progress_file_should_be_is_one_line(
    set_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "data" / "progress.sqlite3").mkdir(parents=True)
    result = quiz(set_file, tmp_path / "data", "1\n")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'data' / 'progress.sqlite3'} is a folder, but it is where quizgen"
        " keeps its progress file: move it away, or choose another folder with --data-dir or"
        " QUIZGEN_DATA_DIR\n"
    )


# As an ordinary user: root may write anywhere, whatever a folder's permissions say.
AS_A_USER = """
import os, pwd, random, shutil, sys
import quizgen.study.plan, quizgen.study.quiz, quizgen.study.scheduling, quizgen.study.stats
import quizgen.study.terminal
from quizgen.cli import main
if os.geteuid() == 0:  # whatever a command imports later must be imported above
    user = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)
main(sys.argv[1:], prog_name="quizgen")
"""


def as_a_user(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", AS_A_USER, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def user_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder the ordinary user owns (as root, `nobody`: pytest's own folder is private)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user 'nobody' to run quizgen as")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        yield Path(folder)


def test_a_read_only_progress_folder_is_one_line_for_quiz_and_readable_by_stats(
    user_folder: Path,
) -> None:
    set_file = write_sample_set(user_folder / "set.yaml")
    set_file.chmod(0o644)  # the user reads it
    data = user_folder / "data"
    two = chosen(2, 1)
    lines = answer_line(two[0], True) + "\n" + answer_line(two[1], False) + "\n"
    assert quiz(set_file, data, lines, "--count", "2", "--seed", "1").exit_code == 0
    if os.geteuid() == 0:
        user = pwd.getpwnam("nobody")
        for path in (data, *data.iterdir()):
            os.chown(path, user.pw_uid, user.pw_gid)
    data.chmod(0o555)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    try:
        refused = as_a_user("quiz", "--set", str(set_file), "--data-dir", str(data), "--now", NOW)
        stats = as_a_user("stats", "--json", "--data-dir", str(data), "--now", NOW)
    finally:
        data.chmod(0o755)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"Error: cannot save progress in {data}: the folder is read-only; make it writable,"
        " or choose another folder with --data-dir or QUIZGEN_DATA_DIR\n"
    )
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["answers"] == 2
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_review_with_no_history_says_how_to_start(tmp_path: Path) -> None:
    result = invoke("review", "--data-dir", str(tmp_path / "d"), "--now", NOW)
    assert result.exit_code == 0
    assert result.output == (
        "No review history yet: start with `quizgen quiz`; what you answer\n"
        "there comes back here when it is due.\n"
    )

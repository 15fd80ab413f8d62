"""Progress stores in separate OS processes: the jobs they run, and how a test starts them.

A test calls `start_together` or `run_alone`; each child runs `python -m progress_workers JOB DIR`.
Jobs:
    answer N      print "ready", wait for a line on stdin, open the store in DIR and answer the
                  question `QUESTION` N times, each answer counting one more review on its card
    recorder N    the same through the quiz's Recorder and the real FSRS schedule, one session
                  per answer
    read-only     as a user who cannot write DIR (dropping root first): try to open the store for
                  saving, then for reading; print one JSON line of what happened
"""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from quiz_helpers import QUESTIONS, sample_set

from quizgen.errors import ProgressStoreError
from quizgen.study.modes import Mode
from quizgen.study.plan import Recorder, start_plan
from quizgen.study.progress import AnswerRow, CardRow
from quizgen.study.progress_file import open_store
from quizgen.study.session import Answer
from quizgen.study.stats import compute_stats

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
QUESTION = "same-fact/mc"
UNPRIVILEGED = "nobody"
_TESTS = Path(__file__).parents[1]
_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_TESTS / "study"), str(_TESTS)])}
_WAIT = 300  # seconds: only so a hung child cannot hang the test run; nothing is timed


def start_together(job: str, data_dir: Path, processes: int, answers: int) -> list[str]:
    """Run `job` in `processes` processes released at once; the stderr of each that failed."""
    command = [sys.executable, "-m", "progress_workers", job, str(data_dir), str(answers)]
    children = [
        subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_ENV,
        )
        for _ in range(processes)
    ]
    try:
        for child in children:  # every one has imported everything and waits
            assert child.stdout is not None
            if child.stdout.readline() != "ready\n":
                raise AssertionError(f"a worker did not start: {child.communicate()[1]}")
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = [child.communicate(timeout=_WAIT) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.communicate()
    return [err for child, (_out, err) in zip(children, results, strict=True) if child.returncode]


def run_alone(job: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `job` in one child process and wait for it."""
    return subprocess.run(
        [sys.executable, "-m", "progress_workers", job, str(data_dir)],
        capture_output=True,
        text=True,
        env=_ENV,
        timeout=_WAIT,
        check=False,
    )


def one_more_review(previous: CardRow | None) -> CardRow:
    """A card that counts its reviews, so a lost one shows."""
    reviews = 0 if previous is None else json.loads(previous.card_json)["reviews"]
    return CardRow(QUESTION, json.dumps({"reviews": reviews + 1}), NOW)


def answer(data_dir: Path, count: int) -> None:
    store, notice = open_store(data_dir, NOW)
    assert notice is None, notice  # a fresh folder holds nothing damaged
    with store:
        session = store.start_session(NOW, "set.yaml", "Set", (QUESTION,), "practice")
        for n in range(count):
            row = AnswerRow(QUESTION, "same-fact", (), session, n, True, 1.0, "practice", 1, NOW)
            store.record_answer(row, one_more_review)


def record(data_dir: Path, count: int) -> None:
    question = QUESTIONS[0]
    store, notice = open_store(data_dir, NOW)
    assert notice is None, notice
    with store:
        for _ in range(count):
            plan = start_plan(
                store, sample_set(), "set.yaml", (question,), Mode.PRACTICE, False, NOW
            )
            Recorder(store, plan, lambda: NOW)(Answer(question, question.answer, 1.0))


def drop_root() -> None:
    """Become an ordinary user: root may write anywhere, whatever the permissions say."""
    if os.geteuid() == 0:
        user = pwd.getpwnam(UNPRIVILEGED)
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)


def read_only(data_dir: Path) -> None:
    drop_root()
    report: dict[str, object] = {}
    try:
        open_store(data_dir, NOW)[0].close()
        report["saving"] = "opened"
    except ProgressStoreError as exc:
        report["saving"] = [type(exc).__name__, str(exc)]
    try:
        store, notice = open_store(data_dir, NOW, read_only_ok=True)
        with store:
            report["answers"] = compute_stats(store.answers(), store.cards(), NOW).answers
            try:
                store.finish_session(1)
            except ProgressStoreError as exc:
                report["writing"] = type(exc).__name__
        report["notice"] = notice
    except ProgressStoreError as exc:
        report["reading"] = [type(exc).__name__, str(exc)]
    print(json.dumps(report))


def main(job: str, data_dir: str, *args: str) -> None:
    if job == "read-only":
        read_only(Path(data_dir))
        return
    print("ready", flush=True)
    sys.stdin.readline()  # the parent says go to every process at once
    work = answer if job == "answer" else record
    work(Path(data_dir), int(args[0]))


if __name__ == "__main__":
    main(*sys.argv[1:])

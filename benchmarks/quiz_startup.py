"""How fast the quiz starts and moves on, printed as JSON lines (nothing is asserted).

- `import_questionary`: `python -c "import questionary"`, the floor for any questionary app;
- `quiz_to_first_question`: from starting `quizgen quiz` (piped mode, 1 question) until the
  first question is on the screen (the goal: under twice the floor);
- `answer_to_next_question`: from an answer to the next question with a 10,000-answer history
  (saving the answer, rescheduling its card, printing feedback; the goal: under 50 ms).

Run: .venv/bin/python benchmarks/quiz_startup.py
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizgen.questions.model import Citation, Form, Question, QuestionSet, SetHeader
from quizgen.questions.set_file import write_set
from quizgen.study.plan import Recorder, start_plan
from quizgen.study.progress import AnswerRow
from quizgen.study.progress_file import open_store
from quizgen.study.session import Mode
from quizgen.study.terminal import Palette, PlainPrompter, Ui, run_session

RUNS = 7
HISTORY = 10_000
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
QUIZGEN = str(Path(sys.executable).with_name("quizgen"))


def sample_set(size: int) -> QuestionSet:
    cite = Citation(
        outlet="Outlet", headline="Headline", date="May 2016", document="doc.txt", quote="a quote"
    )
    questions = tuple(
        Question(
            id=f"fact-{n}/mc",
            form=Form.MULTIPLE_CHOICE,
            stem=f"Question {n}?",
            options=("a", "b", "c", "d"),
            answer=n % 4,
            fact=f"fact-{n}",
            explanation="Because.",
            sources=(cite,),
            topics=(f"topic-{n % 5}",),
        )
        for n in range(size)
    )
    header = SetHeader(
        title="Bench",
        seed=1,
        count=None,
        topics=(),
        forms=(),
        sources=(),
        fact_base_revision="rev",
        fact_base_digest="0" * 64,
    )
    return QuestionSet(header, questions)


def median_ms(samples: list[float]) -> float:
    return round(1000 * statistics.median(samples), 1)


def time_import_questionary() -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import questionary"], check=True)
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def time_first_question(folder: Path) -> float:
    set_path = folder / "set.yaml"
    write_set(sample_set(200), set_path)
    samples = []
    for n in range(RUNS):
        args = [
            QUIZGEN,
            "quiz",
            "--set",
            str(set_path),
            "--count",
            "1",
            "--data-dir",
            str(folder / f"data-{n}"),
        ]
        start = time.perf_counter()
        child = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdin is not None
        seen = ""
        while not seen.endswith("Your answer") and (char := child.stdout.read(1)):
            seen += char  # the first prompt's text: the question is on the screen
        samples.append(time.perf_counter() - start)
        child.stdin.close()  # end of input: the quiz stops like Ctrl-C
        child.stdout.read()
        child.wait()
    return median_ms(samples)


def time_answer_to_next(folder: Path) -> tuple[float, float]:
    qset = sample_set(500)
    store, _ = open_store(folder / "history", NOW)
    with store:
        plan = start_plan(store, qset, "bench", qset.questions[:200], Mode.PRACTICE, False, NOW)
        for n in range(HISTORY):
            q = qset.questions[n % len(qset.questions)]
            store.record_answer(
                AnswerRow(
                    q.id,
                    q.fact,
                    q.topics,
                    0,
                    0,
                    n % 3 == 0,
                    3.0,
                    "practice",
                    1,
                    NOW - timedelta(minutes=n),
                ),
                None,
            )
        record = Recorder(store, plan, lambda: NOW)
        stamps: list[float] = []
        ui = Ui(
            PlainPrompter(io.StringIO("1\n" * 200), io.StringIO(), echo=True),
            io.StringIO(),
            Palette(False),
        )

        def timer() -> float:
            stamps.append(time.perf_counter())
            return stamps[-1]

        run_session(ui, Mode.PRACTICE, plan.to_ask, plan.total, (), record, timer)
    # timer() is read when a question is shown and when it is answered: the gaps between an
    # answer and the next question's start are the latency the learner feels.
    gaps = [stamps[i + 1] - stamps[i] for i in range(1, len(stamps) - 1, 2)]
    return median_ms(gaps), round(1000 * max(gaps), 1)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = time_import_questionary()
        first = time_first_question(folder)
        median_gap, worst_gap = time_answer_to_next(folder)
    for record in (
        {"benchmark": "import_questionary", "median_ms": floor},
        {
            "benchmark": "quiz_to_first_question",
            "median_ms": first,
            "ratio_to_import_questionary": round(first / floor, 2),
        },
        {
            "benchmark": "answer_to_next_question",
            "history_answers": HISTORY,
            "median_ms": median_gap,
            "max_ms": worst_gap,
        },
    ):
        print(json.dumps(record))


if __name__ == "__main__":
    main()

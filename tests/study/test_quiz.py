"""Quizzes against the progress store: loading the set, the resume offer, running, what is due."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from quiz_helpers import QUESTIONS, sample_set, write_sample_set

from quizgen.errors import MissingSetError, QuestionSetError
from quizgen.questions.model import Question
from quizgen.study import quiz
from quizgen.study.modes import Mode
from quizgen.study.plan import Plan, Recorder, resume_plan, start_plan
from quizgen.study.progress import AnswerRow, CardRow, ProgressStore, Reschedule
from quizgen.study.progress_file import open_store
from quizgen.study.quiz import load_question_set, next_review_line, offer_resume, run_plan
from quizgen.study.session import Answer
from quizgen.study.terminal import Palette, Ui

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
MAYOR, COST, DELAY, TF, TIMELINE = QUESTIONS


class Scripted:
    """A prompter answering from lists; KeyboardInterrupt once a list runs out."""

    def __init__(
        self,
        responses: Sequence[int | tuple[int, ...]] = (),
        confirms: Sequence[bool] = (),
    ) -> None:
        self._responses = iter(responses)
        self._confirms = iter(confirms)
        self.asked: list[str] = []

    def choose(self, question: Question) -> int:
        response = next(self._responses, None)
        if response is None:
            raise KeyboardInterrupt
        assert isinstance(response, int)
        return response

    def order(self, question: Question) -> tuple[int, ...]:
        response = next(self._responses, None)
        if response is None:
            raise KeyboardInterrupt
        assert isinstance(response, tuple)
        return response

    def confirm(self, message: str) -> bool:
        self.asked.append(message)
        answer = next(self._confirms, None)
        if answer is None:
            raise KeyboardInterrupt
        return answer

    def pause(self) -> None:
        """Nothing to wait for in a test."""


def make_ui(prompter: Scripted) -> tuple[Ui, io.StringIO]:
    out = io.StringIO()
    return Ui(prompter, out, Palette(enabled=False), 80), out


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    opened, notice = open_store(tmp_path / "data", NOW)
    assert notice is None
    with opened:
        yield opened


@pytest.fixture
def set_path(tmp_path: Path) -> Path:
    return write_sample_set(tmp_path / "set.yaml")


@pytest.fixture
def fixed_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer takes exactly one second (the session reads a monotonic clock)."""
    ticks = itertools.count()
    monkeypatch.setattr(quiz, "time", SimpleNamespace(monotonic=lambda: float(next(ticks))))


# load_question_set


def test_a_missing_set_says_how_to_get_one(tmp_path: Path) -> None:
    path = tmp_path / "decks" / "full" / "set.yaml"
    with pytest.raises(MissingSetError) as caught:
        load_question_set(path)
    assert str(caught.value) == (
        f"no question set at {path}: build the decks with `quizgen build`, or give --set FILE"
    )


def test_a_folder_is_not_a_set(tmp_path: Path) -> None:
    with pytest.raises(MissingSetError, match=r"^no question set at "):
        load_question_set(tmp_path)


def test_a_set_file_is_loaded(set_path: Path) -> None:
    assert load_question_set(set_path) == sample_set()


def test_a_broken_set_file_is_a_question_set_error(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(QuestionSetError) as caught:
        load_question_set(path)
    assert str(caught.value) == (
        f"{path}:1: a question set must be a mapping with a 'questions' list"
    )


# offer_resume


def test_nothing_unfinished_offers_nothing(store: ProgressStore) -> None:
    prompter = Scripted()
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []


def test_a_finished_quiz_is_not_offered(store: ProgressStore, set_path: Path) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (MAYOR,), Mode.PRACTICE, False, NOW)
    store.finish_session(plan.session_id)
    prompter = Scripted()
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []


def test_an_unfinished_review_is_not_offered(store: ProgressStore, set_path: Path) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (MAYOR,), Mode.REVIEW, False, NOW)
    prompter = Scripted()
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []
    row = store.unfinished_session(exclude_mode="practice")
    assert row is not None and row.id == plan.session_id  # left as it was


@pytest.mark.parametrize("damage", ["deleted", "broken"])
def test_a_quiz_whose_set_is_gone_is_closed_without_asking(
    store: ProgressStore, set_path: Path, damage: str
) -> None:
    start_plan(store, sample_set(), str(set_path), (MAYOR, COST), Mode.PRACTICE, False, NOW)
    if damage == "deleted":
        set_path.unlink()
    else:
        set_path.write_text("questions: 3\n", encoding="utf-8")
    prompter = Scripted()
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []
    assert store.unfinished_session(exclude_mode="review") is None


def started_with_one_answer(store: ProgressStore, set_path: Path) -> Plan:
    """An exam of three questions, interrupted after the first (answered right)."""
    plan = start_plan(
        store, sample_set(), str(set_path), (COST, MAYOR, TIMELINE), Mode.EXAM, False, NOW
    )
    Recorder(store, plan, lambda: NOW)(Answer(COST, 1, 2.5))
    return plan


def test_an_accepted_offer_resumes_the_quiz(store: ProgressStore, set_path: Path) -> None:
    plan = started_with_one_answer(store, set_path)
    prompter = Scripted(confirms=[True])
    resumed = offer_resume(store, make_ui(prompter)[0])
    assert prompter.asked == ["Resume your unfinished quiz (1 of 3 answered)?"]
    assert resumed == Plan(
        session_id=plan.session_id,
        mode=Mode.EXAM,
        cram=False,
        total=3,
        to_ask=(MAYOR, TIMELINE),
        done=(Answer(COST, 1, 2.5),),
        title="Bridge quiz",
    )
    row = store.unfinished_session(exclude_mode="review")
    assert row is not None and row.id == plan.session_id
    assert resumed == resume_plan(store, row, sample_set())


def test_a_declined_offer_closes_the_quiz(store: ProgressStore, set_path: Path) -> None:
    started_with_one_answer(store, set_path)
    prompter = Scripted(confirms=[False])
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == ["Resume your unfinished quiz (1 of 3 answered)?"]
    assert store.unfinished_session(exclude_mode="review") is None


def test_ctrl_c_at_the_offer_leaves_the_quiz_unfinished(
    store: ProgressStore, set_path: Path
) -> None:
    plan = started_with_one_answer(store, set_path)
    with pytest.raises(KeyboardInterrupt):
        offer_resume(store, make_ui(Scripted(confirms=[]))[0])
    row = store.unfinished_session(exclude_mode="review")
    assert row is not None and row.id == plan.session_id


def test_the_latest_unfinished_quiz_is_offered(store: ProgressStore, set_path: Path) -> None:
    started_with_one_answer(store, set_path)
    later = start_plan(store, sample_set(), str(set_path), (TF, DELAY), Mode.LEARN, True, NOW)
    Recorder(store, later, lambda: NOW)(Answer(TF, 1, 1.0))
    prompter = Scripted(confirms=[True])
    resumed = offer_resume(store, make_ui(prompter)[0])
    assert prompter.asked == ["Resume your unfinished quiz (1 of 2 answered)?"]
    assert resumed == Plan(
        session_id=later.session_id,
        mode=Mode.LEARN,
        cram=True,
        total=2,
        to_ask=(DELAY,),
        done=(Answer(TF, 1, 1.0),),
        title="Bridge quiz",
    )


def test_a_quiz_stopped_before_its_first_answer_is_not_offered(
    store: ProgressStore, set_path: Path
) -> None:
    start_plan(store, sample_set(), str(set_path), (TF, DELAY), Mode.LEARN, True, NOW)
    prompter = Scripted(confirms=[True])
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []
    assert store.unfinished_session(exclude_mode="review") is None


def test_a_quiz_with_every_question_answered_is_not_offered(
    store: ProgressStore, set_path: Path
) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (TF,), Mode.PRACTICE, False, NOW)
    Recorder(store, plan, lambda: NOW)(Answer(TF, 1, 1.0))
    prompter = Scripted(confirms=[True])
    assert offer_resume(store, make_ui(prompter)[0]) is None
    assert prompter.asked == []


# run_plan

PRACTICE_TRANSCRIPT = """
Question 1 of 2
✔ Right.
  Explained: Who opened the River Bridge in March 2015?
  Source: The Harbour Town Gazette, "Mayor opens the River Bridge", March 2015
    “Mayor Lena Ortiz opened the River Bridge on March 3, 2015”

Question 2 of 2
✘ Wrong. The right answer: 40 million crowns
  Explained: According to Councillor Tom Reyes, what did the bridge cost?
  Source: unknown, "What the bridge cost", not printed
    “the bridge cost 40 million crowns”

Set: Bridge quiz
Score: 1 of 2 (50%)
Time: 2 s
Missed:
  - According to Councillor Tom Reyes, what did the bridge cost?
    Answer: 40 million crowns
Topics to revisit: money
"""


@pytest.mark.usefixtures("fixed_timer")
def test_a_finished_session_is_summarised_saved_and_closed(
    store: ProgressStore, set_path: Path
) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (MAYOR, COST), Mode.PRACTICE, False, NOW)
    ui, out = make_ui(Scripted(responses=[0, 0]))
    assert run_plan(store, plan, ui, lambda: NOW) is False
    assert out.getvalue() == PRACTICE_TRANSCRIPT
    assert store.unfinished_session(exclude_mode="review") is None
    assert [(a.question_id, a.correct, a.seconds) for a in store.answers()] == [
        (MAYOR.id, True, 1.0),
        (COST.id, False, 1.0),
    ]
    assert {c.question_id for c in store.cards()} == {MAYOR.id, COST.id}


@pytest.mark.parametrize(
    ("mode", "command"),
    [
        (Mode.PRACTICE, "quiz"),
        (Mode.EXAM, "quiz"),
        (Mode.LEARN, "quiz"),
        (Mode.REVIEW, "review"),
    ],
)
@pytest.mark.usefixtures("fixed_timer")
def test_ctrl_c_returns_true_and_keeps_the_session_open(
    store: ProgressStore, set_path: Path, mode: Mode, command: str
) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (MAYOR, COST, DELAY), mode, False, NOW)
    ui, out = make_ui(Scripted(responses=[0]))
    assert run_plan(store, plan, ui, lambda: NOW) is True
    lines = out.getvalue().splitlines()
    assert "Stopped. Every answer you gave is saved." in lines
    if mode is Mode.EXAM:  # an unfinished exam reveals nothing: no answers, no score
        assert lines[-1] == (
            "Exam paused after 1 of 3 answers, all saved. Run `quizgen quiz` to finish it;"
            " the score comes at the end."
        )
        assert not any(line.startswith(("Score", "Missed", "✘", "✔")) for line in lines)
    else:
        assert lines[-1] == f"Run `quizgen {command}` again to pick up where you stopped."
        assert "Score: 1 of 1 (100%), 2 of 3 not answered" in lines
    assert [a.question_id for a in store.answers()] == [MAYOR.id]
    row = store.unfinished_session(exclude_mode="nothing")
    assert row is not None and row.id == plan.session_id


@pytest.mark.usefixtures("fixed_timer")
def test_an_exam_shows_the_held_feedback_before_the_score(
    store: ProgressStore, set_path: Path
) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (TF,), Mode.EXAM, False, NOW)
    ui, out = make_ui(Scripted(responses=[0]))
    assert run_plan(store, plan, ui, lambda: NOW) is False
    assert out.getvalue() == (
        "\nQuestion 1 of 1\n"
        "\nYour answers\n"
        "\n1. True or false: Tom Reyes opened the River Bridge.\n"
        "  You answered: True\n"
        "✘ Wrong. The right answer: False\n"
        "  Explained: True or false: Tom Reyes opened the River Bridge.\n"
        '  Source: The Harbour Town Gazette, "Mayor opens the River Bridge", March 2015\n'
        "    “Mayor Lena Ortiz opened the River Bridge on March 3, 2015”\n"
        "\nSet: Bridge quiz\n"
        "Score: 0 of 1 (0%)\n"
        "Time: 1 s\n"
        "Missed:\n"
        "  - True or false: Tom Reyes opened the River Bridge.\n"
        "    Answer: False\n"
        "Topics to revisit: bridge\n"
    )


@pytest.mark.usefixtures("fixed_timer")
def test_ctrl_c_before_the_first_answer_leaves_nothing_to_resume(
    store: ProgressStore, set_path: Path
) -> None:
    plan = start_plan(store, sample_set(), str(set_path), (MAYOR, COST), Mode.PRACTICE, False, NOW)
    ui, out = make_ui(Scripted(responses=[]))
    assert run_plan(store, plan, ui, lambda: NOW) is True
    lines = out.getvalue().splitlines()
    assert lines[-1] == "Stopped before the first answer: nothing to save or resume."
    assert not any(line.startswith("Score") for line in lines)
    assert store.unfinished_session(exclude_mode="review") is None


@pytest.mark.usefixtures("fixed_timer")
def test_a_resumed_session_counts_the_answers_given_before(
    store: ProgressStore, set_path: Path
) -> None:
    plan = started_with_one_answer(store, set_path)
    resumed = offer_resume(store, make_ui(Scripted(confirms=[True]))[0])
    assert resumed is not None
    ui, out = make_ui(Scripted(responses=[0, (1, 2, 0)]))
    assert run_plan(store, resumed, ui, lambda: NOW) is False
    text = out.getvalue()
    assert "Question 2 of 3" in text and "Question 3 of 3" in text and "Question 1 of" not in text
    assert "Score: 3 of 3 (100%)" in text.splitlines()
    assert [a.question_id for a in store.answers(plan.session_id)] == [
        COST.id,
        MAYOR.id,
        TIMELINE.id,
    ]
    assert store.unfinished_session(exclude_mode="review") is None


# next_review_line


def put_cards(store: ProgressStore, dues: list[timedelta]) -> None:
    for n, offset in enumerate(dues):
        qid = f"fact-{n}/mc"
        row = AnswerRow(qid, f"fact-{n}", (), 1, 0, True, 1.0, "practice", 1, NOW)
        store.record_answer(row, replaced_by(CardRow(qid, "{}", NOW + offset)))


def replaced_by(card: CardRow) -> Reschedule:
    return lambda _previous: card


@pytest.mark.parametrize(
    ("dues", "expected"),
    [
        ([], None),
        ([timedelta(hours=-1)], "1 question due for review: `quizgen review`."),
        (
            [timedelta(0), timedelta(days=-2), timedelta(days=3)],
            "2 questions due for review: `quizgen review`.",
        ),
        (
            [timedelta(days=3), timedelta(minutes=10)],
            "Next review in 10 minutes: `quizgen review`.",
        ),
        ([timedelta(days=1)], "Next review in 1 day: `quizgen review`."),
        ([timedelta(seconds=20)], "Next review in under a minute: `quizgen review`."),
    ],
    ids=["nothing", "one-due", "two-due", "soonest-waiting", "one-day", "seconds"],
)
def test_next_review_line(
    store: ProgressStore, dues: list[timedelta], expected: str | None
) -> None:
    put_cards(store, dues)
    assert next_review_line(store, NOW) == expected

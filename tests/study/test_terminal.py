"""Prompt flows: questionary through prompt_toolkit's pipe input, and the plain line mode."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from quiz_helpers import BY_STEM, QUESTIONS, RIGHT

from quizgen.questions.model import Question
from quizgen.study.modes import Mode
from quizgen.study.session import Answer, run_session, summarize
from quizgen.study.terminal import (
    Palette,
    PlainPrompter,
    TerminalPrompter,
    TerminalSession,
    Ui,
    colour_wanted,
    exam_review_lines,
    feedback_lines,
    parse_choice,
    parse_order,
    summary_lines,
)

MAYOR, COST, DELAY, TF, TIMELINE = QUESTIONS
PLAIN = Palette(enabled=False)


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def prompter(pipe: PipeInput, out: io.StringIO | None = None) -> TerminalPrompter:
    return TerminalPrompter(out or io.StringIO(), 80, pt_input=pipe, pt_output=DummyOutput())


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("\r", 0), ("2\r", 1), ("\x1b[B\x1b[B\r", 2), ("3\x1b[A\r", 1), ("jj\r", 2)],
)
def test_select_with_arrows_and_number_keys(pipe: PipeInput, keys: str, expected: int) -> None:
    pipe.send_text(keys)
    assert prompter(pipe).choose(MAYOR) == expected


def test_ctrl_c_in_a_select_raises_keyboard_interrupt(pipe: PipeInput) -> None:
    pipe.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        prompter(pipe).choose(MAYOR)


def test_the_order_is_typed_and_validated(pipe: PipeInput) -> None:
    out = io.StringIO()
    pipe.send_text("12\r\x7f\x7f2 3 1\r")  # "12" is refused, then corrected
    assert prompter(pipe, out).order(TIMELINE) == (1, 2, 0)
    assert out.getvalue() == (
        "Put these events in order.\n  1) The bridge opens\n  2) Work starts\n"
        "  3) The beams arrive\n"
    )


@pytest.mark.parametrize(("keys", "expected"), [("\r", True), ("n", False), ("y", True)])
def test_confirm(pipe: PipeInput, keys: str, expected: bool) -> None:
    pipe.send_text(keys)
    assert prompter(pipe).confirm("Resume?") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", 1),
        (" c ", 2),
        ("B", 1),
        ("5", None),
        ("0", None),
        ("e", None),
        ("tom reyes", 1),
        ("", None),
    ],
)
def test_parse_choice(text: str, expected: int | None) -> None:
    assert parse_choice(text, MAYOR.options) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("231", (1, 2, 0)),
        ("2 3 1", (1, 2, 0)),
        ("2,3,1", (1, 2, 0)),
        ("2-3-1", (1, 2, 0)),
        ("221", None),
        ("23", None),
        ("2314", None),
        ("", None),
    ],
)
def test_parse_order(text: str, expected: tuple[int, ...] | None) -> None:
    assert parse_order(text, 3) == expected


def test_plain_mode_prints_numbered_options_and_retries_bad_lines() -> None:
    out = io.StringIO()
    plain = PlainPrompter(io.StringIO("9\nc\n"), out, echo=True)
    assert plain.choose(DELAY) == 2
    assert out.getvalue() == (
        "Why did the River Bridge open late?\n"
        "  1) the council ran out of money\n  2) a flood washed away the works\n"
        "  3) the steel beams arrived in the wrong size\n"
        "Your answer (1-3 or a-c): 9\nPlease answer with 1-3 or a letter a-c.\n"
        "Your answer (1-3 or a-c): c\n"
    )


def test_plain_mode_treats_end_of_input_like_ctrl_c() -> None:
    with pytest.raises(KeyboardInterrupt):
        PlainPrompter(io.StringIO(""), io.StringIO(), echo=True).choose(MAYOR)


@pytest.mark.parametrize(("line", "expected"), [("\n", True), ("y\n", True), ("N\n", False)])
def test_plain_confirm(line: str, expected: bool) -> None:
    assert PlainPrompter(io.StringIO(line), io.StringIO(), echo=False).confirm("Go?") is expected


class Scripted:
    """A prompter answering from a list; KeyboardInterrupt once the list runs out."""

    def __init__(self, responses: list[int | tuple[int, ...]]) -> None:
        self._responses = iter(responses)

    def _next(self) -> int | tuple[int, ...]:
        try:
            return next(self._responses)
        except StopIteration:
            raise KeyboardInterrupt from None

    def choose(self, question: Question) -> int:
        response = self._next()
        assert isinstance(response, int)
        return response

    def order(self, question: Question) -> tuple[int, ...]:
        response = self._next()
        assert isinstance(response, tuple)
        return response

    def confirm(self, message: str) -> bool:
        return True

    def pause(self) -> None:
        """Nothing to wait for in a test."""


def run(
    mode: Mode, questions: tuple[Question, ...], responses: list[int | tuple[int, ...]]
) -> tuple[list[Answer], bool, str]:
    out, saved = io.StringIO(), list[Answer]()
    ui = Ui(Scripted(responses), out, PLAIN)
    clock = itertools.count()
    terminal = TerminalSession(ui, lambda: float(next(clock)))
    outcome = run_session(terminal, mode, questions, len(questions), (), saved.append)
    assert list(outcome.answers) == saved  # every answer was recorded as it was given
    return saved, outcome.interrupted, out.getvalue()


class ByMeaning(Scripted):
    """Answers "right" or "wrong" whatever order the options come in."""

    def __init__(self, plan: list[bool]) -> None:
        super().__init__([])
        self._plan = iter(plan)
        self.seen: list[tuple[str, ...]] = []

    def choose(self, question: Question) -> int:
        self.seen.append(question.options)
        right = next(self._plan, None)
        if right is None:
            raise KeyboardInterrupt
        return question.key_index if right else (question.key_index + 1) % len(question.options)


def test_learn_mode_asks_a_repeat_with_the_options_reordered() -> None:
    prompter = ByMeaning([False, True, False, True])
    ui = Ui(prompter, io.StringIO(), PLAIN)
    clock = itertools.count()
    outcome = run_session(
        TerminalSession(ui, lambda: float(next(clock))),
        Mode.LEARN,
        (MAYOR, COST),
        2,
        (),
        list[Answer]().append,
    )
    assert [(a.question.id, a.correct, a.attempt) for a in outcome.answers] == [
        ("mayor-opened-bridge/mc", False, 1),
        ("bridge-cost/mc", True, 1),
        ("mayor-opened-bridge/mc", False, 2),
        ("mayor-opened-bridge/mc", True, 3),
    ]
    first, _, second, third = prompter.seen
    assert sorted(first) == sorted(second) == sorted(third)  # the same options...
    keys = [opts.index(MAYOR.options[MAYOR.key_index]) for opts in (first, second, third)]
    assert keys[0] != keys[1] and keys[1] != keys[2]  # ...with the key elsewhere each round


def test_learn_mode_rounds_are_labelled_and_timed() -> None:
    out = io.StringIO()
    ui = Ui(ByMeaning([False, True, False, True]), out, PLAIN)
    clock = itertools.count()
    outcome = run_session(
        TerminalSession(ui, lambda: float(next(clock))),
        Mode.LEARN,
        (MAYOR, COST),
        2,
        (),
        list[Answer]().append,
    )
    assert not outcome.interrupted
    text = out.getvalue()
    assert "Question 2 of 2" in text and "Round 3: question 1 of 1" in text
    assert all(a.seconds == 1.0 for a in outcome.answers)


def test_practice_shows_feedback_and_exam_holds_it() -> None:
    _, _, practice = run(Mode.PRACTICE, (MAYOR,), [0])
    _, _, exam = run(Mode.EXAM, (MAYOR,), [0])
    assert "✔ Right." in practice and "Right" not in exam


def test_an_interrupt_keeps_what_was_answered() -> None:
    saved, interrupted, text = run(Mode.PRACTICE, (MAYOR, COST, DELAY), [0])
    assert interrupted and [a.question for a in saved] == [MAYOR]
    assert "Stopped. Every answer you gave is saved." in text


def test_feedback_gives_the_answer_explanation_and_citation() -> None:
    lines = feedback_lines(Answer(COST, 0, 1.0), PLAIN, 100)
    assert lines == [
        "✘ Wrong. The right answer: 40 million crowns",
        "  Explained: According to Councillor Tom Reyes, what did the bridge cost?",
        '  Source: unknown, "What the bridge cost", not printed',
        "    “the bridge cost 40 million crowns”",
    ]


def test_exam_review_shows_what_was_chosen() -> None:
    lines = exam_review_lines([Answer(TIMELINE, (0, 1, 2), 1.0)], PLAIN, 100)
    assert "  You answered: The bridge opens → Work starts → The beams arrive" in lines
    assert "✘ Wrong. The right answer: Work starts → The beams arrive → The bridge opens" in lines


def test_summary_lines() -> None:
    answers = [Answer(MAYOR, 0, 40.0), Answer(TF, 0, 35.0)]
    lines = summary_lines(summarize(answers, 3), PLAIN, 100)
    assert lines == [
        "",
        "Score: 1 of 2 (50%), 1 of 3 not answered",
        "Time: 1 min 15 s",
        "Missed:",
        "  - True or false: Tom Reyes opened the River Bridge.",
        "    Answer: False",
        "Topics to revisit: bridge",
    ]
    assert RIGHT[TF.id] == 1 and BY_STEM[TF.stem] is TF


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "environ", "expected"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (False, {}, False),
        (True, {"TERM": "dumb"}, False),
        (True, {"NO_COLOR": ""}, True),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    tty: bool, environ: dict[str, str], expected: bool
) -> None:
    stream = FakeTty() if tty else io.StringIO()
    assert colour_wanted(stream, environ) is expected


def test_palette() -> None:
    assert Palette(True).paint("x", "bold", "red") == "\x1b[1;31mx\x1b[0m"
    assert Palette(False).paint("x", "bold") == "x"

"""The quiz in a terminal: prompts, the progress line, feedback and the end summary.

The only module that imports questionary and prompt_toolkit. With a terminal on both ends the
prompts are questionary's (arrow keys, number keys as shortcuts, then Enter). Otherwise (a pipe,
a file, CI) a plain mode prints numbered options and reads one line per answer: a number, a
letter or the option's text; end of input counts as Ctrl-C. A timeline question is answered by
typing the order, like `3142`, in both modes. Colour only on a terminal, never with NO_COLOR.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import Any, Protocol, TextIO

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from quizgen.questions.model import Form, Question, order_text, quoted
from quizgen.study.session import Answer, Response, Summary

_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


@dataclass(frozen=True, slots=True)
class Palette:
    """ANSI styling, or none at all when `enabled` is false."""

    enabled: bool

    def paint(self, text: str, *styles: str) -> str:
        """`text` in the given styles (bold, dim, red, green, yellow, cyan)."""
        if not self.enabled or not styles:
            return text
        return f"\x1b[{';'.join(_ANSI[s] for s in styles)}m{text}\x1b[0m"


def colour_wanted(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal that can show it, and never when NO_COLOR is set."""
    return not environ.get("NO_COLOR") and environ.get("TERM") != "dumb" and stream.isatty()


class Prompter(Protocol):
    """Asks one thing and returns the learner's answer; Ctrl-C raises KeyboardInterrupt."""

    def choose(self, question: Question) -> int:
        """The index of the option chosen."""

    def order(self, question: Question) -> tuple[int, ...]:
        """Option indices in the order given, earliest first."""

    def confirm(self, message: str) -> bool:
        """Yes or no (Enter means yes)."""

    def pause(self) -> None:
        """Wait for the learner to read the feedback (a key press in a terminal)."""


def parse_choice(text: str, options: Sequence[str]) -> int | None:
    """The option a typed answer names (`2`, `b` or the option's text), or None."""
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= len(options):
        return int(text) - 1
    if len(text) == 1 and text.lower() in ascii_lowercase[: len(options)]:
        return ascii_lowercase.index(text.lower())
    folded = [o.casefold() for o in options]
    return folded.index(text.casefold()) if text.casefold() in folded else None


def parse_order(text: str, count: int) -> tuple[int, ...] | None:
    """Option indices from a typed order (`3142`, `3 1 4 2`, `3,1,4,2`), or None."""
    tokens = re.findall(r"\d+", text)
    if len(tokens) == 1 and count <= 9:
        tokens = list(tokens[0])
    indices = tuple(int(t) - 1 for t in tokens)
    return indices if sorted(indices) == list(range(count)) else None


def _range_hint(count: int) -> str:
    return f"1-{count} or a-{ascii_lowercase[count - 1]}"


def _order_example(count: int) -> str:
    return "".join(str(n) for n in range(count, 0, -1)) if count <= 9 else "3 1 2 ..."


class PlainPrompter:
    """Line by line, for pipes and files: numbered options, one answer per line."""

    def __init__(self, read: TextIO, out: TextIO, echo: bool, width: int = 80) -> None:
        self._read, self._out, self._echo, self._width = read, out, echo, width

    def choose(self, question: Question) -> int:
        """Print the stem and numbered options; read until a valid answer."""
        self._show(question.stem, question.options)
        hint = _range_hint(len(question.options))
        while True:
            choice = parse_choice(self._line(f"Your answer ({hint}): "), question.options)
            if choice is not None:
                return choice
            self._out.write(f"Please answer with {hint.replace('or', 'or a letter')}.\n")

    def order(self, question: Question) -> tuple[int, ...]:
        """Print the events; read an order like 3142 until it names each one once."""
        self._show(question.stem, question.options)
        example = _order_example(len(question.options))
        while True:
            order = parse_order(
                self._line(f"Your order, earliest first (e.g. {example}): "), len(question.options)
            )
            if order is not None:
                return order
            self._out.write(f"Please type each number once, earliest first, e.g. {example}.\n")

    def confirm(self, message: str) -> bool:
        """Ask `message [Y/n]`; Enter means yes."""
        return self._line(f"{message} [Y/n] ").lower() in ("", "y", "yes")

    def pause(self) -> None:
        """Nothing: a pipe or a file holds answers, not key presses, and its output stays."""

    def _show(self, stem: str, options: Sequence[str]) -> None:
        _show_numbered(self._out, stem, options, self._width)

    def _line(self, prompt: str) -> str:
        self._out.write(prompt)
        self._out.flush()
        line = self._read.readline()
        if not line:  # end of input: stop like Ctrl-C, with everything answered saved
            self._out.write("\n")
            raise KeyboardInterrupt
        if self._echo:  # the answer came from a file: show it, so the transcript reads well
            self._out.write(line if line.endswith("\n") else line + "\n")
        return line.strip()


class TerminalPrompter:
    """questionary prompts; `pt_input` / `pt_output` replace the terminal in tests."""

    def __init__(
        self,
        out: TextIO,
        width: int = 80,
        pt_input: Input | None = None,
        pt_output: Output | None = None,
    ) -> None:
        self._out, self._width = out, width
        self._io: dict[str, Any] = {"input": pt_input, "output": pt_output}

    def choose(self, question: Question) -> int:
        """A select list: arrows or number keys to move, Enter to answer."""
        _show_numbered(self._out, question.stem, (), self._width)
        # each option wrapped to the terminal, its lines aligned under its first word
        # (questionary's " » 1) " is six characters wide)
        choices = [
            questionary.Choice(title=_wrapped_title(o, self._width), value=i)
            for i, o in enumerate(question.options)
        ]
        prompt = questionary.select(
            "Your answer:",
            choices=choices,
            use_shortcuts=len(choices) <= 36,
            instruction="(number key or arrows, then Enter)",
            **self._io,
        )
        return int(prompt.unsafe_ask())

    def order(self, question: Question) -> tuple[int, ...]:
        """The events numbered, then a line to type their order in."""
        _show_numbered(self._out, question.stem, question.options, self._width)
        count = len(question.options)
        example = _order_example(count)

        def valid(text: str) -> bool | str:
            return parse_order(text, count) is not None or f"Type each number once, e.g. {example}"

        prompt = questionary.text(
            f"Your order, earliest first (e.g. {example}):", validate=valid, **self._io
        )
        order = parse_order(str(prompt.unsafe_ask()), count)
        assert order is not None  # the validator let it through
        return order

    def confirm(self, message: str) -> bool:
        """A yes/no prompt; Enter means yes."""
        return bool(questionary.confirm(message, default=True, **self._io).unsafe_ask())

    def pause(self) -> None:
        """Wait for a key, so a long correction is read before the next question prints."""
        questionary.press_any_key_to_continue(
            "Press any key for the next question (Ctrl-C stops).", **self._io
        ).unsafe_ask()


@dataclass(frozen=True, slots=True)
class Ui:
    """Where the quiz talks: a prompter, an output stream, a palette and a line width."""

    prompter: Prompter
    out: TextIO
    palette: Palette
    width: int = 80

    def say(self, text: str = "") -> None:
        """Print a line and flush it at once."""
        self.out.write(text + "\n")
        self.out.flush()


def make_ui(stdin: TextIO, stdout: TextIO, environ: Mapping[str, str], width: int) -> Ui:
    """questionary prompts with a terminal on both ends, else the plain line mode."""
    palette = Palette(colour_wanted(stdout, environ))
    width = max(40, min(width, 100))
    if stdin.isatty() and stdout.isatty():
        return Ui(TerminalPrompter(stdout, width), stdout, palette, width)
    plain = PlainPrompter(stdin, stdout, echo=not stdin.isatty(), width=width)
    return Ui(plain, stdout, palette, width)


class TerminalSession:
    """The session's input and output in a terminal (or plain line mode): implements `SessionIO`."""

    def __init__(self, ui: Ui, timer: Callable[[], float]) -> None:
        self.ui, self.timer = ui, timer

    def ask(self, question: Question, label: str, attempt: int) -> Answer:
        """Show the label, ask the question and time the answer."""
        ui = self.ui
        ui.say()
        ui.say(ui.palette.paint(label, "bold", "cyan"))
        start = self.timer()
        response: Response
        if question.form is Form.TIMELINE_ORDER:
            response = ui.prompter.order(question)
        else:
            response = ui.prompter.choose(question)
        return Answer(question, response, self.timer() - start, attempt)

    def feedback(self, answer: Answer) -> None:
        """Mark the answer and show its explanation and sources; after a wrong answer, wait
        until the learner has read the correction."""
        print_lines(self.ui, feedback_lines(answer, self.ui.palette, self.ui.width))
        if not answer.correct:
            self.ui.prompter.pause()

    def new_round(self, missed: int) -> None:
        """Announce learn mode's next round."""
        self.ui.say()
        self.ui.say(self.ui.palette.paint(f"Again until right: {missed} missed.", "yellow"))

    def stopped(self) -> None:
        """Say that Ctrl-C stopped the session and nothing was lost."""
        self.ui.say()
        self.ui.say(self.ui.palette.paint("Stopped. Every answer you gave is saved.", "yellow"))


def feedback_lines(answer: Answer, palette: Palette, width: int) -> list[str]:
    """Right or wrong, the right answer, the explanation, the first source with its quote and
    the others named in one line; every line wrapped at `width`."""
    question = answer.question
    if answer.correct:
        lines = [palette.paint("✔ Right.", "bold", "green")]
    else:
        # wrapped as plain text at the terminal's width, then the verdict painted
        verdict = "✘ Wrong."
        text = f"{verdict} The right answer: {question.right_answer_text()}"
        wrapped = _wrap(text, width, "", "  ")
        lines = [palette.paint(verdict, "bold", "red") + wrapped[0][len(verdict) :]]
        lines += [palette.paint(line, "bold") for line in wrapped[1:]]
    lines += _wrap(question.explanation, width, "  ")
    if not question.sources:
        return lines
    # the first source with its quote; any others in one short line each, so the verdict, the
    # answer and the explanation stay on screen with the next question
    first, *others = question.sources
    heading = _wrap(
        f'Source: {first.outlet}, "{first.headline}", {first.date}', width, "  ", "    "
    )
    lines += [palette.paint(line, "dim") for line in heading]
    lines += _wrap(quoted(first.quote), width, "    ", "     ")
    more = list(
        dict.fromkeys(
            (c.outlet, c.headline)
            for c in others
            if (c.outlet, c.headline) != (first.outlet, first.headline)
        )
    )
    if more:
        names = "; ".join(f'{outlet}, "{headline}"' for outlet, headline in more)
        lines += [
            palette.paint(line, "dim") for line in _wrap(f"Also: {names}", width, "  ", "    ")
        ]
    return lines


def exam_review_lines(answers: Sequence[Answer], palette: Palette, width: int) -> list[str]:
    """The held feedback of an exam: each question, what was chosen, and its feedback."""
    lines = ["", palette.paint("Your answers", "bold")]
    for n, answer in enumerate(a for a in answers if a.attempt == 1):
        lines += ["", *_wrap(f"{n + 1}. {answer.question.stem}", width, "")]
        lines += _wrap(f"You answered: {_response_text(answer)}", width, "  ")
        lines += feedback_lines(answer, palette, width)
    return lines


def summary_lines(summary: Summary, palette: Palette, width: int, title: str = "") -> list[str]:
    """The set's name, score, time, the questions missed with their answers, topics to revisit."""
    head = f"Score: {summary.right} of {summary.answered} ({summary.percent}%)"
    if summary.answered < summary.planned:
        head += f", {summary.planned - summary.answered} of {summary.planned} not answered"
    lines = [""]
    if title:
        lines += _wrap(f"Set: {title}", width, "")
    lines += [palette.paint(head, "bold"), f"Time: {format_duration(summary.seconds)}"]
    if summary.rounds > 1:
        lines.append(f"Rounds until all were right: {summary.rounds}")
    if summary.missed:
        lines.append(palette.paint("Missed:", "bold"))
        for question in summary.missed:
            lines += _wrap(f"- {question.stem}", width, "  ", "    ")
            lines += _wrap(f"Answer: {question.right_answer_text()}", width, "    ")
    if summary.topics_to_revisit:
        lines.append(f"Topics to revisit: {', '.join(summary.topics_to_revisit)}")
    elif summary.answered:
        lines.append(palette.paint("Nothing missed.", "green"))
    return lines


def format_duration(seconds: float) -> str:
    """`45 s`, `2 min 13 s`."""
    whole = round(seconds)
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60} s"


def print_lines(ui: Ui, lines: Sequence[str]) -> None:
    """Print rendered lines."""
    for line in lines:
        ui.say(line)


def _response_text(answer: Answer) -> str:
    options = answer.question.options
    if isinstance(answer.response, tuple):
        return order_text(options, answer.response)
    return options[answer.response]


def _show_numbered(out: TextIO, stem: str, options: Sequence[str], width: int) -> None:
    """The stem, word-wrapped, and the options numbered from 1."""
    lines = _wrap(stem, width, "")
    for n, option in enumerate(options, 1):
        lines += _wrap(f"{n}) {option}", width, "  ", "     ")
    out.write("".join(line + "\n" for line in lines))
    out.flush()


_CHOICE_INDENT = " " * 6


def _wrapped_title(option: str, width: int) -> str:
    """An option as a select-list title: wrapped to `width`, continuation lines indented."""
    lines = textwrap.wrap(option, max(20, width - len(_CHOICE_INDENT))) or [option]
    return ("\n" + _CHOICE_INDENT).join(lines)


def _wrap(text: str, width: int, indent: str, subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
    ) or [indent]

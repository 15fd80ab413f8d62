"""Moodle GIFT export: multiple choice and true/false with feedback, ordering as matching."""

from __future__ import annotations

from quizgen.errors import ExportError
from quizgen.exports.characters import LINE_BREAK
from quizgen.exports.formats import ExportResult, id_list
from quizgen.plural import plural
from quizgen.questions.model import Form, Question, QuestionSet

#: The characters Moodle's own GIFT writer escapes with a backslash.
SPECIAL = "\\~=#{}:"
# Texts are plain text: `[plain]` stops Moodle reading `<`, `&` or a leading `[html]` as markup,
# and the answers and feedback inherit the question text's format.
TEXT_FORMAT = "[plain]"
MATCHING_HINT = "Match each event to its place in time: 1st is the earliest."


def escape(text: str) -> str:
    """`text` with GIFT's special characters backslash-escaped and line breaks written `\\n`."""
    escaped = "".join("\\" + char if char in SPECIAL else char for char in text)
    # a raw line break would split the block or end the question
    return LINE_BREAK.sub(lambda _: "\\n", escaped)


def field(text: str) -> str:
    """An answer or feedback text, escaped; one that starts with `%` or `[` gets its own
    `[plain]` marker, so Moodle reads neither a grade (`%50%`) nor a format (`[html]`) in it."""
    escaped = escape(text)
    return f"{TEXT_FORMAT}{escaped}" if text[:1] in ("%", "[") else escaped


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def export_gift(qset: QuestionSet) -> ExportResult:
    """The set as a Moodle GIFT file (UTF-8), with notes on what changed shape or was skipped."""
    blocks = [_file_comment(qset)]
    matched: list[str] = []
    skipped: list[str] = []
    for question in qset.questions:
        if question.form is Form.TIMELINE_ORDER:
            if any("->" in option for option in question.options):
                skipped.append(question.id)
                continue
            matched.append(question.id)
        blocks.append(_block(question))
    if len(blocks) == 1:
        raise ExportError("nothing to export to GIFT: every question was skipped")
    notes = []
    if matched:
        notes.append(
            "GIFT has no ordering question: timeline-order questions are Moodle matching"
            f" questions (each event matched to 1st, 2nd, ...): {id_list(matched)}"
        )
    if skipped:
        notes.append(
            "skipped timeline-order questions with '->' in an event (GIFT matching splits on it):"
            f" {id_list(skipped)}"
        )
    return ExportResult(content="\n\n".join(blocks).encode("utf-8") + b"\n", notes=tuple(notes))


def _file_comment(qset: QuestionSet) -> str:
    lines = [f"// {escape(qset.header.title)}"]
    if qset.header.variant is not None:
        lines.append(f"// variant {escape(qset.header.variant)}")
    lines.append(f"// {plural(len(qset.questions), 'question')}, seed {qset.header.seed}")
    return "\n".join(lines)


def _block(question: Question) -> str:
    if question.form is Form.TRUE_FALSE:
        stem, answers = question.stem, _true_false_lines(question)
    elif question.form is Form.TIMELINE_ORDER:
        stem, answers = f"{question.stem} {MATCHING_HINT}", _matching_lines(question)
    else:
        stem, answers = question.stem, _choice_lines(question)
    return "\n".join(
        [
            f"// {escape(question.id)}",
            f"::{escape(question.id)}::{TEXT_FORMAT}{escape(stem)} {{",
            *(f"\t{line}" for line in answers),
            f"\t####{field(_general_feedback(question))}",
            "}",
        ]
    )


def _choice_lines(question: Question) -> list[str]:
    if len(question.options) < 2:
        raise ExportError(f"{question.id}: a GIFT multiple-choice question needs 2 options or more")
    key = question.options[question.key_index]
    lines = []
    for index, option in enumerate(question.options):
        if index == question.key_index:
            lines.append(f"={field(option)}#{field('Right. ' + question.explanation)}")
        else:
            wrong = f"Not this one: the answer is {key}."
            lines.append(f"~{field(option)}#{field(wrong)}")
    return lines


def _true_false_lines(question: Question) -> list[str]:
    # Moodle shows the first feedback after a wrong answer and the second after a right one;
    # the explanation states the true statement, which a false item must show.
    value = "TRUE" if question.options[question.key_index] == "True" else "FALSE"
    wrong = f"Not quite. {question.explanation}"
    right = f"Right. {question.explanation}"
    return [f"{value}#{field(wrong)}#{field(right)}"]


def _matching_lines(question: Question) -> list[str]:
    # In the set's option order, so the file does not list the events in their answer order.
    assert isinstance(question.answer, tuple)
    return [
        f"={field(option)} -> {ordinal(question.answer.index(index) + 1)}"
        for index, option in enumerate(question.options)
    ]


def _general_feedback(question: Question) -> str:
    lines = [question.explanation]
    if question.form is Form.TIMELINE_ORDER:
        lines.append(f"Order: {question.right_answer_text()}")
    lines.extend(f"Source: {citation.text()}" for citation in question.sources)
    return "\n".join(lines)

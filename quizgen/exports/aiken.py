"""Moodle Aiken export: one-line stems, lettered options and the key; no feedback."""

from __future__ import annotations

import re

from quizgen.errors import ExportError
from quizgen.exports.formats import ExportResult, id_list
from quizgen.questions.model import (
    OPTION_LETTERS,
    TRUE_FALSE_OPTIONS,
    Form,
    Question,
    QuestionSet,
    option_letter,
)

# Moodle reads a line as an option when it starts `A) ` or `A. `, and as the key when it starts
# `ANSWER:`; a stem that looks like either is prefixed so it stays the question text.
_LOOKS_LIKE_OPTION = re.compile(r"[A-Za-z][).]\s|ANSWER\s*:", re.IGNORECASE)
STEM_GUARD = "Q: "
NO_FEEDBACK_NOTE = "Aiken has no feedback: the explanations and citations are not in the file"


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def export_aiken(qset: QuestionSet) -> ExportResult:
    """The set as a Moodle Aiken file (UTF-8), with notes on what Aiken cannot carry."""
    blocks: list[str] = []
    ordering: list[str] = []
    refused: list[str] = []
    guarded: list[str] = []
    for question in qset.questions:
        if question.form is Form.TIMELINE_ORDER:
            ordering.append(question.id)
        elif not _fits(question):
            refused.append(question.id)
        else:
            stem = one_line(question.stem)
            if _LOOKS_LIKE_OPTION.match(stem):
                guarded.append(question.id)
            blocks.append(_block(question))
    if not blocks:
        raise ExportError("nothing to export to Aiken: no question has an Aiken form")
    notes = [NO_FEEDBACK_NOTE]
    if ordering:
        notes.append(f"skipped timeline-order questions (no Aiken form): {id_list(ordering)}")
    if refused:
        notes.append(
            "skipped questions with a blank stem or option, or more than 26 options:"
            f" {id_list(refused)}"
        )
    if guarded:
        notes.append(
            f"prefixed {STEM_GUARD.strip()!r} to stems that read like an option or the key:"
            f" {id_list(guarded)}"
        )
    return ExportResult(content="\n\n".join(blocks).encode("utf-8") + b"\n", notes=tuple(notes))


def _fits(question: Question) -> bool:
    # Moodle skips a line shorter than 2 characters, and an option line needs text after `A) `.
    options = _options(question)
    return (
        len(one_line(question.stem)) >= 2
        and 2 <= len(options) <= len(OPTION_LETTERS)
        and all(one_line(o) for o in options)
    )


def _options(question: Question) -> tuple[str, ...]:
    return TRUE_FALSE_OPTIONS if question.form is Form.TRUE_FALSE else question.options


def _block(question: Question) -> str:
    stem = one_line(question.stem)
    if _LOOKS_LIKE_OPTION.match(stem):
        stem = STEM_GUARD + stem
    options = _options(question)
    lines = [stem]
    lines.extend(f"{option_letter(i)}) {one_line(option)}" for i, option in enumerate(options))
    lines.append(f"ANSWER: {option_letter(options.index(question.options[question.key_index]))}")
    return "\n".join(lines)

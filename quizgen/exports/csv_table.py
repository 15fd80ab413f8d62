"""CSV export for spreadsheets: one row per question, every text whole.

The classroom game sites have their own exporters in their own templates (game_sites.py).
"""

from __future__ import annotations

import csv
import io

from quizgen.exports.formats import ExportResult, id_list
from quizgen.questions.model import ORDER_ARROW, Form, Question, QuestionSet

HEADER = (
    "id",
    "question",
    "correct_answer",
    "wrong_answer_1",
    "wrong_answer_2",
    "wrong_answer_3",
    "explanation",
    "source",
    "verified",
)
WRONG_COLUMNS = 3  # our questions have at most four options
SOURCE_SEPARATOR = " | "
# Excel reads a CSV without a byte-order mark in the machine's legacy code page, so "→" and
# accented names turn to mojibake when a teacher double-clicks the file; with the BOM it reads
# UTF-8. Google Sheets, LibreOffice and Python's "utf-8-sig" codec drop the BOM.
ENCODING = "utf-8-sig"
# A spreadsheet evaluates a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


def export_csv(qset: QuestionSet) -> ExportResult:
    """The set as CSV (UTF-8 with BOM, CRLF rows), with notes on what the columns cannot hold."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; quotes only where needed
    writer.writerow(HEADER)
    rows = [_row(question) for question in qset.questions]
    writer.writerows(rows)
    return ExportResult(
        content=buffer.getvalue().encode(ENCODING), notes=_notes(qset.questions, rows)
    )


def _row(question: Question) -> list[str]:
    if question.form is Form.TIMELINE_ORDER:
        assert isinstance(question.answer, tuple)
        right = ORDER_ARROW.join(question.options[i] for i in question.answer)
        wrong: list[str] = []
    else:
        right = question.options[question.key_index]
        wrong = [o for i, o in enumerate(question.options) if i != question.key_index]
    wrong = (wrong + [""] * WRONG_COLUMNS)[:WRONG_COLUMNS]
    source = SOURCE_SEPARATOR.join(citation.text() for citation in question.sources)
    verified = "yes" if question.verified else ""
    return [question.id, question.stem, right, *wrong, question.explanation, source, verified]


def _notes(questions: tuple[Question, ...], rows: list[list[str]]) -> tuple[str, ...]:
    checks = {
        f"more than {WRONG_COLUMNS} wrong answers: only the first {WRONG_COLUMNS} are in the"
        " file": [
            q.id
            for q in questions
            if q.form is not Form.TIMELINE_ORDER and len(q.options) - 1 > WRONG_COLUMNS
        ],
        "timeline-order questions: correct_answer lists the events in order, no wrong answers": [
            q.id for q in questions if q.form is Form.TIMELINE_ORDER
        ],
        "cells starting with = + - or @, which a spreadsheet may read as a formula": [
            row[0] for row in rows if any(cell.startswith(FORMULA_STARTS) for cell in row[1:])
        ],
    }
    return tuple(f"{what}: {id_list(ids)}" for what, ids in checks.items() if ids)

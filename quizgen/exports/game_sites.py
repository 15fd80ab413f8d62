"""Classroom game sites: Kahoot (.xlsx), Blooket and Gimkit (.csv), each in the site's own import
template. A question a site has no room for is left out and named in a note, never cut."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.errors import ExportError
from quizgen.exports.characters import NOT_XML
from quizgen.exports.csv_table import FORMULA_STARTS
from quizgen.exports.formats import ExportResult, id_list
from quizgen.exports.zip_members import add_member
from quizgen.plural import plural
from quizgen.questions.model import TRUE_FALSE_OPTIONS, Form, Question, QuestionSet

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# Kahoot's figures are printed in the headers of its "Quiz template" spreadsheet.
KAHOOT_QUESTION_LIMIT = 120
KAHOOT_ANSWER_LIMIT = 75
# Blooket's and Gimkit's templates name no text limits, and we found none published: these four
# figures are our assumption (room for every stem of the shipped fact base, and an answer of
# about two lines on a game tile). Change them when a site's editor says otherwise.
BLOOKET_QUESTION_LIMIT = 300
BLOOKET_ANSWER_LIMIT = 150
GIMKIT_QUESTION_LIMIT = 300
GIMKIT_ANSWER_LIMIT = 150
#: Every site takes 2 to 4 answers (Gimkit: the correct one and 1 to 3 incorrect ones).
MIN_ANSWERS = 2
MAX_ANSWERS = 4

#: The time limits Kahoot's template allows, in seconds.
KAHOOT_TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
#: Blooket's template: "Time Limit (sec) (Max: 300 seconds)".
BLOOKET_MAX_TIME = 300
#: Rule: up to 150 characters to read (question and answers together) 20 s, up to 300 30 s,
#: more 60 s. Every figure is in Kahoot's list and under Blooket's maximum.
READING_TIMES = ((150, 20), (300, 30))
LONG_READING_TIME = 60

KAHOOT_SHEET = "Sheet1"
KAHOOT_TITLE = "Quiz template"  # B2, as in Kahoot's template
KAHOOT_INSTRUCTION = (  # B3
    "Add questions, at least two answer alternatives, time limit and choose correct answers."
)
KAHOOT_HEADER_ROW = 8  # A8 stays empty: column A numbers the questions, from row 9
KAHOOT_HEADER = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
BLOOKET_BANNER = "Blooket\nImport Template"
BLOOKET_HEADER = (
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3\n(Optional)",
    "Answer 4\n(Optional)",
    "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
)
GIMKIT_BANNER = "Gimkit Spreadsheet Import Template"
GIMKIT_HEADER = (
    "Question",
    "Correct Answer",
    "Incorrect Answer 1",
    "Incorrect Answer 2 (Optional)",
    "Incorrect Answer 3 (Optional)",
)
# The files are uploaded to the site, so they are written as its own templates are: plain UTF-8
# without a byte-order mark (a BOM would sit in the banner cell the site reads first).
CSV_ENCODING = "utf-8"
# The file's times, when the set's fact-base revision is not a date (zip times start in 1980).
FALLBACK_DATE = dt.date(1980, 1, 1)


#: A game plays every question of the file in one sitting, and only a counted set is made so
#: that none gives another's answer away (the full pool is for drawing quizzes from).
UNCOUNTED_NOTE = (
    "this set holds every question the fact base yields (made without --count), and a game"
    " plays them all in one sitting, where some give others away: for a game, export a set"
    " made with `quizgen generate --count N`"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Site:
    name: str
    file: str  # how a note names what has no ordering question
    question_limit: int
    answer_limit: int
    no_room: str  # what the site's file cannot carry
    xlsx: bool = False


_NO_ROOM = "explanations or sources: the file holds the questions and their answers"
KAHOOT = _Site(
    name="Kahoot",
    file="Kahoot's spreadsheet",
    question_limit=KAHOOT_QUESTION_LIMIT,
    answer_limit=KAHOOT_ANSWER_LIMIT,
    no_room=_NO_ROOM,
    xlsx=True,
)
BLOOKET = _Site(
    name="Blooket",
    file="Blooket",
    question_limit=BLOOKET_QUESTION_LIMIT,
    answer_limit=BLOOKET_ANSWER_LIMIT,
    no_room=_NO_ROOM,
)
GIMKIT = _Site(
    name="Gimkit",
    file="Gimkit",
    question_limit=GIMKIT_QUESTION_LIMIT,
    answer_limit=GIMKIT_ANSWER_LIMIT,
    no_room="explanations, sources or answer order: the correct answer has its own column",
)


class _Why(enum.Enum):
    """Why a question is left out; the notes come in this order."""

    ORDERING = "left out, timeline-order questions ({file} has no ordering question): {ids}"
    ANSWER_COUNT = (
        "left out, multiple choice with fewer than 2 or more than 4 options ({site} takes 2 to 4"
        " answers): {ids}"
    )
    LONG_QUESTION = (
        "left out, question over {site}'s {q} characters and no short_question: {ids}"
        " (add `short_question:` to the fact)"
    )
    LONG_STATEMENT = (
        "left out, true/false statement over {site}'s {q} characters and no short_statement:"
        " {ids} (add `short_statement:` to the fact's statement or false statement)"
    )
    LONG_ANSWER = (
        "left out, an answer over {site}'s {a} characters: {ids}"
        " (shorten the answer or distractor in the fact)"
    )
    UNWRITABLE = "left out, text with control characters a spreadsheet cannot hold: {ids}"


@dataclass(frozen=True, slots=True)
class _Row:
    """A question as a site takes it: its text, its answers in the set's order, the key's index."""

    question: Question
    text: str
    answers: tuple[str, ...]
    correct: int

    @property
    def time_limit(self) -> int:
        """Seconds to answer, by how much there is to read (READING_TIMES)."""
        load = len(self.text) + sum(len(answer) for answer in self.answers)
        return next((secs for chars, secs in READING_TIMES if load <= chars), LONG_READING_TIME)


def export_kahoot(qset: QuestionSet) -> ExportResult:
    """The set as a Kahoot spreadsheet (.xlsx, Kahoot's "Quiz template" layout)."""
    rows, notes, summary = _fit(qset, KAHOOT)
    return ExportResult(content=_kahoot_workbook(qset, rows), notes=notes, summary=summary)


def export_blooket(qset: QuestionSet) -> ExportResult:
    """The set as a Blooket import spreadsheet (.csv, Blooket's import template)."""
    rows, notes, summary = _fit(qset, BLOOKET)
    width = len(BLOOKET_HEADER)
    table = [[BLOOKET_BANNER] + [""] * (width - 1), list(BLOOKET_HEADER)]
    for number, row in enumerate(rows, start=1):
        answers = [*row.answers, *[""] * (MAX_ANSWERS - len(row.answers))]
        table.append(
            [
                str(number),
                row.text,
                *answers,
                str(min(row.time_limit, BLOOKET_MAX_TIME)),
                str(row.correct + 1),
            ]
        )
    notes += _formula_note(BLOOKET, rows)
    return ExportResult(content=_csv_bytes(table), notes=notes, summary=summary)


def export_gimkit(qset: QuestionSet) -> ExportResult:
    """The set as a Gimkit import spreadsheet (.csv, Gimkit's import template)."""
    rows, notes, summary = _fit(qset, GIMKIT)
    width = len(GIMKIT_HEADER)
    table = [[GIMKIT_BANNER] + [""] * (width - 1), list(GIMKIT_HEADER)]
    for row in rows:
        wrong = [a for i, a in enumerate(row.answers) if i != row.correct]
        wrong += [""] * (MAX_ANSWERS - 1 - len(wrong))
        table.append([row.text, row.answers[row.correct], *wrong])
    notes += _formula_note(GIMKIT, rows)
    return ExportResult(content=_csv_bytes(table), notes=notes, summary=summary)


def _fit(qset: QuestionSet, site: _Site) -> tuple[list[_Row], tuple[str, ...], str]:
    """The rows that fit `site`, the notes naming every question left out, and the summary."""
    rows: list[_Row] = []
    left_out: dict[_Why, list[str]] = {why: [] for why in _Why}
    for question in qset.questions:
        row, reasons = _fit_one(question, site)
        for why in reasons:
            left_out[why].append(question.id)
        if row is not None:
            rows.append(row)
    notes = [
        why.value.format(
            file=site.file,
            site=site.name,
            q=site.question_limit,
            a=site.answer_limit,
            ids=id_list(ids),
        )
        for why, ids in left_out.items()
        if ids
    ]
    if not rows:
        why_not = "; ".join(notes) if notes else "the set has no questions"
        raise ExportError(f"nothing to export to {site.name}: {why_not}")
    notes.insert(0, f"{site.name} has no room for {site.no_room}")
    if qset.header.count is None:
        notes.insert(1, UNCOUNTED_NOTE)
    left = len(qset.questions) - len(rows)
    return rows, tuple(notes), f"{plural(len(rows), 'question')}, {left} left out"


def _fit_one(question: Question, site: _Site) -> tuple[_Row | None, list[_Why]]:
    """The question's row for `site`, or None and every reason it does not fit."""
    if question.form is Form.TIMELINE_ORDER:
        return None, [_Why.ORDERING]
    answers, correct = _answers(question)
    text = _question_text(question, site.question_limit)
    reasons = []
    if not MIN_ANSWERS <= len(answers) <= MAX_ANSWERS:
        reasons.append(_Why.ANSWER_COUNT)
    if text is None:
        long = _Why.LONG_STATEMENT if question.form is Form.TRUE_FALSE else _Why.LONG_QUESTION
        reasons.append(long)
    if any(len(answer) > site.answer_limit for answer in answers):
        reasons.append(_Why.LONG_ANSWER)
    if site.xlsx and any(NOT_XML.search(t) for t in (text or "", *answers)):
        reasons.append(_Why.UNWRITABLE)
    if reasons or text is None:
        return None, reasons
    return _Row(question, text, answers, correct), []


def _question_text(question: Question, limit: int) -> str | None:
    """The stem when it fits, else the hand-shortened stem when that fits, else None."""
    for text in (question.stem, question.short_stem):
        if text is not None and len(text) <= limit:
            return text
    return None


def _answers(question: Question) -> tuple[tuple[str, ...], int]:
    """The answers a site shows, in the set's order, and the key's index among them."""
    if question.form is Form.TRUE_FALSE:
        return TRUE_FALSE_OPTIONS, TRUE_FALSE_OPTIONS.index(question.options[question.key_index])
    return question.options, question.key_index


def _formula_note(site: _Site, rows: list[_Row]) -> tuple[str, ...]:
    ids = [
        row.question.id
        for row in rows
        if any(text.startswith(FORMULA_STARTS) for text in (row.text, *row.answers))
    ]
    if not ids:
        return ()
    return (
        f"cells starting with = + - or @ are text to {site.name}, but a spreadsheet may read them"
        f" as formulas if you open the file in one before uploading: {id_list(ids)}",
    )


def _csv_bytes(table: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(table)  # RFC 4180: quotes where needed
    return buffer.getvalue().encode(CSV_ENCODING)


def _kahoot_workbook(qset: QuestionSet, rows: list[_Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    ws = workbook.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = KAHOOT_SHEET
    _text_cell(ws, 2, 2, KAHOOT_TITLE)
    _text_cell(ws, 3, 2, KAHOOT_INSTRUCTION)
    for column, header in enumerate(KAHOOT_HEADER, start=2):
        _text_cell(ws, KAHOOT_HEADER_ROW, column, header)
    for number, row in enumerate(rows, start=1):
        line = KAHOOT_HEADER_ROW + number
        ws.cell(line, 1, number)
        _text_cell(ws, line, 2, row.text)
        for offset, answer in enumerate(row.answers):
            _text_cell(ws, line, 3 + offset, answer)
        ws.cell(line, 7, row.time_limit)
        ws.cell(line, 8, row.correct + 1)
    # openpyxl stamps the time of saving; the set's revision date keeps the bytes reproducible.
    stamp = _stamp(qset)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter, not save_workbook: save_workbook overwrites `modified` with the clock. It
    # dates each member with the clock too, so it writes them uncompressed, to be re-dated.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(workbook, archive).save()
    return _with_fixed_times(buffer.getvalue(), stamp)


def _text_cell(ws: Worksheet, row: int, column: int, text: str) -> None:
    """Write `text` as a string: openpyxl would store "=1+1" as a formula and "#N/A" as an error.
    (A carriage return reads back as a line feed: XML readers normalise line ends.)"""
    cell = ws.cell(row, column, text)
    cell.data_type = "s"


def _stamp(qset: QuestionSet) -> dt.datetime:
    try:
        day = max(dt.date.fromisoformat(qset.header.fact_base_revision), FALLBACK_DATE)
    except ValueError:
        day = FALLBACK_DATE
    return dt.datetime(day.year, day.month, day.day)


def _with_fixed_times(xlsx: bytes, stamp: dt.datetime) -> bytes:
    """The zip with every member dated `stamp`, written as every export's zip is."""
    when = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            add_member(target, member.filename, source.read(member), when)
    return out.getvalue()

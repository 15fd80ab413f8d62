"""CSV export, read back with the csv module."""

from __future__ import annotations

import csv
import io

import pytest
from exporter_sets import ALL_SETS, NASTY, multiple_choice, nasty_set, ordinary_set, timeline

from quizgen.exports.csv_table import HEADER, export_csv
from quizgen.questions.model import Form, Question, QuestionSet


def read_rows(content: bytes) -> list[list[str]]:
    """The rows as a spreadsheet would read them (UTF-8 with BOM, quoted fields)."""
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def expected_row(question: Question) -> list[str]:
    """The fields the row of `question` must hold."""
    if question.form is Form.TIMELINE_ORDER:
        right, wrong = question.right_answer_text(), ["", "", ""]
    else:
        right = question.options[question.key_index]
        wrong = [o for i, o in enumerate(question.options) if i != question.key_index]
        wrong = [*wrong, "", "", ""][:3]
    source = " | ".join(c.text() for c in question.sources)
    verified = "yes" if question.verified else ""
    return [question.id, question.stem, right, *wrong, question.explanation, source, verified]


@pytest.mark.parametrize("name", ALL_SETS)
def test_csv_reader_gives_back_every_field(name: str) -> None:
    qset = ALL_SETS[name]()
    header, *rows = read_rows(export_csv(qset).content)
    assert header == list(HEADER)
    assert rows == [expected_row(q) for q in qset.questions]


def test_rows_end_with_crlf_and_line_breaks_stay_inside_quotes() -> None:
    content = export_csv(nasty_set()).content
    assert content.endswith(b"\r\n")
    assert content.count(b"\r\n") == 1 + len(nasty_set().questions)
    assert b'"A) 50% {of} = #1 ~ ""q"", a:b' in content


def test_timeline_row_lists_the_events_in_order_and_says_so() -> None:
    result = export_csv(QuestionSet(ordinary_set().header, (timeline(),)))
    (row,) = read_rows(result.content)[1:]
    assert row[2:6] == ["Work starts → The beams arrive → The bridge opens", "", "", ""]
    assert any("timeline-order" in n and "bridge-timeline/order" in n for n in result.notes)


def test_long_texts_are_kept_whole_without_a_note() -> None:
    """A spreadsheet has no length limit (the game sites' exporters check theirs)."""
    long_stem = multiple_choice("long-stem/mc", stem="Who? " + "x" * 120)
    long_answer = multiple_choice("long-answer/mc", options=("a", "b" * 76, "c"))
    result = export_csv(QuestionSet(ordinary_set().header, (long_stem, long_answer)))
    rows = read_rows(result.content)[1:]
    assert rows[0][1] == long_stem.stem and rows[1][2] == "b" * 76
    assert result.notes == ()


def test_more_than_three_wrong_answers_is_noted() -> None:
    five = multiple_choice("five/mc", options=("a", "b", "c", "d", "e"), answer=4)
    result = export_csv(QuestionSet(ordinary_set().header, (five,)))
    (row,) = read_rows(result.content)[1:]
    assert row[2:6] == ["e", "a", "b", "c"]
    assert result.notes == ("more than 3 wrong answers: only the first 3 are in the file: five/mc",)


def test_cells_a_spreadsheet_reads_as_formulas_are_noted() -> None:
    formula = multiple_choice("formula/mc", options=("=SUM(A1)", "-5", "+3"))
    result = export_csv(QuestionSet(ordinary_set().header, (formula, multiple_choice())))
    assert any("formula" in n and n.endswith(": formula/mc") for n in result.notes)


def test_ordinary_multiple_choice_has_no_notes() -> None:
    assert export_csv(QuestionSet(ordinary_set().header, (multiple_choice(),))).notes == ()


def test_nasty_text_in_every_column_round_trips() -> None:
    question = multiple_choice(NASTY, NASTY, (NASTY, f"{NASTY}\r\n2", "3"), 0, NASTY)
    (row,) = read_rows(export_csv(QuestionSet(ordinary_set().header, (question,))).content)[1:]
    assert row == expected_row(question)


def test_same_set_gives_identical_bytes() -> None:
    assert export_csv(nasty_set()) == export_csv(nasty_set())

"""Kahoot, Blooket and Gimkit exports, read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace

import openpyxl
import pytest
from exporter_sets import (
    ALL_SETS,
    NASTY,
    header,
    multiple_choice,
    nasty_set,
    ordinary_set,
    timeline,
    true_false,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from quizgen.errors import ExportError
from quizgen.exports.formats import ExportResult
from quizgen.exports.game_sites import (
    BLOOKET_ANSWER_LIMIT,
    BLOOKET_QUESTION_LIMIT,
    GIMKIT_ANSWER_LIMIT,
    GIMKIT_QUESTION_LIMIT,
    KAHOOT_ANSWER_LIMIT,
    KAHOOT_QUESTION_LIMIT,
    KAHOOT_TIME_LIMITS,
    UNCOUNTED_NOTE,
    export_blooket,
    export_gimkit,
    export_kahoot,
)
from quizgen.questions.model import TRUE_FALSE_OPTIONS, Form, Question, QuestionSet

KAHOOT_HEADER = [
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
BLOOKET_ROWS = [
    ["Blooket\nImport Template", "", "", "", "", "", "", ""],
    [
        "Question #",
        "Question Text",
        "Answer 1",
        "Answer 2",
        "Answer 3\n(Optional)",
        "Answer 4\n(Optional)",
        "Time Limit (sec)\n(Max: 300 seconds)",
        "Correct Answer(s)\n(Only include Answer #)",
    ],
]
GIMKIT_ROWS = [
    ["Gimkit Spreadsheet Import Template", "", "", "", ""],
    [
        "Question",
        "Correct Answer",
        "Incorrect Answer 1",
        "Incorrect Answer 2 (Optional)",
        "Incorrect Answer 3 (Optional)",
    ],
]


@dataclass(frozen=True)
class Item:
    """One question as read back from a site's file: text, answers in order, the key's text."""

    text: str
    answers: tuple[str, ...]
    key: str


def kahoot_sheet(content: bytes) -> Worksheet:
    """The one sheet of a Kahoot file, as openpyxl reads it."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Sheet1"]
    sheet = workbook["Sheet1"]
    assert isinstance(sheet, Worksheet)
    return sheet


def read_kahoot(content: bytes) -> list[Item]:
    """Every question row from row 9, checked cell by cell against Kahoot's rules."""
    sheet = kahoot_sheet(content)
    items = []
    for number, row in enumerate(sheet.iter_rows(min_row=9, max_col=8), start=1):
        assert row[0].value == number
        for cell in row[1:6]:
            assert cell.value is None or cell.data_type == "s"  # text stays text, never a formula
        answers = tuple(str(c.value) for c in row[2:6] if c.value is not None)
        assert len(answers) >= 2 and [c.value is None for c in row[2:6]] == sorted(
            c.value is None for c in row[2:6]
        )
        assert row[6].value in KAHOOT_TIME_LIMITS
        correct = row[7].value
        assert isinstance(correct, int) and 1 <= correct <= len(answers)
        items.append(Item(str(row[1].value), answers, answers[correct - 1]))
    return items


def read_csv(content: bytes) -> list[list[str]]:
    """The rows as the sites read them: plain UTF-8 (no BOM), quoted fields."""
    assert not content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def read_blooket(content: bytes) -> list[Item]:
    """Every question row from row 3, under Blooket's exact header rows."""
    rows = read_csv(content)
    assert rows[:2] == BLOOKET_ROWS
    items = []
    for number, row in enumerate(rows[2:], start=1):
        assert len(row) == 8 and row[0] == str(number)
        answers = tuple(a for a in row[2:6] if a)
        assert 0 < int(row[6]) <= 300
        items.append(Item(row[1], answers, answers[int(row[7]) - 1]))
    return items


def read_gimkit(content: bytes) -> list[Item]:
    """Every question row from row 3: the correct answer first, then the incorrect ones."""
    rows = read_csv(content)
    assert rows[:2] == GIMKIT_ROWS
    items = []
    for row in rows[2:]:
        assert len(row) == 5 and row[2]
        items.append(Item(row[0], tuple(a for a in row[1:] if a), row[1]))
    return items


@dataclass(frozen=True)
class Site:
    """A site under test: its exporter, its reader and its limits."""

    name: str
    export: Callable[[QuestionSet], ExportResult]
    read: Callable[[bytes], list[Item]]
    question_limit: int
    answer_limit: int


SITES = {
    "kahoot": Site(
        "Kahoot", export_kahoot, read_kahoot, KAHOOT_QUESTION_LIMIT, KAHOOT_ANSWER_LIMIT
    ),
    "blooket": Site(
        "Blooket", export_blooket, read_blooket, BLOOKET_QUESTION_LIMIT, BLOOKET_ANSWER_LIMIT
    ),
    "gimkit": Site(
        "Gimkit", export_gimkit, read_gimkit, GIMKIT_QUESTION_LIMIT, GIMKIT_ANSWER_LIMIT
    ),
}


def expected_item(question: Question, site: Site) -> Item | None:
    """The question as `site` must show it, or None when it must be left out."""
    if question.form is Form.TIMELINE_ORDER:
        return None
    answers = TRUE_FALSE_OPTIONS if question.form is Form.TRUE_FALSE else question.options
    key = question.options[question.key_index]
    key_index = answers.index(key) if question.form is Form.TRUE_FALSE else question.key_index
    texts = [t for t in (question.stem, question.short_stem) if t is not None]
    fitting = [t for t in texts if len(t) <= site.question_limit]
    if not fitting or not 2 <= len(answers) <= 4:
        return None
    if any(len(a) > site.answer_limit for a in answers):
        return None
    if site.name == "Gimkit":  # the key has its own column; the wrong ones keep their order
        answers = (key, *(a for i, a in enumerate(answers) if i != key_index))
    return Item(fitting[0], answers, key)


def in_and_out(qset: QuestionSet, site: Site) -> tuple[list[Item], list[str]]:
    """The items `site` must hold, and the ids it must leave out."""
    expected = [(q.id, expected_item(q, site)) for q in qset.questions]
    return [i for _, i in expected if i is not None], [qid for qid, i in expected if i is None]


def one(*questions: Question) -> QuestionSet:
    """A set of the given questions."""
    return QuestionSet(header(), questions)


@pytest.mark.parametrize("site_name", SITES)
@pytest.mark.parametrize("set_name", ALL_SETS)
def test_every_row_reads_back_as_the_set_asks_it(site_name: str, set_name: str) -> None:
    site, qset = SITES[site_name], ALL_SETS[set_name]()
    result = site.export(qset)
    items, left_out = in_and_out(qset, site)
    assert site.read(result.content) == items
    assert (
        result.summary
        == f"{len(items)} question{'s' * (len(items) != 1)}, {len(left_out)} left out"
    )
    named = [n for n in result.notes if n.startswith("left out")]
    for qid in left_out[:6]:  # id_list names the first six of each reason
        assert any(qid in note for note in named)


def test_kahoot_sheet_has_the_template_layout() -> None:
    sheet = kahoot_sheet(export_kahoot(ordinary_set()).content)
    assert sheet["B2"].value == "Quiz template"
    assert str(sheet["B3"].value).startswith("Add questions")
    assert [c.value for c in sheet[8]] == KAHOOT_HEADER
    assert [sheet.cell(9, column).value for column in (1, 7, 8)] == [1, 20, 2]


@pytest.mark.parametrize("site_name", SITES)
def test_a_long_stem_gives_way_to_the_short_stem(site_name: str) -> None:
    site = SITES[site_name]
    long = replace(
        multiple_choice("long/mc", stem="Who? " + "x" * site.question_limit),
        short_stem="Who opened the bridge?",
    )
    result = site.export(one(long))
    assert [i.text for i in site.read(result.content)] == ["Who opened the bridge?"]
    assert result.summary == "1 question, 0 left out"


@pytest.mark.parametrize("site_name", SITES)
def test_a_long_stem_without_short_stem_is_left_out_and_named(site_name: str) -> None:
    site = SITES[site_name]
    long = multiple_choice("long/mc", stem="Who? " + "x" * site.question_limit)
    fits = multiple_choice("fits/mc", stem="Who? " + "x" * (site.question_limit - 5))
    result = site.export(one(long, fits))
    assert [i.text for i in site.read(result.content)] == [fits.stem]
    assert (
        f"left out, question over {site.name}'s {site.question_limit} characters and no"
        " short_question: long/mc (add `short_question:` to the fact)"
    ) in result.notes
    assert result.summary == "1 question, 1 left out"


@pytest.mark.parametrize("site_name", SITES)
def test_a_long_statement_is_left_out_and_named(site_name: str) -> None:
    site = SITES[site_name]
    long = true_false("long/tf", stem="x" * (site.question_limit + 1))
    result = site.export(one(long, true_false()))
    assert len(site.read(result.content)) == 1
    assert any(
        "true/false statement over" in n and "no short_statement: long/tf (" in n
        for n in result.notes
    )


@pytest.mark.parametrize("site_name", SITES)
@pytest.mark.parametrize("value", [True, False])
def test_a_long_statement_gives_way_to_its_short_statement(site_name: str, value: bool) -> None:
    site = SITES[site_name]
    short = "The bridge cost 50 million crowns."
    long = replace(
        true_false("long/tf", stem="x" * (site.question_limit + 1), value=value),
        short_stem=short,
    )
    result = site.export(one(long))
    (item,) = site.read(result.content)
    assert item.text == short
    assert item.key == ("True" if value else "False")
    assert not any("long/tf" in n for n in result.notes)


@pytest.mark.parametrize("site_name", SITES)
def test_an_answer_over_the_limit_is_left_out_and_named(site_name: str) -> None:
    site = SITES[site_name]
    limit = site.answer_limit
    long = multiple_choice("long/mc", options=("a", "b" * (limit + 1), "c"))
    edge = multiple_choice("edge/mc", options=("a", "b" * limit, "c"))
    result = site.export(one(long, edge))
    (item,) = site.read(result.content)
    assert "b" * limit in item.answers
    assert (
        f"left out, an answer over {site.name}'s {limit} characters: long/mc"
        " (shorten the answer or distractor in the fact)"
    ) in result.notes


@pytest.mark.parametrize("site_name", SITES)
def test_ordering_questions_are_left_out_and_named(site_name: str) -> None:
    site = SITES[site_name]
    result = site.export(one(timeline(), multiple_choice()))
    assert len(site.read(result.content)) == 1
    assert any(
        n.startswith("left out, timeline-order questions") and n.endswith(": bridge-timeline/order")
        for n in result.notes
    )


@pytest.mark.parametrize("site_name", SITES)
def test_more_than_four_options_is_left_out_and_three_leave_a_blank(site_name: str) -> None:
    site = SITES[site_name]
    five = multiple_choice("five/mc", options=("a", "b", "c", "d", "e"))
    three = multiple_choice("three/mc", options=("a", "b", "c"), answer=2)
    result = site.export(one(five, three))
    (item,) = site.read(result.content)
    assert item.key == "c" and len(item.answers) == 3
    assert any("more than 4 options" in n and n.endswith(": five/mc") for n in result.notes)


@pytest.mark.parametrize("value", [True, False])
@pytest.mark.parametrize("site_name", SITES)
def test_true_false_has_two_answers(site_name: str, value: bool) -> None:
    site = SITES[site_name]
    (item,) = site.read(site.export(one(true_false(value=value))).content)
    assert item.key == ("True" if value else "False")
    assert sorted(item.answers) == ["False", "True"]


def test_the_key_keeps_its_place_in_kahoot_and_blooket() -> None:
    # The set placed the key; a teacher's variants A and B differ by it.
    questions = [multiple_choice(f"q{i}/mc", answer=i) for i in range(4)]
    for read, export in ((read_kahoot, export_kahoot), (read_blooket, export_blooket)):
        items = read(export(one(*questions)).content)
        assert [i.answers.index(i.key) for i in items] == [0, 1, 2, 3]
        assert all(i.answers == questions[0].options for i in items)


FORMULAS = ("=SUM(A1)", "+3", "-5", "@x", "#N/A")


@pytest.mark.parametrize("site_name", SITES)
def test_nasty_and_formula_like_text_comes_back_as_text(site_name: str) -> None:
    site = SITES[site_name]
    formula = multiple_choice("formula/mc", stem="=1+1", options=FORMULAS[:4])
    tf = true_false("nasty/tf", stem=NASTY)
    result = site.export(one(formula, tf))
    assert site.read(result.content) == [expected_item(formula, site), expected_item(tf, site)]
    formula_notes = [n for n in result.notes if "formulas" in n]
    if site.name == "Kahoot":  # an .xlsx cell says it holds text: nothing to warn about
        assert not formula_notes
    else:
        assert len(formula_notes) == 1 and formula_notes[0].endswith(": formula/mc")


def test_kahoot_stores_error_and_formula_look_alikes_as_strings() -> None:
    question = multiple_choice("f/mc", stem="=1+1", options=("#N/A", "=A1", "@x", "-1"))
    sheet = kahoot_sheet(export_kahoot(one(question)).content)
    cells = [sheet.cell(9, column) for column in range(2, 7)]
    assert [c.value for c in cells] == ["=1+1", "#N/A", "=A1", "@x", "-1"]
    assert {c.data_type for c in cells} == {"s"}


def test_kahoot_leaves_out_characters_a_spreadsheet_cannot_hold() -> None:
    bad = multiple_choice("bad/mc", stem="Who\x07 opened it?")
    result = export_kahoot(one(bad, multiple_choice()))
    assert len(read_kahoot(result.content)) == 1
    assert any("control characters" in n and n.endswith(": bad/mc") for n in result.notes)
    assert read_blooket(export_blooket(one(bad)).content)[0].text == bad.stem  # CSV holds it


def test_a_carriage_return_reads_back_as_a_line_feed_from_kahoot() -> None:
    # XML readers normalise line ends: an .xlsx cell cannot carry a carriage return.
    question = multiple_choice("cr/mc", stem="Line one\r\nline two\rthree?")
    (item,) = read_kahoot(export_kahoot(one(question)).content)
    assert item.text == "Line one\nline two\nthree?"


LONG = "x" * 120


@pytest.mark.parametrize(
    ("stem", "options", "seconds"),
    [
        ("Who?", ("a", "b", "c", "d"), 20),
        (LONG, ("y" * 75, "b", "c", "d"), 30),
        (LONG, ("y" * 75, "z" * 75, "w" * 75, "v" * 75), 60),
    ],
)
def test_time_limit_grows_with_the_reading(
    stem: str, options: tuple[str, ...], seconds: int
) -> None:
    question = multiple_choice("t/mc", stem=stem, options=options)
    sheet = kahoot_sheet(export_kahoot(one(question)).content)
    assert sheet["G9"].value == seconds
    assert read_csv(export_blooket(one(question)).content)[2][6] == str(seconds)


@pytest.mark.parametrize("site_name", SITES)
def test_nothing_that_fits_is_an_error_saying_why(site_name: str) -> None:
    site = SITES[site_name]
    with pytest.raises(ExportError, match=f"nothing to export to {site.name}: .*timeline-order"):
        site.export(one(timeline()))
    with pytest.raises(ExportError, match="no questions"):
        site.export(one())


@pytest.mark.parametrize("site_name", SITES)
def test_the_same_set_gives_the_same_bytes(site_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # zipfile dates every member by the clock: move the clock a day between the two exports.
    site = SITES[site_name]
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    first = site.export(nasty_set()).content
    monkeypatch.setattr(time, "time", lambda: 1_800_086_400.0)
    assert site.export(nasty_set()).content == first


def test_kahoot_file_is_dated_by_the_fact_base_revision() -> None:
    content = export_kahoot(ordinary_set()).content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {m.date_time for m in archive.infolist()} == {(2026, 11, 22, 0, 0, 0)}
    assert "<dcterms:created" in core and core.count("2026-11-22T00:00:00Z") == 2


# Any text a fact could hold (no lone surrogates: a YAML file cannot carry them).
_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60)


@settings(max_examples=30, deadline=None)
@given(stem=_TEXT, option=_TEXT)
def test_any_text_comes_back_exactly_or_is_named(stem: str, option: str) -> None:
    question = multiple_choice("any/mc", stem=stem, options=(option, "b", "c"), answer=1)
    for site in SITES.values():
        try:
            result = site.export(one(question))
        except ExportError as error:
            assert site.name == "Kahoot" and "control characters" in str(error)
            continue
        (item,) = site.read(result.content)
        expected = expected_item(question, site)
        assert expected is not None
        if site.name == "Kahoot":  # an .xlsx cell keeps line feeds only
            expected = Item(
                line_feeds(expected.text), tuple(map(line_feeds, expected.answers)), "b"
            )
        assert item == expected


def line_feeds(text: str) -> str:
    """`text` with every carriage return (alone or before a line feed) as a line feed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("site_name", SITES)
def test_only_a_set_made_without_count_is_warned_against_for_a_game(site_name: str) -> None:
    """A game plays the whole file at once: only a counted set keeps questions from clueing."""
    site = SITES[site_name]
    pool = one(multiple_choice())
    counted = QuestionSet(replace(pool.header, count=1), pool.questions)
    assert UNCOUNTED_NOTE in site.export(pool).notes
    assert UNCOUNTED_NOTE not in site.export(counted).notes

"""Aiken export, read back the way Moodle's Aiken importer reads a file."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from exporter_sets import (
    ALL_SETS,
    NASTY,
    multiple_choice,
    nasty_set,
    ordinary_set,
    timeline,
    true_false,
)

from quizgen.errors import ExportError
from quizgen.exports.aiken import NO_FEEDBACK_NOTE, STEM_GUARD, export_aiken, one_line
from quizgen.questions.model import Form, QuestionSet


@dataclass
class AikenQuestion:
    """What Moodle would import: the text, the options and the key's index."""

    text: str
    options: list[str]
    key: int


def read_aiken(content: bytes) -> list[AikenQuestion]:
    """Moodle's qformat_aiken rules: trimmed lines, `A) `/`A. ` options, `ANSWER: X` ends one."""
    questions: list[AikenQuestion] = []
    text: str | None = None
    options: list[str] = []
    for raw in content.decode("utf-8").split("\n"):
        line = raw.strip(" \t\n\r\0\x0b")
        if len(line) < 2:
            continue
        if re.match(r"[A-Z][).][ \t]", line):
            assert text is not None, f"an option before any question: {line!r}"
            options.append(line[2:].strip())
        elif line.startswith("ANSWER:"):
            letter = line.split(":", 1)[1].strip()[:1]
            assert text is not None and len(options) >= 2
            questions.append(AikenQuestion(text, options, ord(letter) - ord("A")))
            text, options = None, []
        else:
            assert text is None, f"two question lines: {text!r} then {line!r}"
            text = line
    assert text is None and not options, "a question without ANSWER"
    return questions


@pytest.mark.parametrize("name", ALL_SETS)
def test_moodle_reads_every_question_option_and_key(name: str) -> None:
    qset = ALL_SETS[name]()
    result = export_aiken(qset)
    expected = [q for q in qset.questions if q.form is not Form.TIMELINE_ORDER]
    read = read_aiken(result.content)
    assert len(read) == len(expected)
    for got, question in zip(read, expected, strict=True):
        assert got.text.removeprefix(STEM_GUARD) == one_line(question.stem)
        assert got.options == [one_line(o) for o in question.options]
        assert got.key == question.key_index


def test_true_false_is_two_options() -> None:
    qset = QuestionSet(ordinary_set().header, (true_false(value=False),))
    assert export_aiken(qset).content.decode().splitlines()[1:] == [
        "A) True",
        "B) False",
        "ANSWER: B",
    ]


@pytest.mark.parametrize(
    "stem", ["A) or B)?", "b. something", "ANSWER: this", "C)\tx", NASTY], ids=repr
)
def test_a_stem_that_reads_like_an_option_is_protected(stem: str) -> None:
    qset = QuestionSet(ordinary_set().header, (multiple_choice("q/mc", stem),))
    result = export_aiken(qset)
    (got,) = read_aiken(result.content)
    assert got.text == STEM_GUARD + one_line(stem)
    assert any("prefixed" in note and "q/mc" in note for note in result.notes)


def test_ordinary_stem_is_not_prefixed() -> None:
    qset = QuestionSet(ordinary_set().header, (multiple_choice("q/mc", "Aleppo. Who? A) no"),))
    assert export_aiken(qset).content.startswith(b"Aleppo. Who? A) no\n")


def test_multiline_texts_become_one_line() -> None:
    options = ("one\ntwo", "three\r\n  four", "five")
    question = multiple_choice("q/mc", "Who\nsaid\r\nit?", options)
    qset = QuestionSet(ordinary_set().header, (question,))
    (got,) = read_aiken(export_aiken(qset).content)
    assert got.text == "Who said it?"
    assert got.options == ["one two", "three four", "five"]


def test_notes_say_no_feedback_and_name_the_skipped_ordering_questions() -> None:
    result = export_aiken(ordinary_set())
    assert result.notes[0] == NO_FEEDBACK_NOTE
    assert any("timeline-order" in n and "bridge-timeline/order" in n for n in result.notes)


def test_blank_option_and_too_many_options_are_skipped_with_a_note() -> None:
    blank = multiple_choice("blank/mc", options=("a", " \n ", "c"))
    many = multiple_choice("many/mc", options=tuple(f"o{i}" for i in range(27)))
    qset = QuestionSet(ordinary_set().header, (blank, many, multiple_choice()))
    result = export_aiken(qset)
    assert len(read_aiken(result.content)) == 1
    assert any("blank/mc, many/mc" in note for note in result.notes)


def test_only_ordering_questions_is_an_error() -> None:
    with pytest.raises(ExportError, match="no question has an Aiken form"):
        export_aiken(QuestionSet(ordinary_set().header, (timeline(),)))


def test_same_set_gives_identical_bytes() -> None:
    assert export_aiken(nasty_set()) == export_aiken(nasty_set())

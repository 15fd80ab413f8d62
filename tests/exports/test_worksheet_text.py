"""A worksheet's answer-key line, the same in Markdown and on the printable page."""

from __future__ import annotations

from exporter_sets import multiple_choice, timeline, true_false

from quizgen.exports.worksheet_text import KeyLine, key_line


def test_multiple_choice_marks_the_letter_then_the_key() -> None:
    question = multiple_choice(answer=2)
    assert key_line(question) == KeyLine("C", ": ", question.options[2])


def test_true_false_marks_the_value_alone() -> None:
    assert key_line(true_false(value=False)) == KeyLine("False", "", "")
    assert key_line(true_false(value=True)) == KeyLine("True", "", "")


def test_ordering_marks_the_letters_in_order_and_says_where_each_number_goes() -> None:
    question = timeline(options=("The bridge opens", "Work starts", "The beams arrive"))
    assert question.answer == (1, 2, 0)
    assert key_line(question) == KeyLine(
        "B, C, A",
        " (write A = 3, B = 1, C = 2): ",
        "Work starts → The beams arrive → The bridge opens",
    )

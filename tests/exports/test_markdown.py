"""Printable worksheet: rendered by Python-Markdown, every text prints literally."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from exporter_sets import ALL_SETS, NASTY, multiple_choice, ordinary_set
from hypothesis import given
from hypothesis import strategies as st

from quizgen.exports.markdown import PAGE_BREAK, export_worksheet, md_text
from quizgen.questions.model import Form, Question, QuestionSet


class Blocks(HTMLParser):
    """The text of every paragraph and heading, and the paragraphs of each list item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.items: list[list[str]] = []
        self.open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.items.append([])
        elif tag in ("p", "h1", "h2", "div"):
            self.open = tag
            self.blocks.append((tag, ""))
            if tag == "div":
                self.blocks[-1] = ("div", str(dict(attrs).get("style")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.items:
            self.items[-1].append(self.blocks[-1][1])
        if tag == self.open:
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open in ("p", "h1", "h2"):
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)


def render(qset: QuestionSet) -> Blocks:
    """The worksheet of `qset` rendered to HTML and split into blocks."""
    parser = Blocks()
    parser.feed(markdown.markdown(export_worksheet(qset).content.decode("utf-8")))
    return parser


def flat(text: str) -> str:
    """A text as the worksheet prints it: on one line."""
    return " ".join(text.split())


def question_paragraphs(question: Question) -> list[str]:
    """What the list item of `question` must print."""
    if question.form is Form.TRUE_FALSE:
        return [flat(question.stem), "True / False"]
    blank = "____ " if question.form is Form.TIMELINE_ORDER else ""
    letters = "ABCDEFGH"
    return [flat(question.stem)] + [
        f"{blank}{letters[i]}. {flat(o)}" for i, o in enumerate(question.options)
    ]


def key_paragraphs(question: Question) -> list[str]:
    """What the answer key of `question` must print (answer, explanation, citations)."""
    if question.form is Form.TIMELINE_ORDER:
        assert isinstance(question.answer, tuple)
        answer = ", ".join("ABCDEFGH"[i] for i in question.answer)
    elif question.form is Form.TRUE_FALSE:
        answer = question.options[question.key_index]
    else:
        answer = "ABCDEFGH"[question.key_index] + ": " + flat(question.right_answer_text())
    cites = [f"Source: {flat(c.text())}" for c in question.sources]
    return [answer, flat(question.explanation), *cites]


@pytest.mark.parametrize("name", ALL_SETS)
def test_every_text_prints_literally_in_questions_and_key(name: str) -> None:
    qset = ALL_SETS[name]()
    page = render(qset)
    count = len(qset.questions)
    assert page.blocks[0] == ("h1", flat(qset.header.title))
    assert len(page.items) == 2 * count
    for item, question in zip(page.items[:count], qset.questions, strict=True):
        assert item == question_paragraphs(question)
    for item, question in zip(page.items[count:], qset.questions, strict=True):
        expected = key_paragraphs(question)
        assert item[0].startswith(expected[0]) and item[1:] == expected[1:]


def test_sheet_has_name_date_variant_instructions_and_a_page_break_before_the_key() -> None:
    page = render(ordinary_set("B"))
    texts = [text for _, text in page.blocks]
    assert "Variant B" in texts
    assert "Name: ____________________  Date: ____________" in texts
    assert any(text.startswith("Instructions:") for text in texts)
    brk = page.blocks.index(("div", "page-break-before: always"))
    assert page.blocks[brk + 1] == ("h2", "Answer key, variant B")
    assert PAGE_BREAK in export_worksheet(ordinary_set()).content.decode()


def test_ordering_key_says_which_number_goes_in_each_blank() -> None:
    page = render(ordinary_set())
    assert page.items[-1][0] == (
        "B, C, A (write A = 3, B = 1, C = 2): Work starts → The beams arrive → The bridge opens"
    )


def test_a_sheet_without_variant_has_no_variant_line() -> None:
    texts = [text for _, text in render(ordinary_set()).blocks]
    assert not any("Variant" in text or "variant" in text for text in texts)


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF)).filter(str.strip))
def test_md_text_prints_any_text_literally(text: str) -> None:
    question = multiple_choice("q/mc", text, (text + "a", "b", "c"), 0, text)
    page = render(QuestionSet(ordinary_set().header, (question,)))
    assert page.items[0] == question_paragraphs(question)


@pytest.mark.parametrize(
    "text", ["# heading", "- list", "+ list", "1. list", "2016) list", "> quote", "***", NASTY]
)
def test_block_markup_at_the_start_of_a_text_is_escaped(text: str) -> None:
    parser = Blocks()
    parser.feed(markdown.markdown(md_text(text)))
    assert parser.blocks == [("p", flat(text))] and parser.items == []

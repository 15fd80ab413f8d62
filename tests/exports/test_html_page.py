"""Printable HTML worksheet: parsed back by html.parser, printed to PDF by headless Chromium and
read back page by page with pypdf."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from chromium import needs_chromium, print_to_pdf
from exporter_sets import ALL_SETS, NASTY, nasty_set, ordinary_set
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from quizgen.exports.html_page import css_string, export_html
from quizgen.exports.worksheet_text import VERIFIED_LINE
from quizgen.paths import shipped_decks_dir, shipped_full_set
from quizgen.questions.model import Form, Question, QuestionSet, mark_verified, option_letter
from quizgen.questions.set_file import load_set

#: Every element the page may hold: no script, link, image, frame or object.
ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "section", "div"),
    *("h1", "h2", "p", "strong", "span", "ol", "li"),
}
VOID_TAGS = {"meta"}
#: The classes whose text the parser collects, in page order.
KINDS = {
    *("variant", "name-date", "instructions", "question", "stem", "true-false"),
    *("entry", "answer", "explanation", "source", "verified"),
}


class Page(HTMLParser):
    """The page's doctype, tags and attributes, its style sheet, and in page order the text of
    every heading, option and element of a collected class, as (kind, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self.blocks: list[tuple[str, str]] = []
        self.stack: list[tuple[str, int | None]] = []  # open tags, each with its block if any

    def handle_decl(self, decl: str) -> None:
        self.doctype.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        classes = (attributes.get("class") or "").split()
        kind = next((c for c in classes if c in KINDS), None)
        if tag in ("title", "h1", "h2"):
            kind = tag
        elif tag == "li" and self.stack and self.stack[-1][0] == "ol.options":
            kind = "option"
        if tag == "ol" and "options" in classes:
            tag = "ol.options"
        if kind is not None:
            self.blocks.append((kind, ""))
        if tag not in VOID_TAGS:
            self.stack.append((tag, len(self.blocks) - 1 if kind is not None else None))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0].split(".")[0] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        for index in {i for _, i in self.stack if i is not None}:
            kind, text = self.blocks[index]
            self.blocks[index] = (kind, text + data)

    def texts(self, kind: str) -> list[str]:
        """The flattened text of every block of `kind`, in page order."""
        return [flat(text) for k, text in self.blocks if k == kind]

    def groups(self, kind: str) -> list[list[tuple[str, str]]]:
        """The blocks inside each block of `kind` (a question, a key entry), flattened."""
        groups: list[list[tuple[str, str]]] = []
        inside = False
        for k, text in self.blocks:
            if k in ("question", "entry", "h2"):
                inside = k == kind
                if inside:
                    groups.append([])
            elif inside:
                groups[-1].append((k, flat(text)))
        return groups


def parse(qset: QuestionSet) -> Page:
    page = Page()
    page.feed(export_html(qset).content.decode("utf-8"))
    page.close()
    assert not page.stack, page.stack
    return page


def flat(text: str) -> str:
    """A text as the page shows it: on one line."""
    return " ".join(text.split())


def question_blocks(number: int, question: Question) -> list[tuple[str, str]]:
    """What the question block of `question` must show."""
    blocks = [("stem", f"{number}. {flat(question.stem)}")]
    if question.form is Form.TRUE_FALSE:
        return [*blocks, ("true-false", "True / False")]
    blank = "____ " if question.form is Form.TIMELINE_ORDER else ""
    return blocks + [
        ("option", f"{blank}{option_letter(i)}. {flat(o)}") for i, o in enumerate(question.options)
    ]


def key_answer(number: int, question: Question) -> str:
    """The start of the key's answer line for `question`."""
    if question.form is Form.TIMELINE_ORDER:
        assert isinstance(question.answer, tuple)
        return f"{number}. " + ", ".join(option_letter(i) for i in question.answer)
    if question.form is Form.TRUE_FALSE:
        return f"{number}. {question.options[question.key_index]}"
    return f"{number}. {option_letter(question.key_index)}: {flat(question.right_answer_text())}"


def key_blocks(number: int, question: Question) -> list[tuple[str, str]]:
    """What the key entry of `question` must show, its answer line cut to `key_answer`."""
    blocks = [("answer", key_answer(number, question)), ("explanation", flat(question.explanation))]
    blocks += [("source", f"Source: {flat(c.text())}") for c in question.sources]
    return blocks + ([("verified", VERIFIED_LINE)] if question.verified else [])


@pytest.mark.parametrize("name", ALL_SETS)
def test_every_question_option_and_key_shows_literally(name: str) -> None:
    qset = ALL_SETS[name]()
    page = parse(qset)
    assert page.texts("h1") == [flat(qset.header.title)]
    questions = page.groups("question")
    assert questions == [question_blocks(n, q) for n, q in enumerate(qset.questions, start=1)]
    entries = page.groups("entry")
    assert len(entries) == len(qset.questions)
    for number, (entry, question) in enumerate(zip(entries, qset.questions, strict=True), 1):
        expected = key_blocks(number, question)
        kind, answer = entry[0]
        assert kind == "answer" and answer.startswith(expected[0][1])
        assert answer.endswith(flat(question.right_answer_text()))
        assert entry[1:] == expected[1:]


@pytest.mark.parametrize("name", ALL_SETS)
def test_the_page_is_self_contained_html(name: str) -> None:
    page = parse(ALL_SETS[name]())
    assert page.doctype == ["doctype html"]
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert page.tags[0] == ("html", {"lang": "en"})
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert not [a for _, attrs in page.tags for a in attrs if a in ("src", "href") or a[:2] == "on"]
    assert "url(" not in page.style and "@import" not in page.style
    assert [tag for tag, _ in page.tags].count("style") == 1


def test_nasty_text_is_never_markup() -> None:
    page = parse(nasty_set())
    assert not {tag for tag, _ in page.tags} - ALLOWED_TAGS  # NASTY's <b> stays text
    assert page.texts("stem")[0] == f"1. {flat(NASTY)}"
    assert page.texts("title") == [flat(f"Quiz #1: {NASTY}, variant A")]
    assert css_string(flat(f"Quiz #1: {NASTY}") + " \u00b7 Variant A") in page.style


def test_variant_shows_in_heading_key_and_running_header() -> None:
    page = parse(ordinary_set("B"))
    assert page.texts("variant") == ["Variant B"]
    assert page.texts("h2") == ["Answer key, variant B"]
    assert page.texts("title") == ["Bridge test, variant B"]
    assert css_string("Bridge test \u00b7 Variant B") in page.style
    name_date = page.texts("name-date")
    assert len(name_date) == 1 and re.fullmatch(r"Name _{10,} Date _{10,}", name_date[0])


def test_a_sheet_without_variant_has_no_variant_anywhere() -> None:
    page = parse(ordinary_set())
    assert page.texts("variant") == [] and page.texts("h2") == ["Answer key"]
    assert not [text for _, text in page.blocks if "ariant" in text]
    assert "Variant" not in page.style  # the running header's text


def test_ordering_key_says_which_number_goes_in_each_blank() -> None:
    answers = parse(ordinary_set()).texts("answer")
    assert answers[-1] == (
        "5. B, C, A (write A = 3, B = 1, C = 2): Work starts → The beams arrive → The bridge opens"
    )


def test_only_verified_questions_carry_the_verified_line() -> None:
    qset = mark_verified(ordinary_set(), {"mayor-opened-bridge"})
    entries = parse(qset).groups("entry")
    verified = [("verified", VERIFIED_LINE) in entry for entry in entries]
    assert verified == [q.verified for q in qset.questions] == [True, False, False, True, False]


@pytest.mark.parametrize("name", ["real", "nasty"])
def test_the_same_set_gives_the_same_bytes(name: str) -> None:
    assert export_html(ALL_SETS[name]()).content == export_html(ALL_SETS[name]()).content


def css_unescape(literal: str) -> str:
    """The value of a CSS string literal made of six-digit escapes and ASCII letters/digits."""
    return re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m[1], 16)), literal[1:-1])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", min_codepoint=1)))
def test_css_string_escapes_all_but_letters_and_digits(text: str) -> None:
    literal = css_string(text)
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{6})*"', literal)
    assert css_unescape(literal) == flat(text)


# --- Printed by headless Chromium --------------------------------------------------------------


def norm(text: str) -> str:
    """Text as compared with a PDF's: compatibility forms (the `ﬁ` ligature is `fi`), no
    whitespace, since pypdf breaks lines and spaces runs its own way."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Printed:
    """A set and the text of each page of its printed PDF."""

    qset: QuestionSet
    pages: list[str]
    joined: str = field(init=False)  # the pages' normalised text, end to end
    starts: list[int] = field(init=False)  # where each page starts in `joined`

    def __post_init__(self) -> None:
        normed = [norm(page) for page in self.pages]
        object.__setattr__(self, "joined", "".join(normed))
        starts = [sum(len(n) for n in normed[:i]) for i in range(len(normed))]
        object.__setattr__(self, "starts", starts)

    def locate(self, text: str, after: int) -> tuple[int, int]:
        """The position of `text` in the pages' joined normalised text, searching from `after`,
        and the 0-based page it starts on."""
        found = self.joined.find(norm(text), after)
        assert found >= 0, f"not printed after position {after}: {text!r}"
        return found, bisect.bisect_right(self.starts, found) - 1

    def pages_of(self, blocks: list[tuple[str, str]], after: int) -> tuple[set[int], int]:
        """The pages holding `blocks`, found one after the other from `after`, and where the
        last one starts."""
        pages = set()
        for _, text in blocks:
            after, page = self.locate(text, after)
            pages.add(page)
        return pages, after


SETS = {
    "full": lambda: load_set(shipped_full_set()),
    "class-test-A": lambda: load_set(shipped_decks_dir() / "class-test" / "set-A.yaml"),
    "nasty": nasty_set,
}


@pytest.fixture(scope="module", params=list(SETS))
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """A set printed to PDF by headless Chromium, once per module."""
    qset = SETS[request.param]()
    folder = tmp_path_factory.mktemp(f"print-{request.param}")
    page = folder / "sheet.html"
    page.write_bytes(export_html(qset).content)
    pdf = print_to_pdf(page, folder / "sheet.pdf")
    return Printed(qset, [p.extract_text() for p in PdfReader(pdf).pages])


@dataclass(frozen=True)
class Layout:
    """Where each question and key entry printed: the set of pages of each."""

    questions: list[set[int]]
    key_heading: int
    entries: list[set[int]]


def layout(printed: Printed) -> Layout:
    position, questions, entries = 0, [], []
    for number, question in enumerate(printed.qset.questions, start=1):
        pages, position = printed.pages_of(question_blocks(number, question), position)
        questions.append(pages)
    position, key_heading = printed.locate("Answer key", position)
    for number, question in enumerate(printed.qset.questions, start=1):
        pages, position = printed.pages_of(key_blocks(number, question), position)
        entries.append(pages)
    return Layout(questions, key_heading, entries)


@needs_chromium
def test_no_question_or_key_entry_is_split_across_pages(printed: Printed) -> None:
    found = layout(printed)
    split = [n for n, pages in enumerate(found.questions + found.entries, 1) if len(pages) > 1]
    assert not split


@needs_chromium
def test_the_key_starts_on_a_new_page_and_the_page_count_follows_the_content(
    printed: Printed,
) -> None:
    found = layout(printed)
    last_question_page = max(found.questions[-1])
    assert found.key_heading == last_question_page + 1
    assert not [p for p in printed.pages[: last_question_page + 1] if "Answer key" in p]
    starts = {min(p) for p in found.questions + found.entries}
    # every page starts a question or an entry (no blank page), and none follows the key
    assert starts == set(range(len(printed.pages)))
    count = len(printed.pages)
    assert [flat(p).count(f"Page {n} of {count}") for n, p in enumerate(printed.pages, 1)] == [
        1
    ] * count
    if len(printed.qset.questions) >= 20:
        assert last_question_page >= 2  # the questions alone fill several pages


@needs_chromium
def test_every_page_shows_title_variant_and_name_date_or_answer_key(printed: Printed) -> None:
    header = printed.qset.header
    key_from = layout(printed).key_heading
    for number, text in enumerate(printed.pages):
        assert norm(header.title) in norm(text), number
        if header.variant is not None:
            assert norm(f"Variant {header.variant}") in norm(text), number
        if number < key_from:
            assert re.search(r"Name _{10,}\s*Date _{8,}", text), number
        else:
            assert "Answer key" in text and "Name _" not in text, number
    if header.variant is None:
        assert not [text for text in printed.pages if "Variant" in text]

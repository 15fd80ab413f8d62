"""Moodle XML export: read back by the standard library's XML parser, then its HTML fields by the
standard library's HTML parser, question by question, for shipped sets and hostile text."""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from exporter_sets import (
    ALL_SETS,
    NASTY,
    citation,
    header,
    multiple_choice,
    nasty_set,
    ordinary_set,
    real_set,
    timeline,
    true_false,
)
from fact_records import fact
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic import SOURCE

from quizgen.errors import ExportError
from quizgen.exports.moodle_xml import TAG_LIMIT, export_moodle_xml, named_option, tag_text
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase, FalseStatement, TextAnswer, Topic
from quizgen.paths import shipped_decks_dir, shipped_notes_dir
from quizgen.questions.model import Citation, Form, Question, QuestionSet
from quizgen.questions.set_file import load_set

LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
QTYPES = {
    Form.MULTIPLE_CHOICE: "multichoice",
    Form.TRUE_FALSE: "truefalse",
    Form.TIMELINE_ORDER: "ordering",
}
#: The bridge sets' topics; a `/` in a title must survive Moodle's category paths.
BRIDGE_TOPICS = (
    Topic("bridge", "The River Bridge", "Who built it and when."),
    Topic("money", "Costs / estimates", "What it cost."),
)
WHY_REYES = "Reyes is a councillor; the mayor cut the ribbon."
WHY_FIRST = "The mayor opened it, not the council."


def xml_char(char: str) -> bool:
    """Whether XML 1.0 can carry the character (its `Char` production)."""
    code = ord(char)
    return char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code > 0xFFFF


def readable(text: str) -> str:
    """A text as a learner reads it once exported: every line break a newline, characters XML
    cannot carry dropped."""
    return "".join(c for c in LINE_BREAKS.sub("\n", text) if c == "\n" or xml_char(c))


def one_line(text: str) -> str:
    """A plain field (name, ID number): line breaks as spaces, characters XML cannot carry
    dropped."""
    return readable(text).replace("\n", " ")


@functools.cache
def shipped_base() -> FactBase:
    """The shipped fact base."""
    return load_fact_base(shipped_notes_dir())


@functools.cache
def bridge_base() -> FactBase:
    """A fact base for the bridge sets: the mayor fact knows why two wrong options are wrong."""
    mayor = dataclasses.replace(
        fact("mayor-opened-bridge", TextAnswer("Lena Ortiz"), topics=("bridge",)),
        false_statements=(
            FalseStatement(statement="Tom Reyes opened the bridge.", why_false=WHY_REYES),
            # names the key first: it says nothing about the wrong options it names later
            FalseStatement(statement="Lena Ortiz, not Ana Berg, built it.", why_false="no"),
            FalseStatement(statement="The council (Ana Berg) opened it.", why_false=WHY_FIRST),
            # a second statement naming Tom Reyes: the first one's reason is the one shown
            FalseStatement(statement="Tom Reyes cut the ribbon.", why_false="later"),
        ),
    )
    delay = fact("bridge-delay-cause", TextAnswer("the wrong beams"), topics=("bridge",))
    return FactBase((SOURCE,), (), BRIDGE_TOPICS, (mayor, delay))


def base_for(name: str) -> FactBase:
    """The fact base a set of ALL_SETS was made from."""
    return shipped_base() if name == "real" else bridge_base()


class HtmlReader(HTMLParser):
    """Reads an exported HTML field back to text: paragraphs, `<br>` as a newline. Any other
    tag fails the test: text was not escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.loose: list[str] = []
        self.open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            assert not self.open, "a paragraph inside a paragraph"
            self.paragraphs.append("")
            self.open = True
        elif tag == "br":
            self._add("\n")
        else:
            raise AssertionError(f"unescaped tag <{tag}> in an HTML field")

    def handle_endtag(self, tag: str) -> None:
        if tag != "p":
            raise AssertionError(f"unescaped tag </{tag}> in an HTML field")
        self.open = False

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, text: str) -> None:
        if self.open:
            self.paragraphs[-1] += text
        else:
            self.loose.append(text)


def read_html(source: str | None) -> tuple[list[str], str]:
    """An HTML field's paragraphs and any text outside a paragraph."""
    reader = HtmlReader()
    reader.feed(source or "")
    reader.close()
    assert not reader.open, "a paragraph left open"
    return reader.paragraphs, "".join(reader.loose)


def text_of(element: ET.Element, path: str) -> str:
    """The `<text>` of a child field (`name`, `questiontext`...), or of `element` itself."""
    found = element.find(f"{path}/text" if path else "text")
    assert found is not None, f"no {path}/text"
    return found.text or ""


def field_paragraphs(element: ET.Element, path: str) -> list[str]:
    """An HTML field read back: its paragraphs (nothing may stand outside them)."""
    field = element.find(path)
    assert field is not None and field.get("format") == "html", path
    paragraphs, loose = read_html(text_of(element, path))
    assert loose == ""
    return paragraphs


def inline(element: ET.Element) -> str:
    """An answer's HTML text read back (answers are not paragraphs)."""
    paragraphs, loose = read_html(text_of(element, ""))
    assert paragraphs == []
    return loose


def category_names(path: str) -> list[str]:
    """A category path split as Moodle splits it (`//` is a `/` inside a name)."""
    return [name.replace("//", "/").strip() for name in re.split("(?<!/)/(?!/)", path)]


def parse(content: bytes) -> tuple[list[list[str]], list[tuple[list[str], ET.Element]]]:
    """The file's category paths in order, and every question with the category it goes to."""
    assert content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<quiz>\n")
    assert b"<![CDATA[" not in content
    root = ET.fromstring(content)
    assert root.tag == "quiz"
    categories: list[list[str]] = []
    questions: list[tuple[list[str], ET.Element]] = []
    for element in root:
        assert element.tag == "question"
        if element.get("type") == "category":
            categories.append(category_names(text_of(element, "category")))
        else:
            assert categories, "a question before any category"
            questions.append((categories[-1], element))
    return categories, questions


def expected_category(qset: QuestionSet, base: FactBase, question: Question) -> list[str]:
    title = qset.header.title
    if qset.header.variant:
        title = f"{title} (variant {qset.header.variant})"
    titles = {t.id: t.title for t in base.topics}
    names = ["$course$", "top", title, *(titles.get(t, t) for t in question.topics[:1])]
    return [one_line(name).strip() or "-" for name in names]


def expected_tags(question: Question) -> list[str]:
    verified = ["verified"] if question.verified else []
    raw = [*question.topics, question.form.value, question.fact, *question.facts, *verified]
    tags: dict[str, str] = {}  # Moodle's tags ignore case
    for tag in map(tag_text, raw):
        if tag:
            tags.setdefault(tag.casefold(), tag)
    return list(tags.values())


def check_wrong_feedback(feedback: str, option: str, key: str, base: FactBase, fact_id: str) -> str:
    """A wrong option's feedback is the plain line or why a false statement naming it is false;
    returns which (`plain` or `why`)."""
    if feedback == f"Not this one: the answer is {readable(key)}.":
        return "plain"
    reasons = [
        f"Not this one. {readable(false.why_false)}"
        for false in base.fact(fact_id).false_statements
        if option.lower() in false.statement.lower()
    ]
    assert feedback in reasons, (option, feedback)
    return "why"


def check_question(
    element: ET.Element, question: Question, base: FactBase, counts: dict[str, int]
) -> None:
    """`element` carries every text of `question`, exactly, and its key."""
    assert element.get("type") == QTYPES[question.form]
    assert text_of(element, "name") == one_line(question.id)
    idnumber = one_line(question.id).strip()
    assert element.findtext("idnumber") == (idnumber if len(idnumber) <= 100 else "")
    assert field_paragraphs(element, "questiontext") == [readable(question.stem)]
    general = [readable(question.explanation)]
    if question.form is Form.TIMELINE_ORDER:
        general.append(readable(f"Order: {question.right_answer_text()}"))
    general += [readable(f"Source: {c.text()}") for c in question.sources]
    assert field_paragraphs(element, "generalfeedback") == general
    assert [element.findtext(t) for t in ("defaultgrade", "hidden")] == ["1", "0"]
    tags = [t.text for t in element.iterfind("tags/tag/text")]
    assert tags == expected_tags(question)
    assert all(t and len(t) <= TAG_LIMIT and not set(t) & set(",<>`") for t in tags)
    answers = element.findall("answer")
    if question.form is Form.MULTIPLE_CHOICE:
        check_choice(element, answers, question, base, counts)
    elif question.form is Form.TRUE_FALSE:
        check_true_false(answers, question)
    else:
        check_ordering(element, answers, question)


def check_choice(
    element: ET.Element,
    answers: list[ET.Element],
    question: Question,
    base: FactBase,
    counts: dict[str, int],
) -> None:
    assert element.findtext("single") == "true"
    assert element.findtext("shuffleanswers") == ("false" if question.options_sorted else "true")
    assert element.findtext("answernumbering") == "abc"
    assert [inline(a) for a in answers] == [readable(o) for o in question.options]
    assert [a.get("fraction") for a in answers] == [
        "100" if i == question.key_index else "0" for i in range(len(question.options))
    ]
    key = question.options[question.key_index]
    for index, answer in enumerate(answers):
        (feedback,) = field_paragraphs(answer, "feedback")
        if index == question.key_index:
            assert feedback == readable(f"Right. {question.explanation}")
        else:
            option = question.options[index]
            kind = check_wrong_feedback(feedback, option, key, base, question.fact)
            counts[kind] += 1


def check_true_false(answers: list[ET.Element], question: Question) -> None:
    truth = question.options[question.key_index] == "True"
    assert [(a.findtext("text"), a.get("fraction")) for a in answers] == [
        ("true", "100" if truth else "0"),
        ("false", "0" if truth else "100"),
    ]
    right, wrong = (answers[0], answers[1]) if truth else (answers[1], answers[0])
    explanation = readable(question.explanation)
    assert field_paragraphs(right, "feedback") == [f"Right. {explanation}"]
    said = "true" if truth else "false"
    assert field_paragraphs(wrong, "feedback") == [
        f"Not quite: the statement is {said}. {explanation}"
    ]


def check_ordering(element: ET.Element, answers: list[ET.Element], question: Question) -> None:
    assert isinstance(question.answer, tuple)
    settings_read = {
        tag: element.findtext(tag)
        for tag in ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading")
    }
    assert settings_read == {
        "layouttype": "VERTICAL",
        "selecttype": "ALL",
        "selectcount": str(len(question.options)),
        "gradingtype": "ABSOLUTE_POSITION",
        "showgrading": "SHOW",
    }
    assert [inline(a) for a in answers] == [readable(question.options[i]) for i in question.answer]
    assert [a.get("fraction") for a in answers] == [
        f"{n}.0000000" for n in range(1, len(answers) + 1)
    ]


def check_file(qset: QuestionSet, base: FactBase) -> dict[str, int]:
    """Every question of `qset` is in the export, in its category, exactly: one category
    question per category, in order of first appearance, the set's order kept within each."""
    categories, parsed = parse(export_moodle_xml(qset, base).content)
    wanted = {q.id: expected_category(qset, base, q) for q in qset.questions}
    assert categories == list({tuple(c): c for c in wanted.values()}.values())
    in_order = [q.id for c in categories for q in qset.questions if wanted[q.id] == c]
    assert [text_of(e, "name") for _, e in parsed] == in_order
    by_id = {q.id: q for q in qset.questions}
    counts = {"plain": 0, "why": 0}
    for category, element in parsed:
        question = by_id[text_of(element, "name")]
        assert category == wanted[question.id]
        check_question(element, question, base, counts)
    return counts


@pytest.mark.parametrize("name", ALL_SETS)
def test_every_question_of_the_shared_sets_reads_back(name: str) -> None:
    counts = check_file(ALL_SETS[name](), base_for(name))
    assert counts["plain"] > 0


@pytest.mark.parametrize("path", ["full/set.yaml", "class-test/set-A.yaml"])
def test_every_question_of_a_shipped_set_reads_back(path: str) -> None:
    counts = check_file(load_set(shipped_decks_dir() / path), shipped_base())
    if path.startswith("full"):  # the fact base says why for dozens of wrong options
        assert counts["why"] >= 20


def only_question(qset: QuestionSet, base: FactBase | None = None) -> ET.Element:
    """The one question of a one-question set, exported and parsed back."""
    _, parsed = parse(export_moodle_xml(qset, base or bridge_base()).content)
    ((_, element),) = parsed
    return element


def wrong_feedback(element: ET.Element) -> dict[str, str]:
    """Each wrong option's text and its feedback."""
    return {
        inline(a): field_paragraphs(a, "feedback")[0]
        for a in element.findall("answer")
        if a.get("fraction") == "0"
    }


def test_a_wrong_option_a_false_statement_names_says_why_it_is_wrong() -> None:
    element = only_question(QuestionSet(header(), (multiple_choice(),)))
    assert wrong_feedback(element) == {
        "Tom Reyes": f"Not this one. {WHY_REYES}",
        # the statement naming the key first is passed over for the one naming Ana Berg
        "Ana Berg": f"Not this one. {WHY_FIRST}",
        "Ivo Lund": "Not this one: the answer is Lena Ortiz.",
    }


def test_shipped_false_statements_reach_the_options_they_name() -> None:
    qset = load_set(shipped_decks_dir() / "full/set.yaml")
    _, parsed = parse(export_moodle_xml(qset, shipped_base()).content)
    elements = {text_of(e, "name"): e for _, e in parsed}
    # each false statement names all three countries: the one it names first is the one it
    # puts first, the wrong option it explains
    assert wrong_feedback(elements["zakharova-start-with-iraq/mc"]) == {
        "Libya": "Not this one. She named Iraq first, then Libya, and then Yemen.",
        "Yemen": "Not this one. She named Iraq first and put Yemen last, after Libya.",
    }
    kerry = wrong_feedback(elements["kerry-post-secretary-of-state/mc"])
    assert kerry["U.S. Secretary of Defense"].startswith("Not this one. Every report of the time")
    assert kerry["U.S. Ambassador to the UN"] == (
        "Not this one: the answer is U.S. Secretary of State."
    )


@pytest.mark.parametrize(
    ("statement", "options", "named"),
    [
        ("Kerry was U.S. Secretary of Defense.", ("Secretary of State", "Secretary of Defense"), 1),
        ("The Iranian envoy spoke.", ("Iran", "Iraq"), None),  # whole words only
        ("He went to IRAN first.", ("Iraq", "Iran"), 1),  # any case
        ("Libya first, then Iraq and Yemen.", ("Iraq", "Libya", "Yemen"), 1),  # the first named
        ("He was U.S. Senator from Arizona.", ("Senator", "U.S. Senator from Arizona"), 1),
        ("Nobody here.", ("a b", " "), None),
    ],
)
def test_named_option(statement: str, options: tuple[str, ...], named: int | None) -> None:
    assert named_option(statement, options) == named


def test_sorted_options_are_not_shuffled_and_penalties_follow_the_option_count() -> None:
    two = multiple_choice("two/mc", options=("1,800 guests", "2,500 guests"), answer=0)
    sorted_q = dataclasses.replace(two, options_sorted=True)
    cases = [
        (sorted_q, "false", "1.0000000"),
        (multiple_choice("three/mc", options=("a", "b", "c"), answer=2), "true", "0.5000000"),
        (multiple_choice(), "true", "0.3333333"),
        (true_false(), None, "1.0000000"),
    ]
    for question, shuffle, penalty in cases:
        element = only_question(QuestionSet(header(), (question,)))
        assert element.findtext("shuffleanswers") == shuffle
        assert element.findtext("penalty") == penalty


def test_verified_questions_are_tagged() -> None:
    question = dataclasses.replace(timeline(), verified=True)
    element = only_question(QuestionSet(header(), (question,)))
    assert [t.text for t in element.iterfind("tags/tag/text")] == [
        "bridge",
        "timeline-order",
        "bridge-timeline",
        "mayor-opened-bridge",
        "bridge-delay-cause",
        "verified",
    ]


def test_escaped_html_unescapes_to_the_text_and_no_tag_gets_through() -> None:
    stem = "<script>alert('x')</script> & ]]> \"q\" 'a' &amp; é 中文 <b>bold</b>"
    question = multiple_choice(stem=stem, options=("<i>a</i>", "b & c", "]]>"), answer=0)
    content = export_moodle_xml(QuestionSet(header(), (question,)), bridge_base()).content
    assert b"<script>" not in content and b"&lt;script&gt;" not in content  # escaped twice
    _, ((_, element),) = parse(content)
    assert html.unescape(text_of(element, "questiontext")) == f"<p>{stem}</p>"
    assert [html.unescape(a.findtext("text") or "") for a in element.findall("answer")] == [
        "<i>a</i>",
        "b & c",
        "]]>",
    ]


def test_line_breaks_become_br_and_control_characters_are_dropped_with_a_note() -> None:
    question = multiple_choice(
        "ctl/mc", stem="one\ntwo\r\nthree\x0bfour\x00\x1b\ud800\ufffe end", answer=0
    )
    result = export_moodle_xml(QuestionSet(header(), (question,)), bridge_base())
    _, ((_, element),) = parse(result.content)
    assert text_of(element, "questiontext") == "<p>one<br>two<br>three<br>four end</p>"
    assert "control characters XML cannot carry were dropped from: ctl/mc" in result.notes


def test_a_question_with_a_blank_option_is_skipped_with_a_note() -> None:
    blank = multiple_choice("blank/mc", options=("Lena Ortiz", " \t", "Tom Reyes"), answer=0)
    short = timeline("short/order", options=("only one",), answer=(0,))
    qset = QuestionSet(header(), (blank, true_false(), short))
    result = export_moodle_xml(qset, bridge_base())
    _, parsed = parse(result.content)
    assert [text_of(e, "name") for _, e in parsed] == ["bridge-cost/tf"]
    assert any(n.startswith("skipped") and "blank/mc, short/order" in n for n in result.notes)
    with pytest.raises(ExportError, match="nothing to export"):
        export_moodle_xml(QuestionSet(header(), (blank,)), bridge_base())


def test_notes_name_what_changed_shape() -> None:
    unknown = dataclasses.replace(multiple_choice("lost/mc"), fact="lost", topics=("nowhere",))
    qset = QuestionSet(header(), (unknown, timeline()))
    notes = export_moodle_xml(qset, bridge_base()).notes
    assert notes == (
        "timeline-order questions are Moodle Ordering questions (core since Moodle 4.4; an older"
        " Moodle needs the qtype_ordering plugin): bridge-timeline/order",
        "facts not in the fact base (wrong options only name the right answer): lost/mc",
        "topics not in the fact base (the topic id names the category): lost/mc",
    )
    _, ((category, _), _) = parse(export_moodle_xml(qset, bridge_base()).content)
    assert category == ["$course$", "top", "Bridge test", "nowhere"]


def test_long_fact_ids_make_distinct_tags_within_moodles_limit() -> None:
    long_a, long_b = "f" * 60 + "-a", "f" * 60 + "-b"
    assert len(tag_text(long_a)) == TAG_LIMIT and tag_text(long_a) != tag_text(long_b)
    assert tag_text("a, b <c> `d`\n e") == "a b c d e"
    result = export_moodle_xml(real_set(), shipped_base())
    assert any(n.startswith(f"tags cut to Moodle's {TAG_LIMIT}") for n in result.notes)


def test_summary_counts_each_type() -> None:
    result = export_moodle_xml(ordinary_set(), bridge_base())
    assert result.summary == (
        "5 questions (2 multiple choice, 2 true/false, 1 ordering) in 2 categories"
    )


def test_same_set_gives_identical_bytes() -> None:
    for qset, base in ((nasty_set(), bridge_base()), (real_set(), shipped_base())):
        assert export_moodle_xml(qset, base).content == export_moodle_xml(qset, base).content


#: Text that breaks HTML, XML or CDATA, characters XML 1.0 cannot carry, and line breaks.
HOSTILE = (
    "<script>alert('x')</script>",
    "&",
    "&amp;",
    "]]>",
    '"',
    "'",
    "<br>",
    "é ß 中文 🙂",
    "\x00",
    "\x07",
    "\x1b",
    "\ufffe",
    "\ud800",
    "\n",
    "\r\n",
    "\r",
    "\x0b",
    "\u2028",
    NASTY,
)
texts = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(HOSTILE)), max_size=4).map("".join)
#: An option or event: never blank (Moodle drops blank answers; that is tested above).
options = st.builds(lambda a, b: f"{a}·{b}", texts, texts)


@st.composite
def hostile_questions(draw: st.DrawFn) -> Question:
    """A question of any form whose every text is hostile."""
    cite = Citation(
        outlet=draw(texts), headline=draw(texts), date=draw(texts), document="d", quote=draw(texts)
    )
    qid, stem, explanation = draw(texts), draw(texts), draw(texts)
    form = draw(st.sampled_from(Form))
    if form is Form.TRUE_FALSE:
        return true_false(qid, stem, draw(st.booleans()), explanation, (cite,))
    events = tuple(draw(st.lists(options, min_size=2, max_size=5)))
    if form is Form.TIMELINE_ORDER:
        order = tuple(draw(st.permutations(range(len(events)))))
        return timeline(qid, stem, events, order, explanation, (cite, citation()))
    key = draw(st.integers(0, len(events) - 1))
    return multiple_choice(qid, stem, events, key, explanation, (cite,))


def has_control(question: Question) -> bool:
    texts = [question.id, question.stem, *question.options, question.explanation]
    texts += [t for c in question.sources for t in (c.outlet, c.headline, c.date, c.quote)]
    return any(not xml_char(c) for t in texts for c in LINE_BREAKS.sub("", t))


@settings(max_examples=150, deadline=None)
@given(hostile_questions(), texts)
def test_hostile_text_round_trips(question: Question, title: str) -> None:
    qset = QuestionSet(header(title), (question,))
    result = export_moodle_xml(qset, bridge_base())
    (category,), ((_, element),) = parse(result.content)
    assert category == expected_category(qset, bridge_base(), question)
    check_question(element, question, bridge_base(), {"plain": 0, "why": 0})
    dropped = [n for n in result.notes if n.startswith("control characters")]
    assert bool(dropped) is has_control(question)


@pytest.mark.parametrize(
    ("title", "name"),
    [("", "-"), ("\x00 ", "-"), ("a/", "a/"), ("/b", "/b"), ("x//y", "x//y"), ("A / B", "A / B")],
)
def test_category_names_survive_moodles_path_splitting(title: str, name: str) -> None:
    categories, _ = parse(
        export_moodle_xml(QuestionSet(header(title), (true_false(),)), bridge_base()).content
    )
    assert categories == [["$course$", "top", name, "Costs / estimates"]]


def test_tags_differing_only_in_case_are_one_tag() -> None:
    question = dataclasses.replace(true_false(), fact="MONEY", topics=("money", "Money"))
    element = only_question(QuestionSet(header(), (question,)))
    assert [t.text for t in element.iterfind("tags/tag/text")] == ["money", "true-false"]


def test_a_category_name_moodle_would_strip_tags_from_gets_a_note() -> None:
    qset = QuestionSet(header("Test <b>one</b> a < b"), (true_false(),))
    notes = export_moodle_xml(qset, bridge_base()).notes
    assert notes == (
        "Moodle strips what looks like HTML tags from category names: 'Test <b>one</b> a < b'",
    )
    assert export_moodle_xml(ordinary_set(), bridge_base()).notes == (
        "timeline-order questions are Moodle Ordering questions (core since Moodle 4.4; an older"
        " Moodle needs the qtype_ordering plugin): bridge-timeline/order",
    )


def test_each_category_says_what_it_holds_and_where_it_comes_from() -> None:
    root = ET.fromstring(export_moodle_xml(ordinary_set(), bridge_base()).content)
    infos = [field_paragraphs(c, "info") for c in root.iterfind("question[@type='category']")]
    origin = "From the question set “Bridge test” (seed 7, fact base of 2026-11-22)."
    assert infos == [["Who built it and when.", origin], ["What it cost.", origin]]


def test_the_summary_leaves_out_forms_the_set_has_none_of() -> None:
    qset = ordinary_set()
    choices = QuestionSet(qset.header, qset.questions[:1])
    assert qset.questions[0].form is Form.MULTIPLE_CHOICE
    result = export_moodle_xml(choices, bridge_base())
    assert result.summary == "1 question (1 multiple choice) in 1 category"

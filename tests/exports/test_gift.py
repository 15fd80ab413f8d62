"""GIFT export: read back by pygiftparser and by a strict structural parser written here."""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field

import pytest
from exporter_sets import (
    ALL_SETS,
    NASTY,
    citation,
    multiple_choice,
    nasty_set,
    ordinary_set,
    real_set,
    timeline,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.errors import ExportError
from quizgen.exports.gift import MATCHING_HINT, export_gift, ordinal
from quizgen.questions.model import Citation, Form, Question, QuestionSet

with warnings.catch_warnings():
    # pygiftparser 1.1 calls the deprecated locale.getdefaultlocale() when it is imported.
    warnings.filterwarnings("ignore", "'locale.getdefaultlocale'", DeprecationWarning)
    from pygiftparser import parser as giftparser

SPECIAL = "~=#{}:"
UNESCAPE = {"\\": "\\", "n": "\n", **{c: c for c in SPECIAL}}
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class GiftSyntaxError(Exception):
    """The strict parser refuses a block."""


@dataclass
class Answer:
    """One `=`/`~` line: its text and its feedback (None when it has none)."""

    sign: str
    text: str
    feedback: str | None


@dataclass
class Block:
    """One parsed question block."""

    comments: list[str]
    title: str
    stem: str
    answers: list[Answer] = field(default_factory=list)
    truth: str | None = None
    truth_feedback: tuple[str, str] = ("", "")
    general: str = ""


def read_text(line: str, pos: int, stops: str) -> tuple[str, int]:
    """Unescape `line` from `pos` up to an unescaped stop character (or the end)."""
    out = []
    while pos < len(line):
        char = line[pos]
        if char == "\\":
            if line[pos + 1 : pos + 2] not in UNESCAPE:  # also a backslash at the very end
                raise GiftSyntaxError(f"unknown escape at {pos}: {line!r}")
            out.append(UNESCAPE[line[pos + 1]])
            pos += 2
        elif char in SPECIAL:
            if char in stops:
                return "".join(out), pos
            raise GiftSyntaxError(f"unescaped {char!r} inside text at {pos}: {line!r}")
        elif char in "\r\n":
            raise GiftSyntaxError(f"raw line break inside text: {line!r}")
        else:
            out.append(char)
            pos += 1
    return "".join(out), pos


def expect(line: str, pos: int, literal: str) -> int:
    """The position after `literal`, which must be at `pos`."""
    if not line.startswith(literal, pos):
        raise GiftSyntaxError(f"expected {literal!r} at {pos}: {line!r}")
    return pos + len(literal)


def parse_head(line: str) -> tuple[str, str]:
    """`::title::[plain]stem {` -> (title, stem); the `{` must end the line."""
    pos = expect(line, 0, "::")
    title, pos = read_text(line, pos, ":")
    pos = expect(line, pos, "::")
    pos = expect(line, pos, "[plain]")
    stem, pos = read_text(line, pos, "{")
    if pos != len(line) - 1 or not stem.endswith(" "):
        raise GiftSyntaxError(f"the head must end with ' {{': {line!r}")
    return title, stem[:-1]


_GRADE = re.compile(r"^%-?\d+(\.\d*)?%")
_FORMAT = re.compile(r"^\[(html|plain|moodle|markdown)\]")


def moodle_field(text: str) -> str:
    """An answer or feedback text as Moodle reads it: a leading `%50%` would be a grade and a
    leading `[html]` would switch the format, so both are refused; `[plain]` is a marker."""
    if _GRADE.match(text):
        raise GiftSyntaxError(f"Moodle reads a grade in {text!r}")
    found = _FORMAT.match(text)
    if found and found.group(1) != "plain":
        raise GiftSyntaxError(f"Moodle reads the format {found.group(1)!r} in {text!r}")
    return text[len(found.group(0)) :] if found else text


def parse_answer(line: str, block: Block) -> None:
    """One tab-indented line of the answer block, added to `block`."""
    body = line[1:]
    if not line.startswith("\t"):
        raise GiftSyntaxError(f"answer lines are tab-indented: {line!r}")
    if body.startswith("####"):
        general, pos = read_text(body, 4, "")
        block.general = moodle_field(general)
    elif body.startswith(("TRUE#", "FALSE#")):
        block.truth, pos = body.split("#")[0], body.index("#") + 1
        wrong, pos = read_text(body, pos, "#")
        right, pos = read_text(body, expect(body, pos, "#"), "")
        block.truth_feedback = (moodle_field(wrong), moodle_field(right))
    elif body[:1] in ("=", "~"):
        text, pos = read_text(body, 1, "#")
        feedback = None
        if pos < len(body):
            feedback, pos = read_text(body, pos + 1, "")
        feedback = None if feedback is None else moodle_field(feedback)
        block.answers.append(Answer(body[0], moodle_field(text), feedback))
    else:
        raise GiftSyntaxError(f"not an answer line: {line!r}")
    if pos != len(body):
        raise GiftSyntaxError(f"text left over: {line!r}")


def parse_block(text: str) -> Block:
    """One question block, checked strictly."""
    lines = text.split("\n")
    comments = [line for line in lines if line.startswith("//")]
    if lines[: len(comments)] != comments or len(lines) < len(comments) + 3:
        raise GiftSyntaxError(f"comments first, then a question: {text!r}")
    title, stem = parse_head(lines[len(comments)])
    if lines[-1] != "}":
        raise GiftSyntaxError(f"a block ends with a line holding only '}}': {text!r}")
    block = Block([c.removeprefix("// ") for c in comments], title, stem)
    for line in lines[len(comments) + 1 : -1]:
        if block.general:
            raise GiftSyntaxError(f"general feedback must come last: {text!r}")
        parse_answer(line, block)
    matching = [a for a in block.answers if " -> " in a.text]
    if block.truth is None and not matching and [a.sign for a in block.answers].count("=") != 1:
        raise GiftSyntaxError(f"multiple choice needs exactly one '=': {text!r}")
    if block.truth is None and len(block.answers) < 2:
        raise GiftSyntaxError(f"a question needs 2 answers or more: {text!r}")
    return block


def parse_file(content: bytes) -> list[Block]:
    """Every question block of a GIFT file, after the leading comment block."""
    text = content.decode("utf-8")
    if "\r" in text or not text.endswith("}\n") or "\n\n\n" in text:
        raise GiftSyntaxError("LF lines, blocks split by one blank line, ending with '}'")
    head, *blocks = text[:-1].split("\n\n")
    if not all(line.startswith("//") for line in head.split("\n")):
        raise GiftSyntaxError(f"the file starts with a comment block: {head!r}")
    return [parse_block(block) for block in blocks]


def plain(text: str) -> str:
    """What a text reads as once exported: every line break a newline."""
    return LINE_BREAKS.sub("\n", text)


def check_question(block: Block, question: Question) -> None:
    """`block` carries every text of `question`, exactly."""
    assert block.title == plain(question.id)
    assert read_text(block.comments[0], 0, "") == (plain(question.id), len(block.comments[0]))
    sources = [f"Source: {plain(c.text())}" for c in question.sources]
    assert all(source in block.general for source in sources)
    assert block.general.startswith(plain(question.explanation))
    if question.form is Form.TRUE_FALSE:
        assert block.stem == plain(question.stem)
        assert block.truth == question.options[question.key_index].upper()
        assert all(plain(question.explanation) in fb for fb in block.truth_feedback)
    elif question.form is Form.TIMELINE_ORDER:
        assert block.stem == f"{plain(question.stem)} {MATCHING_HINT}"
        assert isinstance(question.answer, tuple)
        assert [a.text for a in block.answers] == [
            f"{plain(o)} -> {ordinal(question.answer.index(i) + 1)}"
            for i, o in enumerate(question.options)
        ]
    else:
        assert block.stem == plain(question.stem)
        assert [a.text for a in block.answers] == [plain(o) for o in question.options]
        assert [a.sign for a in block.answers] == [
            "=" if i == question.key_index else "~" for i in range(len(question.options))
        ]
        key = block.answers[question.key_index]
        assert key.feedback == f"Right. {plain(question.explanation)}"
        wrong = f"Not this one: the answer is {plain(question.options[question.key_index])}."
        assert all(a.feedback == wrong for a in block.answers if a.sign == "~")


@pytest.mark.parametrize("name", ALL_SETS)
def test_strict_parser_reads_back_every_text(name: str) -> None:
    qset = ALL_SETS[name]()
    blocks = parse_file(export_gift(qset).content)
    assert len(blocks) == len(qset.questions)
    for block, question in zip(blocks, qset.questions, strict=True):
        check_question(block, question)


def unescape(text: str) -> str:
    """pygiftparser keeps answers escaped: undo GIFT escapes."""
    return re.sub(r"\\(.)", lambda m: UNESCAPE[m[1]], text)


@pytest.mark.parametrize("qset", [ordinary_set(), real_set()], ids=["ordinary", "real"])
def test_pygiftparser_reads_back_count_keys_and_wrong_answers(qset: QuestionSet) -> None:
    parsed = giftparser.parseFile(io.StringIO(export_gift(qset).content.decode("utf-8")))
    assert len(parsed) == len(qset.questions)
    for got, question in zip(parsed, qset.questions, strict=True):
        assert got.valid and got.title == question.id
        assert unescape(got.text).startswith(question.stem)
        if question.form is Form.TRUE_FALSE:
            assert got.answers.answer is (question.options[question.key_index] == "True")
            assert question.explanation in unescape(got.answers.feedbackCorrect)
        elif question.form is Form.TIMELINE_ORDER:
            assert isinstance(question.answer, tuple)
            order = sorted(got.answers.answers, key=lambda a: a.answer)
            assert [unescape(a.question.strip()) for a in order] == [
                question.options[i] for i in question.answer
            ]
        else:
            keys = [unescape(a.answer) for a in got.answers.answers if a.fraction == 100]
            wrong = [unescape(a.answer) for a in got.answers.answers if a.fraction == 0]
            assert keys == [question.options[question.key_index]]
            assert wrong == [o for i, o in enumerate(question.options) if i != question.key_index]
        assert question.sources[0].text() in unescape(got.generalFeedback)


def test_pygiftparser_reads_special_characters_in_stems_and_answers() -> None:
    # pygiftparser cuts an answer block at an escaped `}`, so this set has none in its answers
    # (the strict parser above covers `}` everywhere).
    stem = NASTY
    options = ('50% = "half", a:b', "~tilde #hash {brace", "back\\slash\nnew line")
    qset = QuestionSet(ordinary_set().header, (multiple_choice("q/mc", stem, options, 2),))
    (got,) = giftparser.parseFile(io.StringIO(export_gift(qset).content.decode("utf-8")))
    assert got.valid and unescape(got.text.replace("\n", "\\n")) == stem
    assert [unescape(a.answer) for a in got.answers.answers] == list(options)
    assert [a.fraction for a in got.answers.answers] == [0, 0, 100]


@pytest.mark.parametrize(
    "broken",
    [
        "::q::[plain]Stem {\n\t=a#fine\n\t~b#feedback with #1 in it\n}",
        "::q::[plain]Stem {\n\t=a\n\t~b\n} and a tail that makes it fill-in-the-blank",
        "::q::[plain]Stem {\n\t=a\n\t=b\n}",
        "::q::[plain]Stem {\n\t=a\n\t~b\n",
        "::q::[plain]Stem {\n\t=a}\n\t~b\n}",
        "::q::[plain]Ratio 1:2 {\n\t=a\n\t~b\n}",
        "::q::[plain]Stem {\n\t=a\\x\n\t~b\n}",
        "::q::[plain]Stem {\n\t=a\n\t~b\n\t####general\n\t~c\n}",
        "::q::[plain]Stem {\n\t=a\n}",
        "::q::[plain]Stem {}\n\t=a\n\t~b\n}",
    ],
)
def test_strict_parser_refuses_broken_blocks(broken: str) -> None:
    with pytest.raises(GiftSyntaxError):
        parse_block(broken)


#: Texts Moodle would read as a grade or a format if they led an answer or a feedback.
REPROGRAMMING = ("%50%", "%-100%", "[html]", "[markdown]", "[moodle]", "[plain]")
texts = st.one_of(
    st.text(), st.builds(lambda a, b: a + b, st.sampled_from(REPROGRAMMING), st.text())
)
some_texts = st.one_of(
    st.text(min_size=1), st.builds(lambda a, b: a + b, st.sampled_from(REPROGRAMMING), st.text())
)


@st.composite
def questions(draw: st.DrawFn) -> Question:
    """A question whose every text is random."""
    options = tuple(draw(st.lists(some_texts, min_size=2, max_size=5)))
    cite = Citation(
        outlet=draw(texts),
        headline=draw(texts),
        date=draw(texts),
        document="doc",
        quote=draw(texts),
    )
    return multiple_choice(
        draw(some_texts),
        draw(texts),
        options,
        draw(st.integers(0, len(options) - 1)),
        draw(texts),
        (cite,),
    )


@settings(max_examples=300)
@given(questions(), st.booleans())
def test_escaping_round_trips_through_the_strict_parser(question: Question, as_tf: bool) -> None:
    if as_tf:
        question = Question(
            id=question.id,
            form=Form.TRUE_FALSE,
            stem=question.stem,
            options=("True", "False"),
            answer=1,
            fact="f",
            explanation=question.explanation,
            sources=question.sources,
            topics=(),
        )
    qset = QuestionSet(ordinary_set().header, (question,))
    (block,) = parse_file(export_gift(qset).content)
    check_question(block, question)


@pytest.mark.parametrize("lead", REPROGRAMMING)
def test_no_text_can_change_a_grade_or_a_format(lead: str) -> None:
    question = multiple_choice(
        options=(f"{lead} Tom Reyes", f"{lead}Lena Ortiz", "Ana Berg"),
        answer=1,
        explanation=f"{lead}<b>bold</b> & more",
    )
    (block,) = parse_file(export_gift(QuestionSet(ordinary_set().header, (question,))).content)
    check_question(block, question)


def test_timeline_becomes_matching_and_says_so() -> None:
    result = export_gift(ordinary_set())
    assert any("matching" in note and "bridge-timeline/order" in note for note in result.notes)
    assert "=Work starts -> 1st" in result.content.decode()


def test_timeline_with_an_arrow_in_an_event_is_skipped_with_a_note() -> None:
    arrow = timeline("arrow/order", options=("a -> b", "c", "d"))
    qset = QuestionSet(ordinary_set().header, (multiple_choice(), arrow))
    result = export_gift(qset)
    assert len(parse_file(result.content)) == 1
    assert any("skipped" in note and "arrow/order" in note for note in result.notes)


def test_nothing_left_to_export_is_an_error() -> None:
    qset = QuestionSet(ordinary_set().header, (timeline(options=("a->b", "c", "d")),))
    with pytest.raises(ExportError, match="nothing to export"):
        export_gift(qset)


def test_plain_multiple_choice_has_no_notes_and_a_variant_comment() -> None:
    qset = QuestionSet(ordinary_set("B").header, (multiple_choice(sources=(citation(),)),))
    result = export_gift(qset)
    assert result.notes == ()
    assert result.content.startswith(b"// Bridge test\n// variant B\n")


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")],
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text


def test_same_set_gives_identical_bytes() -> None:
    assert export_gift(nasty_set()) == export_gift(nasty_set())

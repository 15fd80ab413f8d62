"""A printable Markdown worksheet: the questions, a page break, then the answer key."""

from __future__ import annotations

import html
import re

from quizgen.exports.formats import ExportResult
from quizgen.exports.worksheet_text import (
    INSTRUCTIONS,
    INSTRUCTIONS_LEAD,
    VERIFIED_LINE,
    key_line,
)
from quizgen.questions.model import Form, Question, QuestionSet, option_letter

PAGE_BREAK = '<div style="page-break-before: always"></div>'
INSTRUCTIONS_LINE = f"**{INSTRUCTIONS_LEAD}** {INSTRUCTIONS}"
BLANK = "\\_\\_\\_\\_"
# Inline markup (emphasis, code, links, images, a heading's closing #s), escaped the way both
# CommonMark and Python-Markdown read it; `<>&` go through html.escape instead.
_INLINE = re.compile(r"([\\`*_\[\]#])")
# What makes a list when it starts a block (a list item's text or a paragraph).
_BLOCK_START = re.compile(r"^([+\-])|^(\d+)([.)])")


def md_text(text: str) -> str:
    """`text` on one line, printed literally by a Markdown renderer."""
    escaped = _INLINE.sub(r"\\\1", " ".join(text.split()))
    escaped = _BLOCK_START.sub(
        lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped, count=1
    )
    return html.escape(escaped, quote=False)


def export_worksheet(qset: QuestionSet) -> ExportResult:
    """The set as a Markdown worksheet with its answer key after a page break."""
    parts = [*_heading(qset), *_questions(qset), PAGE_BREAK, *_key(qset)]
    return ExportResult(content=("\n\n".join(parts) + "\n").encode("utf-8"))


def _heading(qset: QuestionSet) -> list[str]:
    parts = [f"# {md_text(qset.header.title)}"]
    if qset.header.variant is not None:
        parts.append(f"**Variant {md_text(qset.header.variant)}**")
    parts.append(f"Name: {BLANK * 5}  Date: {BLANK * 3}")
    parts.append(INSTRUCTIONS_LINE)
    return parts


def _questions(qset: QuestionSet) -> list[str]:
    parts = []
    for number, question in enumerate(qset.questions, start=1):
        parts.append(f"{number}. {md_text(question.stem)}")
        indent = _indent(number)
        if question.form is Form.TRUE_FALSE:
            parts.append(f"{indent}True / False")
        else:
            blank = f"{BLANK} " if question.form is Form.TIMELINE_ORDER else ""
            parts.extend(
                f"{indent}{blank}{option_letter(i)}. {md_text(option)}"
                for i, option in enumerate(question.options)
            )
    return parts


def _indent(number: int) -> str:
    # A paragraph stays in list item `n.` when indented past the marker (CommonMark) and by
    # at least 4 spaces (Python-Markdown).
    return " " * max(4, len(f"{number}. "))


def _key(qset: QuestionSet) -> list[str]:
    title = "Answer key"
    if qset.header.variant is not None:
        title += f", variant {md_text(qset.header.variant)}"
    parts = [f"## {title}"]
    for number, question in enumerate(qset.questions, start=1):
        indent = _indent(number)
        parts.append(f"{number}. {_key_answer(question)}")
        parts.append(f"{indent}{md_text(question.explanation)}")
        parts.extend(f"{indent}Source: {md_text(citation.text())}" for citation in question.sources)
        if question.verified:
            parts.append(f"{indent}{VERIFIED_LINE}")
    return parts


def _key_answer(question: Question) -> str:
    line = key_line(question)
    mark = f"**{md_text(line.mark)}**"
    return f"{mark}{line.before}{md_text(line.answer)}" if line.answer else mark

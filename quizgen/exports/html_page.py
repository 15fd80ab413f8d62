"""A printable HTML worksheet: one self-contained page, the questions, then the answer key.

Teachers print from a browser. The page carries its own print CSS: each question kept whole on
its page, the key on pages of its own, and a running header (title, variant, name and date
lines; "Answer key" on the key's pages) with page numbers, drawn in CSS page-margin boxes.
On screen the margin boxes do not exist and the page reads as one column with a heading.
"""

from __future__ import annotations

import html

from quizgen.exports.formats import ExportResult
from quizgen.exports.worksheet_text import (
    INSTRUCTIONS,
    INSTRUCTIONS_LEAD,
    VERIFIED_LINE,
    key_line,
)
from quizgen.questions.model import Form, Question, QuestionSet, option_letter

BLANK = "____"
NAME_LINE = f"Name {'_' * 28}  Date {'_' * 14}"
HEADER_NAME_LINE = f"Name {'_' * 20}  Date {'_' * 10}"
KEY_TITLE = "Answer key"

# Margin boxes (`@top-left`...) print on every page; Chromium draws them since version 131.
# The first page shows the sheet's own heading instead, and pages of the `key` named page say
# "Answer key" where the question pages ask for a name and date.
STYLE = """\
@page { margin: 20mm 16mm 18mm;
  @top-left { content: %(running_title)s; font: 9pt %(fonts)s; color: #333; }
  @top-right { content: %(name_line)s; font: 9pt %(fonts)s; color: #333; white-space: nowrap; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt %(fonts)s;
    color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
@page key { @top-right { content: %(key_title)s; font: bold 9pt %(fonts)s; } }
:root { color-scheme: light; --num: %(number_width)s; }
body { font-family: %(fonts)s; line-height: 1.4; color: #111; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 0 0 1rem; }
.variant { font-weight: bold; margin: 0 0 0.5rem; }
.name-date { margin: 1.25rem 0; white-space: pre; }
.instructions { margin: 0 0 1.5rem; }
ol { list-style: none; margin: 0; padding: 0; }
.question, .entry { break-inside: avoid; margin: 0 0 1rem; }
.stem, .answer { display: grid; grid-template-columns: var(--num) 1fr; margin: 0; }
.num { font-weight: bold; }
.options, .true-false { margin: 0.3rem 0 0 var(--num); }
.options li { display: grid; grid-template-columns: 1.8em 1fr; }
.options.order li { grid-template-columns: 4.6em 1fr; }
.details { margin: 0 0 0 var(--num); }
.details p { margin: 0.15rem 0 0; }
.source { font-size: 0.92em; color: #333; }
.verified { font-style: italic; font-size: 0.92em; }
.key { page: key; break-before: page; margin-top: 3rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .key { margin-top: 0; }
}
"""
FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def export_html(qset: QuestionSet) -> ExportResult:
    """The set as a self-contained, print-ready HTML worksheet with its answer key."""
    title = _one_line(qset.header.title)
    variant = qset.header.variant
    full_title = title if variant is None else f"{title}, variant {_one_line(variant)}"
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(full_title)}</title>",
        f"<style>\n{_style(qset)}</style>",
        "</head>",
        "<body>",
        *_heading(qset),
        '<ol class="questions">',
        *(_question(n, q) for n, q in enumerate(qset.questions, start=1)),
        "</ol>",
        *_key(qset),
        "</body>",
        "</html>",
    ]
    return ExportResult(content=("\n".join(parts) + "\n").encode("utf-8"))


def css_string(text: str) -> str:
    """`text` on one line as a CSS string literal: every character but an ASCII letter or digit
    as a six-digit escape, so no quote, backslash or `</style>` can end it."""
    escaped = "".join(
        char if char.isascii() and char.isalnum() else f"\\{ord(char):06x}"
        for char in _one_line(text)
    )
    return f'"{escaped}"'


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _text(text: str) -> str:
    return html.escape(_one_line(text))


def _style(qset: QuestionSet) -> str:
    running = _one_line(qset.header.title)
    if qset.header.variant is not None:
        running += f" \u00b7 Variant {_one_line(qset.header.variant)}"
    return STYLE % {
        "running_title": css_string(running),
        "name_line": css_string(HEADER_NAME_LINE),
        "key_title": css_string(KEY_TITLE),
        "fonts": FONTS,
        "number_width": _number_width(len(qset.questions)),
    }


def _number_width(count: int) -> str:
    # The question numbers' column: wide enough for the longest number in bold ("146.").
    return f"{max(2.2, 0.7 * len(str(count)) + 0.8):.1f}em"


def _heading(qset: QuestionSet) -> list[str]:
    parts = ['<header class="sheet">', f"<h1>{_text(qset.header.title)}</h1>"]
    if qset.header.variant is not None:
        parts.append(f'<p class="variant">Variant {_text(qset.header.variant)}</p>')
    parts.append(f'<p class="name-date">{NAME_LINE}</p>')
    parts.append("</header>")
    parts.append(f'<p class="instructions"><strong>{INSTRUCTIONS_LEAD}</strong> {INSTRUCTIONS}</p>')
    return parts


def _question(number: int, question: Question) -> str:
    lines = [
        f'<li class="question" data-id="{html.escape(question.id)}">',
        _numbered("stem", number, _text(question.stem)),
    ]
    if question.form is Form.TRUE_FALSE:
        lines.append('<p class="true-false">True / False</p>')
    else:
        order = question.form is Form.TIMELINE_ORDER
        blank = f"{BLANK} " if order else ""
        lines.append(f'<ol class="options{" order" if order else ""}">')
        for i, option in enumerate(question.options):
            letter = f'<span class="letter">{blank}{option_letter(i)}.</span>'
            lines.append(f"<li>{letter} <span>{_text(option)}</span></li>")
        lines.append("</ol>")
    lines.append("</li>")
    return "\n".join(lines)


def _numbered(css_class: str, number: int, inner: str) -> str:
    # Two grid cells, the number and the text, so a long text wraps clear of the number.
    return f'<p class="{css_class}"><span class="num">{number}.</span> <span>{inner}</span></p>'


def _key(qset: QuestionSet) -> list[str]:
    title = KEY_TITLE
    if qset.header.variant is not None:
        title += f", variant {_one_line(qset.header.variant)}"
    parts = ['<section class="key">', f"<h2>{_text(title)}</h2>", '<ol class="entries">']
    for number, question in enumerate(qset.questions, start=1):
        parts.append(f'<li class="entry" data-id="{html.escape(question.id)}">')
        parts.append(_numbered("answer", number, _key_answer(question)))
        parts.append('<div class="details">')
        parts.append(f'<p class="explanation">{_text(question.explanation)}</p>')
        parts.extend(
            f'<p class="source">Source: {_text(citation.text())}</p>'
            for citation in question.sources
        )
        if question.verified:
            parts.append(f'<p class="verified">{VERIFIED_LINE}</p>')
        parts.append("</div>")
        parts.append("</li>")
    parts.extend(["</ol>", "</section>"])
    return parts


def _key_answer(question: Question) -> str:
    line = key_line(question)
    mark = f"<strong>{_text(line.mark)}</strong>"
    return f"{mark}{line.before}{_text(line.answer)}" if line.answer else mark

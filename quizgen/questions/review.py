"""What a reviewer reads before approving a fact: the fact, each quote in its document's
context, and the questions the fact yields as a learner sees them (`quizgen verify`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import GenerationError
from quizgen.facts.listing import answer_summary
from quizgen.facts.model import Fact, FactBase
from quizgen.facts.proof import normalise
from quizgen.facts.verification import Ledger, state_line
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, Question, option_letter

#: How many sentences of the document are shown on each side of a quote.
CONTEXT_SENTENCES = 1
#: ... and at most this many characters on each side (documents without full stops).
CONTEXT_CHARS = 320
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s")


@dataclass(frozen=True, slots=True)
class QuoteInContext:
    """An evidence quote as found in its document, with the text around it."""

    document: str
    before: str
    quote: str
    after: str
    found: bool


def document_texts(base: FactBase, documents_dir: Path) -> dict[str, str]:
    """Each source's document text, normalised as `check` proves quotes (missing ones left out)."""
    texts = {}
    for source in base.sources:
        try:
            data = (documents_dir / source.file).read_bytes()
        except OSError:
            continue
        texts[source.id] = normalise(data.decode("utf-8", errors="replace"))
    return texts


def quote_in_context(
    base: FactBase, texts: dict[str, str], source: str, quote: str
) -> QuoteInContext:
    """The quote with up to CONTEXT_SENTENCES whole sentences of its document on each side."""
    file = base.source(source).file
    text, wanted = texts.get(source, ""), normalise(quote)
    start = text.find(wanted)
    if start < 0:
        return QuoteInContext(file, "", wanted, "", False)
    end = start + len(wanted)
    return QuoteInContext(file, _before(text[:start]), text[start:end], _after(text[end:]), True)


def _before(text: str) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    cut = ends[-1 - CONTEXT_SENTENCES] if len(ends) > CONTEXT_SENTENCES else 0
    start = max(cut, len(text) - CONTEXT_CHARS)
    shown = text[start:]
    if start > cut and " " in shown:  # cut by length: begin on a whole word
        shown = shown.split(" ", 1)[1]
    return ("... " if len(shown) < len(text) else "") + shown.strip()


def _after(text: str) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    cut = ends[CONTEXT_SENTENCES] if len(ends) > CONTEXT_SENTENCES else len(text)
    end = min(cut, CONTEXT_CHARS)
    shown = text[:end]
    if end < cut and " " in shown:  # cut by length: end on a whole word
        shown = shown.rsplit(" ", 1)[0]
    return shown.strip() + (" ..." if len(shown) < len(text) else "")


def fact_questions(base: FactBase, fact: Fact, seed: int = 1) -> tuple[Question, ...]:
    """Every question the fact yields on its own (none for a slip)."""
    if not fact.askable:
        return ()
    options = GenerateOptions(only_facts=frozenset({fact.id}))
    try:
        return generate_set(base, options, seed).questions
    except GenerationError:
        return ()


def review_lines(
    base: FactBase,
    fact: Fact,
    ledger: Ledger,
    texts: dict[str, str],
    highlight: Callable[[str], str] = lambda quote: f"\u00bb{quote}\u00ab",
) -> list[str]:
    """The whole sheet for one fact, as lines of text (`highlight` marks each quote)."""
    lines = [f"{fact.id}  [{fact.kind.value}, {fact.status.value}]", ""]
    lines.append(f"  state:       {state_line(fact, ledger)}")
    lines.append(f"  statement:   {fact.statement}")
    if fact.question:
        lines.append(f"  question:    {fact.question}")
    answer = answer_summary(base, fact)
    if answer:
        lines.append(f"  answer:      {answer}")
    if fact.answer is not None:
        accepted = base.accepted_texts(fact.answer, fact.accepted)[1:]
        if accepted:
            lines.append(f"  also right:  {', '.join(accepted)}")
    if fact.explanation:
        lines.append(f"  explanation: {fact.explanation}")
    if fact.event and fact.event_date:
        lines.append(f"  event:       {fact.event} ({fact.event_date.human()})")
    if fact.note:
        lines.append(f"  note:        {fact.note}")
    lines += ["", "Evidence, in its document:"]
    for evidence in fact.all_evidence():
        seen = quote_in_context(base, texts, evidence.source, evidence.quote)
        role = " (dating: a byline, never shown to learners)" if evidence.role == "dating" else ""
        lines.append(f"  {seen.document}{role}:")
        if not seen.found:
            lines.append(f"    NOT FOUND in the document: {highlight(seen.quote)}")
            continue
        lines.append(f"    {seen.before} {highlight(seen.quote)} {seen.after}".rstrip())
    for false in fact.false_statements:
        lines += ["", f"False statement: {false.statement}", f"  why false: {false.why_false}"]
    lines += ["", "As a learner sees it:"]
    questions = fact_questions(base, fact)
    if not questions:
        lines.append("  (never asked: no question is made of this fact)")
    for question in questions:
        lines += question_lines(question)
    return lines


def question_lines(question: Question) -> list[str]:
    """One question with its options, the key marked `*` (ordering: the order written out)."""
    lines = [f"  {question.id}: {question.stem}"]
    if question.form is Form.TIMELINE_ORDER:
        lines += [f"      {option_letter(i)}. {o}" for i, o in enumerate(question.options)]
        lines.append(f"      in order: {question.right_answer_text()}")
    else:
        lines += [
            f"    {'*' if i == question.key_index else ' '} {option_letter(i)}. {o}"
            for i, o in enumerate(question.options)
        ]
    lines.append(f"      why: {question.explanation}")
    return lines

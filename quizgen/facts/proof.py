"""Proving the fact base against its documents: checksums and verbatim evidence quotes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import FactBaseError, Problem
from quizgen.facts.model import FactBase

# Only these differences are forgiven between a quote and its document.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold whitespace runs to one space, curly quotes to straight ones, dashes to '-'."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


@dataclass(frozen=True, slots=True)
class ProofReport:
    """What was proven: how many documents matched and how many quotes were found."""

    documents: int
    quotes: int


def prove_against_documents(base: FactBase, documents_dir: Path) -> ProofReport:
    """Check every document's SHA-256 and find every evidence quote verbatim in its document."""
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for source in base.sources:
        where = Problem(source.location.path, source.location.line, "")
        path = documents_dir / source.file
        try:
            data = path.read_bytes()
        except OSError:
            problems.append(
                _at(
                    where,
                    f"document {source.file!r} of source {source.id!r} is not in {documents_dir}",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != source.sha256:
            problems.append(
                _at(
                    where,
                    f"{path} has SHA-256 {digest}, but source {source.id!r} records"
                    f" {source.sha256}: the document changed; re-check its facts, update sha256",
                )
            )
        texts[source.id] = normalise(data.decode("utf-8", errors="replace"))
    quotes = 0
    for fact in base.facts:
        for evidence in fact.all_evidence():
            text = texts.get(evidence.source)
            if text is None:
                continue
            quotes += 1
            quote = normalise(evidence.quote)
            file = base.source(evidence.source).file
            if quote not in text:
                message = (
                    f"evidence quote of fact {fact.id!r} is not in {file}: copy it exactly from"
                    " the document (only whitespace, curly quotes and dashes may differ)"
                )
            elif not _whole_words(quote, text):
                message = (
                    f"evidence quote of fact {fact.id!r} cuts a word of {file} in two at its start"
                    " or end: begin and end the quote on whole words"
                )
            else:
                continue
            problems.append(Problem(evidence.location.path, evidence.location.line, message))
    if problems:
        raise FactBaseError(problems)
    return ProofReport(len(texts), quotes)


def _whole_words(quote: str, text: str) -> bool:
    """True when some occurrence of `quote` in `text` neither starts nor ends inside a word
    ("Friday" quoted from "Friday's" shows the learner half a word)."""
    start = text.find(quote)
    while start != -1:
        end = start + len(quote)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        cut_start = quote[0].isalnum() and (before.isalnum() or before == "'")
        cut_end = quote[-1].isalnum() and (after.isalnum() or after == "'")
        if not (cut_start or cut_end):
            return True
        start = text.find(quote, start + 1)
    return False


def _at(where: Problem, message: str) -> Problem:
    return Problem(where.path, where.line, message)

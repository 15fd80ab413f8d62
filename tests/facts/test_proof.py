"""Proving evidence quotes and checksums against the documents themselves."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import GAZETTE, sha256_of

from quizgen.errors import FactBaseError
from quizgen.facts.loader import load_fact_base
from quizgen.facts.proof import ProofReport, normalise, prove_against_documents

COST_QUOTE = 'quote: "the bridge cost 40 million crowns"'
NOT_IN = "copy it exactly from the document (only whitespace, curly quotes and dashes may differ)"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def proof_problems(notes: Path, documents: Path) -> list[str]:
    base = load_fact_base(notes)
    with pytest.raises(FactBaseError) as info:
        prove_against_documents(base, documents)
    return [str(problem) for problem in info.value.problems]


def test_minimal_base_is_proven(minimal_notes: Path, documents_dir: Path) -> None:
    report = prove_against_documents(load_fact_base(minimal_notes), documents_dir)
    assert report == ProofReport(documents=2, quotes=7)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("\u201equoted\u201f \u201aquoted\u201b", "\"quoted\" 'quoted'"),
        (
            "a \u2014 b \u2013 c \u2012 d \u2010 e \u2011 f \u2015 g \u2212 h",
            "a - b - c - d - e - f - g - h",
        ),
        ("  many \t spaces\n\nand  lines  ", "many spaces and lines"),
        ("Case Stays", "Case Stays"),
    ],
)
def test_normalise_forgives_only_whitespace_quotes_and_dashes(text: str, normalised: str) -> None:
    assert normalise(text) == normalised


@pytest.mark.parametrize(
    "quote",
    [
        # the document has curly quotes; the fact base may use straight ones
        "quote: '\"This bridge joins the two halves of our town,\" Ortiz told'",
        # ... or the curly ones themselves
        'quote: "\u201cThis bridge joins the two halves of our town,\u201d Ortiz told"',
        # the document has an em dash; a hyphen or an en dash matches it
        'quote: "on March 3, 2015 - two years later"',
        'quote: "on March 3, 2015 \u2013 two years later"',
        # extra whitespace on either side, even a line break, is folded
        'quote: "arrived from Norland in the wrong size"',
        'quote: "arrived   from\n          Norland in the wrong   size"',
    ],
)
def test_quote_is_found_despite_typographic_differences(
    minimal_notes: Path, documents_dir: Path, quote: str
) -> None:
    facts = minimal_notes / "facts" / "a.yaml"
    edit(facts, 'quote: "Mayor Lena Ortiz opened the River Bridge on March 3, 2015"', quote)
    report = prove_against_documents(load_fact_base(minimal_notes), documents_dir)
    assert report == ProofReport(documents=2, quotes=7)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            COST_QUOTE,
            'quote: "the bridge cost 50 million crowns"',
            f"facts/a.yaml:38: evidence quote of fact 'bridge-cost' is not in courier-cost.txt:"
            f" {NOT_IN}",
        ),
        (
            COST_QUOTE,
            'quote: "The Bridge cost 40 million crowns"',
            f"facts/a.yaml:38: evidence quote of fact 'bridge-cost' is not in courier-cost.txt:"
            f" {NOT_IN}",
        ),
        (
            'quote: "while the organisers spoke of 2,500."',
            'quote: "while the organisers spoke of 3,500."',
            f"facts/a.yaml:59: evidence quote of fact 'crowd-size' is not in gazette-bridge.txt:"
            f" {NOT_IN}",
        ),
        (
            # a quote that is in the other document, not the one it cites
            "      - source: gazette-bridge\n"
            '        quote: "the steel beams arrived from Norland in the wrong size."',
            "      - source: courier-cost\n"
            '        quote: "the steel beams arrived from Norland in the wrong size."',
            f"facts/a.yaml:86: evidence quote of fact 'bridge-delay-cause' is not in"
            f" courier-cost.txt: {NOT_IN}",
        ),
    ],
    ids=["changed-number", "changed-case", "contested-variant", "wrong-document"],
)
def test_quote_with_a_changed_word_is_reported(
    minimal_notes: Path, documents_dir: Path, old: str, new: str, expected: str
) -> None:
    edit(minimal_notes / "facts" / "a.yaml", old, new)
    assert proof_problems(minimal_notes, documents_dir) == [f"{minimal_notes}/{expected}"]


def test_sha256_mismatch_is_reported(minimal_notes: Path, documents_dir: Path) -> None:
    changed = GAZETTE.replace("1,800 guests", "1,900 guests")
    (documents_dir / "gazette-bridge.txt").write_text(changed, encoding="utf-8")
    digest = hashlib.sha256(changed.encode("utf-8")).hexdigest()
    assert proof_problems(minimal_notes, documents_dir) == [
        f"{minimal_notes}/sources.yaml:2: {documents_dir}/gazette-bridge.txt has SHA-256 {digest},"
        f" but source 'gazette-bridge' records {sha256_of(GAZETTE)}: the document changed;"
        " re-check its facts, update sha256",
        f"{minimal_notes}/facts/a.yaml:53: evidence quote of fact 'crowd-size' is not in"
        f" gazette-bridge.txt: {NOT_IN}",
    ]


def test_missing_document_is_reported(minimal_notes: Path, documents_dir: Path) -> None:
    (documents_dir / "courier-cost.txt").unlink()
    assert proof_problems(minimal_notes, documents_dir) == [
        f"{minimal_notes}/sources.yaml:10: document 'courier-cost.txt' of source"
        f" 'courier-cost' is not in {documents_dir}",
    ]

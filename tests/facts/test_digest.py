"""The fact-base digest: it changes with a fact's content and with nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.facts.digest import fact_base_digest
from quizgen.facts.loader import load_fact_base

#: The digest of the minimal base in tests/conftest.py; a change here means every recorded
#: question-set digest changes too.
MINIMAL_DIGEST = "f84c21fc9e39cab9"

Edit = tuple[str, str, str]  # file, old text (must occur once), new text


def digest_after(notes: Path, *edits: Edit) -> str:
    for file, old, new in edits:
        path = notes / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return fact_base_digest(load_fact_base(notes))


def test_digest_of_the_minimal_base(minimal_notes: Path) -> None:
    assert fact_base_digest(load_fact_base(minimal_notes)) == MINIMAL_DIGEST


def test_digest_is_the_same_for_the_same_base_loaded_twice(minimal_notes: Path) -> None:
    assert fact_base_digest(load_fact_base(minimal_notes)) == fact_base_digest(
        load_fact_base(minimal_notes)
    )


CONTENT_CHANGES: dict[str, Edit] = {
    "statement": (
        "facts/a.yaml",
        "statement: The bridge cost 40 million crowns.",
        "statement: The bridge cost forty million crowns.",
    ),
    "question": (
        "facts/a.yaml",
        "question: On what date did the River Bridge open?",
        "question: When did the River Bridge open?",
    ),
    "entity-answer": (
        "facts/a.yaml",
        "answer: {entity: lena-ortiz}",
        "answer: {entity: tom-reyes}",
    ),
    "number-answer": (
        "facts/a.yaml",
        "{number: 40000000, unit: crowns}",
        "{number: 45000000, unit: crowns}",
    ),
    "qualifier": (
        "facts/a.yaml",
        "{number: 40000000, unit: crowns}",
        "{number: 40000000, unit: crowns, qualifier: about}",
    ),
    "date-precision": (
        "facts/a.yaml",
        "answer: {date: 2015-03-03, precision: day}",
        "answer: {date: 2015-03, precision: month}",
    ),
    "accepted": ("facts/a.yaml", "accepted: [the mayor]", "accepted: [the mayor, Lena]"),
    "kind": ("facts/a.yaml", "    kind: person\n", "    kind: who-said\n"),
    "topics": ("facts/a.yaml", "    topics: [money]", "    topics: [money, bridge]"),
    "explanation": (
        "facts/a.yaml",
        "explanation: That was twice the first estimate.",
        "explanation: That was double the first estimate.",
    ),
    "note": ("facts/a.yaml", "note: A typing error for 2015.", "note: A misprint for 2015."),
    "event-date": (
        "facts/a.yaml",
        "event_date: {date: 2015-03-03, precision: day}",
        "event_date: {date: 2015-03, precision: month}",
    ),
    "evidence-quote": (
        "facts/a.yaml",
        'quote: "the bridge cost 40 million crowns"',
        'quote: "cost 40 million crowns"',
    ),
    "variant-attribution": (
        "facts/a.yaml",
        "according_to: the organisers",
        "according_to: the organisers of the opening",
    ),
    "entity-name": ("entities.yaml", "name: Lena Ortiz", "name: Lena M. Ortiz"),
    "entity-alias": ("entities.yaml", "aliases: [Ortiz, Mayor Ortiz]", "aliases: [Ortiz]"),
    "source-file": ("sources.yaml", "file: courier-cost.txt", "file: courier.txt"),
}


@pytest.mark.parametrize("edit", list(CONTENT_CHANGES.values()), ids=list(CONTENT_CHANGES))
def test_digest_changes_with_what_a_fact_says(minimal_notes: Path, edit: Edit) -> None:
    changed = digest_after(minimal_notes, edit)
    assert changed != MINIMAL_DIGEST
    assert len(changed) == 16
    assert set(changed) <= set("0123456789abcdef")


def test_digest_changes_with_the_order_of_the_facts(minimal_notes: Path) -> None:
    facts = (minimal_notes / "facts/a.yaml").read_text(encoding="utf-8")
    cut = facts.index("  - id: bridge-cost")
    (minimal_notes / "facts/a.yaml").write_text("facts:\n" + facts[cut:], encoding="utf-8")
    (minimal_notes / "facts/b.yaml").write_text(facts[:cut], encoding="utf-8")
    assert digest_after(minimal_notes) != MINIMAL_DIGEST


LAYOUT_CHANGES: dict[str, tuple[Edit, ...]] = {
    "comment": (("facts/a.yaml", "facts:\n", "# The bridge facts.\nfacts:\n"),),
    "blank-lines": (("facts/a.yaml", "\n\n  - id: crowd-size", "\n\n\n\n  - id: crowd-size"),),
    "key-order": (
        (
            "facts/a.yaml",
            "    topics: [money]\n    explanation: That was twice the first estimate.\n",
            "    explanation: That was twice the first estimate.\n    topics: [money]\n",
        ),
    ),
    "flow-to-block": (
        ("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer:\n      entity: lena-ortiz"),
    ),
    "quoting-and-spaces": (
        (
            "facts/a.yaml",
            "statement: The bridge cost 40 million crowns.",
            "statement: 'The   bridge cost\n      40 million crowns.'",
        ),
    ),
    "revised": (
        (
            "facts/a.yaml",
            '        quote: "the bridge cost 40 million crowns"\n    revised: 2026-11-22',
            '        quote: "the bridge cost 40 million crowns"\n    revised: 2027-01-05',
        ),
    ),
}


@pytest.mark.parametrize("edits", list(LAYOUT_CHANGES.values()), ids=list(LAYOUT_CHANGES))
def test_digest_ignores_layout_and_records_no_fact_shows(
    minimal_notes: Path, edits: tuple[Edit, ...]
) -> None:
    assert digest_after(minimal_notes, *edits) == MINIMAL_DIGEST


def test_digest_ignores_the_files_the_facts_are_split_into(minimal_notes: Path) -> None:
    facts = (minimal_notes / "facts/a.yaml").read_text(encoding="utf-8")
    cut = facts.index("  - id: bridge-cost")
    (minimal_notes / "facts/a.yaml").write_text(facts[:cut], encoding="utf-8")
    (minimal_notes / "facts/b.yaml").write_text("facts:\n" + facts[cut:], encoding="utf-8")
    assert digest_after(minimal_notes) == MINIMAL_DIGEST


def test_digest_ignores_where_the_notes_folder_is(minimal_notes: Path, tmp_path: Path) -> None:
    moved = shutil.copytree(minimal_notes, tmp_path / "elsewhere" / "notes")
    assert fact_base_digest(load_fact_base(moved)) == MINIMAL_DIGEST


#: Records the generator or the exporters read: entity order and names (wrong options),
#: headlines (citations), topic titles (Anki sub-decks).
RECORD_CHANGES: dict[str, tuple[Edit, ...]] = {
    "entity-order": (
        ("entities.yaml", "  - id: river-bridge\n    kind: place\n    name: River Bridge\n", ""),
        (
            "entities.yaml",
            "entities:\n",
            "entities:\n  - id: river-bridge\n    kind: place\n    name: River Bridge\n",
        ),
    ),
    "unused-entity": (
        ("entities.yaml", "    name: River Bridge\n", "    name: The River Bridge\n"),
    ),
    "source-headline": (
        ("sources.yaml", "headline: What the bridge cost", "headline: The cost of the bridge"),
    ),
    "topic-title": (("topics.yaml", "title: Money", "title: Costs"),),
}


@pytest.mark.parametrize("edits", list(RECORD_CHANGES.values()), ids=list(RECORD_CHANGES))
def test_digest_changes_with_every_record_that_is_read(
    minimal_notes: Path, edits: tuple[Edit, ...]
) -> None:
    assert digest_after(minimal_notes, *edits) != MINIMAL_DIGEST


#: Fact fields the generator turns into questions (options, timelines, true/false items).
QUESTION_CHANGES: dict[str, Edit] = {
    "distractors": (
        "facts/a.yaml",
        '      - "the mayor stopped the work"\n',
        '      - "the mayor stopped the work"\n      - "the workers went on strike"\n',
    ),
    "event-label": (
        "facts/a.yaml",
        "event: The River Bridge opens",
        "event: The River Bridge is opened",
    ),
    "excludes": (
        "facts/a.yaml",
        "    accepted: [the mayor]\n",
        "    accepted: [the mayor]\n    excludes: [tom-reyes]\n",
    ),
    "options-share": (
        "facts/a.yaml",
        "    accepted: [the mayor]\n",
        "    accepted: [the mayor]\n    options_share: [country]\n",
    ),
    "false-statements": (
        "facts/a.yaml",
        "    accepted: [the mayor]\n",
        "    accepted: [the mayor]\n    false_statements:\n"
        "      - statement: Councillor Tom Reyes opened the River Bridge.\n"
        "        why_false: The mayor opened it.\n",
    ),
}


@pytest.mark.parametrize("edit", list(QUESTION_CHANGES.values()), ids=list(QUESTION_CHANGES))
def test_digest_changes_with_what_the_questions_are_made_from(
    minimal_notes: Path, edit: Edit
) -> None:
    assert digest_after(minimal_notes, edit) != MINIMAL_DIGEST

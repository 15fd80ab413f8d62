"""Anki notes from a set and the fact base: which cards a fact gets, and that no set's seed can
give a fact a card another deck of the same fact base lacks (Anki would show it blank)."""

from __future__ import annotations

import html
import itertools
from pathlib import Path

import pytest
from conftest import NOTES_FILES, write_files

from quizgen.exports.anki import deck_summary, export_anki, is_selection
from quizgen.exports.anki_notes import BLANK, LATER_NEEDED, FactNote, NoteMaker, fact_notes
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.paths import shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, QuestionSet

FULL_SEED = 2016


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load_fact_base(shipped_notes_dir())


@pytest.fixture(scope="module")
def full(base: FactBase) -> dict[str, FactNote]:
    return {n.fact: n for n in fact_notes(generate_set(base, GenerateOptions(), FULL_SEED), base)}


@pytest.mark.parametrize("seed", [1, 7, 20, 33])
def test_a_selection_gives_no_fact_a_card_its_full_deck_note_lacks(
    base: FactBase, full: dict[str, FactNote], seed: int
) -> None:
    for note in fact_notes(generate_set(base, GenerateOptions(count=20), seed), base):
        cards, full_cards = set(note.cards), set(full[note.fact].cards)
        assert cards <= full_cards, note.fact
        # only the multiple-choice card depends on the set (on whether it asks that question)
        assert cards - {"Multiple choice"} == full_cards - {"Multiple choice"}, note.fact


def test_an_ordering_card_wherever_some_seed_asks_the_fact_in_order(base: FactBase) -> None:
    maker = NoteMaker(base, ())
    heads = {
        q.fact
        for seed in range(10)
        for q in generate_set(base, GenerateOptions(forms=("timeline",)), seed).questions
        if q.form is Form.TIMELINE_ORDER
    }
    assert len(heads) >= 3
    assert [f for f in sorted(heads) if maker.chain(base.fact(f)) is None] == []


def test_later_events_are_the_timelines_cut_short(base: FactBase) -> None:
    maker = NoteMaker(base, ())
    for fact in maker.timeline.events:
        assert maker.later(fact) == maker.timeline.surely_after(fact)[:LATER_NEEDED]


def test_a_chain_runs_forward_in_time_and_is_never_shown_in_order(
    base: FactBase, full: dict[str, FactNote]
) -> None:
    maker = NoteMaker(base, ())
    for fact in maker.timeline.events:
        chain = maker.chain(fact)
        if chain is None:
            continue
        assert 3 <= len(chain) <= 4 and chain[0] is fact
        for earlier, later in itertools.pairwise(chain):
            assert later in maker.timeline.surely_after(earlier)
        if fact.id in full:
            assert full[fact.id].field("Events") != full[fact.id].field("Order")


def notes_of(tmp_path: Path, statement: str) -> dict[str, FactNote]:
    facts = NOTES_FILES["facts/a.yaml"].replace(
        "statement: Mayor Lena Ortiz opened the River Bridge.", f"statement: {statement}"
    )
    base = load_fact_base(write_files(tmp_path, {**NOTES_FILES, "facts/a.yaml": facts}))
    return {n.fact: n for n in fact_notes(generate_set(base, GenerateOptions(), 1), base)}


@pytest.mark.parametrize(
    ("statement", "blanked"),
    [
        ("Mayor Lena Ortiz opened the River Bridge.", f"Mayor {BLANK} opened the River Bridge."),
        ("Mayor Lena Ortiz opened the River Bridge, said Ortiz.", ""),  # the other gives it away
        ("The mayor opened the River Bridge.", ""),  # the answer is not written in it
    ],
)
def test_a_blank_where_the_answer_is_written_exactly_once(
    tmp_path: Path, statement: str, blanked: str
) -> None:
    note = notes_of(tmp_path, statement)["mayor-opened-bridge"]
    shown = note.field("Blanked").replace('<span class="qg-blank">', "").replace("</span>", "")
    assert shown == blanked
    assert ("Fill in the blank" in note.cards) == bool(blanked)


def test_a_contested_fact_is_asked_as_its_set_asks_it_and_tagged(tmp_path: Path) -> None:
    note = notes_of(tmp_path, "Mayor Lena Ortiz opened the River Bridge.")["crowd-size"]
    assert note.cards == ("Multiple choice", "Recall")
    assert note.field("Recall") == note.field("Question")
    assert note.field("Question").startswith("According to the")
    assert "aleppo-2016::contested" in note.tags


def test_a_fact_asked_only_as_true_false_is_recalled_from_its_own_question(
    base: FactBase,
) -> None:
    qset = generate_set(base, GenerateOptions(forms=("true-false",)), 3)
    for note in fact_notes(qset, base):
        fact = base.fact(note.fact)
        assert "Multiple choice" not in note.cards and "Recall" in note.cards
        assert fact.question is not None and fact.answer is not None
        assert note.field("Recall") == html.escape(fact.question)
        assert note.field("Answer") == html.escape(base.answer_text(fact.answer))


@pytest.mark.parametrize(
    ("options", "selection"),
    [
        (GenerateOptions(), False),
        (GenerateOptions(count=20), True),
        (GenerateOptions(topics=("ceasefire",)), True),
        (GenerateOptions(forms=("multiple-choice",)), True),
        (GenerateOptions(forms=("timeline", "true-false", "multiple-choice")), False),
    ],
)
def test_a_selection_is_any_set_narrowed_from_every_fact(
    base: FactBase, options: GenerateOptions, selection: bool
) -> None:
    assert is_selection(generate_set(base, options, 1).header) is selection


def test_the_summary_counts_notes_and_cards_per_template() -> None:
    def note(*cards: str) -> FactNote:
        return FactNote("f", "g", "d", (), (), cards)

    assert deck_summary([note("Recall")]) == "1 note, 1 card (1 recall)"
    many = [note("Multiple choice", "Recall", "Fill in the blank"), note("Recall", "Put in order")]
    assert deck_summary(many) == (
        "2 notes, 5 cards (1 multiple choice, 2 recall, 1 fill-in, 1 ordering)"
    )


def test_the_export_says_which_questions_have_no_card(base: FactBase) -> None:
    qset: QuestionSet = generate_set(base, GenerateOptions(count=20), 20)
    true_false = sum(q.form is Form.TRUE_FALSE for q in qset.questions)
    first = sum(q.form is Form.MULTIPLE_CHOICE and bool(q.facts) for q in qset.questions)
    assert true_false and first
    notes = export_anki(qset, base, environ={}).notes
    assert notes == (
        f"{true_false} true/false questions left out of the Anki deck: their facts are studied"
        " by recall and fill-in cards",
        f'{first} "which happened first?" question{"s" * (first != 1)} left out of the Anki'
        " deck: ordering cards study the dates",
    )

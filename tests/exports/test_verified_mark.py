"""The verified mark per question: set files, CSV, worksheet key, Anki tag, recipes and build."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from exporter_sets import ordinary_set

from quizgen.errors import QuizgenError
from quizgen.exports.anki_notes import VERIFIED_TAG, fact_notes
from quizgen.exports.build import build_recipe
from quizgen.exports.csv_table import export_csv
from quizgen.exports.markdown import export_worksheet
from quizgen.exports.recipes import load_recipes
from quizgen.exports.worksheet_text import VERIFIED_LINE
from quizgen.facts.loader import load_fact_base
from quizgen.facts.verification import (
    Decision,
    Review,
    fact_digest,
    load_ledger,
    record_review,
)
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import QuestionSet, mark_verified
from quizgen.questions.set_file import dump_set, load_set


def marked_first() -> tuple[list[str], QuestionSet]:
    """The sample set with the first question's fact approved, and the ids that get the mark."""
    qset = ordinary_set()
    fact = qset.questions[0].fact
    ids = [q.id for q in qset.questions if fact in (q.fact, *q.facts) and not q.facts]
    return ids, mark_verified(qset, {fact})


def test_the_mark_round_trips_through_a_set_file(tmp_path: Path) -> None:
    ids, qset = marked_first()
    path = tmp_path / "set.yaml"
    path.write_text(dump_set(qset))
    back = load_set(path)
    assert [q.id for q in back.questions if q.verified] == ids
    assert dump_set(ordinary_set()).count("verified") == 0


def test_csv_has_a_verified_column() -> None:
    ids, qset = marked_first()
    rows = list(csv.reader(io.StringIO(export_csv(qset).content.decode("utf-8-sig"))))
    assert rows[0][-1] == "verified"
    assert [row[0] for row in rows[1:] if row[-1] == "yes"] == ids
    assert {row[-1] for row in rows[1:] if row[0] not in ids} == {""}


def test_the_worksheet_key_says_verified_only_for_marked_questions() -> None:
    ids, qset = marked_first()
    text = export_worksheet(qset).content.decode()
    assert text.count(VERIFIED_LINE) == len(ids) > 0
    assert VERIFIED_LINE not in export_worksheet(ordinary_set()).content.decode()


def approve(notes: Path, fact_id: str, decision: Decision = Decision.APPROVED) -> None:
    fact = load_fact_base(notes).fact(fact_id)
    reason = "wrong" if decision is Decision.REJECTED else None
    record_review(
        notes,
        Review(
            fact=fact_id,
            decision=decision,
            by="J",
            date=fact.revised,
            digest=fact_digest(fact),
            reason=reason,
        ),
    )


def test_the_anki_note_of_an_approved_fact_is_tagged(minimal_notes: Path) -> None:
    approve(minimal_notes, "bridge-cost")
    base = load_fact_base(minimal_notes)
    qset = mark_verified(generate_set(base, GenerateOptions(), 1), {"bridge-cost"})
    tagged = [n.fact for n in fact_notes(qset, base) if VERIFIED_TAG in n.tags]
    assert tagged == ["bridge-cost"]


def test_a_recipe_can_ask_only_verified_facts_and_build_leaves_out_rejected(
    minimal_notes: Path, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    recipe = "title: T\nseed: 1\nexports: [csv]\n"
    (decks / "all.recipe.yaml").write_text(recipe)
    (decks / "checked.recipe.yaml").write_text(recipe + "verified_only: true\n")
    everything, checked = load_recipes(decks)
    assert checked.verified_only and not everything.verified_only
    base = load_fact_base(minimal_notes)
    with pytest.raises(QuizgenError, match="no fact is approved yet"):
        list(build_recipe(base, checked, ledger=load_ledger(minimal_notes)))
    approve(minimal_notes, "bridge-cost")
    approve(minimal_notes, "bridge-delay-cause", Decision.REJECTED)
    ledger = load_ledger(minimal_notes)
    sets = {
        r.name: next(build_recipe(base, r, ledger=ledger)).content.decode()
        for r in (everything, checked)
    }
    assert "bridge-delay-cause/" not in sets["all"] and "bridge-cost/mc" in sets["all"]
    ids = [line for line in sets["checked"].splitlines() if line.startswith("- id: ")]
    assert ids and all(line.startswith("- id: bridge-cost/") for line in ids)
    assert sets["checked"].count("verified: true") == len(ids)


def test_a_recipe_with_a_wrong_verified_only_is_reported(tmp_path: Path) -> None:
    (tmp_path / "x.recipe.yaml").write_text(
        "title: T\nseed: 1\nexports: [csv]\nverified_only: yes please\n"
    )
    with pytest.raises(QuizgenError) as caught:
        load_recipes(tmp_path)
    assert str(caught.value).endswith(
        "x.recipe.yaml:4: 'verified_only' of the recipe is true/false"
    )

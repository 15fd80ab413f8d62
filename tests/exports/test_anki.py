"""The Anki export, proven by importing it into a fresh collection with the real `anki` library."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NOTES_FILES, write_files

from quizgen.errors import ExportError
from quizgen.exports.anki import GUID_NAMESPACE, deck_id, export_anki, package_timestamp
from quizgen.exports.anki_note_types import NOTE_TYPES
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase, Status
from quizgen.paths import shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, QuestionSet

anki_collection = pytest.importorskip("anki.collection")
genanki = pytest.importorskip("genanki")

SEED = 2016
MC, BASIC, CLOZE = (t.name for t in NOTE_TYPES)
TEMPLATE_ERROR = "template has a problem"
EDITED_FACT = "kerry-post-secretary-of-state"
OLD_WORDING = "What post did John Kerry hold in October 2016?"
NEW_WORDING = "Which office did John Kerry hold in October 2016?"
HOSTILE = '<script>alert("x")</script> a < b & c'


class Imported:
    """A fresh collection with one package imported, and the import log."""

    def __init__(self, folder: Path, apkg: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.col = anki_collection.Collection(str(folder / "collection.anki2"))
        self.log = self.import_file(apkg)

    def import_file(self, apkg: Path) -> Any:
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(apkg), options=anki_collection.ImportAnkiPackageOptions()
        )
        return self.col.import_anki_package(request).log

    def notes(self) -> list[Any]:
        return [self.col.get_note(nid) for nid in self.col.find_notes("")]

    def note_of(self, note_type: str, question_id: str) -> Any:
        (nid,) = self.col.find_notes(f'"note:{note_type}" "QuestionId:{question_id}"')
        return self.col.get_note(nid)


def build(notes_dir: Path, out: Path) -> tuple[FactBase, QuestionSet, Path]:
    base = load_fact_base(notes_dir)
    qset = generate_set(base, GenerateOptions(), SEED)
    out.write_bytes(export_anki(qset, base, environ={}).content)
    return base, qset, out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[FactBase, QuestionSet, Path]:
    return build(shipped_notes_dir(), tmp_path_factory.mktemp("deck") / "full.apkg")


@pytest.fixture(scope="module")
def imported(
    built: tuple[FactBase, QuestionSet, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Imported]:
    result = Imported(tmp_path_factory.mktemp("collection"), built[2])
    yield result
    result.col.close()


def expected_counts(base: FactBase, qset: QuestionSet) -> Counter[str]:
    """Notes per note type, from the set alone: a multiple-choice note per multiple-choice or
    true/false question, a basic note per ordering question, a recall note per multiple-choice
    question of one fact; clozes are counted from the notes that say which fact they blank."""
    counts: Counter[str] = Counter()
    for q in qset.questions:
        counts[BASIC if q.form is Form.TIMELINE_ORDER else MC] += 1
        if q.form is Form.MULTIPLE_CHOICE and not q.facts:
            counts[BASIC] += 1  # recall practice
    return counts


def test_counts_equal_what_the_set_says(
    built: tuple[FactBase, QuestionSet, Path], imported: Imported
) -> None:
    base, qset, _ = built
    expected = expected_counts(base, qset)
    got = Counter(note.note_type()["name"] for note in imported.notes())
    clozes = [note for note in imported.notes() if note.note_type()["name"] == CLOZE]
    # one cloze at most per fact of the set, only for settled facts, each blanking its fact
    cloze_facts = [note["FactId"] for note in clozes]
    set_facts = {q.fact for q in qset.questions if not q.facts}
    assert len(cloze_facts) == len(set(cloze_facts)) and set(cloze_facts) <= set_facts
    assert all(base.fact(f).status is Status.SETTLED for f in cloze_facts)
    assert all("{{c1::" in note["Text"] for note in clozes)
    expected[CLOZE] = len(clozes)
    assert got == expected
    assert imported.col.card_count() == sum(expected.values())
    log = imported.log
    assert len(log.new) == sum(expected.values())
    assert not (log.updated or log.duplicate or log.conflicting or log.first_field_match)


def test_every_card_renders_question_options_key_and_sources(
    built: tuple[FactBase, QuestionSet, Path], imported: Imported
) -> None:
    base, qset, _ = built
    questions = {q.id: q for q in qset.questions}
    for cid in imported.col.find_cards(""):
        card = imported.col.get_card(cid)
        note, out = card.note(), card.render_output()
        front, back = out.question_text, out.answer_text
        assert TEMPLATE_ERROR not in front + back
        if note.note_type()["name"] == CLOZE:
            fact = base.fact(note["FactId"])
            assert 'data-cloze="' in front and html.escape(fact.explanation) in back
            continue
        q = questions[note["QuestionId"]]
        assert html.escape(q.stem) in front
        if note.note_type()["name"] == MC or q.form is Form.TIMELINE_ORDER:
            assert all(html.escape(option) in front for option in q.options)
        if q.form is Form.TIMELINE_ORDER:  # the back lists every event, in order
            assert isinstance(q.answer, tuple)
            events = "".join(f"<li>{html.escape(q.options[i])}</li>" for i in q.answer)
            assert f'<ol class="qg-order">{events}</ol>' in back, q.id
        else:
            assert html.escape(q.right_answer_text()) in back, q.id
        assert html.escape(q.explanation) in back
        assert all(html.escape(c.text()) in back for c in q.sources)


def test_multiple_choice_back_marks_the_key_without_javascript(imported: Imported) -> None:
    note = imported.note_of(MC, f"{EDITED_FACT}/mc")
    back = imported.col.get_card(note.card_ids()[0]).render_output().answer_text
    key = re.search(r'<li data-index="(\d)" data-label="(\w)" class="qg-key">', back)
    assert key is not None
    assert f"Answer:</span> {key.group(2)}. " in back


def test_decks_and_tags_follow_topics_forms_and_sources(
    built: tuple[FactBase, QuestionSet, Path], imported: Imported
) -> None:
    base, qset, _ = built
    titles = {t.id: t.title for t in base.topics}
    questions = {q.id: q for q in qset.questions}
    for note in imported.notes():
        if note.note_type()["name"] == CLOZE:
            continue
        q = questions[note["QuestionId"]]
        deck = imported.col.decks.name(imported.col.get_card(note.card_ids()[0]).did)
        assert deck == f"{qset.header.title}::{titles[q.topics[0]]}"
        assert all(" " not in tag for tag in note.tags)
        assert f"aleppo-2016::topic::{q.topics[0]}" in note.tags
        assert f"aleppo-2016::source::{Path(q.sources[0].document).stem}" in note.tags
        assert ("aleppo-2016::contested" in note.tags) == base.fact(q.fact).contested
        forms = {t for t in note.tags if "::form::" in t}
        assert forms <= {f"aleppo-2016::form::{f.value}" for f in Form} | {
            "aleppo-2016::form::recall"
        }


def test_notes_carry_guids_from_our_namespace_and_question_id(imported: Imported) -> None:
    note = imported.note_of(MC, f"{EDITED_FACT}/mc")
    assert note.guid == genanki.guid_for(GUID_NAMESPACE, f"{EDITED_FACT}/mc")


def test_importing_the_same_file_again_adds_and_changes_nothing(
    built: tuple[FactBase, QuestionSet, Path], imported: Imported
) -> None:
    before = imported.col.note_count()
    log = imported.import_file(built[2])
    assert not (log.new or log.updated or log.conflicting)
    assert imported.col.note_count() == before


def edit_fact(notes_dir: Path) -> None:
    """Reword one fact's question and give it a newer revised date, as an editor would."""
    path = notes_dir / "facts" / "blaze-kerry-divisions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"id: {EDITED_FACT}")
    revised = re.compile(r"revised: \S+").search(text, start)
    assert revised is not None and OLD_WORDING in text
    text = text[: revised.start()] + "revised: 2030-01-15" + text[revised.end() :]
    path.write_text(text.replace(OLD_WORDING, NEW_WORDING, 1), encoding="utf-8")


def answer_card(col: Any, cid: int) -> None:
    """Study one card as a learner would: bring it to the top of its deck's queue and answer."""
    card = col.get_card(cid)
    col.decks.select(card.did)
    col.sched.reposition_new_cards([cid], 0, 1, False, True)
    assert col.sched.get_queued_cards().cards[0].card.id == cid
    card.start_timer()
    col.sched.answerCard(card, 3)


def test_an_edited_fact_updates_its_note_in_place_keeping_history(
    built: tuple[FactBase, QuestionSet, Path], tmp_path: Path
) -> None:
    first = Imported(tmp_path / "collection", built[2])
    try:
        note = first.note_of(MC, f"{EDITED_FACT}/mc")
        cid = note.card_ids()[0]
        answer_card(first.col, cid)
        notes = first.col.note_count()
        shutil.copytree(shipped_notes_dir(), tmp_path / "notes")
        edit_fact(tmp_path / "notes")
        _, _, rebuilt = build(tmp_path / "notes", tmp_path / "edited.apkg")

        log = first.import_file(rebuilt)

        assert not (log.new or log.conflicting)
        assert first.col.note_count() == notes
        updated = first.col.get_note(note.id)
        assert (updated.guid, updated["Question"]) == (note.guid, html.escape(NEW_WORDING))
        assert first.col.get_card(cid).reps == 1
        assert first.col.db.scalar("select count() from revlog where cid = ?", cid) == 1
    finally:
        first.col.close()


def test_hostile_text_renders_escaped(tmp_path: Path) -> None:
    facts = NOTES_FILES["facts/a.yaml"]
    facts = facts.replace("Who opened the River Bridge in March 2015?", f"Who opened it? {HOSTILE}")
    facts = facts.replace("The mayor opened it two years late.", f"Late. {HOSTILE}")
    facts = facts.replace("opened the River Bridge.", f"opened the River Bridge. {HOSTILE}")
    notes = write_files(tmp_path / "notes", {**NOTES_FILES, "facts/a.yaml": facts})
    _, _, apkg = build(notes, tmp_path / "hostile.apkg")
    imported = Imported(tmp_path / "collection", apkg)
    try:
        rendered = ""
        for cid in imported.col.find_cards(""):
            out = imported.col.get_card(cid).render_output()
            rendered += out.question_text + out.answer_text
        assert html.escape(HOSTILE) in rendered
        assert "alert(" not in rendered.replace(html.escape('alert("x")'), "")
        assert " a < b" not in rendered and " & c" not in rendered
    finally:
        imported.col.close()


def test_two_builds_are_byte_identical(built: tuple[FactBase, QuestionSet, Path]) -> None:
    base, qset, apkg = built
    assert export_anki(qset, base, environ={}).content == apkg.read_bytes()
    # Another process with another hash seed: no set or dict order may leak into the file.
    script = (
        "import hashlib, sys\n"
        "from quizgen.exports.anki import export_anki\n"
        "from quizgen.questions.generator import GenerateOptions, generate_set\n"
        "from quizgen.facts.loader import load_fact_base\n"
        "from quizgen.paths import shipped_notes_dir\n"
        "base = load_fact_base(shipped_notes_dir())\n"
        f"qset = generate_set(base, GenerateOptions(), {SEED})\n"
        "content = export_anki(qset, base, environ={}).content\n"
        "sys.stdout.write(hashlib.sha256(content).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    env.pop("SOURCE_DATE_EPOCH", None)
    other = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert other.stdout == hashlib.sha256(apkg.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("revision", "environ", "expected"),
    [
        ("2026-11-22", {}, 1795305600),
        ("2030-01-15", {}, 1894665600),
        ("2026-11-22", {"SOURCE_DATE_EPOCH": "1479772800"}, 1479772800),
        ("2026-11-22", {"SOURCE_DATE_EPOCH": ""}, 1795305600),
    ],
)
def test_package_timestamp_comes_from_the_revision_or_source_date_epoch(
    revision: str, environ: dict[str, str], expected: int
) -> None:
    assert package_timestamp(revision, environ) == expected


@pytest.mark.parametrize(
    ("revision", "environ"), [("2026-11-22", {"SOURCE_DATE_EPOCH": "soon"}), ("next week", {})]
)
def test_a_bad_timestamp_source_is_an_export_error(revision: str, environ: dict[str, str]) -> None:
    with pytest.raises(ExportError):
        package_timestamp(revision, environ)


def test_a_newer_revision_changes_the_package(built: tuple[FactBase, QuestionSet, Path]) -> None:
    base, qset, apkg = built
    later = export_anki(qset, base, environ={"SOURCE_DATE_EPOCH": "1894665600"}).content
    assert later != apkg.read_bytes()


@pytest.mark.parametrize("note_type", NOTE_TYPES, ids=lambda t: t.name)
def test_templates_name_only_their_own_fields(note_type: Any) -> None:
    # Anki reads every `{{...}}` as a field, even inside a script.
    for template in (note_type.front, note_type.back):
        for name in re.findall(r"\{\{(.*?)\}\}", template):
            assert name.lstrip("#/").removeprefix("cloze:") in (*note_type.fields, "FrontSide")
        assert "{{" not in re.sub(r"\{\{[#/]?[\w:]+\}\}", "", template)


def test_deck_ids_are_fixed_and_distinct() -> None:
    assert deck_id("Aleppo 2016") == deck_id("Aleppo 2016") < 2**63
    assert deck_id("Aleppo 2016") != deck_id("Aleppo 2016::At the United Nations")

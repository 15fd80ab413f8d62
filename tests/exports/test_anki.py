"""The Anki export, proven by importing it into fresh collections with the real `anki` library
and studying it with Anki's own (v3) scheduler."""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NOTES_FILES, write_files

from quizgen.errors import ExportError
from quizgen.exports import anki as anki_export
from quizgen.exports.anki import deck_id, export_anki, package_timestamp, set_tag
from quizgen.exports.anki_note_types import CSS, FACT_NOTE, PRESET_ID, TEMPLATES
from quizgen.exports.anki_notes import GUID_NAMESPACE, TAG_ROOT, fact_notes
from quizgen.exports.recipes import load_recipes
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.paths import shipped_decks_dir, shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import QuestionSet

anki_collection = pytest.importorskip("anki.collection")
anki_consts = pytest.importorskip("anki.consts")
genanki = pytest.importorskip("genanki")

SEED = 2016
BLANK_FRONT = "front of this card is blank"
TEMPLATE_ERROR = "template has a problem"
EDITED_FACT = "kerry-post-secretary-of-state"
OLD_WORDING = "What post did John Kerry hold in October 2016?"
NEW_WORDING = "Which office did John Kerry hold in October 2016?"
HOSTILE = '<script>alert("x")</script> a < b & c'
DAY = 86_400

Built = tuple[FactBase, QuestionSet, Path]


class Imported:
    """A fresh collection with one package imported, and the import log. `presets` ticks
    "Import any deck presets" (off in Anki's import dialog until a user turns it on)."""

    def __init__(self, folder: Path, apkg: Path, *, presets: bool = True) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "collection.anki2"
        self.col = anki_collection.Collection(str(self.path))
        self.log = self.import_file(apkg, presets=presets)

    def import_file(self, apkg: Path, *, presets: bool = True) -> Any:
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(apkg),
            options=anki_collection.ImportAnkiPackageOptions(with_deck_configs=presets),
        )
        return self.col.import_anki_package(request).log

    def notes(self) -> list[Any]:
        return [self.col.get_note(nid) for nid in self.col.find_notes("")]

    def note_of(self, fact_id: str) -> Any:
        (nid,) = self.col.find_notes(f'"FactId:{fact_id}"')
        return self.col.get_note(nid)

    def card(self, note: Any, template: str) -> Any:
        (card,) = [c for c in note.cards() if c.template()["name"] == template]
        return card

    def decks(self) -> dict[str, int]:
        """Every deck's name -> how many cards it and its sub-decks hold."""
        return {
            d.name: len(self.col.find_cards(f'"deck:{d.name}"'))
            for d in self.col.decks.all_names_and_ids()
        }

    def next_day(self) -> None:
        """Move the collection's day on by one, as a night's sleep would (and reopen it)."""
        self.col.crt = self.col.crt - DAY
        self.col.close()
        self.col = anki_collection.Collection(str(self.path))
        self.col.sched.deck_due_tree()  # the learner opens Anki: the day rolls over

    def contents(self) -> tuple[dict[str, tuple[str, ...]], Counter[tuple[str, str]]]:
        """Each note's fields by GUID, and its cards by (GUID, template)."""
        notes = {n.guid: tuple(n.fields) for n in self.notes()}
        cards = Counter(
            (c.note().guid, c.template()["name"])
            for c in (self.col.get_card(cid) for cid in self.col.find_cards(""))
        )
        return notes, cards


def build(
    notes_dir: Path, out: Path, options: GenerateOptions | None = None, seed: int = SEED
) -> Built:
    base = load_fact_base(notes_dir)
    qset = generate_set(base, options or GenerateOptions(), seed)
    out.write_bytes(export_anki(qset, base, environ={}).content)
    return base, qset, out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(shipped_notes_dir(), tmp_path_factory.mktemp("deck") / "full.apkg")


@pytest.fixture(scope="module")
def class_test(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The shipped class test's deck, built from its recipe as `quizgen build` does."""
    (recipe,) = [r for r in load_recipes(shipped_decks_dir()) if r.name == "class-test"]
    out = tmp_path_factory.mktemp("deck") / "class-test.apkg"
    return build(shipped_notes_dir(), out, recipe.options, recipe.seed)


@pytest.fixture(scope="module")
def imported(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    result = Imported(tmp_path_factory.mktemp("collection"), built[2])
    yield result
    result.col.close()


def test_one_note_per_fact_the_set_asks_about(built: Built, imported: Imported) -> None:
    _, qset, _ = built
    notes = imported.notes()
    facts = [note["FactId"] for note in notes]
    assert sorted(facts) == sorted({q.fact for q in qset.questions})
    assert {note.note_type()["name"] for note in notes} == {FACT_NOTE.name}
    log = imported.log
    assert len(log.new) == len(notes)
    assert not (log.updated or log.duplicate or log.conflicting or log.first_field_match)


def test_a_note_has_a_card_per_filled_template_and_the_summary_counts_them(
    built: Built, imported: Imported
) -> None:
    base, qset, _ = built
    per_template: Counter[str] = Counter()
    for note in imported.notes():
        names = sorted(card.template()["name"] for card in note.cards())
        assert names == sorted(t.name for t in TEMPLATES if note[t.field]), note["FactId"]
        per_template.update(names)
    counts = ", ".join(f"{per_template[t.name]} {t.label}" for t in TEMPLATES)
    notes, cards = len(imported.notes()), imported.col.card_count()
    summary = export_anki(qset, base, environ={}).summary
    assert summary == f"{notes} notes, {cards} cards ({counts})"
    assert all(per_template[t.name] for t in TEMPLATES)  # the full deck has every kind


def test_the_cards_of_a_fact_are_siblings_in_one_deck(imported: Imported) -> None:
    for note in imported.notes():
        cards = imported.col.find_cards(f'"FactId:{note["FactId"]}"')
        assert {imported.col.get_card(cid).nid for cid in cards} == {note.id}
        assert len({imported.col.get_card(cid).did for cid in cards}) == 1


def answer_card(col: Any, cid: int) -> None:
    """Study one card as a learner would: bring it to the top of its deck's queue and answer."""
    card = col.get_card(cid)
    col.decks.select(card.did)
    col.sched.reposition_new_cards([cid], 0, 1, False, True)
    assert col.sched.get_queued_cards().cards[0].card.id == cid
    card.start_timer()
    col.sched.answerCard(card, 3)


def queued(col: Any) -> list[Any]:
    return [q.card for q in col.sched.get_queued_cards(fetch_limit=10_000).cards]


def test_answering_one_card_of_a_fact_buries_its_siblings_until_the_next_day(
    built: Built, tmp_path: Path
) -> None:
    study = Imported(tmp_path, built[2])
    try:
        note = study.note_of(EDITED_FACT)
        first, *siblings = note.card_ids()
        assert len(siblings) >= 2
        config = study.col.decks.config_dict_for_deck_id(study.col.get_card(first).did)
        assert (config["id"], config["new"]["bury"], config["rev"]["bury"]) == (
            PRESET_ID,
            True,
            True,
        )
        study.col.decks.select(study.col.get_card(first).did)
        facts_today = [card.note_id for card in queued(study.col)]
        assert len(facts_today) == len(set(facts_today))  # one card per fact a day

        answer_card(study.col, first)

        assert [study.col.get_card(c).queue for c in siblings] == [
            anki_consts.QUEUE_TYPE_SIBLING_BURIED
        ] * len(siblings)
        assert not {c.id for c in queued(study.col)} & set(siblings)
        study.next_day()
        assert [study.col.get_card(c).queue for c in siblings] == [
            anki_consts.QUEUE_TYPE_NEW
        ] * len(siblings)
    finally:
        study.col.close()


def test_without_its_presets_the_deck_uses_the_learners_default_options(
    built: Built, tmp_path: Path
) -> None:
    # Anki's import dialog leaves "Import any deck presets" off: the README says to tick it.
    plain = Imported(tmp_path, built[2], presets=False)
    try:
        card = plain.col.get_card(plain.note_of(EDITED_FACT).card_ids()[0])
        assert plain.col.decks.config_dict_for_deck_id(card.did)["id"] == 1
    finally:
        plain.col.close()


def test_importing_the_same_file_again_adds_and_changes_nothing(
    built: Built, imported: Imported
) -> None:
    before = imported.contents()
    log = imported.import_file(built[2])
    assert not (log.new or log.updated or log.conflicting)
    assert imported.contents() == before


def edit_fact(notes_dir: Path) -> None:
    """Reword one fact's question and give it a newer revised date, as an editor would."""
    path = notes_dir / "facts" / "blaze-kerry-divisions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"id: {EDITED_FACT}")
    revised = re.compile(r"revised: \S+").search(text, start)
    assert revised is not None and OLD_WORDING in text
    text = text[: revised.start()] + "revised: 2030-01-15" + text[revised.end() :]
    path.write_text(text.replace(OLD_WORDING, NEW_WORDING, 1), encoding="utf-8")


def test_a_reworded_fact_updates_its_note_in_place_keeping_history(
    built: Built, tmp_path: Path
) -> None:
    study = Imported(tmp_path / "collection", built[2])
    try:
        note = study.note_of(EDITED_FACT)
        cid = study.card(note, "Multiple choice").id
        answer_card(study.col, cid)
        notes, cards = study.col.note_count(), study.col.card_count()
        shutil.copytree(shipped_notes_dir(), tmp_path / "notes")
        edit_fact(tmp_path / "notes")
        _, _, rebuilt = build(tmp_path / "notes", tmp_path / "edited.apkg")

        log = study.import_file(rebuilt)

        assert not (log.new or log.conflicting)
        assert (study.col.note_count(), study.col.card_count()) == (notes, cards)
        updated = study.col.get_note(note.id)
        assert updated.guid == note.guid == genanki.guid_for(GUID_NAMESPACE, EDITED_FACT)
        assert updated["Recall"] == updated["Question"] == html.escape(NEW_WORDING)
        assert study.col.get_card(cid).reps == 1
        assert study.col.db.scalar("select count() from revlog where cid = ?", cid) == 1
    finally:
        study.col.close()


@pytest.mark.parametrize("class_test_first", [False, True], ids=["full-first", "test-first"])
def test_the_class_test_next_to_the_full_deck_adds_no_deck_and_no_blank_card(
    built: Built, class_test: Built, tmp_path: Path, class_test_first: bool
) -> None:
    first, second = (class_test[2], built[2]) if class_test_first else (built[2], class_test[2])
    both = Imported(tmp_path / "both", first)
    alone = Imported(tmp_path / "alone", built[2])
    try:
        before = both.decks()
        log = both.import_file(second)
        if not class_test_first:  # the class test's facts are all notes already
            assert (both.decks(), len(log.new), len(log.updated)) == (before, 0, 0)
        # every deck but Anki's own Default holds cards, itself or in its sub-decks
        assert {name for name, cards in both.decks().items() if not cards} <= {"Default"}
        fronts = [front_of(both.col.get_card(cid)) for cid in both.col.find_cards("")]
        assert not [front for front in fronts if BLANK_FRONT in front]
        # whichever came first: the full deck's notes, every card they have, its decks
        assert both.contents() == alone.contents()
        assert both.decks() == alone.decks()
    finally:
        both.col.close()
        alone.col.close()


def test_the_class_test_alone_has_only_decks_with_cards_and_its_set_tag(
    class_test: Built, tmp_path: Path
) -> None:
    base, qset, apkg = class_test
    alone = Imported(tmp_path, apkg)
    try:
        topics = {base.fact(q.fact).topics[0] for q in qset.questions}
        titles = {t.id: t.title for t in base.topics}
        assert set(alone.decks()) == {"Default", "Aleppo 2016"} | {
            f"Aleppo 2016::{titles[t]}" for t in topics
        }
        assert {name for name, cards in alone.decks().items() if not cards} <= {"Default"}
        tag = set_tag(qset.header.title)
        assert tag == "aleppo-2016::set::aleppo-2016-class-test"
        assert all(tag in note.tags for note in alone.notes())
        assert len(alone.col.find_cards(f"tag:{tag}")) == alone.col.card_count()
    finally:
        alone.col.close()


def note_mods(apkg: bytes) -> set[int]:
    """The modification times stamped on a package's notes."""
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        with contextlib.closing(sqlite3.connect(path)) as db:
            return {mod for (mod,) in db.execute("select mod from notes")}


def test_a_selection_is_stamped_one_second_before_the_full_deck(
    built: Built, class_test: Built
) -> None:
    (full,), (selection,) = note_mods(built[2].read_bytes()), note_mods(class_test[2].read_bytes())
    assert full == package_timestamp(built[1].header.fact_base_revision, {})
    assert selection == full - 1


def front_of(card: Any) -> str:
    return str(card.render_output().question_text)


def test_no_front_reveals_the_key(imported: Imported) -> None:
    stored_keys: Counter[str] = Counter()
    for note in imported.notes():
        for card in note.cards():
            front, template = front_of(card), card.template()["name"]
            assert TEMPLATE_ERROR not in front and BLANK_FRONT not in front
            assert not re.search(r"data-key|qg-key|qg-filled|<!--|KeyIndex", front), template
            assert note["FactId"] not in front  # fact ids spell answers out
            if template == "Multiple choice":
                # every option's tag alike but for its stored position; the key's text once
                tags = re.findall(r"<li([^>]*)>", front)
                assert len({re.sub(r'data-index="\d+"', "", tag) for tag in tags}) == 1
                assert front.count(f"</span> {note['Answer']}</li>") == 1
                if "qg-ascending" not in note["Options"]:
                    stored_keys[note["KeyIndex"]] += 1
            elif template == "Fill in the blank":
                (filled,) = re.findall(r'<span class="qg-filled">(.*?)</span>', note["Statement"])
                assert "qg-blank" in front
                assert not re.search(rf"(?<![\w-]){re.escape(filled)}(?![\w-])", front)
            elif template == "Put in order":
                shown = re.findall(r"<li>(.*?)</li>", note["Events"])
                dated = re.findall(r"<li>(.*?)</li>", note["Order"])
                in_order = [re.sub(r' <span class="qg-when">.*', "", e) for e in dated]
                assert sorted(shown) == sorted(in_order) and shown != in_order
    # the stored order (shown where scripts do not run) puts the key anywhere
    assert len(stored_keys) >= 3 and max(stored_keys.values()) < sum(stored_keys.values()) / 2


def test_the_back_marks_the_key_without_javascript(imported: Imported) -> None:
    note = imported.note_of(EDITED_FACT)
    back = imported.card(note, "Multiple choice").render_output().answer_text
    key = note["KeyIndex"]
    assert f'data-key="{key}"' in back
    letter = r'<span class="qg-letter">\w\.</span>'
    assert re.search(rf'<li data-index="{key}">{letter} {re.escape(note["Answer"])}</li>', back)
    assert f'.qg-back [data-key="{key}"] li[data-index="{key}"]' in CSS
    assert note["Answer"] in back.split("Answer:</span>")[1]


def test_every_back_renders_its_answer_explanation_and_sources(imported: Imported) -> None:
    for note in imported.notes():
        for card in note.cards():
            out = card.render_output()
            back, template = out.answer_text, card.template()["name"]
            assert TEMPLATE_ERROR not in back
            assert f'<div class="qg-meta">{note["FactId"]}</div>' in back
            if template == "Put in order":
                assert note["Order"] in back and note["OrderSources"] in back
                continue
            assert note["Sources"] and note["Sources"] in back
            assert note["Explanation"] and note["Explanation"] in back
            if template == "Fill in the blank":
                assert note["Statement"] in back
            else:
                assert f"{note['Answer']}</div>" in back


def test_tags_name_topics_card_kinds_readable_sources_and_contested(
    built: Built, imported: Imported
) -> None:
    base, _, _ = built
    source_ids = {s.id for s in base.sources}
    kinds = {
        "Multiple choice": "multiple-choice",
        "Recall": "recall",
        "Fill in the blank": "fill-in",
        "Put in order": "timeline-order",
    }
    for note in imported.notes():
        fact = base.fact(note["FactId"])
        assert all(" " not in tag and tag.startswith(f"{TAG_ROOT}::") for tag in note.tags)
        topics = {t.split("::")[-1] for t in note.tags if "::topic::" in t}
        forms = {t.split("::")[-1] for t in note.tags if "::form::" in t}
        sources = {t.split("::")[-1] for t in note.tags if "::source::" in t}
        assert topics == set(fact.topics)
        assert forms == {kinds[card.template()["name"]] for card in note.cards()}
        assert sources and sources <= source_ids  # readable ids, not file names
        assert sources <= set(fact.source_ids())
        assert (f"{TAG_ROOT}::contested" in note.tags) == fact.contested
        assert not [t for t in note.tags if "::set::" in t]  # the full deck is no selection


def rows(db: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
    """Notes and cards as written, cards by their note's GUID (ids are per-writer hints)."""
    guids = dict(db.execute("select id, guid from notes"))
    notes = db.execute("select guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes")
    cards = [(guids[nid], *rest) for nid, *rest in db.execute("select nid, * from cards")]
    return sorted(notes), sorted((guid, *rest[2:]) for guid, *rest in cards)


def test_notes_and_cards_are_the_rows_genankis_own_writer_writes(
    built: Built, tmp_path: Path
) -> None:
    # genanki's Note.write_to_db also checks every field for stray HTML (a warning, which the
    # test run turns into an error): the bulk insert is checked against it here
    base, qset, _ = built
    notes = fact_notes(qset, base)
    ours = sqlite3.connect(tmp_path / "ours.anki2")
    anki_export._write_collection(ours.cursor(), notes, 1_700_000_000)
    theirs = sqlite3.connect(tmp_path / "genanki.anki2")
    model = genanki.Model(**FACT_NOTE.model_args())
    decks = {note.deck: genanki.Deck(deck_id(note.deck), note.deck) for note in notes}
    for due, note in enumerate(notes):
        decks[note.deck].add_note(
            genanki.Note(model, list(note.fields), tags=list(note.tags), guid=note.guid, due=due)
        )
    genanki.Package(list(decks.values())).write_to_db(
        theirs.cursor(), 1_700_000_000, itertools.count(1)
    )
    try:
        assert rows(ours) == rows(theirs)
    finally:
        ours.close()
        theirs.close()


def test_hostile_text_renders_escaped(tmp_path: Path) -> None:
    facts = NOTES_FILES["facts/a.yaml"]
    facts = facts.replace("Who opened the River Bridge in March 2015?", f"Who opened it? {HOSTILE}")
    facts = facts.replace("The mayor opened it two years late.", f"Late. {HOSTILE}")
    facts = facts.replace("opened the River Bridge.", f"opened the River Bridge. {HOSTILE}")
    notes = write_files(tmp_path / "notes", {**NOTES_FILES, "facts/a.yaml": facts})
    _, _, apkg = build(notes, tmp_path / "hostile.apkg")
    hostile = Imported(tmp_path / "collection", apkg)
    try:
        rendered = ""
        for cid in hostile.col.find_cards(""):
            out = hostile.col.get_card(cid).render_output()
            rendered += out.question_text + out.answer_text
        assert html.escape(HOSTILE) in rendered
        assert "alert(" not in rendered.replace(html.escape('alert("x")'), "")
        assert " a < b" not in rendered and " & c" not in rendered
    finally:
        hostile.col.close()


def test_two_builds_are_byte_identical(built: Built) -> None:
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


def test_a_newer_revision_changes_the_package(built: Built) -> None:
    base, qset, apkg = built
    later = export_anki(qset, base, environ={"SOURCE_DATE_EPOCH": "1894665600"}).content
    assert later != apkg.read_bytes()


def test_deck_ids_are_fixed_and_distinct() -> None:
    assert deck_id("Aleppo 2016") == deck_id("Aleppo 2016") < 2**63
    assert deck_id("Aleppo 2016") != deck_id("Aleppo 2016::At the United Nations")

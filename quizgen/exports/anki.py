"""Anki export: a question set as a reproducible `.apkg`, one note per fact, that updates in place.

Every fact the set asks about becomes one "quizgen fact v2" note (its cards are built in
`anki_notes`, its note type is in `anki_note_types`) whose GUID comes from the fact id. True/false
items and "which happened first?" stay in the quiz and the teacher's files: on a card met again
every few days a false statement is rehearsed as often as the fact, and the ordering cards study
the same dates. Every card sits in the sub-deck of its fact's first topic under one root
("Aleppo 2016::At the United Nations"), whatever the set, so a second deck adds no empty decks.

Same set, same bytes: the package timestamp (which Anki compares to decide whether to update a
note) comes from the fact base's revision date, or SOURCE_DATE_EPOCH when set, and the zip
entries carry a fixed date. A selection (a set made with a count or a filter, like a class test)
is stamped one second before the full deck of the same fact base, and its notes carry the set's
tag: whichever of the two a learner imports first, the full deck's version of a shared fact, with
every card it has, is the one kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import genanki

from quizgen.errors import ExportError
from quizgen.exports.anki_note_types import FACT_NOTE, PRESET_ID, TEMPLATES, preset
from quizgen.exports.anki_notes import DECK_ROOT, TAG_ROOT, FactNote, fact_notes, tag_part
from quizgen.exports.formats import ExportResult
from quizgen.exports.zip_members import add_member
from quizgen.facts.model import FactBase
from quizgen.questions.model import FORM_CHOICES, Form, QuestionSet, SetHeader


def export_anki(
    qset: QuestionSet, base: FactBase, *, environ: Mapping[str, str] | None = None
) -> ExportResult:
    """The set as `.apkg` bytes; the same set and fact base always give the same bytes."""
    selection = is_selection(qset.header)
    timestamp = package_timestamp(
        qset.header.fact_base_revision, os.environ if environ is None else environ
    ) - (1 if selection else 0)
    notes = fact_notes(qset, base, (set_tag(qset.header.title),) if selection else ())
    if not notes:
        raise ExportError("nothing to export to Anki: the set has no questions")
    content = _package_bytes(notes, timestamp)
    return ExportResult(content=content, notes=_left_out(qset), summary=deck_summary(notes))


def package_timestamp(revision: str, environ: Mapping[str, str]) -> int:
    """SOURCE_DATE_EPOCH when set, else the revision date (YYYY-MM-DD) at 00:00 UTC, in seconds."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ExportError(
                f"SOURCE_DATE_EPOCH must be whole seconds, like 1479772800: {epoch!r}"
            )
        return int(epoch)
    try:
        day = dt.date.fromisoformat(revision)
    except ValueError:
        raise ExportError(
            f"the set's fact base revision must be a date like 2026-11-22, not {revision!r}"
        ) from None
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())


def is_selection(header: SetHeader) -> bool:
    """Whether a set is a selection (a count, or topics, forms or sources narrowed)."""
    narrowed_forms = set(header.forms) != set(FORM_CHOICES)
    return header.count is not None or bool(header.topics or header.sources) or narrowed_forms


def set_tag(title: str) -> str:
    """The tag every note of a selection carries: `aleppo-2016::set::aleppo-2016-class-test`."""
    return f"{TAG_ROOT}::set::{tag_part(title.lower())}"


def deck_summary(notes: Iterable[FactNote]) -> str:
    """`15 notes, 38 cards (15 multiple choice, 15 recall, 8 fill-in)`: what a deck holds."""
    counted = list(notes)
    per_template = Counter(name for note in counted for name in note.cards)
    parts = [f"{per_template[t.name]} {t.label}" for t in TEMPLATES if per_template[t.name]]
    cards = sum(per_template.values())
    return (
        f"{len(counted)} note{'s' * (len(counted) != 1)}, {cards} card{'s' * (cards != 1)}"
        f" ({', '.join(parts)})"
    )


def _left_out(qset: QuestionSet) -> tuple[str, ...]:
    """Exporter notes: the kinds of question in the set that have no card of their own."""
    true_false = sum(q.form is Form.TRUE_FALSE for q in qset.questions)
    first = sum(q.form is Form.MULTIPLE_CHOICE and bool(q.facts) for q in qset.questions)
    said = []
    if true_false:
        said.append(
            f"{true_false} true/false question{'s' * (true_false != 1)} left out of the Anki"
            " deck: their facts are studied by recall and fill-in cards"
        )
    if first:
        said.append(
            f'{first} "which happened first?" question{"s" * (first != 1)} left out of the Anki'
            " deck: ordering cards study the dates"
        )
    return tuple(said)


def deck_id(name: str) -> int:
    """A fixed deck id for a deck name: its SHA-256, cut below 2**63 (Anki ids are 64-bit)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") >> 1


class _Deck(genanki.Deck):  # type: ignore[misc]
    """A genanki deck that uses quizgen's options preset (siblings buried)."""

    def to_json(self) -> dict[str, Any]:
        return dict(super().to_json(), conf=PRESET_ID)


def _package_bytes(notes: tuple[FactNote, ...], timestamp: int) -> bytes:
    """The `.apkg`: a collection database and an empty media map, zipped with fixed dates."""
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        path = Path(folder) / "collection.anki2"
        with contextlib.closing(sqlite3.connect(path)) as connection:
            # A throwaway file written once: no journal, no syncs (the file format is the same).
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            _write_collection(connection.cursor(), notes, timestamp)
            connection.commit()
        database = path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        add_member(archive, "collection.anki2", database)
        add_member(archive, "media", b"{}")
    return buffer.getvalue()


def _write_collection(cursor: sqlite3.Cursor, notes: tuple[FactNote, ...], timestamp: int) -> None:
    """genanki writes the schema, the note type and the decks; the notes and cards go in as
    genanki's `Note.write_to_db` writes them (a test holds them to it), but in two bulk inserts
    instead of a statement per row (at 10,000 facts, that halves the writing time).

    Note and card ids count up from the timestamp in milliseconds, as genanki's do; they are
    only hints to Anki, which matches notes by GUID. New cards are due in set order.
    """
    names = dict.fromkeys(note.deck for note in notes)
    decks = [_Deck(deck_id(name), name) for name in dict.fromkeys((DECK_ROOT, *names))]
    decks[0].add_model(genanki.Model(**FACT_NOTE.model_args()))
    genanki.Package(decks).write_to_db(cursor, timestamp, iter(()))
    _add_preset(cursor)
    ords = {t.name: index for index, t in enumerate(TEMPLATES)}
    ids = itertools.count(timestamp * 1000)
    note_rows, card_rows = [], []
    deck_ids = {name: deck_id(name) for name in names}
    for due, note in enumerate(notes):
        note_id, did = next(ids), deck_ids[note.deck]
        tags = f" {' '.join(note.tags)} "
        fields = "\x1f".join(note.fields)
        # id, GUID, note type, mod, usn, tags, fields, sort field; checksum, flags, data
        row = (note_id, note.guid, FACT_NOTE.id, timestamp, -1, tags, fields, note.fields[0])
        note_rows.append((*row, 0, 0, ""))
        for name in note.cards:
            # id, note, deck, template, mod, usn, type and queue (new), due; then no history
            card = (next(ids), note_id, did, ords[name], timestamp, -1, 0, 0, due)
            card_rows.append((*card, 0, 0, 0, 0, 0, 0, 0, 0, ""))
    cursor.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
    cursor.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)


def _add_preset(cursor: sqlite3.Cursor) -> None:
    """Add quizgen's options preset next to genanki's copy of Anki's default one."""
    (stored,) = cursor.execute("SELECT dconf FROM col").fetchone()
    presets = json.loads(stored)
    presets[str(PRESET_ID)] = preset(presets["1"])
    cursor.execute("UPDATE col SET dconf = ?", (json.dumps(presets, sort_keys=True),))

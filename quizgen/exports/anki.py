"""Anki export: a question set as a reproducible `.apkg` that updates in place on re-import.

Every question becomes a note whose GUID is derived from its stable id, in a sub-deck of the
set's deck named after its first topic:

- multiple choice and true/false: a "quizgen multiple choice v1" note (tap an option, then see
  the key), plus, for a multiple-choice question about one fact, a "quizgen basic v1" recall
  note (stem -> answer, no options);
- put-in-order: a basic note (the events -> the right order);
- every settled fact asked in the set whose answer is written in its statement: a
  "quizgen cloze v1" note with the answer blanked.

Same set, same bytes: the package timestamp (which Anki compares to decide whether to update a
note) comes from the fact base's revision date, or SOURCE_DATE_EPOCH when set, and the zip
entries carry a fixed date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import html
import io
import itertools
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

import genanki

from quizgen.errors import ExportError
from quizgen.exports.anki_note_types import BASIC, CLOZE, MULTIPLE_CHOICE, NOTE_TYPES, NoteType
from quizgen.exports.formats import ExportResult
from quizgen.facts.digest import fact_base_digest
from quizgen.facts.model import Fact, FactBase, Status
from quizgen.questions.answer_span import find_slot, spellings
from quizgen.questions.model import (
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    option_letter,
)

#: The namespace of every note GUID: never change it, or every learner's notes duplicate.
GUID_NAMESPACE = "quizgen:aleppo-2016"
#: The root of every tag (`aleppo-2016::topic::ceasefire`).
TAG_ROOT = "aleppo-2016"
# The earliest date a zip entry can carry; the same for every build.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_UNIX = 3  # zip "made by" system: the same on every platform


@dataclass(frozen=True, slots=True)
class AnkiNote:
    """One note as it goes into the package: note type, GUID, deck, HTML fields and tags."""

    note_type: NoteType
    guid: str
    deck: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]


def export_anki(
    qset: QuestionSet, base: FactBase, *, environ: Mapping[str, str] | None = None
) -> ExportResult:
    """The set as `.apkg` bytes; the same set and fact base always give the same bytes."""
    timestamp = package_timestamp(
        qset.header.fact_base_revision, os.environ if environ is None else environ
    )
    notes = anki_notes(qset, base)
    if not notes:
        raise ExportError("nothing to export to Anki: the set has no questions")
    content = _package_bytes(_decks(deck_name(qset.header.title), notes), timestamp)
    return ExportResult(content=content)


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


def _check_same_base(qset: QuestionSet, base: FactBase) -> None:
    """The deck reads each question's fact (for clozes and tags): they must all be there."""
    known = {f.id for f in base.facts}
    missing = sorted({f for q in qset.questions for f in (q.fact, *q.facts)} - known)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise ExportError(
            f"the set was made from another fact base (digest {qset.header.fact_base_digest},"
            f" not {fact_base_digest(base)}): this one has no fact {shown}; give the fact base"
            " it came from with --notes DIR"
        )


def deck_name(title: str) -> str:
    """A title as one deck-name level (`::` would nest it deeper)."""
    return " ".join(title.replace("::", ":").split()) or "quizgen"


def deck_id(name: str) -> int:
    """A fixed deck id for a deck name: its SHA-256, cut below 2**63 (Anki ids are 64-bit)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") >> 1


def anki_notes(qset: QuestionSet, base: FactBase) -> tuple[AnkiNote, ...]:
    """Every note of the deck, in the set's order, clozes last."""
    _check_same_base(qset, base)
    root = deck_name(qset.header.title)
    titles = {topic.id: topic.title for topic in base.topics}
    notes: list[AnkiNote] = []
    cloze_sources: dict[str, tuple[Citation, ...]] = {}
    for question in qset.questions:
        notes.extend(_question_notes(question, base, root, titles))
        if not question.facts and base.fact(question.fact).status is Status.SETTLED:
            cloze_sources.setdefault(question.fact, question.sources)
    for fact_id, sources in cloze_sources.items():
        cloze = _cloze_note(base, base.fact(fact_id), sources, root, titles)
        if cloze is not None:
            notes.append(cloze)
    return tuple(notes)


def _question_notes(
    question: Question, base: FactBase, root: str, titles: Mapping[str, str]
) -> Iterator[AnkiNote]:
    deck = _topic_deck(root, question.topics, titles)
    contested = base.fact(question.fact).contested
    tags = _tags(question.topics, question.form.value, question.sources, contested)
    # Escaped once, shared by the question's notes: every field below is HTML-safe.
    stem, options = _text(question.stem), [_text(option) for option in question.options]
    shared = (
        _text(question.explanation),
        _citations(question.sources),
        _text(question.fact),
        _text(question.id),
    )
    guid = genanki.guid_for(GUID_NAMESPACE, question.id)
    if isinstance(question.answer, tuple):  # put in order
        front = f'{stem}<ul class="qg-events">{_items(options)}</ul>'
        back = f'<ol class="qg-order">{_items([options[i] for i in question.answer])}</ol>'
        yield AnkiNote(BASIC, guid, deck, (front, back, *shared), tags)
        return
    labels = _labels(question)
    key = question.answer
    key_text = (
        options[key] if question.form is Form.TRUE_FALSE else f"{labels[key]}. {options[key]}"
    )
    fields = (stem, _options_list(question.form, labels, options, key), key_text, *shared)
    yield AnkiNote(MULTIPLE_CHOICE, guid, deck, fields, tags)
    if question.form is Form.MULTIPLE_CHOICE and not question.facts:
        # Recall practice: the stem alone. A question over several facts ("which came first?")
        # means nothing without its options, so it has none.
        recall_tags = _tags(question.topics, "recall", question.sources, contested)
        recall_guid = genanki.guid_for(GUID_NAMESPACE, "recall", question.id)
        yield AnkiNote(BASIC, recall_guid, deck, (stem, options[key], *shared), recall_tags)


def _cloze_note(
    base: FactBase,
    fact: Fact,
    sources: tuple[Citation, ...],
    root: str,
    titles: Mapping[str, str],
) -> AnkiNote | None:
    # find_slot compiles a pattern per spelling; most statements hold none of them literally.
    if fact.answer is None or not any(s in fact.statement for s in spellings(base, fact.answer)):
        return None
    slot = find_slot(base, fact)
    if slot is None or "{{" in fact.statement or "}}" in fact.statement:
        return None
    if "::" in slot.answer:  # Anki would read the rest as a hint
        return None
    text = f"{_text(slot.before)}{{{{c1::{_text(slot.answer)}}}}}{_text(slot.after)}"
    extra = f'{_text(fact.explanation)}<div class="qg-citation">{_citations(sources)}</div>'
    return AnkiNote(
        CLOZE,
        genanki.guid_for(GUID_NAMESPACE, "cloze", fact.id),
        _topic_deck(root, fact.topics, titles),
        (text, extra, _text(fact.id)),
        _tags(fact.topics, "cloze", sources, contested=False),
    )


def _topic_deck(root: str, topics: tuple[str, ...], titles: Mapping[str, str]) -> str:
    if not topics:
        return root
    return f"{root}::{deck_name(titles.get(topics[0], topics[0]))}"


def _tags(
    topics: tuple[str, ...], form: str, sources: tuple[Citation, ...], contested: bool
) -> tuple[str, ...]:
    tags = [*_topic_tags(topics), _form_tag(form), *(_source_tag(c.document) for c in sources)]
    if contested:
        tags.append(f"{TAG_ROOT}::contested")
    return tuple(sorted(set(tags)))


# Tag texts repeat across thousands of notes: each is worked out once.
@functools.lru_cache(maxsize=1024)
def _topic_tags(topics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{TAG_ROOT}::topic::{_tag_part(t)}" for t in topics)


@functools.lru_cache(maxsize=16)
def _form_tag(form: str) -> str:
    return f"{TAG_ROOT}::form::{_tag_part(form)}"


@functools.lru_cache(maxsize=1024)
def _source_tag(document: str) -> str:
    return f"{TAG_ROOT}::source::{_tag_part(PurePath(document).stem)}"


@functools.lru_cache(maxsize=1024)
def _tag_part(text: str) -> str:
    # Tags split on spaces, and `::` nests: keep one level of plain characters.
    return re.sub(r"[^\w.-]+", "-", text).strip("-") or "untitled"


def _text(text: str) -> str:
    """Plain text as field HTML: escaped, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def _items(escaped: list[str]) -> str:
    return "".join(f"<li>{item}</li>" for item in escaped)


def _labels(question: Question) -> list[str]:
    """A, B, C, ... (or True / False): our own text, safe in HTML as it is."""
    if question.form is Form.TRUE_FALSE:
        return list(TRUE_FALSE_OPTIONS)
    return [option_letter(i) for i in range(len(question.options))]


def _options_list(form: Form, labels: list[str], options: list[str], key: int) -> str:
    """The (escaped) options as a list the card's script can mark: index, label, key class."""
    lettered = form is not Form.TRUE_FALSE
    items = []
    for index, (label, option) in enumerate(zip(labels, options, strict=True)):
        mark = ' class="qg-key"' if index == key else ""
        letter = f'<span class="qg-letter">{label}.</span> ' if lettered else ""
        items.append(f'<li data-index="{index}" data-label="{label}"{mark}>{letter}{option}</li>')
    return f'<ul class="qg-options">{"".join(items)}</ul>'


def _citations(sources: tuple[Citation, ...]) -> str:
    return "".join(f'<div class="qg-source">{_text(c.text())}</div>' for c in sources)


def _decks(root: str, notes: tuple[AnkiNote, ...]) -> list[genanki.Deck]:
    """The root deck and one sub-deck per topic, each with its notes (new cards in set order)."""
    models = {t.id: genanki.Model(**t.model_args()) for t in NOTE_TYPES}
    decks = {root: genanki.Deck(deck_id(root), root)}
    for position, note in enumerate(notes):
        if note.deck not in decks:
            decks[note.deck] = genanki.Deck(deck_id(note.deck), note.deck)
        model = models[note.note_type.id]
        fields, tags = list(note.fields), list(note.tags)
        decks[note.deck].add_note(
            genanki.Note(model, fields, tags=tags, guid=note.guid, due=position)
        )
    return list(decks.values())


def _package_bytes(decks: list[genanki.Deck], timestamp: int) -> bytes:
    """The `.apkg`: genanki's collection database and an empty media map, zipped with fixed dates.

    Note and card ids count up from the timestamp in milliseconds, as genanki does; they are
    only hints to Anki, which matches notes by GUID.
    """
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        path = Path(folder) / "collection.anki2"
        with contextlib.closing(sqlite3.connect(path)) as connection:
            # A throwaway file written once: no journal, no syncs (the file format is the same).
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            ids = itertools.count(timestamp * 1000)
            genanki.Package(decks).write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        database = path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add_entry(archive, "collection.anki2", database)
        _add_entry(archive, "media", b"{}")
    return buffer.getvalue()


def _add_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.create_system = _UNIX
    info.external_attr = 0o644 << 16
    # Level 1: a third of the time of the default level, for a file about a tenth larger.
    archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)

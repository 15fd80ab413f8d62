"""Anki export of 10,000 facts against a bare genanki script writing the same notes.

The bare script gets the plain texts of every note (worked out before the clock starts) and
writes notes of the same shape with no quizgen code: one note per fact with the same 13 fields
and 4 card templates, the same texts HTML-escaped, tagged by topic, card kind and source, in one
sub-deck per topic, with genanki's own `write_to_file`. The ratio is quizgen's overhead (reading
the set and the fact base, finding blanks and timeline chains, its note type, fixed ids,
reproducible zip). Goal (not asserted): < 1.2x. Prints one JSON line per run and one with the
best times, the notes and cards, and the ratio.
"""

from __future__ import annotations

import html
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import genanki

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes

from quizgen.exports.anki import export_anki
from quizgen.exports.anki_note_types import FIELD_NAMES
from quizgen.exports.anki_notes import fact_notes
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import QuestionSet

FACTS = 10_000
RUNS = 5
_ESC = html.escape


@dataclass(frozen=True, slots=True)
class Row:
    """The plain texts of one fact's note, as a hand-written script would be handed them."""

    fact: str
    topic: str
    source: str
    stem: str
    options: tuple[str, ...]
    key: int
    explanation: str
    citations: tuple[str, ...]
    events: tuple[str, ...]
    in_order: tuple[tuple[str, str], ...]
    order_citations: tuple[str, ...]


def rows_of(qset: QuestionSet, base: FactBase) -> list[Row]:
    """Every note's texts: the multiple-choice question from the set, the events of its ordering
    card (if any) from what quizgen wrote, unescaped (outside the timing)."""
    questions = {q.fact: q for q in qset.questions if not q.facts}
    rows = []
    for note in fact_notes(qset, base):
        q, fact = questions[note.fact], base.fact(note.fact)
        events, in_order, order_citations = _ordering(note.field("Events"), note.field("Order"))
        rows.append(
            Row(
                fact=q.fact,
                topic=fact.topics[0],
                source=base.sources[0].id,
                stem=q.stem,
                options=q.options,
                key=q.key_index,
                explanation=q.explanation,
                citations=tuple(c.text() for c in q.sources),
                events=events,
                in_order=in_order,
                order_citations=order_citations if events else (),
            )
        )
    return rows


def _ordering(
    events_html: str, order_html: str
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]]:
    if not events_html:
        return (), (), ()
    events = tuple(html.unescape(e) for e in _between(events_html, "<li>", "</li>"))
    in_order = []
    for item in _between(order_html, "<li>", "</li>"):
        event, _, when = item.partition(' <span class="qg-when">(')
        in_order.append((html.unescape(event), html.unescape(when.removesuffix(")</span>"))))
    return events, tuple(in_order), ("Synthetic, citation",)


def _between(text: str, start: str, end: str) -> list[str]:
    return [part.split(end, 1)[0] for part in text.split(start)[1:]]


def _model() -> Any:
    templates = [
        ("Multiple choice", "Options", "{{Question}}{{Options}}", "{{Options}}{{Answer}}"),
        ("Recall", "Recall", "{{Recall}}", "{{Recall}}{{Answer}}{{Explanation}}{{Sources}}"),
        ("Fill in the blank", "Blanked", "{{Blanked}}", "{{Statement}}{{Sources}}"),
        ("Put in order", "Events", "{{Events}}", "{{Events}}{{Order}}{{OrderSources}}"),
    ]
    return genanki.Model(
        1607392319,
        "bare fact",
        fields=[{"name": f} for f in FIELD_NAMES],
        templates=[
            {"name": name, "qfmt": f"{{{{#{field}}}}}{front}{{{{/{field}}}}}", "afmt": back}
            for name, field, front, back in templates
        ],
        css=".card { font: 20px sans-serif; }",
    )


def bare_genanki(rows: list[Row], path: Path) -> None:
    """What a careful hand-written genanki script would do with the same texts."""
    model = _model()
    decks: dict[str, Any] = {}
    for position, row in enumerate(rows):
        name = f"bare::{row.topic}"
        deck = decks.setdefault(name, genanki.Deck(2059400110 + len(decks), name))
        items = "".join(
            f'<li data-index="{i}"><span>{chr(65 + i)}.</span> {_ESC(o)}</li>'
            for i, o in enumerate(row.options)
        )
        stem, answer = _ESC(row.stem), _ESC(row.options[row.key])
        sources = "".join(f"<div>{_ESC(c)}</div>" for c in row.citations)
        events = "".join(f"<li>{_ESC(e)}</li>" for e in row.events)
        in_order = "".join(f"<li>{_ESC(e)} <span>({_ESC(d)})</span></li>" for e, d in row.in_order)
        fields = [
            _ESC(row.fact),
            stem,
            f"<ul>{items}</ul>",
            str(row.key),
            answer,
            stem,
            "",
            "",
            f"<ul>{events}</ul>" if events else "",
            f"<ol>{in_order}</ol>" if in_order else "",
            _ESC(row.explanation),
            sources,
            "".join(f"<div>{_ESC(c)}</div>" for c in row.order_citations),
        ]
        kinds = ["multiple-choice", "recall"] + (["timeline-order"] if events else [])
        tags = [f"bare::topic::{row.topic}", f"bare::source::{row.source}"]
        tags += [f"bare::form::{kind}" for kind in kinds]
        deck.add_note(
            genanki.Note(
                model, fields, tags=tags, guid=genanki.guid_for("bare", row.fact), due=position
            )
        )
    genanki.Package(list(decks.values())).write_to_file(str(path), timestamp=1_700_000_000)


def main() -> None:
    """Time both exports RUNS times each and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        base = load_fact_base(write_notes(Path(tmp) / "notes", FACTS))
        qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), seed=1)
        rows = rows_of(qset, base)
        ours, bare = [], []
        summary = ""
        for run in range(RUNS):
            started = time.perf_counter()
            result = export_anki(qset, base, environ={})
            ours.append(time.perf_counter() - started)
            summary = result.summary
            started = time.perf_counter()
            bare_genanki(rows, Path(tmp) / f"bare-{run}.apkg")
            bare.append(time.perf_counter() - started)
            line = {
                "run": run,
                "facts": len(rows),
                "apkg_bytes": len(result.content),
                "quizgen_s": round(ours[-1], 3),
                "bare_genanki_s": round(bare[-1], 3),
            }
            print(json.dumps(line), flush=True)
    print(
        json.dumps(
            {
                "facts": len(rows),
                "deck": summary,
                "quizgen_best_s": round(min(ours), 3),
                "bare_genanki_best_s": round(min(bare), 3),
                "ratio": round(min(ours) / min(bare), 2),
            }
        )
    )


if __name__ == "__main__":
    main()

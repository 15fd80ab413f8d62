"""Anki export of 10,000 multiple-choice questions against a bare genanki script.

The bare script writes notes of the same shape with no quizgen code: per question one
multiple-choice note and one recall note with the same fields and texts, HTML-escaped, tagged by
topic, form and source, in one sub-deck per topic, with genanki's own `write_to_file`. The ratio
is quizgen's overhead (its note types, fixed ids, reproducible zip). Goal (not asserted): < 1.3x.
Prints one JSON line per run and one with the best times and their ratio.
"""

from __future__ import annotations

import html
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import genanki

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes

from quizgen.exports.anki import export_anki
from quizgen.facts.loader import load_fact_base
from quizgen.questions.generator import GenerateOptions, generate_set

QUESTIONS = 10_000
RUNS = 5
# stem, options, key index, explanation, citation, question id, fact id, topic, document
Row = tuple[str, tuple[str, ...], int, str, str, str, str, str, str]
_ESC = html.escape


def _model(model_id: int, name: str, fields: tuple[str, ...], front: str, back: str) -> Any:
    return genanki.Model(
        model_id,
        name,
        fields=[{"name": f} for f in fields],
        templates=[{"name": "Card 1", "qfmt": front, "afmt": back}],
        css=".card { font: 20px sans-serif; }",
    )


def bare_genanki(rows: list[Row], path: Path) -> None:
    """What a careful hand-written genanki script would do with the same texts."""
    choice = _model(
        1607392319,
        "bare choice",
        ("Question", "Options", "Key", "Explanation", "Citation", "FactId", "QuestionId"),
        "{{Question}}{{Options}}",
        "{{Question}}{{Options}}{{Key}}{{Explanation}}{{Citation}}",
    )
    basic = _model(
        1607392320,
        "bare basic",
        ("Front", "Back", "Explanation", "Citation", "FactId", "QuestionId"),
        "{{Front}}",
        "{{Front}}{{Back}}{{Explanation}}{{Citation}}{{FactId}}",
    )
    decks: dict[str, Any] = {}
    for stem, options, key, explanation, citation, qid, fact, topic, document in rows:
        name = f"bare::{topic}"
        deck = decks.setdefault(name, genanki.Deck(2059400110 + len(decks), name))
        marks = [' class="key"' if i == key else "" for i in range(len(options))]
        items = "".join(
            f'<li data-index="{i}"{marks[i]}>{chr(65 + i)}. {_ESC(o)}</li>'
            for i, o in enumerate(options)
        )
        common = [_ESC(explanation), f"<div>{_ESC(citation)}</div>", _ESC(fact), _ESC(qid)]
        tags = [f"bare::topic::{topic}", "bare::form::multiple-choice", f"bare::source::{document}"]
        deck.add_note(
            genanki.Note(
                choice,
                [
                    _ESC(stem),
                    f"<ul>{items}</ul>",
                    _ESC(f"{chr(65 + key)}. {options[key]}"),
                    *common,
                ],
                tags=tags,
                guid=genanki.guid_for("bare", qid),
            )
        )
        deck.add_note(
            genanki.Note(
                basic,
                [_ESC(stem), _ESC(options[key]), *common],
                tags=tags,
                guid=genanki.guid_for("bare", "recall", qid),
            )
        )
    genanki.Package(list(decks.values())).write_to_file(str(path), timestamp=1_700_000_000)


def main() -> None:
    """Time both exports RUNS times each and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        base = load_fact_base(write_notes(Path(tmp) / "notes", QUESTIONS))
        qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), seed=1)
        rows: list[Row] = [
            (
                q.stem,
                q.options,
                q.key_index,
                q.explanation,
                q.sources[0].text(),
                q.id,
                q.fact,
                q.topics[0],
                Path(q.sources[0].document).stem,
            )
            for q in qset.questions
        ]
        ours, bare = [], []
        for run in range(RUNS):
            started = time.perf_counter()
            size = len(export_anki(qset, base, environ={}).content)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare_genanki(rows, Path(tmp) / f"bare-{run}.apkg")
            bare.append(time.perf_counter() - started)
            line = {
                "run": run,
                "questions": len(qset.questions),
                "apkg_bytes": size,
                "quizgen_s": round(ours[-1], 3),
                "bare_genanki_s": round(bare[-1], 3),
            }
            print(json.dumps(line), flush=True)
    print(
        json.dumps(
            {
                "questions": len(qset.questions),
                "quizgen_best_s": round(min(ours), 3),
                "bare_genanki_best_s": round(min(bare), 3),
                "ratio": round(min(ours) / min(bare), 2),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Anki export of 10,000 multiple-choice questions against a bare genanki script.

The bare script writes the same notes (one multiple-choice note and one recall note per
question, the same texts) with minimal note types and no quizgen code: the ratio is quizgen's
overhead (escaping, tags, sub-decks, reproducible zip). Goal (not asserted): under 1.3x.
Prints one JSON line per run and one with the best times and their ratio.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import genanki

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes  # noqa: E402

from quizgen.anki import export_anki  # noqa: E402
from quizgen.generator import GenerateOptions, generate_set  # noqa: E402
from quizgen.loader import load_fact_base  # noqa: E402

QUESTIONS = 10_000
RUNS = 3
Row = tuple[str, str, str, str, str, str]  # stem, options, key, explanation, citation, id


def bare_genanki(rows: list[Row], path: Path) -> None:
    """What a hand-written genanki script would do with the same texts."""
    choice = genanki.Model(
        1607392319, "bare choice",
        fields=[{"name": n} for n in ("Question", "Options", "Key", "Explanation", "Citation",
                                      "QuestionId")],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}{{Options}}",
                    "afmt": "{{Options}}{{Key}}{{Explanation}}{{Citation}}"}],
    )  # fmt: skip
    basic = genanki.Model(
        1607392320, "bare basic",
        fields=[{"name": n} for n in ("Front", "Back", "Explanation", "Citation")],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                    "afmt": "{{Front}}{{Back}}{{Explanation}}{{Citation}}"}],
    )  # fmt: skip
    deck = genanki.Deck(2059400110, "bare")
    for stem, options, key, explanation, citation, qid in rows:
        deck.add_note(genanki.Note(choice, [stem, options, key, explanation, citation, qid],
                                   guid=genanki.guid_for("bare", qid)))  # fmt: skip
        deck.add_note(genanki.Note(basic, [stem, key, explanation, citation],
                                   guid=genanki.guid_for("bare", "recall", qid)))  # fmt: skip
    genanki.Package(deck).write_to_file(str(path), timestamp=1_700_000_000)


def main() -> None:
    """Time both exports RUNS times each and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        base = load_fact_base(write_notes(Path(tmp) / "notes", QUESTIONS))
        qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), seed=1)
        rows: list[Row] = [
            (q.stem, "<ul>" + "".join(f"<li>{o}</li>" for o in q.options) + "</ul>",
             q.right_answer_text(), q.explanation, q.sources[0].text(), q.id)
            for q in qset.questions
        ]  # fmt: skip
        ours, bare = [], []
        for run in range(RUNS):
            started = time.perf_counter()
            size = len(export_anki(qset, base, environ={}).content)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare_genanki(rows, Path(tmp) / f"bare-{run}.apkg")
            bare.append(time.perf_counter() - started)
            print(json.dumps({"run": run, "questions": len(qset.questions), "apkg_bytes": size,
                              "quizgen_s": round(ours[-1], 3), "bare_genanki_s": round(bare[-1], 3)}),
                  flush=True)  # fmt: skip
    print(json.dumps({
        "questions": len(qset.questions), "quizgen_best_s": round(min(ours), 3),
        "bare_genanki_best_s": round(min(bare), 3), "ratio": round(min(ours) / min(bare), 2),
    }))  # fmt: skip


if __name__ == "__main__":
    main()

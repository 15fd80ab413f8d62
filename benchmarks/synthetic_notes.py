"""Write a synthetic fact base of N facts as YAML (for benchmarks; never shipped)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

COUNTRIES = ("alpha", "beta", "gamma", "delta", "epsilon")


def write_notes(folder: Path, facts: int) -> Path:
    """A fact base of `facts` facts in `folder`, with people, figures, dates and texts."""
    (folder / "facts").mkdir(parents=True, exist_ok=True)
    people = max(20, facts // 50)
    _dump(
        folder / "sources.yaml",
        {
            "sources": [
                {
                    "id": "doc",
                    "file": "doc.txt",
                    "sha256": "0" * 64,
                    "outlet": "Synthetic Times",
                    "headline": "Synthetic",
                    "date": None,
                    "date_note": "invented",
                    "summary": "invented",
                    "revised": "2026-11-22",
                }
            ]
        },
    )
    entities = [
        {"id": f"country-{c}", "kind": "country", "name": f"Country {c}"} for c in COUNTRIES
    ]
    entities += [
        {
            "id": f"person-{i}",
            "kind": "person",
            "name": f"Person {i:06d}",
            "role": "Official",
            "country": f"country-{COUNTRIES[i % 5]}",
        }
        for i in range(people)
    ]
    _dump(folder / "entities.yaml", {"entities": entities})
    _dump(
        folder / "topics.yaml",
        {
            "topics": [
                {"id": f"topic-{t}", "title": f"Topic {t}", "description": "t"} for t in range(8)
            ]
        },
    )
    records = [_fact(i, people) for i in range(facts)]
    per_file = 5000
    for start in range(0, facts, per_file):
        _dump(
            folder / "facts" / f"part-{start // per_file:04d}.yaml",
            {"facts": records[start : start + per_file]},
        )
    return folder


def _fact(i: int, people: int) -> dict[str, object]:
    shape = i % 4
    base: dict[str, object] = {
        "id": f"fact-{i:07d}",
        "statement": f"Statement number {i}.",
        "topics": [f"topic-{i % 8}"],
        "explanation": f"Explanation {i}.",
        "revised": "2026-11-22",
        "evidence": [{"source": "doc", "quote": f"quote {i}"}],
    }
    if shape == 0:
        base |= {
            "kind": "who-said",
            "question": f"Who said thing {i}?",
            "answer": {"entity": f"person-{i % people}"},
        }
    elif shape == 1:
        base |= {
            "kind": "number",
            "question": f"How many in case {i}?",
            "answer": {"number": 100 + (i * 37) % 100_000, "unit": f"unit-{i % 3}"},
        }
    elif shape == 2:
        day = dt.date(2016, 1, 1) + dt.timedelta(days=i % 365)
        base |= {
            "kind": "date",
            "question": f"When did event {i} happen?",
            "answer": {"date": day.isoformat(), "precision": "day"},
            "event": f"Event {i}",
            "event_date": {"date": day.isoformat(), "precision": "day"},
        }
    else:
        base |= {
            "kind": "cause",
            "question": f"Why did {i} happen?",
            "answer": {"text": f"reason {i}"},
            "distractors": [f"wrong {i} a", f"wrong {i} b", f"wrong {i} c"],
        }
    return base


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")

"""Shared fixtures: a small valid fact base and the invented documents that prove it.

The two documents are made up for the tests (a town opening a bridge) and written in our own
words; the fact base cites them the way the shipped one cites the real documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.paths import shipped_notes_dir

GAZETTE = """\
The Harbour Town Gazette

Mayor Lena Ortiz opened the River Bridge on March 3, 2015 \u2014 two years later than planned.
\u201cThis bridge joins the two halves of our town,\u201d Ortiz told the crowd on the east bank.
The town council counted 1,800 guests, while the organisers spoke of 2,500.
Work was delayed because the steel beams arrived from Norland in the wrong   size.
"""

COURIER = """\
Valley Courier

Councillor Tom Reyes said the bridge cost 40 million crowns, twice the first estimate.
An earlier report dated the opening to 2105, a typing error for 2015.
"""

DOCUMENTS = {"gazette-bridge.txt": GAZETTE, "courier-cost.txt": COURIER}


def sha256_of(text: str) -> str:
    """The SHA-256 of a document's UTF-8 bytes, as sources.yaml records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


SOURCES = f"""\
sources:
  - id: gazette-bridge
    file: gazette-bridge.txt
    sha256: {sha256_of(GAZETTE)}
    outlet: The Harbour Town Gazette
    headline: Mayor opens the River Bridge
    date: {{date: 2015-03, precision: month}}
    summary: The mayor opens a long-delayed bridge; crowd counts differ.
    revised: 2026-11-22
  - id: courier-cost
    file: courier-cost.txt
    sha256: {sha256_of(COURIER)}
    outlet: unknown
    headline: What the bridge cost
    date: null
    date_note: No date is printed; it follows the opening.
    summary: A councillor gives the bridge's cost.
    revised: 2026-11-22
"""

ENTITIES = """\
entities:
  - id: lena-ortiz
    kind: person
    name: Lena Ortiz
    aliases: [Ortiz, Mayor Ortiz]
    role: Mayor of Harbour Town
    country: norland
  - id: tom-reyes
    kind: person
    name: Tom Reyes
    role: Town councillor
    organisation: town-council
  - id: norland
    kind: country
    name: Norland
  - id: town-council
    kind: organisation
    name: Harbour Town council
  - id: river-bridge
    kind: place
    name: River Bridge
"""

TOPICS = """\
topics:
  - id: bridge
    title: The bridge
    description: Building and opening the River Bridge.
  - id: money
    title: Money
    description: What the bridge cost.
"""

FACTS = """\
facts:
  - id: mayor-opened-bridge
    kind: person
    statement: Mayor Lena Ortiz opened the River Bridge.
    question: Who opened the River Bridge in March 2015?
    answer: {entity: lena-ortiz}
    accepted: [the mayor]
    topics: [bridge]
    event: The River Bridge opens
    event_date: {date: 2015-03-03, precision: day}
    explanation: The mayor opened it two years late.
    evidence:
      - source: gazette-bridge
        quote: "Mayor Lena Ortiz opened the River Bridge on March 3, 2015"
    revised: 2026-11-22

  - id: bridge-opened-date
    kind: date
    statement: The River Bridge opened on March 3, 2015.
    question: On what date did the River Bridge open?
    answer: {date: 2015-03-03, precision: day}
    topics: [bridge]
    explanation: It opened two years later than planned.
    evidence:
      - source: gazette-bridge
        quote: "opened the River Bridge on March 3, 2015 - two years later than planned."
    revised: 2026-11-22

  - id: bridge-cost
    kind: number
    statement: The bridge cost 40 million crowns.
    question: According to Councillor Tom Reyes, what did the bridge cost?
    answer: {number: 40000000, unit: crowns}
    topics: [money]
    explanation: That was twice the first estimate.
    evidence:
      - source: courier-cost
        quote: "the bridge cost 40 million crowns"
    revised: 2026-11-22

  - id: crowd-size
    kind: number
    status: contested
    statement: Counts of the crowd at the opening differ.
    topics: [bridge]
    explanation: The council and the organisers gave different counts.
    variants:
      - according_to: the town council
        question: According to the town council, how many guests came to the opening?
        answer: {number: 1800, unit: guests}
        evidence:
          - source: gazette-bridge
            quote: "The town council counted 1,800 guests"
      - according_to: the organisers
        question: According to the organisers, how many guests came to the opening?
        answer: {number: 2500, unit: guests}
        evidence:
          - source: gazette-bridge
            quote: "while the organisers spoke of 2,500."
    revised: 2026-11-22

  - id: opening-year-printed-2105
    kind: detail
    status: slip
    statement: A report printed the opening year as 2105.
    note: A typing error for 2015.
    topics: [bridge]
    evidence:
      - source: courier-cost
        quote: "dated the opening to 2105, a typing error for 2015."
    revised: 2026-11-22

  - id: bridge-delay-cause
    kind: cause
    statement: The bridge was late because the steel beams arrived in the wrong size.
    question: Why did the River Bridge open late?
    answer: {text: "the steel beams arrived in the wrong size"}
    distractors:
      - "the council ran out of money"
      - "a flood washed away the works"
      - "the mayor stopped the work"
    topics: [bridge]
    explanation: The beams came from Norland in the wrong size.
    evidence:
      - source: gazette-bridge
        quote: "the steel beams arrived from Norland in the wrong size."
    revised: 2026-11-22
"""

NOTES_FILES = {
    "sources.yaml": SOURCES,
    "entities.yaml": ENTITIES,
    "topics.yaml": TOPICS,
    "facts/a.yaml": FACTS,
}

#: The `quizgen check` summary for the minimal base, before the part about documents.
#: The minimal base's facts, in file order.
MINIMAL_FACT_IDS = [
    "mayor-opened-bridge",
    "bridge-opened-date",
    "bridge-cost",
    "crowd-size",
    "opening-year-printed-2105",
    "bridge-delay-cause",
]
MINIMAL_SUMMARY = "ok: 2 sources, 5 entities (2 people), 6 facts (1 contested, 1 slip), 2 topics"


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (relative path -> text) under `root` and return `root`."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def minimal_notes(tmp_path: Path) -> Path:
    """A small valid fact base: two sources, five entities, two topics, six facts."""
    return write_files(tmp_path / "notes", NOTES_FILES)


@pytest.fixture
def documents_dir(tmp_path: Path) -> Path:
    """The two invented documents the minimal fact base cites, with matching checksums."""
    return write_files(tmp_path / "documents", DOCUMENTS)


@pytest.fixture(scope="module")
def real_base() -> FactBase:
    """The fact base shipped with quizgen."""
    return load_fact_base(shipped_notes_dir())

"""The bad-input corpus: each case breaks the minimal valid fact base in one way.

Every case names the file it changes, how, and the exact `path:line: message` problems that
`load_fact_base` must report (paths relative to the fact-base folder). A representative subset
also runs through `quizgen check`, which must exit 1 without a traceback.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FACTS, GAZETTE, sha256_of

from quizgen.cli import main
from quizgen.errors import FactBaseError
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase, Status

Mutation = Callable[[Path], None]

ALIAS = (
    "this value is reused through a YAML anchor and alias (&name / *name), which the fact base"
    " does not allow; write the value out in full"
)
FACT_KEYS = (
    "accepted, answer, distractors, event, event_date, evidence, excludes, explanation,"
    " false_statements, id, kind, multiple_choice, note, options_share, question, related,"
    " revised, short_question, short_statement, statement, status, topics"
)
FACT_KINDS = (
    "who-said, role, person, country, organisation, place, weapon, date, number, cause,"
    " consequence, detail"
)
ANSWER_SHAPES = (
    "{entity: john-kerry}, {date: 2016-10-07, precision: day},"
    " {number: 275000, unit: civilians} or {text: ...}"
)
NOT_UTF8 = "the file is not UTF-8 text; save it with UTF-8 encoding"
TAG = "is not allowed; use plain mappings, lists, strings, numbers and dates"
WORDS_26 = " ".join(["word"] * 26)
BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    + ["facts: *i", ""]
)


def replace(file: str, old: str, new: str) -> Mutation:
    """Replace the one occurrence of `old` in `file` with `new`."""

    def mutate(notes: Path) -> None:
        path = notes / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def write(file: str, content: str | bytes) -> Mutation:
    """Write (or overwrite) `file` with `content`."""

    def mutate(notes: Path) -> None:
        path = notes / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return mutate


def remove(file: str) -> Mutation:
    """Delete `file`."""

    def mutate(notes: Path) -> None:
        (notes / file).unlink()

    return mutate


def both(*mutations: Mutation) -> Mutation:
    """Apply several mutations in turn."""

    def mutate(notes: Path) -> None:
        for mutation in mutations:
            mutation(notes)

    return mutate


def remove_facts_folder(notes: Path) -> None:
    shutil.rmtree(notes / "facts")


@dataclass(frozen=True)
class Case:
    """One broken fact base: how it is broken and what `check` must say, line by line."""

    id: str
    mutate: Mutation
    expected: tuple[str, ...]
    cli: bool = False  # also run through `quizgen check`


CASES = [
    Case(
        "invalid-yaml",
        replace("facts/a.yaml", "statement: Mayor Lena Ortiz opened", "statement: Mayor: opened"),
        (
            "facts/a.yaml:4: invalid YAML at column 21: mapping values are not allowed in"
            " this context",
        ),
        cli=True,
    ),
    Case(
        "invalid-yaml-unclosed-flow",
        replace("topics.yaml", "  - id: money\n", "  - id: [money\n"),
        (
            "topics.yaml:6: invalid YAML at column 10: did not find expected ',' or ']'"
            " (while parsing a flow sequence)",
        ),
    ),
    Case(
        "unknown-key-did-you-mean",
        replace("facts/a.yaml", "    explanation: The mayor", "    explantion: The mayor"),
        (
            "facts/a.yaml:2: fact 'mayor-opened-bridge' is missing the required key 'explanation'",
            "facts/a.yaml:11: unknown key 'explantion' in fact 'mayor-opened-bridge'; did you"
            f" mean 'explanation'? (allowed: {FACT_KEYS})",
        ),
        cli=True,
    ),
    Case(
        "unknown-key-in-topic",
        replace("topics.yaml", "    title: Money", "    titel: Money"),
        (
            "topics.yaml:5: topic is missing the required key 'title'",
            "topics.yaml:6: unknown key 'titel' in topic; did you mean 'title'?"
            " (allowed: description, id, title)",
        ),
    ),
    Case(
        "missing-required-key",
        replace("facts/a.yaml", "    question: Who opened the River Bridge in March 2015?\n", ""),
        ("facts/a.yaml:2: fact 'mayor-opened-bridge' is missing the required key 'question'",),
        cli=True,
    ),
    Case(
        "list-where-text-expected",
        replace(
            "facts/a.yaml",
            "statement: Mayor Lena Ortiz opened the River Bridge.",
            "statement: [Mayor Lena Ortiz, opened the River Bridge]",
        ),
        ("facts/a.yaml:4: 'statement' of fact 'mayor-opened-bridge' must be text, not a list",),
        cli=True,
    ),
    Case(
        "number-where-mapping-expected",
        replace("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer: 42"),
        (
            "facts/a.yaml:6: 'answer' of fact 'mayor-opened-bridge' must be a mapping of keys"
            " to values (key: value)",
        ),
    ),
    Case(
        "text-where-list-expected",
        replace("facts/a.yaml", "    topics: [money]", "    topics: money"),
        (
            "facts/a.yaml:34: 'topics' of fact 'bridge-cost' must be a list, like [a, b]",
            "facts/a.yaml:34: fact 'bridge-cost' needs at least one topic",
        ),
    ),
    Case(
        "evidence-item-not-a-mapping",
        replace(
            "facts/a.yaml",
            '      - source: courier-cost\n        quote: "the bridge cost 40 million crowns"',
            '      - "the bridge cost 40 million crowns"',
        ),
        (
            "facts/a.yaml:36: each item of 'evidence' in fact 'bridge-cost' must be a mapping"
            " of keys to values (key: value)",
            "facts/a.yaml:36: fact 'bridge-cost' needs at least one evidence quote",
        ),
    ),
    Case(
        "empty-string",
        replace(
            "facts/a.yaml", "statement: Mayor Lena Ortiz opened the River Bridge.", 'statement: ""'
        ),
        ("facts/a.yaml:4: 'statement' of fact 'mayor-opened-bridge' must not be empty",),
        cli=True,
    ),
    Case(
        "empty-topic-list",
        replace("facts/a.yaml", "    topics: [money]", "    topics: []"),
        ("facts/a.yaml:34: fact 'bridge-cost' needs at least one topic",),
    ),
    Case(
        "id-not-a-slug",
        replace("facts/a.yaml", "  - id: bridge-cost", "  - id: Bridge_Cost"),
        (
            "facts/a.yaml:29: 'id' of this fact is 'Bridge_Cost'; ids are lowercase words joined"
            " by hyphens, like 'kerry-calls-for-probe'",
        ),
    ),
    Case(
        "duplicate-id-across-two-fact-files",
        write("facts/b.yaml", "facts:\n" + FACTS[FACTS.index("  - id: bridge-cost") :]),
        tuple(
            f"facts/b.yaml:{line}: duplicate fact id {fid!r}: already used at"
            f" NOTES/facts/a.yaml:{first}; give this one another id"
            for line, fid, first in (
                (2, "bridge-cost", 29),
                (14, "crowd-size", 41),
                (35, "opening-year-printed-2105", 62),
                (46, "bridge-delay-cause", 73),
            )
        ),
        cli=True,
    ),
    Case(
        "duplicate-entity-id",
        replace("entities.yaml", "  - id: river-bridge", "  - id: tom-reyes"),
        (
            "entities.yaml:19: duplicate entity id 'tom-reyes': already used at"
            " NOTES/entities.yaml:8; give this one another id",
        ),
    ),
    Case(
        "unknown-entity",
        replace("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer: {entity: lena-ortis}"),
        (
            "facts/a.yaml:6: fact 'mayor-opened-bridge' names unknown entity 'lena-ortis'; did"
            " you mean 'lena-ortiz'? (the ids are listed in entities.yaml)",
        ),
        cli=True,
    ),
    Case(
        "unknown-source",
        replace(
            "facts/a.yaml",
            '      - source: courier-cost\n        quote: "the bridge',
            ('      - source: courier-costs\n        quote: "the bridge'),
        ),
        (
            "facts/a.yaml:37: fact 'bridge-cost' names unknown source 'courier-costs'; did you"
            " mean 'courier-cost'? (the ids are listed in sources.yaml)",
        ),
        cli=True,
    ),
    Case(
        "unknown-topic",
        replace("facts/a.yaml", "    topics: [money]", "    topics: [money, finance]"),
        (
            "facts/a.yaml:34: fact 'bridge-cost' names unknown topic 'finance' (the ids are"
            " listed in topics.yaml)",
        ),
        cli=True,
    ),
    Case(
        "unknown-entity-in-entity-link",
        replace("entities.yaml", "    organisation: town-council", "    organisation: city-hall"),
        (
            "entities.yaml:12: entity 'tom-reyes' names unknown entity 'city-hall' (the ids are"
            " listed in entities.yaml)",
        ),
    ),
    Case(
        "entity-of-wrong-kind-for-fact-kind",
        replace("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer: {entity: norland}"),
        (
            "facts/a.yaml:6: fact 'mayor-opened-bridge' needs a person here, but 'norland' is"
            " a country",
        ),
        cli=True,
    ),
    Case(
        "entity-link-of-wrong-kind",
        replace("entities.yaml", "    country: norland", "    country: town-council"),
        (
            "entities.yaml:7: entity 'lena-ortiz' needs a country here, but 'town-council' is"
            " an organisation",
        ),
    ),
    Case(
        "invalid-day",
        replace(
            "facts/a.yaml",
            "answer: {date: 2015-03-03, precision: day}",
            "answer: {date: 2015-02-30, precision: day}",
        ),
        (
            "facts/a.yaml:21: 'date' of 'answer' of fact 'bridge-opened-date': '2015-02-30' is"
            " not a real calendar day (month 02 has no day 30)",
        ),
        cli=True,
    ),
    Case(
        "invalid-month",
        replace(
            "sources.yaml",
            "date: {date: 2015-03, precision: month}",
            "date: {date: 2015-13, precision: month}",
        ),
        (
            "sources.yaml:7: 'date' of source 'gazette-bridge' date: '2015-13' has no month 13;"
            " months run from 01 to 12",
        ),
    ),
    Case(
        "invalid-revision-date",
        replace(
            "facts/a.yaml",
            '        quote: "the bridge cost 40 million crowns"\n    revised: 2026-11-22',
            '        quote: "the bridge cost 40 million crowns"\n    revised: 2026-13-22',
        ),
        (
            "facts/a.yaml:39: 'revised' of fact 'bridge-cost' must be a date written"
            " YYYY-MM-DD, like 2026-11-22",
        ),
        cli=True,
    ),
    Case(
        "date-not-matching-precision",
        replace(
            "facts/a.yaml",
            "answer: {date: 2015-03-03, precision: day}",
            "answer: {date: 2015-03, precision: day}",
        ),
        (
            "facts/a.yaml:21: 'date' of 'answer' of fact 'bridge-opened-date': '2015-03' is not"
            " a day-precision date; write it like 2016-10-07",
        ),
    ),
    Case(
        "invalid-precision",
        replace(
            "facts/a.yaml",
            "answer: {date: 2015-03-03, precision: day}",
            "answer: {date: 2015-03-03, precision: days}",
        ),
        (
            "facts/a.yaml:21: 'precision' of 'answer' of fact 'bridge-opened-date' is 'days';"
            " did you mean 'day'? (allowed: day, month, year)",
        ),
        cli=True,
    ),
    Case(
        "invalid-kind",
        replace("facts/a.yaml", "    kind: person", "    kind: persn"),
        (
            "facts/a.yaml:3: 'kind' of fact 'mayor-opened-bridge' is 'persn'; did you mean"
            f" 'person'? (allowed: {FACT_KINDS})",
        ),
    ),
    Case(
        "quote-over-25-words",
        replace(
            "facts/a.yaml",
            'quote: "the bridge cost 40 million crowns"',
            f'quote: "{WORDS_26}"',
        ),
        (
            "facts/a.yaml:38: evidence quote of fact 'bridge-cost' has 26 words; cut it to at"
            " most 25 words that still prove the fact",
        ),
        cli=True,
    ),
    Case(
        "not-utf8-latin1",
        write(
            "facts/a.yaml",
            FACTS.replace("from Norland in", "from N\u00f8rland in").encode("latin-1"),
        ),
        (f"facts/a.yaml:83: {NOT_UTF8}",),
        cli=True,
    ),
    Case(
        "not-utf8-utf16",
        write("topics.yaml", "topics: []\n".encode("utf-16")),
        (f"topics.yaml:1: {NOT_UTF8}",),
    ),
    Case(
        "python-object-tag",
        replace(
            "facts/a.yaml",
            "answer: {entity: lena-ortiz}",
            "answer: !!python/object/apply:os.system [echo hacked]",
        ),
        (f"facts/a.yaml:6: YAML tag '!!python/object/apply:os.system' {TAG}",),
        cli=True,
    ),
    Case(
        "custom-tag",
        replace(
            "facts/a.yaml",
            "statement: Mayor Lena Ortiz opened the River Bridge.",
            "statement: !shout Mayor Lena Ortiz opened the River Bridge.",
        ),
        (f"facts/a.yaml:4: YAML tag '!shout' {TAG}",),
    ),
    Case(
        "alias-bomb",
        write("facts/b.yaml", BILLION_LAUGHS),
        (f"facts/b.yaml:1: {ALIAS}",),
        cli=True,
    ),
    Case(
        "recursive-alias",
        write("facts/b.yaml", "facts: &loop [*loop]\n"),
        (f"facts/b.yaml:1: {ALIAS}",),
    ),
    Case(
        "plain-alias",
        both(
            replace(
                "facts/a.yaml",
                "    topics: [bridge]\n    event:",
                "    topics: &t [bridge]\n    event:",
            ),
            replace(
                "facts/a.yaml",
                "    topics: [bridge]\n    explanation: It",
                "    topics: *t\n    explanation: It",
            ),
        ),
        (f"facts/a.yaml:8: {ALIAS}",),
    ),
    Case(
        "answer-with-two-shapes",
        replace(
            "facts/a.yaml",
            "answer: {entity: lena-ortiz}",
            "answer: {entity: lena-ortiz, text: Ortiz}",
        ),
        (
            "facts/a.yaml:6: 'answer' of fact 'mayor-opened-bridge' must have exactly one of"
            f" entity, date, number, text (found entity, text); write it like {ANSWER_SHAPES}",
        ),
        cli=True,
    ),
    Case(
        "answer-with-no-shape",
        replace("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer: {person: lena-ortiz}"),
        (
            "facts/a.yaml:6: 'answer' of fact 'mayor-opened-bridge' must have exactly one of"
            f" entity, date, number, text (found none of them); write it like {ANSWER_SHAPES}",
        ),
    ),
    Case(
        "answer-type-not-matching-kind",
        replace("facts/a.yaml", "answer: {entity: lena-ortiz}", "answer: {text: Lena Ortiz}"),
        (
            "facts/a.yaml:6: fact 'mayor-opened-bridge' is a person question, so its answer must"
            " be an entity ({entity: ...}), not a text",
        ),
        cli=True,
    ),
    Case(
        "number-with-commas",
        replace(
            "facts/a.yaml",
            "{number: 40000000, unit: crowns}",
            '{number: "40,000,000", unit: crowns}',
        ),
        (
            "facts/a.yaml:33: 'number' of 'answer' of fact 'bridge-cost' must be a number written"
            " without commas, like 275000",
        ),
    ),
    Case(
        "contested-with-one-variant",
        replace(
            "facts/a.yaml",
            FACTS[
                FACTS.index("      - according_to: the organisers") : FACTS.index(
                    "    revised: 2026-11-22\n\n  - id: opening-year"
                )
            ],
            "",
        ),
        (
            "facts/a.yaml:47: fact 'crowd-size' is contested: give at least 2 variants, each"
            " attributed",
        ),
        cli=True,
    ),
    Case(
        "slip-without-note",
        replace("facts/a.yaml", "    note: A typing error for 2015.\n", ""),
        ("facts/a.yaml:62: fact 'opening-year-printed-2105' is missing the required key 'note'",),
        cli=True,
    ),
    Case(
        "cause-without-distractors",
        replace(
            "facts/a.yaml",
            FACTS[
                FACTS.index("    distractors:") : FACTS.index(
                    "    topics: [bridge]\n    explanation: The beams"
                )
            ],
            "",
        ),
        (
            "facts/a.yaml:73: fact 'bridge-delay-cause' is a cause question: give at least 2"
            " (best 3) hand-written wrong answers under 'distractors'",
        ),
        cli=True,
    ),
    Case(
        "cause-with-one-distractor",
        replace(
            "facts/a.yaml",
            '      - "a flood washed away the works"\n      - "the mayor stopped the work"\n',
            "",
        ),
        (
            "facts/a.yaml:73: fact 'bridge-delay-cause' is a cause question: give at least 2"
            " (best 3) hand-written wrong answers under 'distractors'",
        ),
    ),
    Case(
        "event-date-without-event",
        replace("facts/a.yaml", "    event: The River Bridge opens\n", ""),
        (
            "facts/a.yaml:9: fact 'mayor-opened-bridge' has an event_date: add 'event', a short"
            " label of what happened",
        ),
        cli=True,
    ),
    Case(
        "missing-facts-folder",
        remove_facts_folder,
        ("facts:1: no fact files: add facts/<name>.yaml",),
        cli=True,
    ),
    Case(
        "missing-sources-file",
        remove("sources.yaml"),
        ("sources.yaml:1: cannot read the file: No such file or directory",),
    ),
    Case(
        "top-level-not-a-mapping",
        write("facts/b.yaml", "- id: another-fact\n  kind: detail\n"),
        (
            "facts/b.yaml:1: the file must hold one key 'facts' with a list of entries"
            " (facts: [...])",
        ),
        cli=True,
    ),
    Case(
        "empty-file",
        write("facts/b.yaml", "# nothing here yet\n"),
        (
            "facts/b.yaml:1: the file must hold one key 'facts' with a list of entries"
            " (facts: [...])",
        ),
    ),
    Case(
        "extra-top-level-key",
        write("facts/b.yaml", "facts: []\nfact: []\n"),
        ("facts/b.yaml:2: unknown key 'fact' in the file; did you mean 'facts'? (allowed: facts)",),
    ),
    Case(
        "sha256-not-hex",
        replace("sources.yaml", "sha256: " + sha256_of(GAZETTE), "sha256: not-a-checksum"),
        ("sources.yaml:4: 'sha256' of source 'gazette-bridge' must be 64 hex digits",),
    ),
    Case(
        "source-without-date-or-note",
        replace("sources.yaml", "    date_note: No date is printed; it follows the opening.\n", ""),
        (
            "sources.yaml:10: source 'courier-cost' has no date: say in 'date_note' what the"
            " text shows",
        ),
    ),
    Case(
        "person-without-role",
        replace("entities.yaml", "    role: Town councillor\n", ""),
        ("entities.yaml:8: entity 'tom-reyes' is a person: give the 'role' they held in 2016",),
    ),
]


def expected_lines(notes: Path, case: Case) -> list[str]:
    return [f"{notes}/{line}".replace("NOTES", str(notes)) for line in case.expected]


def reported_lines(notes: Path) -> list[str]:
    with pytest.raises(FactBaseError) as info:
        load_fact_base(notes)
    return [str(problem) for problem in info.value.problems]


def test_minimal_base_is_valid(minimal_notes: Path) -> None:
    base = load_fact_base(minimal_notes)
    assert isinstance(base, FactBase)
    assert [s.id for s in base.sources] == ["gazette-bridge", "courier-cost"]
    assert len(base.entities) == 5
    assert [t.id for t in base.topics] == ["bridge", "money"]
    assert [f.status for f in base.facts].count(Status.CONTESTED) == 1
    assert [f.status for f in base.facts].count(Status.SLIP) == 1
    assert len(base.facts) == 6


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_reported_exactly(minimal_notes: Path, case: Case) -> None:
    case.mutate(minimal_notes)
    assert reported_lines(minimal_notes) == expected_lines(minimal_notes, case)


CLI_CASES = [case for case in CASES if case.cli]


@pytest.mark.parametrize("case", CLI_CASES, ids=[case.id for case in CLI_CASES])
def test_check_reports_bad_input_without_traceback(minimal_notes: Path, case: Case) -> None:
    case.mutate(minimal_notes)
    result = CliRunner().invoke(
        main, ["check", "--notes", str(minimal_notes)], env={"QUIZGEN_DOCUMENTS": None}
    )
    count = len(case.expected)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *expected_lines(minimal_notes, case),
        f"Error: {count} problem{'s' if count != 1 else ''} found; fix them and run again",
    ]
    assert "Traceback" not in result.output


def test_problems_in_several_files_are_all_reported_in_one_run(minimal_notes: Path) -> None:
    broken = [
        next(case for case in CASES if case.id == name)
        for name in (
            "sha256-not-hex",
            "person-without-role",
            "unknown-key-in-topic",
            "quote-over-25-words",
            "alias-bomb",
        )
    ]
    for case in broken:
        case.mutate(minimal_notes)
    expected = sorted(line for case in broken for line in expected_lines(minimal_notes, case))
    assert len(expected) == 6
    assert len({line.split(":", 1)[0] for line in expected}) == 5  # five different files
    assert reported_lines(minimal_notes) == expected
    result = CliRunner().invoke(main, ["check", "--notes", str(minimal_notes)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *expected,
        "Error: 6 problems found; fix them and run again",
    ]

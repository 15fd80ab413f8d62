"""The newer optional fields: a fact's `false_statements` and `options_share`, and the entity
attributes those options are matched on (gender, office, council_seat, caption_only).

The rest of reading a fact is covered by the bad-input corpus in test_loader.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import FactBaseError
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase, FalseStatement
from quizgen.questions.generator import GenerateOptions, generate_set

#: Lines of the minimal base (tests/conftest.py) after which new keys are inserted.
AFTER_ACCEPTED = "    accepted: [the mayor]\n"  # facts/a.yaml:7, in fact 'mayor-opened-bridge'
AFTER_COST = "    answer: {number: 40000000, unit: crowns}\n"  # facts/a.yaml:33, 'bridge-cost'
AFTER_CROWD = "    explanation: The council and the organisers gave different counts.\n"  # :46
AFTER_SLIP = "    note: A typing error for 2015.\n"  # facts/a.yaml:66
AFTER_CAUSE = '    answer: {text: "the steel beams arrived in the wrong size"}\n'  # :77
AFTER_ORTIZ = "    country: norland\n"  # entities.yaml:7, in entity 'lena-ortiz'
AFTER_NORLAND = "    name: Norland\n"  # entities.yaml:15
AFTER_COUNCIL = "    name: Harbour Town council\n"  # entities.yaml:18
AFTER_BRIDGE = "    name: River Bridge\n"  # entities.yaml:21

CONTESTED_KEYS = (
    "distractors, event, event_date, excludes, explanation, id, kind, note, options_share,"
    " related, revised, statement, status, topics, variants"
)
SLIP_KEYS = (
    "event, event_date, evidence, explanation, id, kind, note, revised, statement, status, topics"
)
OPTION_ATTRIBUTES = "gender, office, country, organisation, council_seat"


def insert(notes: Path, file: str, after: str, lines: str) -> None:
    path = notes / file
    text = path.read_text(encoding="utf-8")
    assert text.count(after) == 1, f"{after!r} must occur once in {file}"
    path.write_text(text.replace(after, after + lines), encoding="utf-8")


def load_after(notes: Path, file: str, after: str, lines: str) -> FactBase:
    insert(notes, file, after, lines)
    return load_fact_base(notes)


def problems_after(notes: Path, file: str, after: str, lines: str) -> list[str]:
    insert(notes, file, after, lines)
    with pytest.raises(FactBaseError) as info:
        load_fact_base(notes)
    return [str(p).removeprefix(f"{notes}/") for p in info.value.problems]


# --- false_statements ------------------------------------------------------------------------


def test_false_statements_are_read_with_their_reasons(minimal_notes: Path) -> None:
    lines = (
        "    false_statements:\n"
        "      - statement: Councillor   Tom Reyes opened the River Bridge.\n"
        "        why_false: The mayor, Lena Ortiz, opened it.\n"
        "      - statement: Mayor Lena Ortiz closed the River Bridge.\n"
        "        why_false: She opened it.\n"
    )
    base = load_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines)
    assert base.fact("mayor-opened-bridge").false_statements == (
        FalseStatement(
            statement="Councillor Tom Reyes opened the River Bridge.",
            why_false="The mayor, Lena Ortiz, opened it.",
        ),
        FalseStatement(
            statement="Mayor Lena Ortiz closed the River Bridge.", why_false="She opened it."
        ),
    )


@pytest.mark.parametrize("lines", ["", "    false_statements:\n", "    false_statements: []\n"])
def test_false_statements_absent_or_empty_are_none(minimal_notes: Path, lines: str) -> None:
    base = load_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines)
    assert base.fact("mayor-opened-bridge").false_statements == ()


FS = "a false statement of fact 'mayor-opened-bridge'"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "    false_statements: Tom Reyes opened it.\n",
            [
                "facts/a.yaml:8: 'false_statements' of fact 'mayor-opened-bridge' must be a list"
                " of mappings"
            ],
        ),
        (
            "    false_statements:\n      - Tom Reyes opened it.\n",
            [
                "facts/a.yaml:8: each item of 'false_statements' in fact 'mayor-opened-bridge'"
                " must be a mapping of keys to values (key: value)"
            ],
        ),
        (
            "    false_statements:\n      - statement: Tom Reyes opened it.\n",
            [f"facts/a.yaml:9: {FS} is missing the required key 'why_false'"],
        ),
        (
            "    false_statements:\n      - why_false: The mayor opened it.\n",
            [f"facts/a.yaml:9: {FS} is missing the required key 'statement'"],
        ),
        (
            "    false_statements:\n"
            "      - statement: Tom Reyes opened it.\n"
            "        whyfalse: The mayor opened it.\n",
            [
                f"facts/a.yaml:9: {FS} is missing the required key 'why_false'",
                f"facts/a.yaml:10: unknown key 'whyfalse' in {FS}; did you mean 'why_false'?"
                " (allowed: short_statement, statement, why_false)",
            ],
        ),
        (
            "    false_statements:\n"
            "      - statement: Tom Reyes opened it.\n"
            "        why_false: The mayor opened it.\n"
            "        source: gazette-bridge\n",
            [
                f"facts/a.yaml:11: unknown key 'source' in {FS}"
                " (allowed: short_statement, statement, why_false)"
            ],
        ),
        (
            '    false_statements:\n      - statement: ""\n        why_false: The mayor did.\n',
            [f"facts/a.yaml:9: 'statement' of {FS} must not be empty"],
        ),
        (
            "    false_statements:\n      - statement: Tom Reyes opened it.\n        why_false:\n",
            [f"facts/a.yaml:10: 'why_false' of {FS} must be text, not nothing (null)"],
        ),
    ],
    ids=[
        "not-a-list",
        "item-not-a-mapping",
        "no-why-false",
        "no-statement",
        "misspelled-key",
        "extra-key",
        "empty-statement",
        "null-why-false",
    ],
)
def test_false_statements_problems(minimal_notes: Path, lines: str, expected: list[str]) -> None:
    assert problems_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (
            AFTER_CROWD,
            f"facts/a.yaml:47: unknown key 'false_statements' in fact 'crowd-size'"
            f" (allowed: {CONTESTED_KEYS})",
        ),
        (
            AFTER_SLIP,
            "facts/a.yaml:67: unknown key 'false_statements' in fact 'opening-year-printed-2105'"
            f" (allowed: {SLIP_KEYS})",
        ),
    ],
    ids=["contested", "slip"],
)
def test_only_a_settled_fact_has_false_statements(
    minimal_notes: Path, after: str, expected: str
) -> None:
    lines = (
        "    false_statements:\n      - statement: Nobody came.\n        why_false: Many came.\n"
    )
    assert problems_after(minimal_notes, "facts/a.yaml", after, lines) == [expected]


# --- options_share ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[gender, office]", ("gender", "office")),
        ("[country, organisation, council_seat]", ("country", "organisation", "council_seat")),
        ("[]", ()),
    ],
)
def test_options_share_is_read(minimal_notes: Path, value: str, expected: tuple[str, ...]) -> None:
    lines = f"    options_share: {value}\n"
    base = load_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines)
    assert base.fact("mayor-opened-bridge").options_share == expected


def test_options_share_absent_is_empty(minimal_notes: Path) -> None:
    assert load_fact_base(minimal_notes).fact("mayor-opened-bridge").options_share == ()


def test_a_contested_fact_may_have_options_share_but_only_for_entity_answers(
    minimal_notes: Path,
) -> None:
    # The key is allowed (no "unknown key"), but 'crowd-size' asks for numbers.
    lines = "    options_share: [gender]\n"
    assert problems_after(minimal_notes, "facts/a.yaml", AFTER_CROWD, lines) == [
        "facts/a.yaml:47: fact 'crowd-size' is a number question: 'options_share' only narrows"
        " entity answers; give hand-picked 'distractors' instead"
    ]


MOB = "'options_share' of fact 'mayor-opened-bridge'"


@pytest.mark.parametrize(
    ("after", "value", "expected"),
    [
        (
            AFTER_ACCEPTED,
            "[gendre]",
            [
                f"facts/a.yaml:8: {MOB} names 'gendre'; did you mean 'gender'?"
                f" (allowed: {OPTION_ATTRIBUTES})"
            ],
        ),
        (
            AFTER_ACCEPTED,
            "[gender, colour]",
            [f"facts/a.yaml:8: {MOB} names 'colour' (allowed: {OPTION_ATTRIBUTES})"],
        ),
        (
            AFTER_ACCEPTED,
            "[role, kind]",
            [
                f"facts/a.yaml:8: {MOB} names 'kind' (allowed: {OPTION_ATTRIBUTES})",
                f"facts/a.yaml:8: {MOB} names 'role' (allowed: {OPTION_ATTRIBUTES})",
            ],
        ),
        (AFTER_ACCEPTED, "gender", [f"facts/a.yaml:8: {MOB} must be a list, like [a, b]"]),
        (AFTER_ACCEPTED, "[gender, '']", [f"facts/a.yaml:8: {MOB} has an empty item"]),
        (
            AFTER_COST,
            "[gender]",
            [
                "facts/a.yaml:34: fact 'bridge-cost' is a number question: 'options_share' only"
                " narrows entity answers; give hand-picked 'distractors' instead"
            ],
        ),
        (
            AFTER_CAUSE,
            "[office]",
            [
                "facts/a.yaml:78: fact 'bridge-delay-cause' is a cause question: 'options_share'"
                " only narrows entity answers; give hand-picked 'distractors' instead"
            ],
        ),
        (
            AFTER_COST,
            "[colour]",
            [
                "facts/a.yaml:34: 'options_share' of fact 'bridge-cost' names 'colour'"
                f" (allowed: {OPTION_ATTRIBUTES})",
                "facts/a.yaml:34: fact 'bridge-cost' is a number question: 'options_share' only"
                " narrows entity answers; give hand-picked 'distractors' instead",
            ],
        ),
        (
            AFTER_SLIP,
            "[gender]",
            [
                "facts/a.yaml:67: fact 'opening-year-printed-2105' is a detail question:"
                " 'options_share' only narrows entity answers; give hand-picked 'distractors'"
                " instead",
                "facts/a.yaml:67: unknown key 'options_share' in fact 'opening-year-printed-2105'"
                f" (allowed: {SLIP_KEYS})",
            ],
        ),
    ],
    ids=[
        "misspelled",
        "unknown-name",
        "two-unknown-names",
        "not-a-list",
        "empty-item",
        "number-fact",
        "cause-fact",
        "unknown-name-on-number-fact",
        "slip",
    ],
)
def test_options_share_problems(
    minimal_notes: Path, after: str, value: str, expected: list[str]
) -> None:
    lines = f"    options_share: {value}\n"
    assert problems_after(minimal_notes, "facts/a.yaml", after, lines) == expected


# --- entity attributes -----------------------------------------------------------------------


def test_entity_attributes_are_read(minimal_notes: Path) -> None:
    insert(
        minimal_notes,
        "entities.yaml",
        AFTER_ORTIZ,
        "    gender: female\n    office: mayor\n    caption_only: true\n",
    )
    base = load_after(minimal_notes, "entities.yaml", AFTER_NORLAND, "    council_seat: elected\n")
    ortiz, norland = base.entity("lena-ortiz"), base.entity("norland")
    assert (ortiz.gender, ortiz.office, ortiz.council_seat, ortiz.caption_only) == (
        "female",
        "mayor",
        None,
        True,
    )
    assert (norland.gender, norland.office, norland.council_seat, norland.caption_only) == (
        None,
        None,
        "elected",
        False,
    )
    assert [ortiz.attribute(name) for name in ("gender", "office", "country")] == [
        "female",
        "mayor",
        "norland",
    ]


def test_entity_attributes_absent_are_none(minimal_notes: Path) -> None:
    reyes = load_fact_base(minimal_notes).entity("tom-reyes")
    assert (reyes.gender, reyes.office, reyes.council_seat, reyes.caption_only) == (
        None,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("after", "lines", "expected"),
    [
        (
            AFTER_ORTIZ,
            "    gender: femal\n",
            "entities.yaml:8: 'gender' of entity 'lena-ortiz' is 'femal'; did you mean 'female'?"
            " (allowed: female, male)",
        ),
        (
            AFTER_ORTIZ,
            "    gender: Female\n",
            "entities.yaml:8: 'gender' of entity 'lena-ortiz' is 'Female'; did you mean 'female'?"
            " (allowed: female, male)",
        ),
        (
            AFTER_ORTIZ,
            "    gender: woman\n",
            "entities.yaml:8: 'gender' of entity 'lena-ortiz' is 'woman' (allowed: female, male)",
        ),
        (
            AFTER_ORTIZ,
            "    gender:\n",
            "entities.yaml:8: 'gender' of entity 'lena-ortiz' must be text, not nothing (null)",
        ),
        (
            AFTER_ORTIZ,
            "    gender: [female]\n",
            "entities.yaml:8: 'gender' of entity 'lena-ortiz' must be text, not a list",
        ),
        (
            AFTER_NORLAND,
            "    gender: female\n",
            "entities.yaml:16: entity 'norland' is a country: only a person has 'gender'",
        ),
        (
            AFTER_COUNCIL,
            "    gender: male\n",
            "entities.yaml:19: entity 'town-council' is an organisation: only a person has"
            " 'gender'",
        ),
        (
            AFTER_NORLAND,
            "    gender: it\n",
            "entities.yaml:16: 'gender' of entity 'norland' is 'it' (allowed: female, male)",
        ),
        (
            AFTER_NORLAND,
            "    council_seat: perm\n",
            "entities.yaml:16: 'council_seat' of entity 'norland' is 'perm'"
            " (allowed: permanent, elected)",
        ),
        (
            AFTER_NORLAND,
            "    council_seat: permanant\n",
            "entities.yaml:16: 'council_seat' of entity 'norland' is 'permanant'; did you mean"
            " 'permanent'? (allowed: permanent, elected)",
        ),
        (
            AFTER_ORTIZ,
            "    council_seat: elected\n",
            "entities.yaml:8: entity 'lena-ortiz' is a person: only a country has 'council_seat'",
        ),
        (
            AFTER_BRIDGE,
            "    council_seat: permanent\n",
            "entities.yaml:22: entity 'river-bridge' is a place: only a country has 'council_seat'",
        ),
        (
            AFTER_ORTIZ,
            "    office: Mayor of Harbour Town\n",
            "entities.yaml:8: 'office' of entity 'lena-ortiz' is 'Mayor of Harbour Town'; ids are"
            " lowercase words joined by hyphens, like 'kerry-calls-for-probe'",
        ),
        (
            AFTER_ORTIZ,
            '    office: ""\n',
            "entities.yaml:8: 'office' of entity 'lena-ortiz' must not be empty",
        ),
        (
            AFTER_ORTIZ,
            '    caption_only: "true"\n',
            "entities.yaml:8: 'caption_only' of entity 'lena-ortiz' is true or false",
        ),
        (
            AFTER_ORTIZ,
            "    caption_only: 1\n",
            "entities.yaml:8: 'caption_only' of entity 'lena-ortiz' is true or false",
        ),
        (
            AFTER_ORTIZ,
            "    caption_only:\n",
            "entities.yaml:8: 'caption_only' of entity 'lena-ortiz' is true or false",
        ),
        (
            AFTER_ORTIZ,
            "    gendre: female\n",
            "entities.yaml:8: unknown key 'gendre' in entity; did you mean 'gender'? (allowed:"
            " aliases, caption_only, council_seat, country, gender, group, id, kind, name, office,"
            " organisation, role)",
        ),
    ],
    ids=[
        "gender-misspelled",
        "gender-capitalised",
        "gender-unknown",
        "gender-null",
        "gender-list",
        "gender-on-country",
        "gender-on-organisation",
        "bad-gender-on-country",
        "seat-unknown",
        "seat-misspelled",
        "seat-on-person",
        "seat-on-place",
        "office-not-an-id",
        "office-empty",
        "caption-only-text",
        "caption-only-number",
        "caption-only-null",
        "unknown-attribute",
    ],
)
def test_entity_attribute_problems(
    minimal_notes: Path, after: str, lines: str, expected: str
) -> None:
    assert problems_after(minimal_notes, "entities.yaml", after, lines) == [expected]


def test_multiple_choice_false_asks_a_fact_as_true_false_only(minimal_notes: Path) -> None:
    facts = minimal_notes / "facts" / "a.yaml"
    text = facts.read_text(encoding="utf-8")
    marked = text.replace(
        "    accepted: [the mayor]\n", "    accepted: [the mayor]\n    multiple_choice: false\n", 1
    )
    facts.write_text(marked, encoding="utf-8")
    base = load_fact_base(minimal_notes)
    assert [f.id for f in base.facts if not f.multiple_choice] == ["mayor-opened-bridge"]
    qset = generate_set(base, GenerateOptions(), seed=1)
    asked = {q.id for q in qset.questions if q.fact == "mayor-opened-bridge"}
    assert asked and all("/tf-" in qid for qid in asked)


def test_multiple_choice_must_be_true_or_false(minimal_notes: Path) -> None:
    facts = minimal_notes / "facts" / "a.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace(
            "    accepted: [the mayor]\n",
            "    accepted: [the mayor]\n    multiple_choice: no way\n",
            1,
        ),
        encoding="utf-8",
    )
    with pytest.raises(FactBaseError) as caught:
        load_fact_base(minimal_notes)
    assert [p.message for p in caught.value.problems] == [
        "'multiple_choice' of fact 'mayor-opened-bridge' is true or false (false: asked as"
        " true/false only)"
    ]


# --- short_question --------------------------------------------------------------------------


def test_short_question_reaches_the_multiple_choice_question(minimal_notes: Path) -> None:
    lines = "    short_question: Per Tom Reyes, what did the bridge cost?\n"
    base = load_after(minimal_notes, "facts/a.yaml", AFTER_COST, lines)
    assert base.fact("bridge-cost").short_question == "Per Tom Reyes, what did the bridge cost?"
    assert base.fact("mayor-opened-bridge").short_question is None
    qset = generate_set(base, GenerateOptions(), seed=1)
    shorts = {q.id: q.short_stem for q in qset.questions if q.short_stem is not None}
    assert shorts == {"bridge-cost/mc": "Per Tom Reyes, what did the bridge cost?"}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            f"    short_question: {'W' * 120}?\n",
            "facts/a.yaml:8: 'short_question' of fact 'mayor-opened-bridge' has 121 characters;"
            " game sites take at most 120: shorten it",
        ),
        (
            "    short_question: Who opened the River Bridge in March of 2015?\n",
            "facts/a.yaml:8: 'short_question' of fact 'mayor-opened-bridge' is not shorter than"
            " its question (45 >= 42 characters): shorten it or remove it",
        ),
        (
            '    short_question: ""\n',
            "facts/a.yaml:8: 'short_question' of fact 'mayor-opened-bridge' must not be empty",
        ),
    ],
    ids=["too-long", "not-shorter", "empty"],
)
def test_short_question_problems(minimal_notes: Path, lines: str, expected: str) -> None:
    assert problems_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines) == [expected]


def test_only_a_settled_fact_has_a_short_question(minimal_notes: Path) -> None:
    lines = "    short_question: How many came?\n"
    assert problems_after(minimal_notes, "facts/a.yaml", AFTER_CROWD, lines) == [
        f"facts/a.yaml:47: unknown key 'short_question' in fact 'crowd-size'"
        f" (allowed: {CONTESTED_KEYS})"
    ]


# --- short_statement -------------------------------------------------------------------------

SHORT_STATEMENTS = (
    "    short_statement: Ortiz opened the bridge.\n"
    "    false_statements:\n"
    "      - statement: Councillor Tom Reyes opened the River Bridge.\n"
    "        short_statement: Reyes opened the bridge.\n"
    "        why_false: The mayor, Lena Ortiz, opened it.\n"
)


def test_short_statements_reach_the_true_false_items(minimal_notes: Path) -> None:
    base = load_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, SHORT_STATEMENTS)
    fact = base.fact("mayor-opened-bridge")
    assert fact.short_statement == "Ortiz opened the bridge."
    assert fact.false_statements[0].short_statement == "Reyes opened the bridge."
    shorts = {}
    options = GenerateOptions(count=1, forms=("true-false",))
    for seed in range(40):  # a set takes the true or the false item, whichever balances it
        for q in generate_set(base, options, seed=seed).questions:
            if q.fact == "mayor-opened-bridge" and q.id.split("/")[1].startswith("tf"):
                shorts[q.id] = (q.stem, q.short_stem)
    assert shorts == {
        "mayor-opened-bridge/tf-true": (
            "Mayor Lena Ortiz opened the River Bridge.",
            "Ortiz opened the bridge.",
        ),
        "mayor-opened-bridge/tf-false": (
            "Councillor Tom Reyes opened the River Bridge.",
            "Reyes opened the bridge.",
        ),
    }


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            f"    short_statement: {'W' * 121}\n",
            "facts/a.yaml:8: 'short_statement' of fact 'mayor-opened-bridge' has 121"
            " characters; game sites take at most 120: shorten it",
        ),
        (
            "    false_statements:\n"
            "      - statement: Reyes opened it.\n"
            "        short_statement: Tom Reyes opened it.\n"
            "        why_false: The mayor did.\n",
            "facts/a.yaml:10: 'short_statement' of a false statement of fact"
            " 'mayor-opened-bridge' is not shorter than its statement (20 >= 16 characters):"
            " shorten it or remove it",
        ),
    ],
    ids=["too-long", "false-not-shorter"],
)
def test_short_statement_problems(minimal_notes: Path, lines: str, expected: str) -> None:
    assert problems_after(minimal_notes, "facts/a.yaml", AFTER_ACCEPTED, lines) == [expected]

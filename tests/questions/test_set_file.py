"""Question-set files: written byte for byte the same, read back exactly, bad ones reported."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import QuestionSetError
from quizgen.questions.model import (
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    SetHeader,
)
from quizgen.questions.set_file import dump_set, load_set, write_set

COURIER = Citation(
    outlet="Valley Courier",
    headline="What the bridge cost",
    date="undated",
    document="courier-cost.txt",
    quote="the bridge cost 40 million crowns",
)
GAZETTE = Citation(
    outlet="The Harbour Town Gazette",
    headline='Mayor opens the "River Bridge": a town joined',
    date="March 2015",
    document="gazette-bridge.txt",
    quote="Mayor Lena Ortiz opened the River Bridge on March 3, 2015",
)
HEADER = SetHeader(
    title="Bridge: class test",
    seed=7,
    count=None,
    topics=(),
    forms=("multiple-choice",),
    sources=(),
    fact_base_revision="2026-11-22",
    fact_base_digest="3f2a",
)
COST = Question(
    id="bridge-cost/mc",
    form=Form.MULTIPLE_CHOICE,
    stem="According to Councillor Tom Reyes, what did the bridge cost?",
    options=("20,000,000 crowns", "40,000,000 crowns", "60,000,000 crowns"),
    answer=1,
    fact="bridge-cost",
    explanation="That was twice the first estimate.",
    sources=(COURIER,),
    topics=("money",),
    options_sorted=True,
    related=("crowd-size",),
)

COST_YAML = """\
title: 'Bridge: class test'
seed: 7
count: null
topics: []
forms:
- multiple-choice
sources: []
fact_base:
  revision: '2026-11-22'
  digest: 3f2a
questions:
- id: bridge-cost/mc
  form: multiple-choice
  stem: According to Councillor Tom Reyes, what did the bridge cost?
  options:
  - 20,000,000 crowns
  - 40,000,000 crowns
  - 60,000,000 crowns
  answer: 1
  fact: bridge-cost
  options_sorted: true
  related:
  - crowd-size
  explanation: That was twice the first estimate.
  sources:
  - outlet: Valley Courier
    headline: What the bridge cost
    date: undated
    document: courier-cost.txt
    quote: the bridge cost 40 million crowns
  topics:
  - money
"""


def every_field_set() -> QuestionSet:
    """A variant file's set with every form and every optional field, and awkward texts."""
    header = SetHeader(
        title="Bridge #2: class test — François's set",
        seed=20,
        count=4,
        topics=("bridge", "money"),
        forms=("multiple-choice", "true-false", "timeline"),
        sources=("gazette-bridge", "courier-cost"),
        fact_base_revision="2026-11-22",
        fact_base_digest="0123456789",
        variant="B",
        variants=3,
        used_before=("bridge-delay-cause", "opening-speech"),
    )
    who = Question(
        id="mayor-opened-bridge/mc",
        form=Form.MULTIPLE_CHOICE,
        stem="Who opened the River Bridge in March 2015? (Answer: the mayor?)",
        short_stem="Who opened the bridge?",
        options=("Tom Reyes", "Lena Ortiz", "null", "- yes: no"),
        answer=1,
        fact="mayor-opened-bridge",
        explanation="The mayor opened it two years late.",
        sources=(GAZETTE, COURIER),
        topics=("bridge",),
        related=("bridge-opened-date", "crowd-size"),
    )
    true_false = Question(
        id="bridge-cost/tf-false",
        form=Form.TRUE_FALSE,
        stem="The bridge cost 50 million crowns.",
        options=TRUE_FALSE_OPTIONS,
        answer=1,
        fact="bridge-cost",
        explanation="It cost 40 million crowns. What is true: the bridge cost 40 million crowns.",
        sources=(COURIER,),
        topics=("money",),
    )
    order = Question(
        id="mayor-opened-bridge/order",
        form=Form.TIMELINE_ORDER,
        stem="Put these events in the order they happened, earliest first.",
        options=("The bridge opens", "2014", "Work starts → late"),
        answer=(2, 1, 0),
        fact="mayor-opened-bridge",
        explanation="In order: work started; 2014; the bridge opened.",
        sources=(GAZETTE,),
        topics=("bridge", "money"),
        facts=("work-starts", "beams-arrive", "mayor-opened-bridge"),
        related=("bridge-opened-date",),
    )
    return QuestionSet(header, (who, COST, true_false, order))


def test_a_set_is_written_in_the_documented_shape() -> None:
    assert dump_set(QuestionSet(HEADER, (COST,))) == COST_YAML


def test_write_set_writes_utf8_with_lf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    qset = every_field_set()
    write_set(qset, path)
    assert path.read_bytes() == dump_set(qset).encode("utf-8")
    assert b"\r\n" not in path.read_bytes()
    assert "François" in path.read_text(encoding="utf-8")  # written as is, not escaped


def test_every_field_survives_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    qset = every_field_set()
    write_set(qset, path)
    loaded = load_set(path)
    assert loaded == qset
    assert dump_set(loaded) == dump_set(qset)


def test_a_set_without_variant_writes_no_variant_keys(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    write_set(QuestionSet(HEADER, (COST,)), path)
    assert "variant" not in path.read_text(encoding="utf-8")
    loaded = load_set(path)
    assert (loaded.header.variant, loaded.header.variants) == (None, 1)


TEXT = st.text(min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(bool)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=TEXT, options=st.lists(TEXT, min_size=3, max_size=4, unique=True), title=TEXT)
def test_any_text_survives_a_round_trip(
    tmp_path: Path, stem: str, options: list[str], title: str
) -> None:
    question = Question(
        id="f/mc",
        form=Form.MULTIPLE_CHOICE,
        stem=stem,
        options=tuple(options),
        answer=len(options) - 1,
        fact="f",
        explanation=stem,
        sources=(COURIER,),
        topics=(),
    )
    qset = QuestionSet(dataclasses.replace(HEADER, title=title), (question,))
    path = tmp_path / "set.yaml"
    write_set(qset, path)
    assert load_set(path) == qset


# ---- bad files: every problem, each with its file and line ----

VALID = """\
title: Bridge test
seed: 7
count: null
topics: []
forms: [multiple-choice]
sources: []
fact_base: {revision: '2026-11-22', digest: 3f2a}
questions:
  - id: bridge-cost/mc
    form: multiple-choice
    stem: What did the bridge cost?
    options: [20 million crowns, 40 million crowns, 60 million crowns]
    answer: 1
    fact: bridge-cost
    explanation: Twice the first estimate.
    sources:
      - {outlet: Valley Courier, headline: Cost, date: undated, document: c.txt, quote: q}
    topics: [money]
"""
QUESTION = VALID.split("questions:\n")[1]
WHAT = "question 'bridge-cost/mc'"


def edited(*swaps: tuple[str, str]) -> str:
    text = VALID
    for old, new in swaps:
        assert old in text
        text = text.replace(old, new)
    return text


def problems_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("set.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(QuestionSetError) as caught:
        load_set(Path("set.yaml"))
    return [str(p) for p in caught.value.problems]


def test_the_valid_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(VALID, encoding="utf-8")
    qset = load_set(path)
    assert [q.id for q in qset.questions] == ["bridge-cost/mc"]
    assert qset.questions[0].right_answer_text() == "40 million crowns"


BAD_SETS = {
    "answer out of range": (
        edited(("answer: 1", "answer: 3")),
        [f"set.yaml:13: 'answer' of {WHAT} must be an option index from 0 to 2"],
    ),
    "answer true/false": (
        edited(("answer: 1", "answer: true")),
        [f"set.yaml:13: 'answer' of {WHAT} must be an option index from 0 to 2"],
    ),
    "two options": (
        edited((", 60 million crowns]", "]")),
        [f"set.yaml:12: {WHAT} needs at least 3 options"],
    ),
    "true-false options": (
        edited(("form: multiple-choice", "form: true-false")),
        [f"set.yaml:12: {WHAT} is true-false: options must be [True, False]"],
    ),
    "unknown form": (
        edited(("form: multiple-choice", "form: multiple choice")),
        [
            f"set.yaml:10: 'form' of {WHAT} is 'multiple choice'; did you mean"
            " 'multiple-choice'? (allowed: multiple-choice, true-false, timeline-order)"
        ],
    ),
    "misspelt key": (
        edited(("stem:", "stme:")),
        [
            f"set.yaml:11: unknown key 'stme' in {WHAT}; did you mean 'stem'? (allowed: answer,"
            " explanation, fact, facts, form, id, options, options_sorted, related, short_stem,"
            " sources, stem, topics, verified)",
            f"set.yaml:9: {WHAT} is missing the required key 'stem'",
        ],
    ),
    "order not a permutation": (
        edited(
            ("form: multiple-choice", "form: timeline-order"), ("answer: 1", "answer: [0, 0, 2]")
        ),
        [
            f"set.yaml:13: 'answer' of {WHAT} must list every option index once, in order,"
            " like [0, 1, 2]"
        ],
    ),
    "order a single index": (
        edited(("form: multiple-choice", "form: timeline-order")),
        [
            f"set.yaml:13: 'answer' of {WHAT} must list every option index once, in order,"
            " like [0, 1, 2]"
        ],
    ),
    "seed not a number": (
        edited(("seed: 7", "seed: seven")),
        ["set.yaml:2: 'seed' must be a whole number, like 20"],
    ),
    "count zero": (
        edited(("count: null", "count: 0")),
        ["set.yaml:3: 'count' must be a positive whole number or null"],
    ),
    "variants zero": (
        VALID + "variant: A\nvariants: 0\n",
        ["set.yaml:20: 'variants' must be a positive whole number"],
    ),
    "no citation": (
        edited(
            (
                "    sources:\n      - {outlet: Valley Courier, headline: Cost, date: undated,"
                " document: c.txt, quote: q}\n",
                "    sources: []\n",
            )
        ),
        [f"set.yaml:16: {WHAT} needs at least one source citation"],
    ),
    "citation without quote": (
        edited((", quote: q}", "}")),
        [
            f"set.yaml:17: a source of {WHAT} is missing the required key 'quote'",
            f"set.yaml:16: {WHAT} needs at least one source citation",
        ],
    ),
    "options_sorted as text": (
        edited(("    topics: [money]\n", "    topics: [money]\n    options_sorted: 'true'\n")),
        [f"set.yaml:19: 'options_sorted' of {WHAT} is true/false"],
    ),
    "duplicate id": (
        VALID + QUESTION,
        ["set.yaml:19: duplicate question id 'bridge-cost/mc' (first at line 9)"],
    ),
    "no questions": (
        VALID.split("  - id:")[0].replace("questions:\n", "questions: []\n"),
        ["set.yaml:8: the question set has no questions"],
    ),
    "not a mapping": (
        "- title: Bridge test\n",
        ["set.yaml:1: a question set must be a mapping with a 'questions' list"],
    ),
    "two problems at once": (
        edited(("seed: 7", "seed: 7.5"), ("answer: 1", "answer: -1")),
        [
            "set.yaml:2: 'seed' must be a whole number, like 20",
            f"set.yaml:13: 'answer' of {WHAT} must be an option index from 0 to 2",
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), BAD_SETS.values(), ids=BAD_SETS.keys())
def test_bad_sets_are_reported_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    assert problems_in(tmp_path, monkeypatch, text) == expected


def test_invalid_yaml_is_a_problem_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = problems_in(tmp_path, monkeypatch, edited(("stem: What", "stem: [What")))
    assert len(found) == 1
    assert found[0].startswith("set.yaml:12: invalid YAML at column ")


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        ("3", "'questions' of the question set must be a list of mappings"),
        (
            "[oops]",
            "each item of 'questions' in the question set must be a mapping of keys to values"
            " (key: value)",
        ),
    ],
)
def test_a_bad_questions_list_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, questions: str, expected: str
) -> None:
    text = VALID.split("questions:\n")[0] + f"questions: {questions}\n"
    assert problems_in(tmp_path, monkeypatch, text) == [f"set.yaml:8: {expected}"]


@pytest.mark.parametrize("answer", ["[0, b, 2]", "[null, 0, 1]", "[[0], 1, 2]"])
def test_an_ordering_answer_of_the_wrong_type_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    text = edited(
        ("form: multiple-choice", "form: timeline-order"), ("answer: 1", f"answer: {answer}")
    )
    assert problems_in(tmp_path, monkeypatch, text) == [
        f"set.yaml:13: 'answer' of {WHAT} must list every option index once, in order,"
        " like [0, 1, 2]"
    ]

"""Test variants: the same questions in another order, each with its key where it should be."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.model import (
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    SetHeader,
)
from quizgen.questions.set_file import dump_set, load_set
from quizgen.questions.variants import make_variants, write_variants

CITE = Citation(outlet="o", headline="h", date="d", document="doc.txt", quote="q")
HEADER = SetHeader(
    title="Class test",
    seed=7,
    count=None,
    topics=(),
    forms=("multiple-choice", "true-false", "timeline"),
    sources=(),
    fact_base_revision="2026-11-22",
    fact_base_digest="3f2a",
)


def question(
    qid: str,
    form: Form,
    options: tuple[str, ...],
    answer: int | tuple[int, ...],
    options_sorted: bool = False,
) -> Question:
    return Question(
        id=qid,
        form=form,
        stem=f"Stem of {qid}?",
        options=options,
        answer=answer,
        fact=qid.split("/")[0],
        explanation=f"Because of {qid}.",
        sources=(CITE,),
        topics=("alpha",),
        options_sorted=options_sorted,
    )


def choice(n: int, options: int = 4, key: int = 0) -> Question:
    return question(
        f"mc{n}/mc", Form.MULTIPLE_CHOICE, tuple(f"option {n}.{i}" for i in range(options)), key
    )


SORTED = question(
    "count/mc", Form.MULTIPLE_CHOICE, ("100 fighters", "200 fighters", "300 fighters"), 2, True
)
TRUE = question("tf/tf-true", Form.TRUE_FALSE, TRUE_FALSE_OPTIONS, 0)
ORDER = question("order/order", Form.TIMELINE_ORDER, ("C", "A", "D", "B"), (1, 3, 0, 2))
#: Eight four-option questions all keyed A, three three-option ones, and one of each other kind.
QSET = QuestionSet(
    HEADER,
    (
        *(choice(n) for n in range(8)),
        *(choice(n, options=3) for n in range(8, 11)),
        SORTED,
        TRUE,
        ORDER,
    ),
)


@pytest.mark.parametrize("count", [0, -1, 27])
def test_a_variant_count_outside_1_to_26_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match=r"^variants must be between 1 and 26$"):
        make_variants(QSET, count)


def test_variants_are_lettered_and_keep_the_rest_of_the_header() -> None:
    variants = make_variants(QSET, 4)
    assert [(v.header.variant, v.header.variants) for v in variants] == [
        ("A", 4),
        ("B", 4),
        ("C", 4),
        ("D", 4),
    ]
    for v in variants:
        assert dataclasses.replace(v.header, variant=None, variants=1) == HEADER


def test_variant_a_is_the_set_as_generated() -> None:
    assert [v.questions for v in make_variants(QSET, 1)] == [QSET.questions]
    assert make_variants(QSET, 3)[0].questions == QSET.questions


def test_variants_are_reproducible() -> None:
    assert make_variants(QSET, 5) == make_variants(QSET, 5)


def test_each_variant_has_its_own_order() -> None:
    orders = [tuple(q.id for q in v.questions) for v in make_variants(QSET, 4)]
    assert len(set(orders)) == 4


def test_sorted_true_false_and_ordering_questions_keep_their_option_order() -> None:
    for v in make_variants(QSET, 4)[1:]:
        by_id = {q.id: q for q in v.questions}
        assert by_id["count/mc"] == SORTED
        assert by_id["tf/tf-true"] == TRUE


def test_keys_move_to_balanced_positions_per_option_count() -> None:
    for v in make_variants(QSET, 4)[1:]:
        keys = Counter(
            (len(q.options), q.key_index)
            for q in v.questions
            if q.form is Form.MULTIPLE_CHOICE and not q.options_sorted
        )
        assert keys == {(4, 0): 2, (4, 1): 2, (4, 2): 2, (4, 3): 2, (3, 0): 1, (3, 1): 1, (3, 2): 1}


def same_question(original: Question, shown: Question) -> None:
    """`shown` asks what `original` asks, with the same right answer."""
    assert dataclasses.replace(shown, options=original.options, answer=original.answer) == original
    assert sorted(shown.options) == sorted(original.options)
    assert shown.right_answer_text() == original.right_answer_text()
    assert shown.is_right(shown.answer)


FORMS = st.sampled_from(["mc", "sorted", "tf", "order"])


@st.composite
def question_sets(draw: st.DrawFn) -> QuestionSet:
    questions = []
    for n, kind in enumerate(draw(st.lists(FORMS, min_size=1, max_size=12))):
        size = draw(st.integers(3, 4))
        options = tuple(f"option {n}.{i}" for i in range(size))
        if kind == "tf":
            questions.append(question(f"f{n}/tf", Form.TRUE_FALSE, TRUE_FALSE_OPTIONS, n % 2))
        elif kind == "order":
            order = tuple(draw(st.permutations(range(size))))
            questions.append(question(f"f{n}/order", Form.TIMELINE_ORDER, options, order))
        else:
            key = draw(st.integers(0, size - 1))
            questions.append(
                question(f"f{n}/mc", Form.MULTIPLE_CHOICE, options, key, kind == "sorted")
            )
    return QuestionSet(dataclasses.replace(HEADER, seed=draw(st.integers())), tuple(questions))


@given(question_sets(), st.integers(1, 26))
def test_every_variant_asks_the_same_questions_with_the_same_answers(
    qset: QuestionSet, count: int
) -> None:
    variants = make_variants(qset, count)
    assert len(variants) == count
    originals = {q.id: q for q in qset.questions}
    for v in variants:
        assert sorted(q.id for q in v.questions) == sorted(originals)
        for shown in v.questions:
            same_question(originals[shown.id], shown)


@given(question_sets())
def test_within_a_variant_no_key_position_is_favoured(qset: QuestionSet) -> None:
    for v in make_variants(qset, 3)[1:]:
        for size in (3, 4):
            keys = Counter(
                q.key_index
                for q in v.questions
                if q.form is Form.MULTIPLE_CHOICE
                and not q.options_sorted
                and len(q.options) == size
            )
            tally = [keys[p] for p in range(size)]
            assert max(tally) - min(tally) <= 1, tally


def test_one_variant_is_written_to_the_path_given(tmp_path: Path) -> None:
    output = tmp_path / "test.yaml"
    assert write_variants(QSET, 1, output) == [(output, 14)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test.yaml"]
    assert output.read_text(encoding="utf-8") == dump_set(QSET)


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("test.yaml", ["test-A.yaml", "test-B.yaml", "test-C.yaml"]),
        ("class.test.yml", ["class.test-A.yml", "class.test-B.yml", "class.test-C.yml"]),
        ("test", ["test-A", "test-B", "test-C"]),
    ],
)
def test_several_variants_are_written_one_file_each(
    tmp_path: Path, name: str, written: list[str]
) -> None:
    result = write_variants(QSET, 3, tmp_path / name)
    assert result == [(tmp_path / w, 14) for w in written]
    assert sorted(p.name for p in tmp_path.iterdir()) == written
    assert [load_set(path) for path, _ in result] == make_variants(QSET, 3)

"""Where the key sits: how many options a draft can have, which ranks it may take, balance."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.distractors import Candidates
from quizgen.questions.model import Citation, Form, Question
from quizgen.questions.placement import Draft, assign_positions

CITE = Citation(outlet="o", headline="h", date="d", document="doc.txt", quote="q")


def draft(candidates: Candidates, key: str = "key", qid: str = "f/mc") -> Draft:
    return Draft(
        id=qid,
        stem="What?",
        key=key,
        candidates=candidates,
        fact="f",
        explanation="Because.",
        sources=(CITE,),
        topics=("alpha",),
        facts=("f", "g"),
        related=("h",),
    )


def free(count: int) -> Candidates:
    return Candidates(free=tuple(f"wrong {i}" for i in range(count)))


def ordered(below: int, above: int) -> Candidates:
    """`below` figures under the key (500) and `above` over it, best first."""
    return Candidates(
        below=tuple((500.0 - 100 * i, f"{500 - 100 * i} fighters") for i in range(1, below + 1)),
        above=tuple((500.0 + 100 * i, f"{500 + 100 * i} fighters") for i in range(1, above + 1)),
        key_value=500.0,
    )


@pytest.mark.parametrize(
    ("candidates", "count", "positions"),
    [
        (free(0), 0, ()),
        (free(1), 0, ()),
        (free(2), 3, (0, 1, 2)),
        (free(3), 4, (0, 1, 2, 3)),
        (free(7), 4, (0, 1, 2, 3)),
        (ordered(1, 0), 0, ()),
        (ordered(1, 1), 3, (1,)),
        (ordered(2, 0), 0, ()),  # one side only: the key would always be the largest
        (ordered(0, 2), 0, ()),
        (ordered(3, 0), 0, ()),
        (ordered(0, 3), 0, ()),
        (ordered(1, 2), 4, (1,)),
        (ordered(2, 2), 4, (1, 2)),
        (ordered(1, 5), 4, (0, 1)),
        (ordered(3, 3), 4, (0, 1, 2, 3)),
    ],
)
def test_option_count_and_allowed_positions(
    candidates: Candidates, count: int, positions: tuple[int, ...]
) -> None:
    d = draft(candidates)
    assert d.option_count() == count
    assert d.allowed_positions() == positions


@pytest.mark.parametrize(
    ("position", "options"),
    [
        (0, ("500 fighters", "600 fighters", "700 fighters", "800 fighters")),
        (1, ("400 fighters", "500 fighters", "600 fighters", "700 fighters")),
        (2, ("300 fighters", "400 fighters", "500 fighters", "600 fighters")),
        (3, ("200 fighters", "300 fighters", "400 fighters", "500 fighters")),
    ],
)
def test_sorted_options_take_the_nearest_candidates_and_stay_in_order(
    position: int, options: tuple[str, ...]
) -> None:
    question = draft(ordered(3, 3), key="500 fighters").place(position, random.Random(1))
    assert question.options == options
    assert question.answer == position
    assert question.options_sorted


def test_sorted_options_take_the_best_candidates_first_then_sort_them() -> None:
    best_first = Candidates(
        below=((300.0, "300"), (100.0, "100"), (200.0, "200")),
        above=((700.0, "700"), (600.0, "600"), (900.0, "900")),
        key_value=500.0,
    )
    question = draft(best_first, key="500").place(1, random.Random(1))
    assert question.options == ("300", "500", "600", "700")


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_free_options_put_the_key_where_asked(position: int) -> None:
    question = draft(free(5)).place(position, random.Random(position))
    assert question.options[position] == "key"
    assert sorted(question.options) == ["key", "wrong 0", "wrong 1", "wrong 2"]
    assert not question.options_sorted


def test_a_placed_question_carries_the_drafts_fields() -> None:
    question = draft(free(3)).place(2, random.Random(1))
    assert dataclasses.replace(question, options=()) == Question(
        id="f/mc",
        form=Form.MULTIPLE_CHOICE,
        stem="What?",
        options=(),
        answer=2,
        fact="f",
        explanation="Because.",
        sources=(CITE,),
        topics=("alpha",),
        facts=("f", "g"),
        options_sorted=False,
        related=("h",),
    )


SIDES = st.lists(st.integers(1, 10**6), max_size=6, unique=True)


@given(SIDES, SIDES, st.data())
def test_sorted_options_are_ascending_with_the_key_at_its_rank(
    below: list[int], above: list[int], data: st.DataObject
) -> None:
    key = 10**6 + 1
    candidates = Candidates(
        below=tuple((float(v), f"{v:07d}") for v in below),
        above=tuple((float(key + v), f"{key + v:07d}") for v in above),
        key_value=float(key),
    )
    d = draft(candidates, key=f"{key:07d}")
    if not d.allowed_positions():
        assert d.option_count() == 0
        return
    position = data.draw(st.sampled_from(d.allowed_positions()))
    question = d.place(position, random.Random(0))
    assert len(question.options) == d.option_count()
    assert list(question.options) == sorted(
        question.options
    )  # zero-padded: text order is value order
    assert question.options[question.key_index] == d.key


def test_assign_positions_balances_each_group_apart() -> None:
    drafts = [
        *(draft(free(3), qid=f"four-{i}/mc") for i in range(8)),
        *(draft(free(2), qid=f"three-{i}/mc") for i in range(6)),
        *(draft(ordered(3, 3), qid=f"sorted-{i}/mc") for i in range(8)),
    ]
    positions = assign_positions(drafts, random.Random(2016))
    tally = Counter(
        (d.option_count(), d.candidates.ordered, p) for d, p in zip(drafts, positions, strict=True)
    )
    assert tally == {
        **{(4, False, p): 2 for p in range(4)},
        **{(3, False, p): 2 for p in range(3)},
        **{(4, True, p): 2 for p in range(4)},
    }


def test_assign_positions_keeps_each_draft_to_its_allowed_ranks() -> None:
    drafts = [
        draft(ordered(1, 3)),
        draft(ordered(3, 1)),
        draft(ordered(1, 1)),
        draft(ordered(2, 2)),
    ]
    positions = assign_positions(drafts, random.Random(5))
    assert positions[0] in (0, 1) and positions[1] in (2, 3)
    assert positions[2] == 1
    assert positions[3] in (1, 2)


def test_no_drafts_no_positions() -> None:
    assert assign_positions([], random.Random(1)) == []


DRAFTS = st.lists(
    st.one_of(
        st.integers(2, 5).map(free),
        st.tuples(st.integers(0, 4), st.integers(0, 4))
        .filter(lambda sides: sum(sides) >= 2 and min(sides) >= 1)  # askable: both sides
        .map(lambda sides: ordered(*sides)),
    ),
    max_size=30,
)


@given(DRAFTS, st.integers())
def test_every_position_is_allowed_and_free_keys_are_balanced(
    candidates: list[Candidates], seed: int
) -> None:
    drafts = [draft(c, qid=f"f{i}/mc") for i, c in enumerate(candidates)]
    positions = assign_positions(drafts, random.Random(seed))
    assert assign_positions(drafts, random.Random(seed)) == positions
    for d, p in zip(drafts, positions, strict=True):
        assert p in d.allowed_positions()
    for size in (3, 4):
        keys = Counter(
            p
            for d, p in zip(drafts, positions, strict=True)
            if not d.candidates.ordered and d.option_count() == size
        )
        tally = [keys[p] for p in range(size)]
        assert max(tally) - min(tally) <= 1, tally

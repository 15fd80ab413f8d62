"""No question gives another away, and no two questions of a set draw on linked facts."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.clueing import (
    MAX_SAME_KEY,
    clues,
    compatible,
    facts_of,
    key_forms,
    linked,
    shown_text,
)
from quizgen.questions.distractors import Candidates
from quizgen.questions.model import TRUE_FALSE_OPTIONS, Citation, Form, Question
from quizgen.questions.placement import Draft

CITE = Citation(outlet="o", headline="h", date="d", document="doc.txt", quote="q")


def mc(
    fact: str,
    stem: str,
    key: str = "Somebody Else",
    facts: tuple[str, ...] = (),
    related: tuple[str, ...] = (),
) -> Question:
    """A multiple-choice question on `fact` whose key is the second of its options."""
    return Question(
        id=f"{fact}/mc",
        form=Form.MULTIPLE_CHOICE,
        stem=stem,
        options=("Wrong One", key, "Wrong Two"),
        answer=1,
        fact=fact,
        explanation="Because.",
        sources=(CITE,),
        topics=(),
        facts=facts,
        related=related,
    )


def true_false(fact: str, stem: str, key: int = 0) -> Question:
    return Question(
        id=f"{fact}/tf",
        form=Form.TRUE_FALSE,
        stem=stem,
        options=TRUE_FALSE_OPTIONS,
        answer=key,
        fact=fact,
        explanation="Because.",
        sources=(CITE,),
        topics=(),
    )


def order(fact: str, labels: tuple[str, ...], facts: tuple[str, ...] = ()) -> Question:
    return Question(
        id=f"{fact}/order",
        form=Form.TIMELINE_ORDER,
        stem="Put these events in the order they happened, earliest first.",
        options=labels,
        answer=tuple(range(len(labels))),
        fact=fact,
        explanation="In order.",
        sources=(CITE,),
        topics=(),
        facts=facts,
    )


def draft(fact: str, stem: str, key: str, related: tuple[str, ...] = ()) -> Draft:
    return Draft(
        id=f"{fact}/mc",
        stem=stem,
        key=key,
        candidates=Candidates(free=("a", "b", "c")),
        fact=fact,
        explanation="Because.",
        sources=(CITE,),
        topics=(),
        related=related,
    )


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("Lena Ortiz", ("lena ortiz",)),
        ("François Delattre", ("francois delattre",)),
        ("U.S. Secretary of State", ("u s secretary of state",)),
        ("275,000 civilians", ("275 000 civilians", "275 000")),
        ("376 people killed", ("376 people killed", "376")),
        ("more than 1.5 million people", ("more than 1 5 million people", "1 5")),
        ("12 warships", ("12 warships",)),  # "12" alone is too common to count
        ("2016", ("2016",)),
        ("October 7, 2016", ("october 7 2016", "october 7")),
    ],
)
def test_key_forms(key: str, forms: tuple[str, ...]) -> None:
    assert key_forms(mc("f", "What?", key)) == forms
    assert key_forms(draft("f", "What?", key)) == forms


@pytest.mark.parametrize(
    "question",
    [true_false("f", "Lena Ortiz opened the bridge."), order("f", ("A", "B", "C"))],
    ids=["true-false", "order"],
)
def test_questions_without_a_single_key_have_no_key_forms(question: Question) -> None:
    assert key_forms(question) == ()


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (mc("f", "Who opened the River-Bridge?", "Lena Ortiz"), " who opened the river bridge "),
        (true_false("f", "Ortiz opened it."), " ortiz opened it true false "),
        (
            order("f", ("Talks end", "Veto")),
            " put these events in the order they happened earliest first talks end veto ",
        ),
        (draft("f", "Who spoke?", "Lena Ortiz"), " who spoke "),
    ],
    ids=["multiple-choice", "true-false", "order", "draft"],
)
def test_shown_text_is_what_a_learner_reads_besides_the_options_to_choose(
    item: Question | Draft, text: str
) -> None:
    assert shown_text(item) == text


CLUES = {
    "name in stem": (mc("a", "Who?", "Lena Ortiz"), mc("b", "What did Lena Ortiz say?"), True),
    "accents and case": (
        mc("a", "Who?", "François Delattre"),
        mc("b", "What did FRANCOIS DELATTRE say?"),
        True,
    ),
    "short date": (
        mc("a", "When?", "October 7, 2016"),
        mc("b", "What happened on October 7?"),
        True,
    ),
    "figure": (
        mc("a", "How many?", "275,000 civilians"),
        mc("b", "Who said 275,000 people remained?"),
        True,
    ),
    "true-false statement": (
        mc("a", "Who?", "Lena Ortiz"),
        true_false("b", "Lena Ortiz opened the bridge."),
        True,
    ),
    "event label": (
        mc("a", "Who?", "Lena Ortiz"),
        order("b", ("Lena Ortiz resigns", "Veto", "Talks end")),
        True,
    ),
    "inside a longer word": (
        mc("a", "Who?", "Ortiz"),
        mc("b", "What was built in Ortizville?"),
        False,
    ),
    "inside a longer figure": (
        mc("a", "How many?", "376 people killed"),
        mc("b", "Was the count 3760?"),
        False,
    ),
    "only among the options to choose": (
        mc("a", "Who?", "Lena Ortiz"),
        dataclasses.replace(
            mc("b", "Who spoke second?"), options=("Lena Ortiz", "Tom Reyes", "Ana Berg")
        ),
        False,
    ),
    "unrelated": (mc("a", "Who?", "Lena Ortiz"), mc("b", "What did the bridge cost?"), False),
}


@pytest.mark.parametrize(("first", "second", "expected"), CLUES.values(), ids=CLUES.keys())
def test_clues_either_way(first: Question, second: Question, expected: bool) -> None:
    assert clues(first, second) is expected
    assert clues(second, first) is expected


def test_a_time_anchored_stem_does_not_give_away_a_date() -> None:
    veto = mc("veto-date", "On what date did Russia veto the resolution?", "October 8, 2016")
    envoy = mc("envoy", "Who was Russia's UN ambassador in October 2016?")
    assert not clues(veto, envoy)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (mc("a", "Who?"), mc("a", "When?"), True),
        (order("t", ("A", "B", "C"), facts=("x", "a", "y")), mc("a", "Who?"), True),
        (mc("a", "Who?", related=("b",)), mc("b", "When?"), True),
        (draft("a", "Who?", "Lena Ortiz"), mc("b", "When?", related=("a",)), True),
        (mc("a", "Who?", related=("c",)), mc("b", "When?", related=("d",)), False),
        (mc("a", "Who?"), mc("b", "When?"), False),
    ],
    ids=["same fact", "fact of a timeline", "related", "related back", "other", "unrelated"],
)
def test_linked(first: Question | Draft, second: Question | Draft, expected: bool) -> None:
    assert linked(first, second) is expected
    assert linked(second, first) is expected


def test_facts_of_a_timeline_question() -> None:
    assert facts_of(order("t", ("A", "B", "C"), facts=("x", "t", "y"))) == {"t", "x", "y"}


def test_nothing_chosen_is_compatible_with_anything() -> None:
    assert compatible(mc("a", "Who?", "Lena Ortiz"), [])


@pytest.mark.parametrize(
    "other",
    [mc("a", "When?"), mc("b", "Why?", related=("a",)), mc("b", "What did Lena Ortiz say?")],
    ids=["same fact", "related", "clued"],
)
def test_a_linked_or_clued_item_is_not_compatible(other: Question) -> None:
    item = mc("a", "Who?", "Lena Ortiz")
    assert not compatible(item, [mc("c", "How?"), other])
    assert compatible(item, [mc("c", "How?")])


@pytest.mark.parametrize("sharing", range(4))
def test_at_most_two_questions_share_a_key(sharing: int) -> None:
    assert MAX_SAME_KEY == 2
    chosen = [mc(f"f{n}", f"Who spoke {n}?", "lena ortiz.") for n in range(sharing)]
    chosen += [mc("other", "Who else?", "Tom Reyes")]
    assert compatible(draft("new", "Who spoke last?", "Lena Ortiz"), chosen) is (sharing < 2)


def test_true_false_items_never_count_as_sharing_a_key() -> None:
    chosen = [true_false(f"f{n}", f"Statement {n}.") for n in range(3)]
    assert compatible(true_false("new", "Statement new."), chosen)


KEYS = st.sampled_from(["Lena Ortiz", "Tom Reyes", "Ana Berg"])


@given(st.lists(KEYS, max_size=8), KEYS)
def test_compatible_counts_questions_with_the_same_key(keys: list[str], key: str) -> None:
    chosen = [mc(f"f{n}", f"Question {n}?", k) for n, k in enumerate(keys)]
    assert compatible(mc("new", "New question?", key), chosen) is (keys.count(key) < MAX_SAME_KEY)


def test_a_short_stem_gives_away_what_it_prints_too() -> None:
    """Game sites show the short stem instead of the stem: a key printed there is a clue."""
    who = mc("a", "Who?", "Lena Ortiz")
    plain = mc("b", "Who spoke after the bridge opened in March?")
    assert not clues(who, plain)
    assert clues(who, dataclasses.replace(plain, short_stem="What did Lena Ortiz say?"))

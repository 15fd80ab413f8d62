"""The generator's rules, as invariants over synthetic fact bases and over the real one."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import fact_bases

from quizgen.errors import GenerationError
from quizgen.facts.model import DateAnswer, FactBase, FactKind, NumberAnswer, Status, unit_for
from quizgen.questions.clueing import clues
from quizgen.questions.distractors import LOWER_BOUNDS, UPPER_BOUNDS
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, Question, QuestionSet
from quizgen.questions.option_text import normalise_option
from quizgen.questions.set_file import dump_set

FORBIDDEN_OPTIONS = {"all of the above", "none of the above"}


@pytest.fixture(scope="module")
def full_set(real_base: FactBase) -> QuestionSet:
    return generate_set(real_base, GenerateOptions(), seed=2016)


def right_answers(base: FactBase, question: Question) -> set[str]:
    """Every normalised wording that is right for the question's fact (and, if contested,
    every variant: none of them may stand as a wrong option)."""
    fact = base.fact(question.fact)
    texts: set[str] = set()
    if fact.answer is not None:
        texts |= {normalise_option(t) for t in base.accepted_texts(fact.answer, fact.accepted)}
    for variant in fact.variants:
        texts |= {
            normalise_option(t) for t in base.accepted_texts(variant.answer, variant.accepted)
        }
    for entity_id in fact.excludes:
        entity = base.entity(entity_id)
        texts |= {normalise_option(t) for t in (entity.name, *entity.aliases)}
    return texts


def check_multiple_choice(base: FactBase, question: Question) -> None:
    """Every rule a multiple-choice question obeys."""
    options = question.options
    assert 3 <= len(options) <= 4, question.id
    normalised = [normalise_option(o) for o in options]
    assert len(set(normalised)) == len(options), f"{question.id}: options repeat {options}"
    assert not FORBIDDEN_OPTIONS & set(normalised)
    assert not re.search(r"\b(NOT|EXCEPT)\b", question.stem)
    assert question.explanation and question.sources
    if question.id.endswith("/first"):
        return check_first(base, question)
    fact = base.fact(question.fact)
    right = right_answers(base, question)
    key = normalised[question.key_index]
    assert key in right, f"{question.id}: key {options[question.key_index]!r} is not an answer"
    wrong = [n for i, n in enumerate(normalised) if i != question.key_index]
    assert not right & set(wrong), f"{question.id}: a wrong option is also right: {options}"
    if fact.status is Status.CONTESTED:
        assert question.stem.startswith("According to"), question.stem
    if question.options_sorted:
        answer = fact.answer or fact.variants[0].answer
        assert isinstance(answer, NumberAnswer | DateAnswer)
        if isinstance(answer, NumberAnswer):
            values = [_number_in(o) for o in options]
            assert values == sorted(values), options
            assert all(
                o.endswith(unit_for(v, answer.unit)) for o, v in zip(options, values, strict=True)
            ), options
    return None


def _number_in(option: str) -> float:
    found = re.search(r"\d[\d,]*(\.\d+)?", option)
    assert found, option
    return float(found.group(0).replace(",", ""))


def check_first(base: FactBase, question: Question) -> None:
    """'Which happened first?': the key's event is surely before every other option's."""
    events = {base.fact(f).event: base.fact(f) for f in question.facts}
    key = events[question.options[question.key_index]]
    assert key.event_date is not None
    for option in question.options:
        other = events[option]
        if other is not key:
            assert other.event_date is not None
            assert key.event_date.surely_before(other.event_date), question.id


def check_order(base: FactBase, question: Question) -> None:
    """'Put these in order': each event surely before the next, whatever their precision."""
    assert isinstance(question.answer, tuple)
    events = {base.fact(f).event: base.fact(f) for f in question.facts}
    chain = [events[question.options[i]] for i in question.answer]
    for earlier, later in itertools.pairwise(chain):
        assert earlier.event_date and later.event_date
        assert earlier.event_date.surely_before(later.event_date), question.id


def check_true_false(base: FactBase, question: Question) -> None:
    """A false item's feedback shows the true statement; a true item is the statement itself."""
    fact = base.fact(question.fact)
    assert question.options == ("True", "False")
    if question.answer == 0:
        assert question.stem == fact.statement
    else:
        # a false item is only ever one written by hand, and its feedback says why
        written = {f.statement: f.why_false for f in fact.false_statements}
        assert question.stem in written, f"{question.id}: not an authored false statement"
        assert question.explanation.startswith(written[question.stem])
        assert fact.statement in question.explanation


def check_set(base: FactBase, qset: QuestionSet) -> None:
    """Every question of a set obeys the rules of its form; ids are unique."""
    ids = [q.id for q in qset.questions]
    assert len(ids) == len(set(ids))
    true_false = Counter(q.fact for q in qset.questions if q.form is Form.TRUE_FALSE)
    assert all(n == 1 for n in true_false.values()), "at most one true/false item per fact"
    for question in qset.questions:
        assert question.id.startswith(question.fact + "/")
        if question.form is Form.MULTIPLE_CHOICE:
            check_multiple_choice(base, question)
        elif question.form is Form.TRUE_FALSE:
            check_true_false(base, question)
        else:
            check_order(base, question)


def key_shares(qset: QuestionSet) -> dict[int, float]:
    """How often the key sits at each position among 4-option multiple-choice questions."""
    positions = Counter(
        q.key_index
        for q in qset.questions
        if q.form is Form.MULTIPLE_CHOICE and len(q.options) == 4
    )
    total = sum(positions.values())
    return {p: positions[p] / total for p in range(4)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=fact_bases(), seed=st.integers(0, 10_000))
def test_synthetic_sets_obey_every_rule(base: FactBase, seed: int) -> None:
    try:
        qset = generate_set(base, GenerateOptions(), seed)
    except GenerationError:  # a base with nothing askable is refused with a named error
        return
    check_set(base, qset)


@settings(max_examples=30, deadline=None)
@given(base=fact_bases(), seed=st.integers(0, 10_000))
def test_generation_is_deterministic(base: FactBase, seed: int) -> None:
    try:
        first = dump_set(generate_set(base, GenerateOptions(count=8), seed))
    except GenerationError:
        return
    assert dump_set(generate_set(base, GenerateOptions(count=8), seed)) == first


def test_real_full_set_obeys_every_rule(real_base: FactBase, full_set: QuestionSet) -> None:
    check_set(real_base, full_set)


def test_real_full_set_covers_every_askable_fact(
    real_base: FactBase, full_set: QuestionSet
) -> None:
    asked = {q.fact for q in full_set.questions}
    askable = {f.id for f in real_base.facts if f.askable}
    assert asked == askable
    slips = {f.id for f in real_base.facts if f.status is Status.SLIP}
    assert not asked & slips


def test_contested_variants_are_each_asked_attributed(
    real_base: FactBase, full_set: QuestionSet
) -> None:
    for fact in (f for f in real_base.facts if f.contested):
        asked = [q for q in full_set.questions if q.fact == fact.id]
        # a variant whose key is open-ended ("more than 250,000") could only be the smallest
        # option, so it is not asked as multiple choice; every other variant is
        bounds = (*LOWER_BOUNDS, *UPPER_BOUNDS)
        open_ended = [v for v in fact.variants if getattr(v.answer, "qualifier", None) in bounds]
        assert len(asked) == len(fact.variants) - len(open_ended)
        assert all(q.stem.startswith("According to") for q in asked)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_key_positions_are_balanced(real_base: FactBase, seed: int) -> None:
    qset = generate_set(real_base, GenerateOptions(forms=("multiple-choice",)), seed)
    for position, share in key_shares(qset).items():
        assert 0.17 <= share <= 0.33, f"seed {seed}: position {position} holds {share:.0%}"


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_class_test_sized_sets_are_balanced(real_base: FactBase, seed: int) -> None:
    qset = generate_set(real_base, GenerateOptions(count=40, forms=("multiple-choice",)), seed)
    assert len(qset.questions) == 40
    for position, share in key_shares(qset).items():
        assert 0.17 <= share <= 0.33, f"seed {seed}: position {position} holds {share:.0%}"


def test_same_seed_same_bytes_other_seed_other_order(real_base: FactBase) -> None:
    options = GenerateOptions(count=20)
    first = dump_set(generate_set(real_base, options, 7))
    assert dump_set(generate_set(real_base, options, 7)) == first
    other = generate_set(real_base, options, 8)
    assert [q.id for q in other.questions] != [
        q.id for q in generate_set(real_base, options, 7).questions
    ]


def test_ids_survive_rewording(real_base: FactBase) -> None:
    reworded = dataclasses.replace(
        real_base,
        facts=tuple(
            dataclasses.replace(
                f,
                statement=f.statement + " (reworded)",
                question=f.question and f.question + " (reworded)",
            )
            for f in real_base.facts
        ),
    )
    before = {q.id for q in generate_set(real_base, GenerateOptions(), 5).questions}
    after = {q.id for q in generate_set(reworded, GenerateOptions(), 5).questions}
    assert before == after


def test_filters_select_topics_and_forms(real_base: FactBase) -> None:
    qset = generate_set(
        real_base, GenerateOptions(topics=("united-nations",), forms=("true-false",)), 3
    )
    assert qset.questions
    assert all(q.form is Form.TRUE_FALSE for q in qset.questions)
    assert all("united-nations" in real_base.fact(q.fact).topics for q in qset.questions)


def test_who_said_options_are_all_people(real_base: FactBase, full_set: QuestionSet) -> None:
    people = {e.name for e in real_base.entities if e.kind.value in ("person", "organisation")}
    for q in full_set.questions:
        is_who_said = real_base.fact(q.fact).kind is FactKind.WHO_SAID
        if is_who_said and q.id.split("/")[1].startswith("mc"):
            assert set(q.options) <= people, q.options


def family(question: Question) -> str:
    """multiple-choice, true-false or timeline (a "which happened first?" is timeline)."""
    if question.id.endswith(("/first", "/order")):
        return "timeline"
    return question.form.choice


@pytest.mark.parametrize("count", [None, 10, 20, 40, 60])
def test_the_mix_is_mostly_multiple_choice(real_base: FactBase, count: int | None) -> None:
    qset = generate_set(real_base, GenerateOptions(count=count), seed=4)
    shares = Counter(family(q) for q in qset.questions)
    total = len(qset.questions)
    assert shares["multiple-choice"] / total >= 0.6, shares
    assert shares["true-false"] / total <= 0.25, shares
    assert shares["timeline"] >= 1, shares


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sorted_options_put_the_key_first_middle_and_last_alike(
    real_base: FactBase, seed: int
) -> None:
    qset = generate_set(real_base, GenerateOptions(forms=("multiple-choice",)), seed)
    ranks = Counter(
        "first" if q.key_index == 0 else "last" if q.key_index == len(q.options) - 1 else "mid"
        for q in qset.questions
        if q.options_sorted
    )
    total = sum(ranks.values())
    assert total >= 12
    assert 0.1 <= ranks["first"] / total <= 0.4, ranks
    assert 0.1 <= ranks["last"] / total <= 0.4, ranks


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_counted_sets_never_clue_themselves(real_base: FactBase, seed: int) -> None:
    qset = generate_set(real_base, GenerateOptions(count=20), seed)
    for a, b in itertools.combinations(qset.questions, 2):
        assert not ({a.fact, *a.facts} & {b.fact, *b.facts}), (a.id, b.id)
        assert not clues(a, b), (a.id, b.id)


def test_only_and_excluded_facts_narrow_the_set(real_base: FactBase) -> None:
    every = {q.fact for q in generate_set(real_base, GenerateOptions(), seed=1).questions}
    some = frozenset(sorted(every)[:5])
    only = generate_set(real_base, GenerateOptions(only_facts=some), seed=1)
    assert {q.fact for q in only.questions} <= some and only.questions
    without = generate_set(real_base, GenerateOptions(exclude_facts=some), seed=1)
    assert not {q.fact for q in without.questions} & some

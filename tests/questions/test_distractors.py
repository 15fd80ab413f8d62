"""Wrong options of the key's kind: eligible, never right, inside the story, hand-picked first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from fact_records import date, entity, fact, fact_base, variant
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import SOURCE, fact_bases

from quizgen.facts.dates import PartialDate, Precision
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import (
    Answer,
    DateAnswer,
    EntityAnswer,
    Fact,
    FactBase,
    FactKind,
    NumberAnswer,
    Status,
    TextAnswer,
)
from quizgen.questions.distractors import (
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    Candidates,
    Excluder,
    Pools,
    candidates_for,
)
from quizgen.questions.option_text import normalise_option

SEEDS = range(12)

ORTIZ = entity("ortiz", "Lena Ortiz", country="norland", gender="female", office="mayor")
PEOPLE = (
    ORTIZ,
    entity("berg", "Ana Berg", country="norland", gender="female", office="mayor"),
    entity("holm", "Ida Holm", country="norland", gender="female", office="councillor"),
    entity("reyes", "Tom Reyes", country="norland", gender="male", office="mayor"),
    entity("lund", "Ivo Lund", country="norland", gender="male", office="councillor"),
    entity("vale", "Sam Vale", country="norland"),
    entity(
        "stone", "Eva Stone", country="norland", gender="female", office="mayor", caption_only=True
    ),
)
OTHERS = {"Ana Berg", "Ida Holm", "Tom Reyes", "Ivo Lund", "Sam Vale"}


def free_options(base: FactBase, f: Fact, seed: int, answer: Answer | None = None) -> Candidates:
    key = answer or f.answer
    assert key is not None
    return candidates_for(base, Pools.build(base), f, key, f.accepted, random.Random(seed))


def who(
    *,
    distractors: tuple[Answer, ...] = (),
    options_share: tuple[str, ...] = (),
    accepted: tuple[str, ...] = (),
    excludes: tuple[str, ...] = (),
) -> tuple[FactBase, Fact]:
    """'Who opened the bridge?' (key: Lena Ortiz) among the people of PEOPLE."""
    opened = fact(
        "opened",
        EntityAnswer("ortiz"),
        FactKind.PERSON,
        distractors=distractors,
        options_share=options_share,
        accepted=accepted,
        excludes=excludes,
    )
    return fact_base(PEOPLE, (opened,)), opened


# ---- entities ----


def test_a_caption_only_entity_is_never_offered_even_when_hand_picked() -> None:
    base, opened = who(distractors=(EntityAnswer("stone"),))
    assert Pools.build(base).caption_only == frozenset({"stone"})
    for seed in SEEDS:
        offered = free_options(base, opened, seed).free
        assert len(offered) == 3
        assert set(offered) <= OTHERS


@pytest.mark.parametrize(
    ("share", "offered"),
    [
        (("gender",), {"Ana Berg", "Ida Holm"}),
        (("office",), {"Ana Berg", "Tom Reyes"}),
        (("gender", "office"), {"Ana Berg"}),
        (("country", "gender"), {"Ana Berg", "Ida Holm"}),
    ],
)
def test_every_option_shares_what_the_stem_implies(
    share: tuple[str, ...], offered: set[str]
) -> None:
    base, opened = who(options_share=share)
    for seed in SEEDS:
        assert set(free_options(base, opened, seed).free) == offered


def test_accepted_answers_and_excluded_entities_are_never_offered() -> None:
    base, opened = who(accepted=("tom reyes",), excludes=("lund",))
    for seed in SEEDS:
        assert set(free_options(base, opened, seed).free) == {"Ana Berg", "Ida Holm", "Sam Vale"}


def test_hand_picked_entities_come_first() -> None:
    base, opened = who(distractors=(EntityAnswer("vale"), EntityAnswer("lund")))
    for seed in SEEDS:
        offered = free_options(base, opened, seed).free
        assert set(offered[:2]) == {"Sam Vale", "Ivo Lund"}
        assert offered[2] in OTHERS - {"Sam Vale", "Ivo Lund"}


def test_two_entities_with_one_name_are_offered_once() -> None:
    twin = entity("reyes-2", "TOM  REYES.", country="norland")
    opened = fact("opened", EntityAnswer("ortiz"), FactKind.PERSON, options_share=("country",))
    base = fact_base((ORTIZ, PEOPLE[3], twin), (opened,))
    for seed in SEEDS:
        assert len(free_options(base, opened, seed).free) == 1


def test_another_sources_answer_is_never_a_wrong_option() -> None:
    disputed = fact(
        "who-spoke",
        None,
        FactKind.PERSON,
        status=Status.CONTESTED,
        variants=(
            variant("the Gazette", EntityAnswer("ortiz")),
            variant("the Courier", EntityAnswer("reyes")),
        ),
    )
    base = fact_base(PEOPLE, (disputed,))
    for seed in SEEDS:
        offered = free_options(base, disputed, seed, EntityAnswer("ortiz")).free
        assert "Tom Reyes" not in offered
        assert len(offered) == 3


# ---- texts ----


def test_hand_picked_posts_come_first_then_posts_of_the_same_country() -> None:
    roles = [
        fact(f"role-{n}", TextAnswer(text), FactKind.ROLE)
        for n, text in enumerate(
            ["U.S. Secretary of State", "U.S. Secretary of Defense", "Russian Foreign Minister"]
        )
    ]
    asked = fact(
        "ambassador",
        TextAnswer("U.S. Ambassador to the UN"),
        FactKind.ROLE,
        distractors=(TextAnswer("U.S. Senator"),),
    )
    base = fact_base((), (*roles, asked))
    for seed in SEEDS:
        offered = free_options(base, asked, seed).free
        assert offered[0] == "U.S. Senator"
        assert set(offered[1:]) == {"U.S. Secretary of State", "U.S. Secretary of Defense"}


# ---- numbers ----

FIGHTERS = [
    fact(f"count-{v}", NumberAnswer(v, "fighters"), FactKind.NUMBER) for v in (300, 400, 600, 700)
]


def number_options(key: NumberAnswer, *hand_picked: int, seed: int = 0) -> Candidates:
    picked = tuple(NumberAnswer(v, key.unit) for v in hand_picked)
    asked = fact("asked", key, FactKind.NUMBER, distractors=picked)
    return free_options(fact_base((), (*FIGHTERS, asked)), asked, seed)


@pytest.mark.parametrize("qualifier", LOWER_BOUNDS)
def test_a_lower_bound_key_offers_only_higher_figures(qualifier: str) -> None:
    for seed in SEEDS:
        options = number_options(NumberAnswer(500, "fighters", qualifier), 450, 900, seed=seed)
        assert options.below == ()
        assert options.above[0] == (900.0, f"{qualifier} 900 fighters")
        assert all(v > 500 and text.startswith(f"{qualifier} ") for v, text in options.above)


@pytest.mark.parametrize("qualifier", UPPER_BOUNDS)
def test_an_upper_bound_key_offers_only_lower_figures(qualifier: str) -> None:
    for seed in SEEDS:
        options = number_options(NumberAnswer(500, "fighters", qualifier), 450, 900, seed=seed)
        assert options.above == ()
        assert options.below[0] == (450.0, f"{qualifier} 450 fighters")
        assert all(v < 500 and text.startswith(f"{qualifier} ") for v, text in options.below)


@pytest.mark.parametrize("qualifier", [None, "about"])
def test_a_plain_or_rounded_key_offers_figures_on_both_sides(qualifier: str | None) -> None:
    options = number_options(NumberAnswer(500, "fighters", qualifier), 450, 900)
    assert options.below[0][0] == 450.0
    assert options.above[0][0] == 900.0
    assert {400.0, 300.0} <= {v for v, _ in options.below}
    assert {600.0, 700.0} <= {v for v, _ in options.above}
    assert all(v < 500 for v, _ in options.below)
    assert all(v > 500 for v, _ in options.above)


@given(
    st.integers(1, 10**7),
    st.sampled_from([None, "about", *LOWER_BOUNDS, *UPPER_BOUNDS]),
    st.integers(),
)
def test_figures_lie_on_the_side_that_makes_the_stem_false(
    value: int, qualifier: str | None, seed: int
) -> None:
    options = number_options(NumberAnswer(value, "fighters", qualifier), seed=seed)
    assert all(v < value for v, _ in options.below)
    assert all(v > value for v, _ in options.above)
    if qualifier in LOWER_BOUNDS:
        assert options.below == ()
    if qualifier in UPPER_BOUNDS:
        assert options.above == ()
    texts = [normalise_option(t) for _, t in (*options.below, *options.above)]
    assert len(texts) == len(set(texts))


def test_small_figures_are_invented_one_step_apart() -> None:
    options = number_options(NumberAnswer(3, "warships"))
    assert set(options.below) == {(2.0, "2 warships"), (1.0, "1 warship")}
    assert set(options.above) == {
        (4.0, "4 warships"),
        (5.0, "5 warships"),
        (6.0, "6 warships"),
        (8.0, "8 warships"),
    }


@pytest.mark.parametrize(
    ("unit", "one"),
    [
        ("warships", "1 warship"),
        ("months", "1 month"),
        ("casualties", "1 casualty"),
        ("hostages", "1 hostage"),
        ("buses", "1 bus"),
        ("witnesses", "1 witness"),
        ("people killed", "1 person killed"),
    ],
)
def test_a_figure_of_one_takes_the_singular(unit: str, one: str) -> None:
    assert number_options(NumberAnswer(2, unit)).below == ((1.0, one),)


def test_contested_figures_stay_out_of_the_pool(minimal_notes: Path) -> None:
    pools = Pools.build(load_fact_base(minimal_notes))
    # the crowd counts (1,800 and 2,500 guests) are one source's figure against another's
    assert pools.numbers == {"crowns": [40_000_000.0]}
    assert pools.story_end == dt.date(2015, 3, 31)  # the gazette is dated March 2015
    assert pools.caption_only == frozenset()


# ---- dates ----


def date_options(key: str, story_end: str | None, *hand_picked: str, seed: int = 0) -> Candidates:
    asked = fact(
        "asked",
        DateAnswer(date(key)),
        FactKind.DATE,
        distractors=tuple(DateAnswer(date(d)) for d in hand_picked),
    )
    source = dataclasses.replace(SOURCE, date=date(story_end) if story_end else None)
    return free_options(fact_base((), (asked,), (source,)), asked, seed)


def texts(side: tuple[tuple[float, str], ...]) -> set[str]:
    return {text for _, text in side}


def test_invented_dates_never_pass_the_story_end() -> None:
    options = date_options("2016-10-07", None)
    assert options.above == ()
    assert texts(options.below) == {
        "September 28, 2016",
        "October 1, 2016",
        "October 3, 2016",
        "October 5, 2016",
    }
    assert texts(date_options("2016-10-07", "2016-10-12").above) == {
        "October 9, 2016",
        "October 11, 2016",
    }


@pytest.mark.parametrize(
    ("story_end", "later"),
    [
        ("2016-11-15", set()),  # November 2016 runs past November 15
        ("2016-11", {"November 2016"}),
        ("2016-12", {"November 2016", "December 2016"}),
        ("2017", {"November 2016", "December 2016", "January 2017"}),
    ],
)
def test_an_invented_month_lies_wholly_inside_the_story(story_end: str, later: set[str]) -> None:
    assert texts(date_options("2016-10", story_end).above) == later


def test_hand_picked_dates_come_first() -> None:
    for seed in SEEDS:
        options = date_options("2016-10-07", "2016-10-31", "2016-10-02", "2016-10-20", seed=seed)
        assert options.below[0][1] == "October 2, 2016"
        assert options.above[0][1] == "October 20, 2016"


def last_day(value: float, precision: Precision) -> dt.date:
    first = dt.date.fromordinal(int(value))
    whole = PartialDate(
        first.year,
        first.month if precision is not Precision.YEAR else 0,
        first.day if precision is Precision.DAY else 0,
        precision,
    )
    return whole.span()[1]


@given(
    st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)),
    st.sampled_from(list(Precision)),
    st.integers(0, 400),
    st.integers(),
)
def test_no_invented_date_ends_after_the_newest_document(
    day: dt.date, precision: Precision, days_later: int, seed: int
) -> None:
    key = PartialDate(
        day.year,
        day.month if precision is not Precision.YEAR else 0,
        day.day if precision is Precision.DAY else 0,
        precision,
    )
    end = key.span()[1] + dt.timedelta(days=days_later)
    options = date_options(key.iso(), end.isoformat(), seed=seed)
    assert all(last_day(v, precision) <= end for v, _ in options.above)
    assert all(v < key.ordinal() for v, _ in options.below)
    assert all(v > key.ordinal() for v, _ in options.above)


# ---- whatever the fact base ----


def test_the_excluder_compares_as_a_learner_reads() -> None:
    excluder = Excluder(["Lena Ortiz"])
    assert [excluder.admit(t) for t in ["lena  ortiz!", "Tom", "tom.", "?!", "Ana"]] == [
        False,
        True,
        False,
        False,
        True,
    ]


def right_texts(base: FactBase, f: Fact) -> set[str]:
    answers = [(f.answer, f.accepted)] if f.answer else []
    answers += [(v.answer, v.accepted) for v in f.variants]
    return {normalise_option(t) for a, acc in answers for t in base.accepted_texts(a, acc)}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(fact_bases(), st.integers())
def test_no_wrong_option_is_right_or_repeated(base: FactBase, seed: int) -> None:
    for f in base.facts:
        for answer in [f.answer] if f.answer else [v.answer for v in f.variants]:
            options = free_options(base, f, seed, answer)
            shown = [*options.free, *(t for _, t in (*options.below, *options.above))]
            normal = [normalise_option(t) for t in shown]
            assert len(normal) == len(set(normal))
            assert not set(normal) & right_texts(base, f), (f.id, shown)

"""Finding a fact's answer in its statement, as the cloze cards need it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fact_records import date, entity, fact, fact_base
from hypothesis import given
from hypothesis import strategies as st

from quizgen.facts.model import (
    Answer,
    DateAnswer,
    EntityAnswer,
    FactKind,
    NumberAnswer,
    TextAnswer,
)
from quizgen.questions.answer_span import Slot, find_slot, spellings

ORTIZ = entity("lena-ortiz", "Lena Ortiz", aliases=("Ortiz", "Mayor Ortiz"))
BASE = fact_base(entities=(ORTIZ, entity("solo", "Solo", aliases=("Solo",))))
ROOT = Path(__file__).resolve().parents[2]
DELAY = "the steel beams arrived in the wrong size"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (EntityAnswer("lena-ortiz"), ["Mayor Ortiz", "Lena Ortiz", "Ortiz"]),
        (EntityAnswer("solo"), ["Solo"]),  # an alias equal to the name is one spelling
        (DateAnswer(date("2015-03-03")), ["March 3, 2015", "3 March 2015", "March 3"]),
        (DateAnswer(date("2016-10")), ["October 2016"]),
        (DateAnswer(date("2016")), ["2016"]),
        (NumberAnswer(1800, "guests"), ["1,800", "1800"]),
        (NumberAnswer(40_000_000.0, "crowns"), ["40,000,000", "40000000"]),
        (NumberAnswer(376, "people killed"), ["376"]),
        (NumberAnswer(2.5, "million"), ["2.5"]),
        (TextAnswer(DELAY), [DELAY]),
    ],
)
def test_spellings_longest_first(answer: Answer, expected: list[str]) -> None:
    assert spellings(BASE, answer) == expected


CASES = [
    (
        "Mayor Lena Ortiz opened the River Bridge.",
        EntityAnswer("lena-ortiz"),
        ("Mayor ", "Lena Ortiz", " opened the River Bridge."),
    ),
    ("Ortiz told the crowd.", EntityAnswer("lena-ortiz"), ("", "Ortiz", " told the crowd.")),
    (  # whole words only: not inside a longer word or a hyphenated one
        "Ortizville and pro-Ortiz crowds cheered Ortiz.",
        EntityAnswer("lena-ortiz"),
        ("Ortizville and pro-Ortiz crowds cheered ", "Ortiz", "."),
    ),
    (
        "The River Bridge opened on March 3, 2015.",
        DateAnswer(date("2015-03-03")),
        ("The River Bridge opened on ", "March 3, 2015", "."),
    ),
    (
        "It opened on 3 March 2015 at noon.",
        DateAnswer(date("2015-03-03")),
        ("It opened on ", "3 March 2015", " at noon."),
    ),
    (
        "It opened on March 30 and again on March 3.",
        DateAnswer(date("2015-03-03")),
        ("It opened on March 30 and again on ", "March 3", "."),
    ),
    (
        "Talks collapsed in October 2016.",
        DateAnswer(date("2016-10")),
        ("Talks collapsed in ", "October 2016", "."),
    ),
    (
        "The council counted 1,800 guests.",
        NumberAnswer(1800, "guests"),
        ("The council counted ", "1,800", " guests."),
    ),
    (
        "The council counted 1800 guests.",
        NumberAnswer(1800, "guests"),
        ("The council counted ", "1800", " guests."),
    ),
    (
        "Russia sent 3 warships, not 33.",
        NumberAnswer(3, "warships"),
        ("Russia sent ", "3", " warships, not 33."),
    ),
    (
        f"The bridge was late because {DELAY}.",
        TextAnswer(DELAY),
        ("The bridge was late because ", DELAY, "."),
    ),
]


@pytest.mark.parametrize(("statement", "answer", "parts"), CASES)
def test_find_slot(statement: str, answer: Answer, parts: tuple[str, str, str]) -> None:
    slot = find_slot(BASE, fact("f", answer, statement=statement))
    assert slot is not None
    assert (slot.before, slot.answer, slot.after) == parts
    assert slot.statement == statement


@pytest.mark.parametrize(
    ("statement", "answer"),
    [
        ("The mayor opened the bridge.", EntityAnswer("lena-ortiz")),
        ("It opened on March 30, 2015.", DateAnswer(date("2015-03-03"))),
        ("The council counted 1,800 guests.", NumberAnswer(1, "guests")),  # the 1 of 1,800
        ("The council counted 18,000 guests.", NumberAnswer(18, "guests")),
        ("The beams arrived late.", TextAnswer(DELAY)),
    ],
)
def test_no_slot_when_the_answer_is_not_written_as_a_whole(statement: str, answer: Answer) -> None:
    assert find_slot(BASE, fact("f", answer, statement=statement)) is None


def test_no_slot_for_a_fact_without_an_answer() -> None:
    assert find_slot(BASE, fact("f", None, statement="Sources disagree on 1,800.")) is None


@pytest.mark.parametrize(
    ("statement", "value", "before"),
    [
        ("Of 1,800 guests, 800 were children.", 800, "Of 1,800 guests, "),
        ("Traffic rose 2.5 times, to 5 convoys.", 5, "Traffic rose 2.5 times, to "),
    ],
)
def test_a_number_is_not_found_inside_a_longer_number(
    statement: str, value: int, before: str
) -> None:
    slot = find_slot(BASE, fact("f", NumberAnswer(value, "x"), statement=statement))
    assert slot is not None
    assert (slot.before, slot.answer) == (before, str(value))


def test_replaced_swaps_the_answer_for_a_blank() -> None:
    slot = Slot("The River Bridge opened on March 3, 2015.", 27, 40)
    assert slot.answer == "March 3, 2015"
    assert slot.replaced("____") == "The River Bridge opened on ____."


WORDS = st.lists(st.sampled_from(["the", "bridge", "cost", "about", "in", "crowns"]), max_size=6)


@given(st.integers(0, 10**9), WORDS, WORDS)
def test_a_number_written_as_a_word_is_found_with_its_separators(
    value: int, head: list[str], tail: list[str]
) -> None:
    statement = " ".join([*head, f"{value:,}", *tail]) + "."
    slot = find_slot(
        BASE, fact("f", NumberAnswer(value, "crowns"), FactKind.NUMBER, statement=statement)
    )
    assert slot is not None
    assert slot.answer == f"{value:,}"
    assert slot.before + slot.answer + slot.after == statement
    assert slot.replaced(slot.answer) == statement


def test_the_slot_does_not_depend_on_the_hash_seed() -> None:
    program = textwrap.dedent(
        """
        import sys
        sys.path[:0] = ["tests"]
        from fact_records import entity, fact, fact_base
        from quizgen.facts.model import EntityAnswer
        from quizgen.questions.answer_span import find_slot
        person = entity("p", "Abc Def", aliases=("Xyz Uvw", "Qrs Tuv"))
        statement = "Abc Def, also called Qrs Tuv or Xyz Uvw, spoke."
        spoke = fact("f", EntityAnswer("p"), statement=statement)
        print(find_slot(fact_base(entities=(person,)), spoke).answer)
        """
    )
    found = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", program],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        found.add(run.stdout.strip())
    assert len(found) == 1, found

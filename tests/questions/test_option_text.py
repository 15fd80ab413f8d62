"""Options compare as a learner reads them: case, accents, punctuation and spacing ignored."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.option_text import normalise_option


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("François Delattre", "francois delattre"),
        ("francois  delattre.", "francois delattre"),
        ("FRANCOIS-DELATTRE", "francois delattre"),
        ("  Ban Ki-moon  ", "ban ki moon"),
        ("U.S. Secretary of State", "u s secretary of state"),
        ("275,000 civilians", "275 000 civilians"),
        ("Straße", "strasse"),
        ("Ålesund", "alesund"),
        ("ﬁnal", "final"),  # a ligature
        ("\uff21\uff4c\uff45\uff50\uff50\uff4f", "aleppo"),  # full-width letters
        ("snake_case", "snake case"),
        ("“quoted” — and\tsplit\nlines", "quoted and split lines"),
        ("?!", ""),
        ("", ""),
    ],
)
def test_normalise_option(text: str, normalised: str) -> None:
    assert normalise_option(text) == normalised


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lena Ortiz", "lena ortiz!"),
        ("Sergei Lavrov", "SERGEI   LAVROV"),
        ("Ban Ki-moon", "Ban Ki moon"),
        ("Zürich", "Zurich"),
    ],
)
def test_spellings_a_learner_would_not_tell_apart_compare_equal(first: str, second: str) -> None:
    assert normalise_option(first) == normalise_option(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Ortiz", "Ortez"), ("1,800", "18,00"), ("Kerry", "Kerry Ann"), ("Lavrov", "Lavrova")],
)
def test_different_words_stay_different(first: str, second: str) -> None:
    assert normalise_option(first) != normalise_option(second)


@given(st.text())
def test_the_normal_form_is_plain_lowercase_words(text: str) -> None:
    normal = normalise_option(text)
    assert normalise_option(normal) == normal
    assert normal == normal.strip()
    assert "  " not in normal
    assert not re.search(r"[^\w ]|_", normal)
    assert not any(unicodedata.combining(c) for c in normal)


LETTERS = st.sampled_from("abcdefghijklmnopqrstuvwxyzéèàçñöüå")
WORDS = st.lists(st.text(LETTERS, min_size=1, max_size=8), min_size=1, max_size=5)


@given(WORDS, st.sampled_from([",", ".", "!", "?", "-", ";", ":", "'", '"']))
def test_case_punctuation_and_spacing_never_change_the_normal_form(
    words: list[str], mark: str
) -> None:
    plain = normalise_option(" ".join(words))
    assert normalise_option(f"  {f'{mark} '.join(words).upper()}{mark}  ") == plain

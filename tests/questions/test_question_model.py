"""Questions as every consumer reads them: forms, option letters, keys and right answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.model import (
    FORM_ALIASES,
    FORM_CHOICES,
    ORDER_ARROW,
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    option_letter,
    order_text,
    quoted,
)

CITE = Citation(
    outlet="Valley Courier",
    headline="What the bridge cost",
    date="undated",
    document="courier-cost.txt",
    quote="the bridge cost 40 million crowns",
)


def question(form: Form, options: tuple[str, ...], answer: int | tuple[int, ...]) -> Question:
    return Question(
        id=f"bridge-cost/{form.choice}",
        form=form,
        stem="What did the bridge cost?",
        options=options,
        answer=answer,
        fact="bridge-cost",
        explanation="Twice the first estimate.",
        sources=(CITE,),
        topics=("money",),
    )


MC = question(Form.MULTIPLE_CHOICE, ("20 million", "30 million", "40 million", "60 million"), 2)
TF = question(Form.TRUE_FALSE, TRUE_FALSE_OPTIONS, 1)
ORDER = question(Form.TIMELINE_ORDER, ("Opening", "Plans", "Building"), (1, 2, 0))


@pytest.mark.parametrize(
    ("form", "choice"),
    [
        (Form.MULTIPLE_CHOICE, "multiple-choice"),
        (Form.TRUE_FALSE, "true-false"),
        (Form.TIMELINE_ORDER, "timeline"),
    ],
)
def test_each_form_is_picked_by_its_choice_name(form: Form, choice: str) -> None:
    assert form.choice == choice


def test_the_choices_are_the_forms_choice_names_in_order() -> None:
    assert tuple(f.choice for f in Form) == FORM_CHOICES


@pytest.mark.parametrize("form", list(Form))
def test_a_stored_form_value_reaches_its_choice_through_the_aliases(form: Form) -> None:
    assert FORM_ALIASES.get(form.value, form.value) == form.choice


def test_aliases_are_old_spellings_of_a_choice_never_a_choice_themselves() -> None:
    assert FORM_ALIASES == {"timeline-order": "timeline"}
    assert not set(FORM_ALIASES) & set(FORM_CHOICES)


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (1, "B"), (3, "D"), (25, "Z"), (26, "27"), (99, "100")]
)
def test_option_letter(index: int, letter: str) -> None:
    assert option_letter(index) == letter


def test_option_letters_never_repeat() -> None:
    letters = [option_letter(i) for i in range(200)]
    assert len(set(letters)) == 200


@pytest.mark.parametrize(
    ("options", "order", "expected"),
    [
        (("Opening", "Plans", "Building"), (1, 2, 0), "Plans → Building → Opening"),
        (("Opening", "Plans", "Building"), (0, 1, 2), "Opening → Plans → Building"),
        (("Only",), (0,), "Only"),
        ((), (), ""),
    ],
)
def test_order_text(options: tuple[str, ...], order: tuple[int, ...], expected: str) -> None:
    assert order_text(options, order) == expected


LABELS = st.text(st.characters(blacklist_characters="→"), min_size=1)


@given(st.lists(LABELS, min_size=1, max_size=6), st.data())
def test_order_text_lists_the_options_in_the_given_order(
    options: list[str], data: st.DataObject
) -> None:
    order = data.draw(st.permutations(range(len(options))))
    assert order_text(tuple(options), tuple(order)).split(ORDER_ARROW) == [
        options[i] for i in order
    ]


@pytest.mark.parametrize(
    ("q", "key", "text"), [(MC, 2, "40 million"), (TF, 1, "False")], ids=["mc", "tf"]
)
def test_a_keyed_question_has_one_key(q: Question, key: int, text: str) -> None:
    assert q.key_index == key
    assert q.right_answer_text() == text


def test_an_ordering_question_has_no_single_key() -> None:
    with pytest.raises(TypeError, match=r"^bridge-cost/timeline is an ordering question"):
        _ = ORDER.key_index


def test_an_ordering_questions_right_answer_is_its_options_in_order() -> None:
    assert ORDER.right_answer_text() == "Plans → Building → Opening"


@pytest.mark.parametrize(
    ("q", "response", "right"),
    [
        (MC, 2, True),
        (MC, 0, False),
        (MC, 3, False),
        (MC, (2,), False),
        (TF, 1, True),
        (TF, 0, False),
        (ORDER, (1, 2, 0), True),
        (ORDER, (0, 1, 2), False),
        (ORDER, (1, 2), False),
        (ORDER, 1, False),
    ],
)
def test_is_right(q: Question, response: int | tuple[int, ...], right: bool) -> None:
    assert q.is_right(response) is right


@given(st.permutations(range(4)))
def test_exactly_one_order_of_an_ordering_question_is_right(order: list[int]) -> None:
    q = question(Form.TIMELINE_ORDER, ("a", "b", "c", "d"), (2, 0, 3, 1))
    assert q.is_right(tuple(order)) is (order == [2, 0, 3, 1])


def test_a_citation_reads_on_one_line() -> None:
    assert CITE.text() == (
        'Valley Courier, "What the bridge cost", undated: “the bridge cost 40 million crowns”'
    )


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("plain words", "“plain words”"),
        ("“is suspending its participation", "“is suspending its participation”"),
        ('the channels," he said', "“the channels, he said”"),
        ('"I cannot see how," he said.', "\u201c\u2018I cannot see how,\u2019 he said.\u201d"),
        ('he said "no" twice', "\u201che said \u2018no\u2019 twice\u201d"),
    ],
)
def test_quotes_are_shown_with_balanced_marks(quote: str, shown: str) -> None:
    assert quoted(quote) == shown

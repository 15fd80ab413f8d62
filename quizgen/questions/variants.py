"""Test variants A, B, C...: the same questions in another order, with options reshuffled."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from quizgen.questions.model import OPTION_LETTERS, Form, Question, QuestionSet
from quizgen.questions.set_file import write_set


def make_variants(qset: QuestionSet, count: int) -> list[QuestionSet]:
    """`count` variants of `qset`, lettered A, B, C...; each has its own order and key."""
    if not 1 <= count <= 26:
        raise ValueError("variants must be between 1 and 26")
    made = []
    for letter in OPTION_LETTERS[:count]:
        rng = random.Random(f"{qset.header.seed}:variant:{letter}")
        questions = list(qset.questions) if letter == "A" else _reshuffled(qset, rng)
        header = dataclasses.replace(qset.header, variant=letter, variants=count)
        made.append(QuestionSet(header, tuple(questions)))
    return made


def write_variants(qset: QuestionSet, count: int, output: Path) -> list[tuple[Path, int]]:
    """Write `qset` to `output`, or its `count` variants to `<stem>-A<suffix>`, `-B`...

    Returns each path written with its number of questions.
    """
    written = []
    for variant in make_variants(qset, count) if count > 1 else [qset]:
        path = output
        if variant.header.variant:
            path = output.with_name(f"{output.stem}-{variant.header.variant}{output.suffix}")
        write_set(variant, path)
        written.append((path, len(variant.questions)))
    return written


def _reshuffled(qset: QuestionSet, rng: random.Random) -> list[Question]:
    questions = list(qset.questions)
    rng.shuffle(questions)
    tallies: dict[int, list[int]] = {}
    return [_reshuffle_options(q, rng, tallies) for q in questions]


def reshuffled(question: Question, rng: random.Random) -> Question:
    """The question asked again with its options in another order and, where there is a
    choice, the key elsewhere (sorted and true/false options keep their order)."""
    n = len(question.options)
    if question.form is Form.TRUE_FALSE or question.options_sorted or n < 2:
        return question
    if question.form is Form.TIMELINE_ORDER:
        order = list(range(n))
        while order == list(range(n)):
            rng.shuffle(order)
        options = tuple(question.options[i] for i in order)
        assert isinstance(question.answer, tuple)
        answer = tuple(order.index(i) for i in question.answer)
        return dataclasses.replace(question, options=options, answer=answer)
    position = rng.choice([p for p in range(n) if p != question.key_index])
    wrong = [o for i, o in enumerate(question.options) if i != question.key_index]
    rng.shuffle(wrong)
    key = question.options[question.key_index]
    options = (*wrong[:position], key, *wrong[position:])
    return dataclasses.replace(question, options=tuple(options), answer=position)


def _reshuffle_options(
    question: Question, rng: random.Random, tallies: dict[int, list[int]]
) -> Question:
    """Move the key to a balanced new position; sorted and true/false options stay in order."""
    n = len(question.options)
    if question.form is Form.TRUE_FALSE or question.options_sorted:
        return question
    if question.form is Form.TIMELINE_ORDER:
        order = list(range(n))
        rng.shuffle(order)
        options = tuple(question.options[i] for i in order)
        assert isinstance(question.answer, tuple)
        answer = tuple(order.index(i) for i in question.answer)
        return dataclasses.replace(question, options=options, answer=answer)
    tally = tallies.setdefault(n, [0] * n)
    fewest = min(tally)
    position = rng.choice([p for p in range(n) if tally[p] == fewest])
    tally[position] += 1
    wrong = [o for i, o in enumerate(question.options) if i != question.key_index]
    rng.shuffle(wrong)
    key = question.options[question.key_index]
    options = (*wrong[:position], key, *wrong[position:])
    return dataclasses.replace(question, options=tuple(options), answer=position)

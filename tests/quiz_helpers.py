"""A small question set for the quiz tests (the bridge of conftest.py's invented documents).

Every question's right answer is the option at RIGHT[id] (an index, or the order for the
timeline question), so tests can answer right or wrong on purpose.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.questions.model import Citation, Form, Question, QuestionSet, SetHeader
from quizgen.questions.set_file import write_set

GAZETTE = Citation(
    outlet="The Harbour Town Gazette",
    headline="Mayor opens the River Bridge",
    date="March 2015",
    document="gazette-bridge.txt",
    quote="Mayor Lena Ortiz opened the River Bridge on March 3, 2015",
)
COURIER = Citation(
    outlet="unknown",
    headline="What the bridge cost",
    date="not printed",
    document="courier-cost.txt",
    quote="the bridge cost 40 million crowns",
)


def question(
    qid: str,
    form: Form,
    stem: str,
    options: tuple[str, ...],
    answer: int | tuple[int, ...],
    topics: tuple[str, ...],
    source: Citation = GAZETTE,
) -> Question:
    """A question whose fact id is the part of `qid` before the slash."""
    return Question(
        id=qid,
        form=form,
        stem=stem,
        options=options,
        answer=answer,
        fact=qid.split("/")[0],
        explanation=f"Explained: {stem}",
        sources=(source,),
        topics=topics,
    )


QUESTIONS = (
    question(
        "mayor-opened-bridge/mc",
        Form.MULTIPLE_CHOICE,
        "Who opened the River Bridge in March 2015?",
        ("Lena Ortiz", "Tom Reyes", "The town council", "The organisers"),
        0,
        ("bridge",),
    ),
    question(
        "bridge-cost/mc",
        Form.MULTIPLE_CHOICE,
        "According to Councillor Tom Reyes, what did the bridge cost?",
        ("20 million crowns", "40 million crowns", "60 million crowns"),
        1,
        ("money",),
        COURIER,
    ),
    question(
        "bridge-delay-cause/mc",
        Form.MULTIPLE_CHOICE,
        "Why did the River Bridge open late?",
        (
            "the council ran out of money",
            "a flood washed away the works",
            "the steel beams arrived in the wrong size",
        ),
        2,
        ("bridge",),
    ),
    question(
        "mayor-opened-bridge/tf",
        Form.TRUE_FALSE,
        "True or false: Tom Reyes opened the River Bridge.",
        ("True", "False"),
        1,
        ("bridge",),
    ),
    question(
        "bridge-timeline/order",
        Form.TIMELINE_ORDER,
        "Put these events in order.",
        ("The bridge opens", "Work starts", "The beams arrive"),
        (1, 2, 0),
        ("bridge", "money"),
    ),
)
RIGHT = {q.id: q.answer for q in QUESTIONS}
BY_STEM = {q.stem: q for q in QUESTIONS}


def sample_set(questions: tuple[Question, ...] = QUESTIONS) -> QuestionSet:
    """The sample questions under a plain header."""
    header = SetHeader(
        title="Bridge quiz",
        seed=1,
        count=None,
        topics=(),
        forms=(),
        sources=(),
        fact_base_revision="2026-11-22",
        fact_base_digest="0" * 64,
    )
    return QuestionSet(header, questions)


def write_sample_set(path: Path, questions: tuple[Question, ...] = QUESTIONS) -> Path:
    """Write the sample set to `path` and return it."""
    write_set(sample_set(questions), path)
    return path

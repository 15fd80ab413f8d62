"""Question sets the exporter tests share: an ordinary one and one full of special characters."""

from __future__ import annotations

import functools
from collections.abc import Callable

from quizgen.facts.loader import load_fact_base
from quizgen.paths import shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import (
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    SetHeader,
)

#: Every character some export format treats specially, a line break, and an option-like start.
NASTY = 'A) 50% {of} = #1 ~ "q", a:b \\ back\\slash\n*bold* _it_ `c` [l](u) <b>&amp;</b> | $5'


def citation(quote: str = "Mayor Lena Ortiz opened the River Bridge", n: int = 1) -> Citation:
    """A citation of an invented document."""
    return Citation(
        outlet="The Harbour Town Gazette",
        headline=f"Mayor opens the River Bridge ({n})",
        date="2015-03-03",
        document="gazette-bridge",
        quote=quote,
    )


def header(title: str = "Bridge test", variant: str | None = None) -> SetHeader:
    """A set header; `variant` as written with --variants."""
    return SetHeader(
        title=title,
        seed=7,
        count=None,
        topics=(),
        forms=("multiple-choice", "true-false", "timeline"),
        sources=(),
        fact_base_revision="2026-11-22",
        fact_base_digest="3f2a",
        variant=variant,
        variants=2 if variant else 1,
    )


def multiple_choice(
    qid: str = "mayor-opened-bridge/mc",
    stem: str = "Who opened the River Bridge in March 2015?",
    options: tuple[str, ...] = ("Tom Reyes", "Lena Ortiz", "Ana Berg", "Ivo Lund"),
    answer: int = 1,
    explanation: str = "The mayor opened it two years late.",
    sources: tuple[Citation, ...] = (citation(),),
) -> Question:
    """A multiple-choice question."""
    return Question(
        id=qid,
        form=Form.MULTIPLE_CHOICE,
        stem=stem,
        options=options,
        answer=answer,
        fact=qid.split("/")[0],
        explanation=explanation,
        sources=sources,
        topics=("bridge",),
    )


def true_false(
    qid: str = "bridge-cost/tf",
    stem: str = "The bridge cost 50 million crowns.",
    value: bool = False,
    explanation: str = "The bridge cost 40 million crowns, twice the first estimate.",
    sources: tuple[Citation, ...] = (citation("the bridge cost 40 million crowns"),),
) -> Question:
    """A true/false question whose key is `value`."""
    return Question(
        id=qid,
        form=Form.TRUE_FALSE,
        stem=stem,
        options=TRUE_FALSE_OPTIONS,
        answer=0 if value else 1,
        fact=qid.split("/")[0],
        explanation=explanation,
        sources=sources,
        topics=("money",),
    )


def timeline(
    qid: str = "bridge-timeline/order",
    stem: str = "Put these events in order, earliest first.",
    options: tuple[str, ...] = ("The bridge opens", "Work starts", "The beams arrive"),
    answer: tuple[int, ...] = (1, 2, 0),
    explanation: str = "Work started, the beams came late, then the bridge opened.",
    sources: tuple[Citation, ...] = (citation(), citation("the steel beams arrived", 2)),
) -> Question:
    """A timeline-order question; `answer` lists option indices earliest first."""
    return Question(
        id=qid,
        form=Form.TIMELINE_ORDER,
        stem=stem,
        options=options,
        answer=answer,
        fact=qid.split("/")[0],
        explanation=explanation,
        sources=sources,
        topics=("bridge",),
        facts=("mayor-opened-bridge", "bridge-delay-cause"),
    )


def ordinary_set(variant: str | None = None) -> QuestionSet:
    """Two multiple-choice, a true and a false statement, and an ordering question."""
    return QuestionSet(
        header("Bridge test", variant),
        (
            multiple_choice(),
            multiple_choice(
                "bridge-delay-cause/mc",
                "Why did the River Bridge open late?",
                ("a flood", "the wrong beams", "no money"),
                1,
                "The beams came from Norland in the wrong size.",
            ),
            true_false(),
            true_false(
                "mayor-opened-bridge/tf",
                "Lena Ortiz opened the bridge.",
                True,
                "Mayor Lena Ortiz opened the River Bridge.",
            ),
            timeline(),
        ),
    )


def nasty_set() -> QuestionSet:
    """Every form, with special characters in every text, citations included."""
    nasty_cite = Citation(
        outlet=NASTY, headline=NASTY, date="2016-10-08", document="doc", quote=NASTY
    )
    return QuestionSet(
        header(f"Quiz #1: {NASTY}", "A"),
        (
            multiple_choice(
                "nasty/mc",
                NASTY,
                (f"{NASTY} key", f"{NASTY} two", "3. ~=#{}:\\", "- # > + 1) x"),
                0,
                NASTY,
                (nasty_cite, citation()),
            ),
            true_false("nasty/tf", NASTY, False, f"True: {NASTY}", (nasty_cite,)),
            timeline(
                "nasty/order",
                NASTY,
                (f"{NASTY} 1", "{b}", "#c ~d"),
                (2, 0, 1),
                NASTY,
                (nasty_cite,),
            ),
        ),
    )


@functools.cache
def real_set() -> QuestionSet:
    """Every question the shipped fact base gives (every fact, every form)."""
    return generate_set(load_fact_base(shipped_notes_dir()), GenerateOptions(), seed=2016)


#: The sets every exporter test reads back: (id, builder).
ALL_SETS: dict[str, Callable[[], QuestionSet]] = {
    "ordinary": ordinary_set,
    "nasty": nasty_set,
    "real": real_set,
}

"""Describing the fact base for people and scripts (`quizgen facts`, `check`, `sources`)."""

from __future__ import annotations

from typing import Any

from quizgen.facts.model import EntityKind, Fact, FactBase, Source, Status
from quizgen.plural import plural


def answer_summary(base: FactBase, fact: Fact) -> str | None:
    """The answer as text; for a contested fact, every variant with its attribution."""
    if fact.answer is not None:
        return base.answer_text(fact.answer)
    if fact.variants:
        return "; ".join(
            f"{base.answer_text(v.answer)} (according to {v.according_to})" for v in fact.variants
        )
    return None


def question_summary(fact: Fact) -> str | None:
    """The question; for a contested fact, each attributed question in turn."""
    if fact.question is not None:
        return fact.question
    if fact.variants:
        return " / ".join(v.question for v in fact.variants)
    return None


def fact_record(base: FactBase, fact: Fact) -> dict[str, Any]:
    """A fact as a JSON-ready dict (the shape `quizgen facts --json` prints)."""
    accepted: tuple[str, ...] = ()
    if fact.answer is not None:
        accepted = base.accepted_texts(fact.answer, fact.accepted)[1:]
    return {
        "id": fact.id,
        "kind": fact.kind.value,
        "status": fact.status.value,
        "statement": fact.statement,
        "question": question_summary(fact),
        "answer": answer_summary(base, fact),
        "accepted": list(accepted),
        "topics": list(fact.topics),
        "sources": [base.source(s).file for s in fact.source_ids()],
        "contested": fact.contested,
        "event_date": fact.event_date.iso() if fact.event_date else None,
        "explanation": fact.explanation,
        "note": fact.note,
        "variants": [
            {
                "according_to": v.according_to,
                "question": v.question,
                "answer": base.answer_text(v.answer),
                "sources": [base.source(e.source).file for e in v.evidence],
            }
            for v in fact.variants
        ],
        "evidence": [
            {"source": base.source(e.source).file, "quote": e.quote} for e in fact.all_evidence()
        ],
    }


def base_summary(base: FactBase) -> str:
    """`5 sources, 68 entities (19 people), 129 facts (2 contested, 5 slips), 8 topics`."""
    people = sum(1 for e in base.entities if e.kind is EntityKind.PERSON)
    contested = sum(1 for f in base.facts if f.status is Status.CONTESTED)
    slips = sum(1 for f in base.facts if f.status is Status.SLIP)
    return (
        f"{plural(len(base.sources), 'source')},"
        f" {plural(len(base.entities), 'entity', 'entities')}"
        f" ({plural(people, 'person', 'people')}),"
        f" {plural(len(base.facts), 'fact')} ({contested} contested, {plural(slips, 'slip')}),"
        f" {plural(len(base.topics), 'topic')}"
    )


def fact_lines(base: FactBase, fact: Fact) -> tuple[str, list[str]]:
    """A fact as `quizgen facts` prints it: a heading (id and status) and indented details."""
    tag = "" if fact.status is Status.SETTLED else f"  [{fact.status.value}]"
    lines = [f"  statement: {fact.statement}"]
    answer = answer_summary(base, fact)
    if answer is not None:
        lines.append(f"  answer:    {answer}")
    if fact.note:
        lines.append(f"  note:      {fact.note}")
    lines.append(f"  sources:   {', '.join(base.source(s).file for s in fact.source_ids())}")
    lines.append(f"  topics:    {', '.join(fact.topics)}")
    return fact.id + tag, lines


def source_lines(base: FactBase, source: Source) -> tuple[str, list[str]]:
    """A source as `quizgen sources` prints it: a heading (id and file) and indented details."""
    citing = sum(1 for f in base.facts if source.id in f.source_ids())
    lines = [
        f"  outlet:   {source.outlet}",
        f"  headline: {source.headline}",
        f"  date:     {source.date.human() if source.date else 'not printed'}",
    ]
    if source.date_note:
        lines.append(f"            {source.date_note}")
    lines += [f"  summary:  {source.summary}", f"  facts:    {citing}"]
    return f"{source.id}  ({source.file})", lines

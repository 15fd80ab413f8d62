"""Choosing facts by topic, source and status: what `facts`, `generate` and recipes filter on."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.facts.model import Fact, FactBase, Status


def select_facts(
    base: FactBase,
    topics: Sequence[str] = (),
    sources: Sequence[str] = (),
    contested_only: bool = False,
) -> list[Fact]:
    """Facts with any of `topics`, citing any of `sources` (id or file name), in file order."""
    wanted_sources = set(sources)
    chosen = []
    for fact in base.facts:
        if topics and not set(topics) & set(fact.topics):
            continue
        if wanted_sources:
            cited = {s for sid in fact.source_ids() for s in (sid, base.source(sid).file)}
            if not wanted_sources & cited:
                continue
        if contested_only and fact.status is Status.SETTLED:
            continue
        chosen.append(fact)
    return chosen

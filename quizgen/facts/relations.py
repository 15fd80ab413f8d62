"""Which facts must never be asked together: linked by hand (`related:`) or by a shared sentence.

Two facts proved by the same sentence of a document ("claimed 376 lives and injured 1,200
others") make near-identical questions, and one's feedback answers the other. Facts linked by
hand are those whose wording gives the other's answer away in a paraphrase no string match finds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from quizgen.facts.model import FactBase

#: Consecutive words two proof quotes of one document must share to count as one sentence.
SHARED_RUN = 6
_WORD = re.compile(r"\w+")


def related_facts(base: FactBase) -> Mapping[str, tuple[str, ...]]:
    """For each fact id, the sorted ids of the facts never to be asked with it (symmetric)."""
    links: dict[str, set[str]] = defaultdict(set)
    for fact in base.facts:
        for other in fact.related:
            links[fact.id].add(other)
            links[other].add(fact.id)
    by_run: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for fact in base.facts:
        for evidence in fact.all_evidence():
            if evidence.role != "proof":
                continue
            words = tuple(_WORD.findall(evidence.quote.casefold()))
            for i in range(len(words) - SHARED_RUN + 1):
                by_run[(evidence.source, words[i : i + SHARED_RUN])].add(fact.id)
    for sharing in by_run.values():
        if len(sharing) > 1:
            for fact_id in sharing:
                links[fact_id] |= sharing - {fact_id}
    return {fact_id: tuple(sorted(others)) for fact_id, others in links.items() if others}

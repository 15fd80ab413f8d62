"""Citations: a fact's evidence quotes with the outlet, headline and date a learner reads."""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.facts.model import Evidence, FactBase
from quizgen.questions.model import Citation


def citations(base: FactBase, evidence: Iterable[Evidence]) -> tuple[Citation, ...]:
    """Each quote with its document's outlet, headline and date, in the order given."""
    cited = []
    for item in evidence:
        source = base.source(item.source)
        cited.append(
            Citation(
                outlet=source.shown_outlet,
                headline=source.headline,
                date=source.shown_date,
                document=source.file,
                quote=item.quote,
            )
        )
    return tuple(cited)

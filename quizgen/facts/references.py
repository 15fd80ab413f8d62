"""What validation collects while reading: problems, references to check, ids seen."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen.errors import Problem
from quizgen.facts.model import EntityKind, Location


@dataclass
class Reference:
    """A reference by id from one record to another, checked once everything is read."""

    namespace: str  # "entity", "source", "topic" or "fact"
    target: str
    path: str
    line: int
    what: str
    entity_kinds: tuple[EntityKind, ...] = ()


@dataclass
class Collected:
    """Problems, references and first-seen ids gathered across every file."""

    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    first_seen: dict[tuple[str, str], Location] = field(default_factory=dict)
    #: Files ("sources", "entities", "topics") that could not be read at all: references into
    #: them are not checked, since each would only repeat that one problem.
    unreadable: set[str] = field(default_factory=set)

    def claim_id(self, namespace: str, record_id: str, where: Location) -> None:
        """Report an id already used by another record of the same namespace."""
        earlier = self.first_seen.setdefault((namespace, record_id), where)
        if earlier != where:
            self.problems.append(
                Problem(
                    where.path,
                    where.line,
                    f"duplicate {namespace} id {record_id!r}: already used at"
                    f" {earlier.path}:{earlier.line}; give this one another id",
                )
            )

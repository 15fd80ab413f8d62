"""The fact base as typed, immutable records: sources, entities, topics and facts.

The YAML shape these come from is documented in `quizgen.facts.loader`,
next to the code that reads it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from quizgen.facts.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Location:
    """Where a record was written: file and 1-based line."""

    path: str
    line: int


class EntityKind(enum.Enum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    PLACE = "place"
    WEAPON = "weapon"
    DOCUMENT = "document"


class FactKind(enum.Enum):
    """What a fact asks about; decides the answer type and where distractors come from."""

    WHO_SAID = "who-said"
    ROLE = "role"
    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    PLACE = "place"
    WEAPON = "weapon"
    DATE = "date"
    NUMBER = "number"
    CAUSE = "cause"
    CONSEQUENCE = "consequence"
    DETAIL = "detail"


#: Entity attributes a fact can require every option to share with its key (`options_share`).
OPTION_ATTRIBUTES = ("gender", "office", "country", "organisation", "council_seat")
GENDERS = ("female", "male")
COUNCIL_SEATS = ("permanent", "elected")
EVIDENCE_ROLES = ("proof", "dating")
#: The longest `short_question` (Kahoot's question field, the shortest of the game sites).
SHORT_QUESTION_LIMIT = 120


#: The kinds of entity that may answer each kind of question (and be offered as wrong options).
ENTITY_KINDS: dict[FactKind, tuple[EntityKind, ...]] = {
    FactKind.WHO_SAID: (EntityKind.PERSON, EntityKind.ORGANISATION),
    FactKind.PERSON: (EntityKind.PERSON,),
    FactKind.COUNTRY: (EntityKind.COUNTRY,),
    FactKind.ORGANISATION: (EntityKind.ORGANISATION, EntityKind.DOCUMENT),
    FactKind.PLACE: (EntityKind.PLACE,),
    FactKind.WEAPON: (EntityKind.WEAPON,),
}


class Status(enum.Enum):
    """Whether a fact has one answer, several attributed ones, or records a slip."""

    SETTLED = "settled"
    CONTESTED = "contested"
    SLIP = "slip"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One of the documents the fact base is drawn from."""

    id: str
    file: str
    sha256: str
    outlet: str
    headline: str
    date: PartialDate | None
    date_note: str
    summary: str
    location: Location

    @property
    def shown_outlet(self) -> str:
        """The outlet as a citation shows it (`outlet not named` when the text names none)."""
        return self.outlet if self.outlet != "unknown" else "outlet not named"

    @property
    def shown_date(self) -> str:
        """The date as a citation shows it (`undated` when the text prints none)."""
        return self.date.human() if self.date else "undated"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organisation, country, place, weapon or document that facts refer to."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    organisation: str | None
    location: Location
    group: str | None = None
    gender: str | None = None
    office: str | None = None
    council_seat: str | None = None
    caption_only: bool = False

    def attribute(self, name: str) -> str | None:
        """The value of one eligibility attribute (see `OPTION_ATTRIBUTES`), or None."""
        value: str | None = getattr(self, name)
        return value


@dataclass(frozen=True, slots=True)
class Topic:
    """One entry of the controlled topic vocabulary."""

    id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class EntityAnswer:
    """The answer is an entity (by id)."""

    entity: str


@dataclass(frozen=True, slots=True)
class DateAnswer:
    """The answer is a date of known precision."""

    date: PartialDate


@dataclass(frozen=True, slots=True)
class NumberAnswer:
    """The answer is a number with its unit (and an optional qualifier such as 'about')."""

    number: int | float
    unit: str
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """The answer is a short text (a post, a cause, a detail)."""

    text: str


Answer = EntityAnswer | DateAnswer | NumberAnswer | TextAnswer


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A verbatim quote of at most 25 words from a document that proves a fact."""

    source: str
    quote: str
    location: Location
    #: "proof" quotes prove the fact and are shown to learners as its citation; "dating" quotes
    #: only fix when a document was written (a byline) and are proven but never shown.
    role: str = "proof"


@dataclass(frozen=True, slots=True, kw_only=True)
class FalseStatement:
    """A hand-written false version of a fact's statement, and why the documents show it false."""

    statement: str
    why_false: str
    #: The statement in at most SHORT_QUESTION_LIMIT characters, for game sites; as false, for
    #: the same reason.
    short_statement: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant:
    """One side of a contested fact: what one source says, attributed."""

    according_to: str
    question: str
    answer: Answer
    accepted: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """A hand-verified fact, with the question it answers and the quotes that prove it."""

    id: str
    kind: FactKind
    status: Status
    statement: str
    question: str | None
    answer: Answer | None
    accepted: tuple[str, ...]
    excludes: tuple[str, ...]
    distractors: tuple[Answer, ...]
    topics: tuple[str, ...]
    event: str | None
    event_date: PartialDate | None
    explanation: str
    evidence: tuple[Evidence, ...]
    variants: tuple[Variant, ...]
    note: str | None
    revised: dt.date
    location: Location
    false_statements: tuple[FalseStatement, ...] = ()
    options_share: tuple[str, ...] = ()
    #: Facts whose questions would give this one's answer away (or the other way round), or that
    #: come from the same sentence: never asked together in one set or quiz.
    related: tuple[str, ...] = ()
    #: False when no sound wrong options exist: the fact is asked as true/false only.
    multiple_choice: bool = True
    #: The question in at most SHORT_QUESTION_LIMIT characters, for game sites whose question
    #: field is short (Kahoot: 120); written by hand for facts whose `question` is longer.
    short_question: str | None = None
    #: The statement in at most SHORT_QUESTION_LIMIT characters, for game sites' true/false.
    short_statement: str | None = None

    @property
    def contested(self) -> bool:
        """True when documents disagree and each variant must be asked attributed."""
        return self.status is Status.CONTESTED

    @property
    def askable(self) -> bool:
        """False for slips, which are recorded but never become questions."""
        return self.status is not Status.SLIP

    def shown_evidence(self) -> tuple[Evidence, ...]:
        """The quotes a learner sees as the fact's citation (dating quotes are left out)."""
        return tuple(e for e in self.evidence if e.role == "proof")

    def all_evidence(self) -> tuple[Evidence, ...]:
        """The fact's own evidence and that of every variant."""
        return self.evidence + tuple(e for v in self.variants for e in v.evidence)

    def source_ids(self) -> tuple[str, ...]:
        """The ids of the documents that prove this fact, in first-cited order."""
        return tuple(dict.fromkeys(e.source for e in self.all_evidence()))


def _frozen(mapping: dict[str, object]) -> Mapping[str, object]:
    return MappingProxyType(mapping)


@dataclass(frozen=True, slots=True)
class FactBase:
    """Everything in the source notes, validated, with lookups by id."""

    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    topics: tuple[Topic, ...]
    facts: tuple[Fact, ...]
    _source_by_id: Mapping[str, Source] = field(init=False, repr=False, compare=False)
    _entity_by_id: Mapping[str, Entity] = field(init=False, repr=False, compare=False)
    _fact_by_id: Mapping[str, Fact] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_source_by_id", _frozen({s.id: s for s in self.sources}))
        object.__setattr__(self, "_entity_by_id", _frozen({e.id: e for e in self.entities}))
        object.__setattr__(self, "_fact_by_id", _frozen({f.id: f for f in self.facts}))

    def source(self, source_id: str) -> Source:
        """The source with this id (KeyError if none)."""
        return self._source_by_id[source_id]

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if none)."""
        return self._entity_by_id[entity_id]

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id (KeyError if none)."""
        return self._fact_by_id[fact_id]

    def revision(self) -> dt.date:
        """The newest revision date of any fact: decks use it to know what changed."""
        return max((f.revised for f in self.facts), default=dt.date(2016, 1, 1))

    def answer_text(self, answer: Answer) -> str:
        """An answer as a learner reads it, entity names resolved."""
        if isinstance(answer, EntityAnswer):
            return self.entity(answer.entity).name
        if isinstance(answer, DateAnswer):
            return answer.date.human()
        if isinstance(answer, NumberAnswer):
            return format_number(answer)
        return answer.text

    def accepted_texts(self, answer: Answer, accepted: tuple[str, ...]) -> tuple[str, ...]:
        """Every wording that counts as right: the answer, its aliases and the accepted list."""
        texts = [self.answer_text(answer)]
        if isinstance(answer, EntityAnswer):
            texts.extend(self.entity(answer.entity).aliases)
        texts.extend(accepted)
        return tuple(dict.fromkeys(texts))


def format_number(answer: NumberAnswer) -> str:
    """`275,000 civilians`, `about 900 fighters`, `more than 250,000 civilians`."""
    value = shown_number(answer.number)
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    text = f"{shown} {unit_for(value, answer.unit)}"
    return f"{answer.qualifier} {text}" if answer.qualifier else text


def unit_for(value: float, unit: str) -> str:
    """The unit as it agrees with the number: `1 warship`, `3 warships`, `1 person killed`
    (units are written plural; the first word is the counted noun)."""
    if value != 1:
        return unit
    noun, _, rest = unit.partition(" ")
    return " ".join(filter(None, (_singular(noun), rest)))


def _singular(noun: str) -> str:
    if noun == "people":
        return "person"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes", "uses")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def shown_number(value: float) -> int | float:
    """A whole number as an int (`275000.0` -> `275000`), anything else as it is."""
    return int(value) if float(value).is_integer() else value

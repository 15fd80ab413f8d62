"""Anki notes: one per fact a set asks about, its fields the ways to study that fact.

Which cards a note has depends on the fact base, never on the set's seed. The one thing a set
changes can only take a card away: a set that does not ask a fact's multiple-choice question
gives it no multiple-choice card (and the full deck asks every one the fact base allows). So two
decks of one fact base, a class test and the full deck, never disagree the other way. Importing
one after the other can neither add a card with a blank front nor empty one: Anki adds the
missing cards of a note it skips, and replaces every field of a note it updates. The set decides
which facts get notes, and the wording of their multiple-choice and ordering cards:

- multiple choice: the set's multiple-choice question about that fact alone, if it has one;
- recall: that question without options, or else the fact's own question;
- fill in the blank: a settled fact's statement, its answer written in it once and blanked;
- put in order: where the fact's event can head a chain of three or more events each surely
  later than the last (the rule ordering questions follow): the set's ordering question if it
  asks one, else the nearest such chain.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

import genanki

from quizgen.errors import ExportError
from quizgen.exports.anki_note_types import FIELD_NAMES, TEMPLATES
from quizgen.facts.digest import fact_base_digest
from quizgen.facts.model import Evidence, Fact, FactBase, Status
from quizgen.questions.answer_span import find_slot, spellings
from quizgen.questions.citing import citations
from quizgen.questions.model import Citation, Form, Question, QuestionSet, option_letter
from quizgen.questions.timeline import LATER_SCAN, ORDER_WINDOW, TIMELINE_QUOTES, Timeline

#: The namespace of every note GUID: never change it, or every learner's notes duplicate.
GUID_NAMESPACE = "quizgen:aleppo-2016"
#: On the note of a fact whose every question in the set was approved by a reviewer.
VERIFIED_TAG = "aleppo-2016::verified"
#: The root of every tag (`aleppo-2016::topic::ceasefire`).
TAG_ROOT = "aleppo-2016"
#: The root of every deck: one tree whatever the set, so a second deck adds no empty decks.
DECK_ROOT = "Aleppo 2016"
#: What the blank of a fill-in card shows (the same width whatever the answer).
BLANK = "[…]"
#: The longest chain an ordering card asks, as ordering questions.
ORDER_LENGTH = 4
_FIELD = {name: index for index, name in enumerate(FIELD_NAMES)}
#: How many later events a chain step can look through: the first ORDER_WINDOW not already in
#: the chain (the chain's other labels can be among them).
LATER_NEEDED = ORDER_WINDOW + ORDER_LENGTH
_CARD_FIELDS = tuple((t.name, _FIELD[t.field]) for t in TEMPLATES)
# Every way to show three or four events out of order, for the ordering cards quizgen words.
_SHUFFLES = {
    n: [p for p in itertools.permutations(range(n)) if p != tuple(range(n))] for n in (3, 4)
}
_FORM_TAGS = {
    "Multiple choice": Form.MULTIPLE_CHOICE.value,
    "Recall": "recall",
    "Fill in the blank": "fill-in",
    "Put in order": Form.TIMELINE_ORDER.value,
}


@dataclass(frozen=True, slots=True)
class FactNote:
    """One note as it goes into the package: its fact, GUID, deck, HTML fields and tags, and the
    names of the templates that make a card of it (those whose field is filled)."""

    fact: str
    guid: str
    deck: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    cards: tuple[str, ...]

    def field(self, name: str) -> str:
        """The HTML of one field, by name."""
        return self.fields[_FIELD[name]]


def cards_of(fields: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The templates whose field is filled in `fields`, in template order."""
    return tuple(name for name, index in _CARD_FIELDS if fields[index])


def fact_notes(
    qset: QuestionSet, base: FactBase, extra_tags: tuple[str, ...] = ()
) -> tuple[FactNote, ...]:
    """A note per fact the set asks about, in the order the set first asks each, each tagged
    `extra_tags` too; a fact that would make no card gets no note."""
    _check_same_base(qset, base)
    asked: dict[str, list[Question]] = {}
    for question in qset.questions:
        asked.setdefault(question.fact, []).append(question)
    maker = NoteMaker(base, extra_tags)
    notes = (maker.note(base.fact(f), questions) for f, questions in asked.items())
    return tuple(note for note in notes if note.cards)


def _check_same_base(qset: QuestionSet, base: FactBase) -> None:
    """The deck reads each question's fact (for notes and tags): they must all be there."""
    known = {f.id for f in base.facts}
    missing = sorted({f for q in qset.questions for f in (q.fact, *q.facts)} - known)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise ExportError(
            f"the set was made from another fact base (digest {qset.header.fact_base_digest},"
            f" not {fact_base_digest(base)}): this one has no fact {shown}; give the fact base"
            " it came from with --notes DIR"
        )


def deck_name(title: str) -> str:
    """A title as one deck-name level (`::` would nest it deeper)."""
    return " ".join(title.replace("::", ":").split()) or "quizgen"


class NoteMaker:
    """Builds the notes of one export; looks each topic, document and timeline step up once."""

    def __init__(self, base: FactBase, extra_tags: tuple[str, ...]) -> None:
        self.base, self.extra_tags = base, extra_tags
        self.titles = {topic.id: topic.title for topic in base.topics}
        self.source_of = {source.file: source.id for source in base.sources}
        self.timeline = Timeline.of([f for f in base.facts if f.askable])
        self.starts = list(self.timeline.starts)
        self._later: dict[str, list[Fact]] = {}
        self._event: dict[str, str] = {}
        self._when: dict[str, str] = {}
        self._proof: dict[str, list[tuple[tuple[str, str], str]]] = {}

    def note(self, fact: Fact, questions: list[Question]) -> FactNote:
        """The fact's note, from the set's questions about it and the fact itself."""
        choice = next(
            (q for q in questions if q.form is Form.MULTIPLE_CHOICE and not q.facts), None
        )
        own = choice or next((q for q in questions if not q.facts), None)
        sources = own.sources if own is not None else self.citations(fact.shown_evidence())
        fields = [""] * len(FIELD_NAMES)
        fields[_FIELD["FactId"]] = _text(fact.id)
        fields[_FIELD["Sources"]] = _citations(sources)
        if choice is not None:
            _put(fields, _choice_fields(choice))
        elif fact.status is Status.SETTLED and fact.question and fact.answer is not None:
            fields[_FIELD["Recall"]] = _text(fact.question)
            fields[_FIELD["Answer"]] = _text(self.base.answer_text(fact.answer))
            fields[_FIELD["Explanation"]] = _text(fact.explanation)
        if fact.status is Status.SETTLED:
            _put(fields, _fill_in_fields(self.base, fact))
            ordering = next((q for q in questions if q.form is Form.TIMELINE_ORDER), None)
            _put(fields, self.ordering_fields(fact, ordering))
        cards = cards_of(fields)
        return FactNote(
            fact=fact.id,
            guid=genanki.guid_for(GUID_NAMESPACE, fact.id),
            deck=self.deck(fact.topics),
            fields=tuple(fields),
            tags=self.tags(
                fact, cards, tuple(c.document for c in sources), all(q.verified for q in questions)
            ),
            cards=cards,
        )

    def ordering_fields(self, fact: Fact, asked: Question | None) -> dict[str, str]:
        """The events to order as shown; on the back, in order with their dates."""
        chain = self.chain(fact)
        if chain is None:
            return {}
        if asked is not None and isinstance(asked.answer, tuple):
            events = [_text(option) for option in asked.options]
            pairs = zip(asked.answer, asked.facts, strict=True)
            in_order = [events[position] + self.when(fact_id) for position, fact_id in pairs]
            if list(asked.answer) == sorted(asked.answer):  # shown in order: show it otherwise
                events = events[1:] + events[:1]
            sources = _citations(asked.sources)
        else:
            shuffles = _SHUFFLES[len(chain)]
            shown = shuffles[zlib.crc32(fact.id.encode("utf-8")) % len(shuffles)]
            events = [self.event(chain[i]) for i in shown]
            in_order = [self.event(e) + self.when(e.id) for e in chain]
            sources = self.chain_citations(chain)
        return {
            "Events": f'<ul class="qg-events">{_items(events)}</ul>',
            "Order": f'<ol class="qg-order">{_items(in_order)}</ol>',
            "OrderSources": sources,
        }

    def event(self, fact: Fact) -> str:
        """An event's label as field HTML (worked out once per fact)."""
        if fact.id not in self._event:
            self._event[fact.id] = _text(str(fact.event))
        return self._event[fact.id]

    def when(self, fact_id: str) -> str:
        """` (October 6, 2016)`: an event's date as the ordering back shows it."""
        if fact_id not in self._when:
            date = self.base.fact(fact_id).event_date
            self._when[fact_id] = (
                f' <span class="qg-when">({_text(date.human())})</span>' if date else ""
            )
        return self._when[fact_id]

    def chain(self, fact: Fact) -> list[Fact] | None:
        """The fact's event and up to three events, each surely after the last, nearest first
        but never a dead end while another step could go on; None when no three are possible.

        An ordering question can be made of the fact (with some seed) exactly when this finds
        three: it looks through the same windows of the same timeline.
        """
        if fact.status is not Status.SETTLED or not (fact.event and fact.event_date):
            return None
        chain = [fact]
        while len(chain) < ORDER_LENGTH:
            labels = {c.event for c in chain}
            window = [e for e in self.later(chain[-1]) if e.event not in labels][:ORDER_WINDOW]
            if not window:
                break
            chain.append(
                next(
                    (e for e in window if any(x.event not in labels for x in self.later(e))),
                    window[0],
                )
            )
        return chain if len(chain) >= 3 else None

    def later(self, fact: Fact) -> list[Fact]:
        """`Timeline.surely_after(fact)`, cut where no chain step can look further (worked out
        once per fact, and stopping there: most of an export's timeline work)."""
        found = self._later.get(fact.id)
        if found is None:
            assert fact.event_date is not None
            index = bisect.bisect_right(self.starts, fact.event_date.span()[1].toordinal())
            labels, found = {fact.event}, []
            for event in self.timeline.events[index : index + LATER_SCAN]:
                if event.event not in labels:
                    labels.add(event.event)
                    found.append(event)
                    if len(found) == LATER_NEEDED:
                        break
            self._later[fact.id] = found
        return found

    def chain_citations(self, chain: list[Fact]) -> str:
        """Up to TIMELINE_QUOTES citations per event, each quote once (as ordering questions)."""
        cited: dict[tuple[str, str], str] = {}
        for event in chain:
            if event.id not in self._proof:
                proofs = self.citations(event.shown_evidence())[:TIMELINE_QUOTES]
                self._proof[event.id] = [((c.document, c.quote), _citations((c,))) for c in proofs]
            cited.update((key, shown) for key, shown in self._proof[event.id] if key not in cited)
        return "".join(cited.values())

    def citations(self, evidence: tuple[Evidence, ...]) -> tuple[Citation, ...]:
        """Proof quotes as citations, as the question generator makes them."""
        return citations(self.base, evidence)

    def deck(self, topics: tuple[str, ...]) -> str:
        """The sub-deck of the fact's first topic."""
        if not topics:
            return DECK_ROOT
        return f"{DECK_ROOT}::{deck_name(self.titles.get(topics[0], topics[0]))}"

    def tags(
        self,
        fact: Fact,
        cards: tuple[str, ...],
        documents: tuple[str, ...],
        verified: bool = False,
    ) -> tuple[str, ...]:
        """Topics, the kinds of card, proving documents by id, contested, verified (every
        question of the fact approved by a reviewer), the extra tags."""
        tags = [*_topic_tags(fact.topics), *(_form_tag(name) for name in cards)]
        tags += [_source_tag(self.source_of.get(d) or PurePath(d).stem) for d in documents]
        if fact.contested:
            tags.append(f"{TAG_ROOT}::contested")
        if verified:
            tags.append(VERIFIED_TAG)
        return tuple(sorted({*tags, *self.extra_tags}))


def _put(fields: list[str], values: dict[str, str]) -> None:
    for name, value in values.items():
        fields[_FIELD[name]] = value


def _choice_fields(question: Question) -> dict[str, str]:
    """A multiple-choice question's fields, and its stem and key again for the recall card."""
    key = question.key_index
    stem = _text(question.stem)
    items = "".join(
        f'<li data-index="{index}"><span class="qg-letter">{option_letter(index)}.</span> '
        f"{_text(option)}</li>"
        for index, option in enumerate(question.options)
    )
    # numbers and dates stay ascending (the card's script shuffles the others on every review)
    kind = "qg-options qg-ascending" if question.options_sorted else "qg-options"
    return {
        "Question": stem,
        "Options": f'<ul class="{kind}">{items}</ul>',
        "KeyIndex": str(key),
        "Answer": _text(question.options[key]),
        "Recall": stem,
        "Explanation": _text(question.explanation),
    }


def _fill_in_fields(base: FactBase, fact: Fact) -> dict[str, str]:
    """The statement with its answer blanked, where the answer is written in it exactly once."""
    if fact.answer is None:
        return {}
    forms = spellings(base, fact.answer)
    # find_slot compiles a pattern per spelling; most statements hold none of them literally.
    if not any(form in fact.statement for form in forms):
        return {}
    slot = find_slot(base, fact)
    if slot is None:
        return {}
    rest = slot.replaced(BLANK)
    if any(form in rest and re.search(_whole_word(form), rest) for form in forms):
        return {}  # written twice: the other one would give the blank away
    before, answer, after = _text(slot.before), _text(slot.answer), _text(slot.after)
    return {
        "Blanked": f'{before}<span class="qg-blank">{BLANK}</span>{after}',
        "Statement": f'{before}<span class="qg-filled">{answer}</span>{after}',
    }


def _whole_word(form: str) -> str:
    """`form` not inside a longer word or figure ("800" is not in "1,800"), as `find_slot`."""
    return r"(?<![\w-])(?<!\d[,.])" + re.escape(form) + r"(?![\w-]|[,.]\d)"


# Tag texts repeat across thousands of notes: each is worked out once.
@lru_cache(maxsize=1024)
def _topic_tags(topics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{TAG_ROOT}::topic::{tag_part(t)}" for t in topics)


@lru_cache(maxsize=16)
def _form_tag(template: str) -> str:
    return f"{TAG_ROOT}::form::{_FORM_TAGS[template]}"


@lru_cache(maxsize=1024)
def _source_tag(source_id: str) -> str:
    return f"{TAG_ROOT}::source::{tag_part(source_id)}"


@lru_cache(maxsize=1024)
def tag_part(text: str) -> str:
    """Text as one tag level: tags split on spaces, and `::` nests."""
    return re.sub(r"[^\w.-]+", "-", text).strip("-") or "untitled"


def _text(text: str) -> str:
    """Plain text as field HTML: escaped, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def _items(escaped: list[str]) -> str:
    return "".join(f"<li>{item}</li>" for item in escaped)


def _citations(sources: tuple[Citation, ...]) -> str:
    return "".join(f'<div class="qg-source">{_text(c.text())}</div>' for c in sources)

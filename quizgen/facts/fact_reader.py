"""Reading one fact (settled, contested or slip) from its YAML mapping."""

from __future__ import annotations

from quizgen.facts.answer_reader import read_answer, read_distractor, read_partial_date
from quizgen.facts.field_reader import FieldReader, suggestion, with_article
from quizgen.facts.model import (
    ENTITY_KINDS,
    EVIDENCE_ROLES,
    OPTION_ATTRIBUTES,
    SHORT_QUESTION_LIMIT,
    Answer,
    DateAnswer,
    EntityAnswer,
    Evidence,
    Fact,
    FactKind,
    FalseStatement,
    Location,
    NumberAnswer,
    Status,
    TextAnswer,
    Variant,
)
from quizgen.facts.references import Collected, Reference
from quizgen.facts.yaml_lines import Located

MAX_QUOTE_WORDS = 25
_ALWAYS = ("id", "kind", "statement", "topics", "revised")
_BY_STATUS: dict[Status, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # status: (further required keys, optional keys)
    Status.SETTLED: (
        ("question", "answer", "evidence", "explanation"),
        (
            "status",
            "accepted",
            "excludes",
            "distractors",
            "event",
            "event_date",
            "note",
            "false_statements",
            "options_share",
            "related",
            "multiple_choice",
            "short_question",
            "short_statement",
        ),
    ),
    Status.CONTESTED: (
        ("status", "variants", "explanation"),
        ("excludes", "distractors", "event", "event_date", "note", "options_share", "related"),
    ),
    Status.SLIP: (("status", "note", "evidence"), ("explanation", "event", "event_date")),
}
ANSWER_TYPES: dict[FactKind, type[Answer]] = {
    FactKind.WHO_SAID: EntityAnswer,
    FactKind.PERSON: EntityAnswer,
    FactKind.COUNTRY: EntityAnswer,
    FactKind.ORGANISATION: EntityAnswer,
    FactKind.PLACE: EntityAnswer,
    FactKind.WEAPON: EntityAnswer,
    FactKind.DATE: DateAnswer,
    FactKind.NUMBER: NumberAnswer,
    FactKind.ROLE: TextAnswer,
    FactKind.CAUSE: TextAnswer,
    FactKind.CONSEQUENCE: TextAnswer,
    FactKind.DETAIL: TextAnswer,
}
#: Text answers have no pool of like answers in the fact base: they need hand-written wrong options.
NEEDS_DISTRACTORS = (FactKind.CAUSE, FactKind.CONSEQUENCE, FactKind.DETAIL)
MIN_DISTRACTORS = 2


def read_fact(reader: FieldReader, record: Located, collected: Collected) -> Fact | None:
    """One fact; problems go to `reader`, references to `collected`."""
    fact_id = reader.slug(record, "id", "this fact")
    if fact_id is not None:
        collected.claim_id("fact", fact_id, Location(reader.path, record.line))
    what = f"fact {fact_id!r}"
    status = reader.choice(record, "status", what, Status, Status.SETTLED) or Status.SETTLED
    required, optional = _BY_STATUS[status]
    reader.check_keys(record, what, _ALWAYS + required, optional)
    kind = reader.choice(record, "kind", what, FactKind, FactKind.DETAIL)
    statement = reader.text(record, "statement", what)
    explanation = reader.text(record, "explanation", what, required=status is not Status.SLIP)
    topics = reader.text_list(record, "topics", what)
    if "topics" in record and not topics:
        reader.report(record.line_of("topics"), f"{what} needs at least one topic")
    for topic in topics:
        collected.references.append(
            Reference("topic", topic, reader.path, record.line_of("topics"), what)
        )
    answer = None
    if status is Status.SETTLED and "answer" in record and kind is not None:
        answer = _typed_answer(reader, record, "answer", what, kind, collected)
    variants = (
        _read_variants(reader, record, what, kind, collected) if status is Status.CONTESTED else ()
    )
    multiple_choice = record.get("multiple_choice", True)
    if not isinstance(multiple_choice, bool):
        reader.report(
            record.line_of("multiple_choice"),
            f"'multiple_choice' of {what} is true or false (false: asked as true/false only)",
        )
        multiple_choice = True
    distractors = _read_distractors(
        reader, record, what, kind, answer or _first(variants), collected
    )
    if (
        status is not Status.SLIP
        and kind in NEEDS_DISTRACTORS
        and multiple_choice
        and len(distractors) < MIN_DISTRACTORS
    ):
        reader.report(
            record.line,
            f"{what} is a {kind.value} question: give at least {MIN_DISTRACTORS} (best 3)"
            " hand-written wrong answers under 'distractors'",
        )
    related = reader.text_list(record, "related", what)
    for other in related:
        collected.references.append(
            Reference("fact", other, reader.path, record.line_of("related"), what)
        )
    excludes = reader.text_list(record, "excludes", what)
    for entity in excludes:
        collected.references.append(
            Reference("entity", entity, reader.path, record.line_of("excludes"), what)
        )
    event_date = None
    if record.get("event_date") is not None:
        event_date = read_partial_date(
            reader, record["event_date"], record.line_of("event_date"), f"{what} event_date"
        )
    event = reader.text(record, "event", what, required=False)
    if event_date is not None and event is None:
        reader.report(
            record.line_of("event_date"),
            f"{what} has an event_date: add 'event', a short label of what happened",
        )
    revised = reader.day(record, "revised", what) if "revised" in record else None
    evidence = read_evidence(reader, record, what, collected)
    if "evidence" in record and not evidence and status is not Status.CONTESTED:
        reader.report(record.line_of("evidence"), f"{what} needs at least one evidence quote")
    question = reader.text(record, "question", what, required=False)
    short_question = _read_short(reader, record, "short_question", what, question)
    short_statement = _read_short(reader, record, "short_statement", what, statement)
    false_statements = _read_false_statements(reader, record, what)
    options_share = reader.text_list(record, "options_share", what)
    for name in options_share:
        if name not in OPTION_ATTRIBUTES:
            reader.report(
                record.line_of("options_share"),
                f"'options_share' of {what} names {name!r}{suggestion(name, OPTION_ATTRIBUTES)}"
                f" (allowed: {', '.join(OPTION_ATTRIBUTES)})",
            )
    if options_share and kind is not None and kind not in ENTITY_KINDS:
        reader.report(
            record.line_of("options_share"),
            f"{what} is {with_article(kind.value)} question: 'options_share' only narrows"
            " entity answers; give hand-picked 'distractors' instead",
        )
    if (
        fact_id is None
        or kind is None
        or statement is None
        or revised is None
        or (status is Status.SETTLED and (answer is None or question is None))
        or (status is Status.CONTESTED and len(variants) < 2)
    ):
        return None
    return Fact(
        id=fact_id,
        kind=kind,
        status=status,
        statement=statement,
        question=question,
        answer=answer,
        accepted=reader.text_list(record, "accepted", what),
        excludes=excludes,
        distractors=distractors,
        topics=topics,
        event=event,
        event_date=event_date,
        explanation=explanation or "",
        evidence=evidence,
        variants=variants,
        note=reader.text(record, "note", what, required=False),
        revised=revised,
        location=Location(reader.path, record.line),
        false_statements=false_statements,
        options_share=tuple(n for n in options_share if n in OPTION_ATTRIBUTES),
        related=related,
        multiple_choice=multiple_choice,
        short_question=short_question,
        short_statement=short_statement,
    )


def _read_short(
    reader: FieldReader, record: Located, key: str, what: str, full: str | None
) -> str | None:
    """A hand-shortened text for game sites (`short_question`, `short_statement`): at most
    SHORT_QUESTION_LIMIT characters and shorter than the text it stands for."""
    short = reader.text(record, key, what, required=False)
    if short is None:
        return None
    line = record.line_of(key)
    if len(short) > SHORT_QUESTION_LIMIT:
        reader.report(
            line,
            f"{key!r} of {what} has {len(short)} characters; game sites take at most"
            f" {SHORT_QUESTION_LIMIT}: shorten it",
        )
        return None
    if full is not None and len(short) >= len(full):
        shown = key.removeprefix("short_")
        reader.report(
            line,
            f"{key!r} of {what} is not shorter than its {shown}"
            f" ({len(short)} >= {len(full)} characters): shorten it or remove it",
        )
        return None
    return short


def _read_false_statements(
    reader: FieldReader, record: Located, what: str
) -> tuple[FalseStatement, ...]:
    """Hand-written false versions of the statement, each with the reason it is false."""
    found = []
    for item in reader.list_of_mappings(record, "false_statements", what):
        iwhat = f"a false statement of {what}"
        reader.check_keys(item, iwhat, ("statement", "why_false"), ("short_statement",))
        statement = reader.text(item, "statement", iwhat)
        why_false = reader.text(item, "why_false", iwhat)
        short = _read_short(reader, item, "short_statement", iwhat, statement)
        if statement and why_false:
            found.append(
                FalseStatement(statement=statement, why_false=why_false, short_statement=short)
            )
    return tuple(found)


def read_evidence(
    reader: FieldReader, record: Located, what: str, collected: Collected
) -> tuple[Evidence, ...]:
    """The evidence list: each a source id and a quote of at most 25 words."""
    evidence = []
    for item in reader.list_of_mappings(record, "evidence", what):
        reader.check_keys(item, f"evidence of {what}", ("source", "quote"), ("role",))
        role = reader.text(item, "role", f"evidence of {what}", required=False) or "proof"
        if role not in EVIDENCE_ROLES:
            reader.report(
                item.line_of("role"),
                f"'role' of evidence of {what} is {role!r} (allowed: {', '.join(EVIDENCE_ROLES)})",
            )
            role = "proof"
        source = reader.slug(item, "source", f"evidence of {what}")
        quote = reader.text(item, "quote", f"evidence of {what}")
        if quote is not None and len(quote.split()) > MAX_QUOTE_WORDS:
            reader.report(
                item.line_of("quote"),
                f"evidence quote of {what} has {len(quote.split())} words; cut it to at most"
                f" {MAX_QUOTE_WORDS} words that still prove the fact",
            )
        if source is not None:
            collected.references.append(
                Reference("source", source, reader.path, item.line_of("source"), what)
            )
        if source is not None and quote is not None:
            evidence.append(
                Evidence(
                    source=source,
                    quote=quote,
                    location=Location(reader.path, item.line_of("quote")),
                    role=role,
                )
            )
    return tuple(evidence)


def _first(variants: tuple[Variant, ...]) -> Answer | None:
    return variants[0].answer if variants else None


def _typed_answer(
    reader: FieldReader, record: Located, key: str, what: str, kind: FactKind, collected: Collected
) -> Answer | None:
    answer = read_answer(reader, record[key], record.line_of(key), f"'{key}' of {what}")
    expected = ANSWER_TYPES[kind]
    if answer is not None and not isinstance(answer, expected):
        shape = {
            EntityAnswer: "entity",
            DateAnswer: "date",
            NumberAnswer: "number",
            TextAnswer: "text",
        }
        reader.report(
            record.line_of(key),
            f"{what} is {with_article(kind.value)} question, so its answer must be"
            f" {with_article(shape[expected])} ({{{shape[expected]}: ...}}),"
            f" not {with_article(shape[type(answer)])}",
        )
        return None
    if isinstance(answer, EntityAnswer):
        ref = Reference("entity", answer.entity, reader.path, record.line_of(key), what)
        ref.entity_kinds = ENTITY_KINDS.get(kind, ())
        collected.references.append(ref)
    return answer


def _read_variants(
    reader: FieldReader, record: Located, what: str, kind: FactKind | None, collected: Collected
) -> tuple[Variant, ...]:
    items = reader.list_of_mappings(record, "variants", what)
    if "variants" in record and len(items) < 2:
        reader.report(
            record.line_of("variants"),
            f"{what} is contested: give at least 2 variants, each attributed",
        )
    variants = []
    for number, item in enumerate(items, start=1):
        vwhat = f"variant {number} of {what}"
        reader.check_keys(
            item, vwhat, ("according_to", "question", "answer", "evidence"), ("accepted",)
        )
        according_to = reader.text(item, "according_to", vwhat)
        question = reader.text(item, "question", vwhat)
        if question is not None and not question.startswith("According to"):
            reader.report(
                item.line_of("question"),
                f"the question of {vwhat} must be attributed: start it with 'According to ...'",
            )
        answer = (
            _typed_answer(reader, item, "answer", vwhat, kind, collected)
            if kind and "answer" in item
            else None
        )
        evidence = read_evidence(reader, item, vwhat, collected)
        if "evidence" in item and not evidence:
            reader.report(item.line_of("evidence"), f"{vwhat} needs at least one evidence quote")
        if according_to and question and answer and evidence:
            variants.append(
                Variant(
                    according_to=according_to,
                    question=question,
                    answer=answer,
                    accepted=reader.text_list(item, "accepted", vwhat),
                    evidence=evidence,
                )
            )
    return tuple(variants)


def _read_distractors(
    reader: FieldReader,
    record: Located,
    what: str,
    kind: FactKind | None,
    like: Answer | None,
    collected: Collected,
) -> tuple[Answer, ...]:
    value = record.get("distractors")
    if value is None or like is None:
        return ()
    line = record.line_of("distractors")
    if not isinstance(value, list):
        reader.report(line, f"'distractors' of {what} must be a list of wrong answers")
        return ()
    distractors = []
    for item in value:
        answer = read_distractor(reader, item, line, f"a distractor of {what}", like)
        if isinstance(answer, EntityAnswer):
            ref = Reference("entity", answer.entity, reader.path, line, what)
            ref.entity_kinds = ENTITY_KINDS.get(kind, ()) if kind else ()
            collected.references.append(ref)
        if answer is not None:
            distractors.append(answer)
    return tuple(distractors)

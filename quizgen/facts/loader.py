"""Loading and validating the source notes into a `FactBase`.

The source notes are a folder of YAML files:

    sources.yaml     sources: [{id, file, sha256, outlet, headline, date, date_note,
                               summary, revised}]
    entities.yaml    entities: [{id, kind, name, aliases, role, country, organisation}]
    topics.yaml      topics: [{id, title, description}]
    facts/*.yaml     facts: [a fact, ...]

A fact (see README, "The fact format"):

    id, kind, statement, topics, explanation, revised        always
    question, answer, evidence                                settled facts (the default)
    accepted, excludes, distractors, event, event_date, note  optional
    status: contested + variants: [{according_to, question, answer, accepted, evidence}]
    status: slip + note + evidence                            recorded, never asked

Every problem in every file is collected and raised together as one `FactBaseError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizgen.errors import FactBaseError, Problem
from quizgen.facts.answer_reader import read_partial_date
from quizgen.facts.fact_reader import read_fact
from quizgen.facts.field_reader import FieldReader, suggestion, with_article
from quizgen.facts.model import (
    COUNCIL_SEATS,
    GENDERS,
    Entity,
    EntityKind,
    FactBase,
    Location,
    Source,
    Topic,
)
from quizgen.facts.references import Collected, Reference
from quizgen.facts.yaml_lines import Located, load_yaml
from quizgen.gcpause import paused_gc


def load_fact_base(notes_dir: Path) -> FactBase:
    """Load and validate every file under `notes_dir`; raise FactBaseError listing all problems."""
    with paused_gc():
        return _load(notes_dir)


def _load(notes_dir: Path) -> FactBase:
    collected = Collected()
    sources = _load_list(notes_dir / "sources.yaml", "sources", _read_source, collected)
    entities = _load_list(notes_dir / "entities.yaml", "entities", _read_entity, collected)
    topics = _load_list(notes_dir / "topics.yaml", "topics", _read_topic, collected)
    fact_files = sorted((notes_dir / "facts").glob("*.yaml"))
    if not fact_files:
        collected.problems.append(
            Problem(str(notes_dir / "facts"), 1, "no fact files: add facts/<name>.yaml")
        )
    facts = [f for path in fact_files for f in _load_list(path, "facts", read_fact, collected)]
    base = FactBase(tuple(sources), tuple(entities), tuple(topics), tuple(facts))
    _check_references(base, collected)
    if collected.problems:
        raise FactBaseError(sorted(set(collected.problems), key=_problem_order))
    return base


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line, problem.message)


def _load_list(path: Path, key: str, read_one: Any, collected: Collected) -> list[Any]:
    data, problems = load_yaml(path)
    collected.problems.extend(problems)
    if problems:
        collected.unreadable.add(key)
        return []
    reader = FieldReader(str(path))
    records: list[Any] = []
    if not isinstance(data, Located) or not isinstance(data.get(key), list):
        reader.report(
            data.line if isinstance(data, Located) else 1,
            f"the file must hold one key {key!r} with a list of entries ({key}: [...])",
        )
        collected.unreadable.add(key)
    else:
        reader.check_keys(data, "the file", (key,), ())
        for item in reader.list_of_mappings(data, key, "the file"):
            record = read_one(reader, item, collected)
            if record is not None:
                records.append(record)
    collected.problems.extend(reader.problems)
    return records


def _location(reader: FieldReader, record: Located) -> Location:
    return Location(reader.path, record.line)


def _claim(
    reader: FieldReader, record: Located, namespace: str, collected: Collected
) -> str | None:
    record_id = reader.slug(record, "id", f"this {namespace}")
    if record_id is not None:
        collected.claim_id(namespace, record_id, _location(reader, record))
    return record_id


def _read_source(reader: FieldReader, record: Located, collected: Collected) -> Source | None:
    required = ("id", "file", "sha256", "outlet", "headline", "summary", "revised", "date")
    reader.check_keys(record, "source", required, ("date_note",))
    source_id = _claim(reader, record, "source", collected)
    what = f"source {source_id!r}"
    file, outlet = reader.text(record, "file", what), reader.text(record, "outlet", what)
    headline, summary = reader.text(record, "headline", what), reader.text(record, "summary", what)
    sha = reader.text(record, "sha256", what)
    if sha is not None and (len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
        reader.report(record.line_of("sha256"), f"'sha256' of {what} must be 64 hex digits")
        sha = None
    date = None
    if record.get("date") is not None:
        date = read_partial_date(reader, record["date"], record.line_of("date"), f"{what} date")
    date_note = reader.text(record, "date_note", what, required=False)
    if record.get("date") is None and "date" in record and not date_note:
        reader.report(record.line, f"{what} has no date: say in 'date_note' what the text shows")
    reader.day(record, "revised", what)
    if None in (source_id, file, outlet, headline, summary, sha):
        return None
    assert source_id and file and outlet and headline and summary and sha
    return Source(
        id=source_id,
        file=file,
        sha256=sha,
        outlet=outlet,
        headline=headline,
        date=date,
        date_note=date_note or "",
        summary=summary,
        location=_location(reader, record),
    )


def _read_entity(reader: FieldReader, record: Located, collected: Collected) -> Entity | None:
    optional = (
        "aliases",
        "role",
        "country",
        "organisation",
        "group",
        "gender",
        "office",
        "council_seat",
        "caption_only",
    )
    reader.check_keys(record, "entity", ("id", "kind", "name"), optional)
    entity_id = _claim(reader, record, "entity", collected)
    what = f"entity {entity_id!r}"
    kind = reader.choice(record, "kind", what, EntityKind, EntityKind.PERSON)
    name = reader.text(record, "name", what)
    role = reader.text(record, "role", what, required=False)
    if kind is EntityKind.PERSON and role is None:
        reader.report(record.line, f"{what} is a person: give the 'role' they held in 2016")
    links: dict[str, str | None] = {}
    for key, kinds in (("country", (EntityKind.COUNTRY,)), ("organisation", ())):
        links[key] = reader.slug(record, key, what) if key in record else None
        if links[key]:
            ref = Reference("entity", links[key] or "", reader.path, record.line_of(key), what)
            ref.entity_kinds = kinds
            collected.references.append(ref)
    gender = _one_of(reader, record, "gender", what, GENDERS, kind, EntityKind.PERSON)
    seat = _one_of(reader, record, "council_seat", what, COUNCIL_SEATS, kind, EntityKind.COUNTRY)
    office = reader.slug(record, "office", what) if "office" in record else None
    caption_only = record.get("caption_only", False)
    if not isinstance(caption_only, bool):
        reader.report(record.line_of("caption_only"), f"'caption_only' of {what} is true or false")
        caption_only = False
    if entity_id is None or kind is None or name is None:
        return None
    return Entity(
        id=entity_id,
        kind=kind,
        name=name,
        aliases=reader.text_list(record, "aliases", what),
        role=role,
        country=links["country"],
        organisation=links["organisation"],
        location=_location(reader, record),
        group=reader.slug(record, "group", what) if "group" in record else None,
        gender=gender,
        office=office,
        council_seat=seat,
        caption_only=caption_only,
    )


def _one_of(
    reader: FieldReader,
    record: Located,
    key: str,
    what: str,
    allowed: tuple[str, ...],
    kind: EntityKind | None,
    only_for: EntityKind,
) -> str | None:
    """An optional attribute from a closed list that only one kind of entity carries."""
    if key not in record:
        return None
    value = reader.text(record, key, what)
    if value is not None and value not in allowed:
        reader.report(
            record.line_of(key),
            f"{key!r} of {what} is {value!r}{suggestion(value, allowed)}"
            f" (allowed: {', '.join(allowed)})",
        )
        return None
    if value is not None and kind is not None and kind is not only_for:
        reader.report(
            record.line_of(key),
            f"{what} is {with_article(kind.value)}: only"
            f" {with_article(only_for.value)} has {key!r}",
        )
        return None
    return value


def _read_topic(reader: FieldReader, record: Located, collected: Collected) -> Topic | None:
    reader.check_keys(record, "topic", ("id", "title", "description"), ())
    topic_id = _claim(reader, record, "topic", collected)
    title = reader.text(record, "title", f"topic {topic_id!r}")
    description = reader.text(record, "description", f"topic {topic_id!r}")
    if topic_id is None or title is None or description is None:
        return None
    return Topic(topic_id, title, description)


def _check_references(base: FactBase, collected: Collected) -> None:
    """Every id a record names must exist (and, for answers, be of the right kind)."""
    # An id whose record has its own problems still exists: naming it is not a second problem.
    known: dict[str, set[str]] = {"source": set(), "topic": set(), "entity": set(), "fact": set()}
    for namespace, record_id in collected.first_seen:
        known.setdefault(namespace, set()).add(record_id)
    entities = {e.id for e in base.entities}
    where_listed = {
        "source": "sources.yaml",
        "topic": "topics.yaml",
        "entity": "entities.yaml",
        "fact": "facts/*.yaml",
    }
    for ref in collected.references:
        if where_listed[ref.namespace].removesuffix(".yaml") in collected.unreadable:
            continue
        if ref.target not in known[ref.namespace]:
            hint = suggestion(ref.target, known[ref.namespace])
            collected.problems.append(
                Problem(
                    ref.path,
                    ref.line,
                    f"{ref.what} names unknown {ref.namespace} {ref.target!r}{hint}"
                    f" (the ids are listed in {where_listed[ref.namespace]})",
                )
            )
        elif (
            ref.entity_kinds
            and ref.target in entities
            and base.entity(ref.target).kind not in ref.entity_kinds
        ):
            kinds = " or ".join(k.value for k in ref.entity_kinds)
            actual = base.entity(ref.target).kind.value
            collected.problems.append(
                Problem(
                    ref.path,
                    ref.line,
                    f"{ref.what} needs {with_article(kinds)} here,"
                    f" but {ref.target!r} is {with_article(actual)}",
                )
            )

"""Question-set files: writing them byte-for-byte reproducibly, and reading them back validated.

Shape (YAML):

    title: Aleppo 2016 - class test
    seed: 20
    count: 20                 # null: every question that fits
    topics: []                # the filters used
    forms: [multiple-choice, true-false, timeline]
    sources: []
    used_before: [...]        # only with --exclude-set: facts earlier sets asked, left out
    fact_base: {revision: '2026-11-22', digest: 3f2a...}
    variant: A                # only in a file written with --variants
    variants: 2
    questions:
      - id: churkin-signals-veto/mc       # <fact id>/<form>[-<n>]: stable across rewording
        form: multiple-choice             # multiple-choice | true-false | timeline-order
        stem: Who said ...?
        short_stem: ...                   # the fact's short_question, for game sites
        options: [..., ...]
        answer: 2                         # index of the key; timeline-order: indices in order
        fact: churkin-signals-veto
        facts: [...]                      # timeline questions: every fact involved
        options_sorted: true              # numbers and dates: options kept in ascending order
        related: [...]                    # facts never asked in the same set or quiz
        verified: true                    # every fact it draws on approved by a reviewer
        explanation: ...
        sources: [{outlet, headline, date, document, quote}]
        topics: [united-nations]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import QuestionSetError
from quizgen.facts.field_reader import FieldReader
from quizgen.facts.yaml_lines import Located, load_yaml
from quizgen.files import write_atomic
from quizgen.questions.model import (
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    SetHeader,
)

NOT_A_SET = (
    "this is not a question-set file: give the .yaml file that `quizgen generate -o FILE.yaml`"
    " (or `quizgen build`) wrote"
)
_HEADER_KEYS = ("title", "seed", "count", "topics", "forms", "sources", "fact_base", "questions")
_QUESTION_KEYS = (
    "id",
    "form",
    "stem",
    "options",
    "answer",
    "fact",
    "explanation",
    "sources",
    "topics",
)
_CITATION_KEYS = ("outlet", "headline", "date", "document", "quote")


def dump_set(qset: QuestionSet) -> str:
    """The set as YAML text; the same set always gives the same bytes."""
    header = qset.header
    data: dict[str, Any] = {
        "title": header.title,
        "seed": header.seed,
        "count": header.count,
        "topics": list(header.topics),
        "forms": list(header.forms),
        "sources": list(header.sources),
    }
    if header.used_before:
        data["used_before"] = list(header.used_before)
    data |= {
        "fact_base": {"revision": header.fact_base_revision, "digest": header.fact_base_digest},
    }
    if header.variant is not None:
        data["variant"] = header.variant
        data["variants"] = header.variants
    data["questions"] = [_question_data(q) for q in qset.questions]
    return yaml.dump(
        data,
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def write_set(qset: QuestionSet, path: Path) -> None:
    """Write the set to `path` (UTF-8, LF line ends), atomically."""
    write_atomic(path, dump_set(qset).encode("utf-8"))


def load_set(path: Path) -> QuestionSet:
    """Read and validate a question-set file; raise QuestionSetError listing every problem."""
    data, problems = load_yaml(path)
    reader = FieldReader(str(path))
    if (problems or not isinstance(data, Located)) and path.suffix.lower() not in (".yaml", ".yml"):
        reader.report(1, NOT_A_SET)  # an export (.csv, .gift, .apkg) given where a set belongs
        raise QuestionSetError(reader.problems)
    if problems:
        raise QuestionSetError(problems)
    if not isinstance(data, Located):
        reader.report(1, "a question set must be a mapping with a 'questions' list")
        raise QuestionSetError(reader.problems)
    reader.check_keys(
        data, "the question set", _HEADER_KEYS, ("used_before", "variant", "variants")
    )
    header = _read_header(reader, data)
    items = reader.list_of_mappings(data, "questions", "the question set")
    questions = [q for item in items if (q := _read_question(reader, item)) is not None]
    seen: dict[str, int] = {}
    for item in items:
        qid = item.get("id")
        if isinstance(qid, str) and seen.setdefault(qid, item.line) != item.line:
            reader.report(item.line, f"duplicate question id {qid!r} (first at line {seen[qid]})")
    if "questions" in data and not questions and not reader.problems:
        reader.report(data.line_of("questions"), "the question set has no questions")
    if reader.problems or header is None:
        raise QuestionSetError(reader.problems)
    return QuestionSet(header, tuple(questions))


def _question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "form": question.form.value,
        "stem": question.stem,
    }
    if question.short_stem is not None:
        data["short_stem"] = question.short_stem
    data |= {
        "options": list(question.options),
        "answer": list(question.answer) if isinstance(question.answer, tuple) else question.answer,
        "fact": question.fact,
    }
    if question.facts:
        data["facts"] = list(question.facts)
    if question.options_sorted:
        data["options_sorted"] = True
    if question.related:
        data["related"] = list(question.related)
    if question.verified:
        data["verified"] = True
    data["explanation"] = question.explanation
    data["sources"] = [
        {
            "outlet": c.outlet,
            "headline": c.headline,
            "date": c.date,
            "document": c.document,
            "quote": c.quote,
        }
        for c in question.sources
    ]
    data["topics"] = list(question.topics)
    return data


def _read_header(reader: FieldReader, data: Located) -> SetHeader | None:
    title = reader.text(data, "title", "the question set")
    seed = data.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int):
        reader.report(data.line_of("seed"), "'seed' must be a whole number, like 20")
        seed = None
    count = data.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        reader.report(data.line_of("count"), "'count' must be a positive whole number or null")
    fact_base = reader.mapping(data.get("fact_base"), data.line_of("fact_base"), "'fact_base'")
    revision = digest = None
    if fact_base is not None:
        reader.check_keys(fact_base, "'fact_base'", ("revision", "digest"), ())
        revision = reader.text(fact_base, "revision", "'fact_base'")
        digest = reader.text(fact_base, "digest", "'fact_base'")
    variants = data.get("variants", 1)
    if isinstance(variants, bool) or not isinstance(variants, int) or variants < 1:
        reader.report(data.line_of("variants"), "'variants' must be a positive whole number")
        variants = 1
    if title is None or seed is None or revision is None or digest is None:
        return None
    return SetHeader(
        title=title,
        seed=seed,
        count=count if isinstance(count, int) else None,
        topics=reader.text_list(data, "topics", "the question set"),
        forms=reader.text_list(data, "forms", "the question set"),
        sources=reader.text_list(data, "sources", "the question set"),
        fact_base_revision=revision,
        fact_base_digest=digest,
        variant=reader.text(data, "variant", "the question set", required=False),
        variants=variants,
        used_before=reader.text_list(data, "used_before", "the question set"),
    )


def _read_question(reader: FieldReader, item: Located) -> Question | None:
    qid = reader.text(item, "id", "a question")
    what = f"question {qid!r}"
    reader.check_keys(
        item, what, _QUESTION_KEYS, ("short_stem", "facts", "options_sorted", "related", "verified")
    )
    form = reader.choice(item, "form", what, Form, Form.MULTIPLE_CHOICE)
    stem = reader.text(item, "stem", what)
    short_stem = reader.text(item, "short_stem", what, required=False)
    options = reader.text_list(item, "options", what)
    fact = reader.text(item, "fact", what)
    explanation = reader.text(item, "explanation", what)
    answer = _read_answer_index(reader, item, what, form, options)
    citations = []
    for cite in reader.list_of_mappings(item, "sources", what):
        reader.check_keys(cite, f"a source of {what}", _CITATION_KEYS, ())
        fields = {k: reader.text(cite, k, f"a source of {what}") for k in _CITATION_KEYS}
        texts = {k: v for k, v in fields.items() if v is not None}
        if len(texts) == len(_CITATION_KEYS):
            citations.append(Citation(**texts))
    if "sources" in item and not citations:
        reader.report(item.line_of("sources"), f"{what} needs at least one source citation")
    sorted_flag = item.get("options_sorted", False)
    if not isinstance(sorted_flag, bool):
        reader.report(item.line_of("options_sorted"), f"'options_sorted' of {what} is true/false")
        sorted_flag = False
    verified = item.get("verified", False)
    if not isinstance(verified, bool):
        reader.report(item.line_of("verified"), f"'verified' of {what} is true/false")
        verified = False
    if None in (qid, form, stem, fact, explanation, answer) or not citations:
        return None
    assert qid and form and stem and fact and explanation and answer is not None
    return Question(
        id=qid,
        form=form,
        stem=stem,
        options=options,
        answer=answer,
        fact=fact,
        explanation=explanation,
        sources=tuple(citations),
        topics=reader.text_list(item, "topics", what),
        facts=reader.text_list(item, "facts", what),
        options_sorted=sorted_flag,
        related=reader.text_list(item, "related", what),
        verified=verified,
        short_stem=short_stem,
    )


def _read_answer_index(
    reader: FieldReader, item: Located, what: str, form: Form | None, options: tuple[str, ...]
) -> int | tuple[int, ...] | None:
    line = item.line_of("answer")
    value = item.get("answer")
    if "answer" not in item or "options" not in item:
        return None  # already reported as a missing key
    if form is Form.TRUE_FALSE and options != TRUE_FALSE_OPTIONS:
        reader.report(
            item.line_of("options"), f"{what} is true-false: options must be [True, False]"
        )
        return None
    if form is not Form.TRUE_FALSE and len(options) < 3:
        reader.report(item.line_of("options"), f"{what} needs at least 3 options")
        return None
    if form is Form.TIMELINE_ORDER:
        indices = value if isinstance(value, list) else []
        whole = isinstance(value, list) and all(
            isinstance(i, int) and not isinstance(i, bool) for i in indices
        )
        if not whole or sorted(indices) != list(range(len(options))):
            reader.report(
                line,
                f"'answer' of {what} must list every option index once, in order,"
                f" like {list(range(len(options)))}",
            )
            return None
        return tuple(indices)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(options):
        reader.report(
            line, f"'answer' of {what} must be an option index from 0 to {len(options) - 1}"
        )
        return None
    return value

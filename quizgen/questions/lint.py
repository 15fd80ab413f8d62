"""The item linter: a question set (and the facts behind it) against the item-writing rules.

Each finding is one line, `question-id: rule: what is wrong`. The rules are the classes of flaw
the 2026-12-02 audit found (see the questions guide): options the stem rules out, caption-only
options, values outside the story, options an open-ended key implies, unit grammar, a position
cue in sorted options, questions that clue each other, context-free or overlong stems, copied
document wording, repeated options, and true/false items not written by hand.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from quizgen.facts.model import (
    DateAnswer,
    Entity,
    EntityAnswer,
    Fact,
    FactBase,
    FalseStatement,
    NumberAnswer,
)
from quizgen.questions.clueing import MAX_SAME_KEY, clues, key_forms, linked
from quizgen.questions.distractors import LOWER_BOUNDS, UPPER_BOUNDS, story_end, trailing_zeros
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import Form, Question, QuestionSet
from quizgen.questions.option_text import normalise_option

MAX_STEM = 300
COPIED_RUN = 8
#: Sorted questions a set needs before the key's rank among them can be judged.
RANK_SAMPLE = 9
_CONTEXT_FREE = re.compile(
    r"\b(the same (attack|strike|report|statement|meeting)|the summary(?! headlined)"
    r"|this (report|article)"
    r"|the article)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile('"[^"]*"|\u201c[^\u201d]*\u201d')
_OPEN_ENDED = re.compile(
    r"\b(up to|at most|at least|more than|as many as|fewer than)\b.*\bhow (many|much)\b"
    r"|\bhow (many|much)\b.*\b(up to|at most|at least|more than|as many as|fewer than)\b",
    re.IGNORECASE,
)
#: Words that make a statement false by themselves ("hospitals were the ONLY sites"): a
#: test-wise learner marks such a statement False without knowing the fact.
_ABSOLUTES = re.compile(r"\b(only|never|always|all|none|every|solely|entirely)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(she|her|spokeswoman|woman)\b", re.IGNORECASE)
_MALE = re.compile(r"\b(he|his|him|spokesman)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One flaw: where (a question id, a fact id or `set`), which rule, and what is wrong."""

    where: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.message}"


def lint_set(qset: QuestionSet, base: FactBase, documents: Path | None = None) -> list[Finding]:
    """Every finding for the set's questions, the set as a whole, and (with `documents`) copying."""
    names = {normalise_option(e.name): e for e in base.entities}
    findings = [f for q in qset.questions for f in _question(q, base, names)]
    findings += _position_cue(qset.questions)
    if qset.header.count is not None:  # the full pool is not one sitting; a quiz draws from it
        findings += _clueing(qset.questions)
        findings += _repeated_keys(qset.questions)
    if documents is not None:
        shingles = document_shingles(documents)
        findings += [
            Finding(where=q.id, rule="copied-words", message=run)
            for q in qset.questions
            for run in copied_runs(q.stem, shingles)
        ]
    return findings


def lint_facts(base: FactBase, documents: Path | None = None) -> list[Finding]:
    """The texts every true/false item of a fact could show: its statement and false ones."""
    shingles = document_shingles(documents) if documents is not None else None
    findings: list[Finding] = []
    for fact in (f for f in base.facts if f.askable):
        short = _shortened(fact)
        for text in (fact.statement, *(s.statement for s in fact.false_statements), *short):
            findings += _stem_rules(fact.id, text)
        # every text a learner reads is in our own words: statements, feedback, reasons
        feedback = (fact.explanation, *(s.why_false for s in fact.false_statements))
        for text in (
            fact.statement,
            *(s.statement for s in fact.false_statements),
            *feedback,
            *short,
        ):
            if shingles is not None:
                findings += [
                    Finding(where=fact.id, rule="copied-words", message=run)
                    for run in copied_runs(text, shingles)
                ]
        findings += _absolute_words(fact.id, fact.statement, fact.false_statements)
        short_false = [
            replace(s, statement=s.short_statement)
            for s in fact.false_statements
            if s.short_statement is not None
        ]
        true_texts = f"{fact.statement} {fact.short_statement or ''}"
        findings += _absolute_words(fact.id, true_texts, short_false)
    return findings


def _shortened(fact: Fact) -> tuple[str, ...]:
    """The fact's hand-shortened texts for game sites: its question and statements."""
    texts = (
        fact.short_question,
        fact.short_statement,
        *(s.short_statement for s in fact.false_statements),
    )
    return tuple(t for t in texts if t is not None)


def _question(q: Question, base: FactBase, names: dict[str, Entity]) -> Iterator[Finding]:
    yield from _stem_rules(q.id, q.stem)
    normalised = [normalise_option(o) for o in q.options]
    for text, count in Counter(normalised).items():
        if count > 1:
            yield Finding(where=q.id, rule="duplicate-options", message=f"{text!r} repeats")
    try:
        fact = base.fact(q.fact)
    except KeyError:
        yield Finding(where=q.id, rule="unknown-fact", message=f"no fact {q.fact!r}")
        return
    if q.form is Form.TRUE_FALSE:
        authored = {fact.statement, *(s.statement for s in fact.false_statements)}
        if q.stem not in authored:
            yield Finding(
                where=q.id,
                rule="unwritten-true-false",
                message="the statement is neither the fact's nor one of its false_statements",
            )
        if q.short_stem is not None:
            yield from _stem_rules(f"{q.id} (short)", q.short_stem)
            if q.short_stem not in _shortened(fact):
                yield Finding(
                    where=f"{q.id} (short)",
                    rule="unwritten-true-false",
                    message="the short statement is not one the fact's short_statement fields hold",
                )
        return
    if q.form is not Form.MULTIPLE_CHOICE or q.id.endswith("/first"):
        return
    found = list(_option_rules(q, fact, base, names))
    yield from found
    if q.short_stem is not None:  # game sites show it instead of the stem: the same rules
        yield from _stem_rules(f"{q.id} (short)", q.short_stem)
        shown = {(f.rule, f.message) for f in found}
        for finding in _option_rules(replace(q, stem=q.short_stem), fact, base, names):
            if (finding.rule, finding.message) not in shown:
                yield replace(finding, where=f"{q.id} (short)")


def _stem_rules(where: str, stem: str) -> Iterator[Finding]:
    if len(stem) > MAX_STEM:
        yield Finding(
            where=where, rule="long-stem", message=f"{len(stem)} characters (at most {MAX_STEM})"
        )
    found = _CONTEXT_FREE.search(_QUOTED.sub("", stem))
    if found:
        yield Finding(
            where=where,
            rule="context-free-stem",
            message=f"{found.group(0)!r} leans on something the learner has not seen",
        )


def _absolute_words(
    where: str, statement: str, false_statements: Iterable[FalseStatement]
) -> Iterator[Finding]:
    """A false statement whose absolute word ("only", "never") the true one does not have."""
    true_words = {w.casefold() for w in _ABSOLUTES.findall(statement)}
    for false in false_statements:
        added = {w.casefold() for w in _ABSOLUTES.findall(false.statement)} - true_words
        if added:
            yield Finding(
                where=where,
                rule="absolute-word",
                message=f"a false statement adds {', '.join(sorted(added))!r}: false by one word",
            )


#: Common words a stem and an option may share without giving anything away.
_PLAIN_WORDS = frozenset(
    [
        "about",
        "after",
        "again",
        "against",
        "also",
        "among",
        "before",
        "being",
        "between",
        "could",
        "during",
        "every",
        "from",
        "have",
        "into",
        "more",
        "most",
        "other",
        "over",
        "said",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "according",
        "october",
        "september",
        "november",
        "december",
        "2016",
    ]
)


def _echoed_word(q: Question) -> Iterator[Finding]:
    """A word of the stem that only the key repeats ("channels" in the stem and the key)."""
    stem = _word_stems(q.stem)
    words = [_word_stems(o) for o in q.options]
    key = words[q.key_index]
    others = set().union(*(w for i, w in enumerate(words) if i != q.key_index))
    echoed = sorted(
        w for w in (stem & key) - others if len(w) > 4 and w not in _PLAIN_WORDS and not w.isdigit()
    )
    if echoed:
        yield Finding(
            where=q.id,
            rule="echoed-word",
            message=f"only the key repeats the stem's {', '.join(repr(w) for w in echoed)}",
        )


def _word_stems(text: str) -> set[str]:
    """The text's words, a plural `s` dropped ("channels" and "channel" are one word)."""
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in normalise_option(text).split()}


def _option_rules(
    q: Question, fact: Fact, base: FactBase, names: dict[str, Entity]
) -> Iterator[Finding]:
    answer = fact.answer if fact.answer is not None else fact.variants[0].answer
    key = q.options[q.key_index]
    if not q.options_sorted:
        yield from _echoed_word(q)
    if isinstance(answer, EntityAnswer):
        key_entity = base.entity(answer.entity)
        gender = "female" if _FEMALE.search(q.stem) else "male" if _MALE.search(q.stem) else None
        for option in q.options:
            entity = names.get(normalise_option(option))
            if entity is None or option == key:
                continue
            if entity.caption_only:
                yield Finding(
                    where=q.id,
                    rule="caption-only-option",
                    message=f"{option!r} is only in a photo caption",
                )
            for name in fact.options_share:
                if entity.attribute(name) != key_entity.attribute(name):
                    yield Finding(
                        where=q.id,
                        rule="ruled-out-option",
                        message=f"{option!r} does not share the key's {name}",
                    )
            if gender and entity.gender and key_entity.gender == gender != entity.gender:
                yield Finding(
                    where=q.id,
                    rule="ruled-out-option",
                    message=f"{option!r} does not fit the stem's {gender} words",
                )
    if isinstance(answer, NumberAnswer) and _OPEN_ENDED.search(q.stem):
        yield Finding(
            where=q.id,
            rule="open-ended-stem",
            message="the stem asks for a bound, so every option beyond the key is true as well",
        )
    if isinstance(answer, NumberAnswer):
        for option in q.options:
            if re.match(
                r"^(\D*)1 " + re.escape(answer.unit) + r"$", option
            ) and answer.unit.endswith("s"):
                yield Finding(
                    where=q.id, rule="unit-grammar", message=f"{option!r}: one takes the singular"
                )
        yield from _implied(q, answer)
        yield from _precision_cue(q)
    if isinstance(answer, DateAnswer):
        end = story_end(base)
        for option in q.options:
            years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", option)]
            if any(y > end.year for y in years):
                yield Finding(
                    where=q.id,
                    rule="out-of-range",
                    message=f"{option!r} is after the story ({end.isoformat()})",
                )


def _implied(q: Question, answer: NumberAnswer) -> Iterator[Finding]:
    if answer.qualifier not in (*LOWER_BOUNDS, *UPPER_BOUNDS):
        return
    key_value = float(answer.number)
    for i, option in enumerate(q.options):
        found = _NUMBER.search(option)
        if i == q.key_index or not found or not option.startswith(answer.qualifier):
            continue
        value = float(found.group(0).replace(",", ""))
        lower = answer.qualifier in LOWER_BOUNDS
        if (lower and value < key_value) or (not lower and value > key_value):
            yield Finding(
                where=q.id, rule="implied-option", message=f"{option!r} is true if the key is"
            )


def _precision_cue(q: Question) -> Iterator[Finding]:
    """The key is the only figure of its roundness, or breaks an even ladder of wrong options."""
    values = []
    for option in q.options:
        found = _NUMBER.search(option)
        if not found:
            return
        values.append(float(found.group(0).replace(",", "")))
    key, wrong = values[q.key_index], [v for i, v in enumerate(values) if i != q.key_index]
    if len(wrong) < 3:
        return
    zeros = [trailing_zeros(v) for v in values]
    key_zeros, wrong_zeros = (
        zeros[q.key_index],
        {z for i, z in enumerate(zeros) if i != q.key_index},
    )
    if len(wrong_zeros) == 1 and key_zeros not in wrong_zeros and key_zeros < min(wrong_zeros):
        yield Finding(
            where=q.id, rule="precision-cue", message="the key is the only figure not rounded"
        )
    steps = {round(b - a, 6) for a, b in itertools.pairwise(sorted(wrong))}
    # small counts (1, 3, 5 warships) step evenly by nature; a ladder of tens or more is a cue
    if len(steps) == 1 and (step := steps.pop()) >= 10 and (key - min(wrong)) % step:
        yield Finding(
            where=q.id,
            rule="precision-cue",
            message=f"the wrong options step evenly by {step:g} and only the key is off the step",
        )


def _repeated_keys(questions: tuple[Question, ...]) -> Iterator[Finding]:
    keyed = Counter(k[0] for q in questions if (k := key_forms(q)))
    for key, count in sorted(keyed.items()):
        if count > MAX_SAME_KEY:
            yield Finding(
                where="set",
                rule="repeated-key",
                message=f"{key!r} is the key of {count} questions (at most {MAX_SAME_KEY})",
            )


def _position_cue(questions: Iterable[Question]) -> Iterator[Finding]:
    ranks: Counter[str] = Counter()
    for q in questions:
        if q.options_sorted and q.form is Form.MULTIPLE_CHOICE:
            last = len(q.options) - 1
            ranks["first" if q.key_index == 0 else "last" if q.key_index == last else "middle"] += 1
    total = sum(ranks.values())
    if total < RANK_SAMPLE:
        return
    for rank in ("first", "middle", "last"):
        share = ranks[rank] / total
        expected = 0.5 if rank == "middle" else 0.25
        if abs(share - expected) > 0.2:
            yield Finding(
                where="set",
                rule="position-cue",
                message=f"the key is {rank} in {ranks[rank]} of {total} sorted questions",
            )


def _clueing(questions: tuple[Question, ...]) -> Iterator[Finding]:
    for a, b in combinations(questions, 2):
        if linked(a, b):
            yield Finding(
                where=b.id, rule="same-fact", message=f"shares or relates a fact of {a.id}"
            )
        elif clues(a, b):
            yield Finding(where=b.id, rule="clueing", message=f"it and {a.id} give each other away")


def document_shingles(documents: Path) -> set[tuple[str, ...]]:
    """Every run of COPIED_RUN words in the documents, normalised."""
    runs: set[tuple[str, ...]] = set()
    for path in sorted(documents.glob("*.txt")):
        words = normalise_option(path.read_text(encoding="utf-8")).split()
        runs |= {tuple(words[i : i + COPIED_RUN]) for i in range(len(words) - COPIED_RUN + 1)}
    return runs


def copied_runs(text: str, shingles: set[tuple[str, ...]]) -> list[str]:
    """Runs of COPIED_RUN words outside quotation marks that stand in a document."""
    found = []
    for part in _QUOTED.split(text):
        words = normalise_option(part).split()
        for i in range(len(words) - COPIED_RUN + 1):
            run = tuple(words[i : i + COPIED_RUN])
            if run in shingles:
                found.append(f"{' '.join(run)!r} is copied from a document")
                break
    return found


def lint_base(base: FactBase, documents: Path | None = None) -> tuple[list[Finding], int]:
    """Findings for every question the fact base yields (its full set and every statement)."""
    qset = generate_set(base, GenerateOptions(), seed=1)
    statements = sum(1 + len(f.false_statements) for f in base.facts if f.askable)
    found = lint_set(qset, base, documents) + lint_facts(base, documents)
    return found, len(qset.questions) + statements

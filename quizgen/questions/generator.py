"""The question generator: a pure function of (fact base, options, seed).

No clock, no global random state, no I/O. Question ids derive from the fact id and the form
(`<fact>/mc`, `<fact>/mc-2` for a contested fact's second variant, `<fact>/tf-true`,
`<fact>/tf-false`, `<fact>/first`, `<fact>/order`), never from wording or random choices.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.errors import GenerationError
from quizgen.facts.digest import fact_base_digest
from quizgen.facts.model import Evidence, Fact, FactBase, Status
from quizgen.facts.relations import related_facts
from quizgen.facts.selection import select_facts
from quizgen.gcpause import paused_gc
from quizgen.questions.citing import citations
from quizgen.questions.clueing import Profile, facts_of, fits, profile
from quizgen.questions.distractors import Pools, candidates_for
from quizgen.questions.model import (
    FORM_CHOICES,
    TRUE_FALSE_OPTIONS,
    Citation,
    Form,
    Question,
    QuestionSet,
    SetHeader,
)
from quizgen.questions.placement import Draft, assign_positions
from quizgen.questions.timeline import Timeline, first_draft, order_question

_FAMILY = {"mc": "multiple-choice", "tf": "true-false", "first": "timeline", "order": "timeline"}
#: How often each form family is picked for a fact when a count is given: mostly multiple choice.
#: Tuning: changing these changes every set generated with a count.
_FAMILY_WEIGHT = {"multiple-choice": 6, "true-false": 2, "timeline": 2}
#: The mix (see the questions guide): true/false at most a quarter of a set, multiple choice
#: (four options where the pool allows) at least 60%.
MAX_TRUE_FALSE_SHARE = 0.25
MIN_MULTIPLE_CHOICE_SHARE = 0.6
MAX_TIMELINE_SHARE = 0.1
#: In a set of every question (no count), the share of facts that also get their true/false item
#: (a fact that cannot be asked as multiple choice always gets it). Keeps true/false near 20%.
#: Tuning: changing it changes the full deck.
FULL_SET_TRUE_FALSE_CHANCE = 0.15
#: How many greedy draws a counted set gets; the fullest is kept. Tuning: changes every set.
SELECTION_ATTEMPTS = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateOptions:
    """What to generate: how many questions (None: all that fit), which topics, forms, sources."""

    title: str = "Aleppo 2016"
    count: int | None = None
    topics: tuple[str, ...] = ()
    forms: tuple[str, ...] = FORM_CHOICES
    sources: tuple[str, ...] = ()
    #: Only these facts when given (for example the ones a reviewer approved).
    only_facts: frozenset[str] | None = None
    #: Never these facts (for example ones a reviewer rejected).
    exclude_facts: frozenset[str] = frozenset()
    #: Facts earlier sets asked (last term's tests): never asked again, and named in the header
    #: so the set can be regenerated exactly.
    used_before: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Spec:
    fact: Fact
    shape: str  # mc | tf-true | tf-false | first | order
    variant: int = 0  # contested facts: which variant (0-based)

    @property
    def family(self) -> str:
        return _FAMILY[self.shape.split("-")[0]]


def generate_set(
    base: FactBase,
    options: GenerateOptions,
    seed: int,
    progress: Callable[[int], None] | None = None,
) -> QuestionSet:
    """Generate a question set; `progress(n)` is told as each n facts are done."""
    with paused_gc():
        return _generate(base, options, seed, progress)


def _generate(
    base: FactBase,
    options: GenerateOptions,
    seed: int,
    progress: Callable[[int], None] | None,
) -> QuestionSet:
    facts = [
        f
        for f in select_facts(base, options.topics, options.sources)
        if f.askable
        and f.id not in options.exclude_facts
        and f.id not in options.used_before
        and (options.only_facts is None or f.id in options.only_facts)
    ]
    if not facts:
        raise GenerationError("no askable fact matches the topics and sources given")
    maker = _Maker(base, Pools.build(base), Timeline.of(facts), seed)
    specs = {f.id: _specs_for(f, options.forms, seed) for f in facts}
    rng = random.Random(seed)
    built = _select(facts, specs, maker, options.count, rng, progress)
    if not built:
        raise GenerationError("no question could be made from the facts and forms given")
    drafts = [b for b in built if isinstance(b, Draft)]
    positions = dict(zip((d.id for d in drafts), assign_positions(drafts, rng), strict=True))
    questions = [
        b.place(positions[b.id], maker.rng_for(b.id)) if isinstance(b, Draft) else b for b in built
    ]
    if options.count is not None:
        rng.shuffle(questions)
    header = SetHeader(
        title=options.title,
        seed=seed,
        count=options.count,
        topics=options.topics,
        forms=options.forms,
        sources=options.sources,
        used_before=tuple(sorted(options.used_before)),
        fact_base_revision=base.revision().isoformat(),
        fact_base_digest=fact_base_digest(base),
    )
    return QuestionSet(header, tuple(questions))


def _specs_for(fact: Fact, forms: tuple[str, ...], seed: int) -> list[_Spec]:
    """What a fact can be asked as: its true statement, and a false one where it has one (a
    set takes at most one of the two, whichever keeps True and False balanced)."""
    specs: list[_Spec] = []
    if "multiple-choice" in forms and fact.multiple_choice:
        count = len(fact.variants) if fact.status is Status.CONTESTED else 1
        specs += [_Spec(fact, "mc", i) for i in range(count)]
    if "true-false" in forms and fact.status is Status.SETTLED:
        specs.append(_Spec(fact, "tf-true"))
        if fact.false_statements:
            specs.append(_Spec(fact, "tf-false"))
    if "timeline" in forms and fact.event_date and fact.status is Status.SETTLED:
        specs += [_Spec(fact, "first"), _Spec(fact, "order")]
    return specs


def _select(
    facts: list[Fact],
    specs: dict[str, list[_Spec]],
    maker: _Maker,
    count: int | None,
    rng: random.Random,
    progress: Callable[[int], None] | None,
) -> list[Draft | Question]:
    """Every fact's questions, or `count` questions, one per fact, that do not clue each other.

    Which questions fit together depends on the order they are tried in, so a counted set is
    drawn SELECTION_ATTEMPTS times and the fullest draw is kept (the first of equals).
    """
    if count is None:
        return _every_question(facts, specs, maker, rng, progress)
    seeds = [rng.random() for _ in range(SELECTION_ATTEMPTS)]
    draws = [
        _draw(facts, specs, maker, count, random.Random(s), attempt)
        for attempt, s in enumerate(seeds)
    ]
    return _within_mix(max(draws, key=len))


def _within_mix(built: list[Draft | Question]) -> list[Draft | Question]:
    """A set that came out short of its count may hold too many true/false items for its
    size: drop the last ones drawn until the mix holds (one is always allowed, so a tiny pool
    still gives a set)."""
    kept = list(built)
    while kept:
        true_false = [i for i, b in enumerate(kept) if _is_true_false(b)]
        if len(true_false) <= max(1, int(len(kept) * MAX_TRUE_FALSE_SHARE)):
            break
        del kept[true_false[-1]]
    return kept


def _is_true_false(item: Draft | Question) -> bool:
    return isinstance(item, Question) and item.form is Form.TRUE_FALSE


def _draw(
    facts: list[Fact],
    specs: dict[str, list[_Spec]],
    maker: _Maker,
    count: int,
    rng: random.Random,
    attempt: int,
) -> list[Draft | Question]:
    """One greedy draw of up to `count` compatible questions, the mix's caps respected."""
    caps = {
        "true-false": max(1, int(count * MAX_TRUE_FALSE_SHARE)),
        # a timeline question draws on three or four facts (and everything linked to them), so
        # a few of them would crowd out many others
        "timeline": min(
            max(1, int(count * MAX_TIMELINE_SHARE)),
            count
            - math.ceil(count * MIN_MULTIPLE_CHOICE_SHARE)
            - int(count * MAX_TRUE_FALSE_SHARE),
        ),
        "multiple-choice": count,
    }
    taken = dict.fromkeys(caps, 0)
    truth_counts: Counter[str] = Counter()
    built: list[Draft | Question] = []
    profiles: list[Profile] = []
    queue = list(facts)
    rng.shuffle(queue)
    if attempt % 2:  # every other draw tries the least-linked facts first (they block fewer)
        queue.sort(key=lambda f: len(maker.links.get(f.id, ())))
    # timeline questions first (each draws on several facts, so they fit only an emptier set);
    # then the rest by weight; a last pass lifts the timeline cap when the pool runs short
    for only, relax in (("timeline", False), (None, False), (None, True)):
        for fact in queue:
            if len(built) >= count:
                break
            options = specs[fact.id]
            open_families = sorted(
                {
                    s.family
                    for s in options
                    if (only is None or s.family == only)
                    and (taken[s.family] < caps[s.family] or (relax and s.family == "timeline"))
                }
            )
            if not open_families or any(fact.id in p.facts for p in profiles):
                continue
            weights = [_FAMILY_WEIGHT[f] for f in open_families]
            family = rng.choices(open_families, weights=weights)[0]
            tried = [s for s in options if s.family == family]
            rng.shuffle(tried)
            if family == "true-false":  # the truth value the set has fewer of, first
                tried.sort(key=lambda s: truth_counts[s.shape])
            tried += [s for s in options if s.family != family and s.family in open_families]
            for spec in tried:
                made = maker.make(spec)
                if made is None:
                    continue
                seen = maker.profile_of(spec, made)
                if fits(seen, profiles):
                    built.append(made)
                    profiles.append(seen)
                    taken[spec.family] += 1
                    truth_counts[spec.shape] += 1
                    break
    return built


def _every_question(
    facts: list[Fact],
    specs: dict[str, list[_Spec]],
    maker: _Maker,
    rng: random.Random,
    progress: Callable[[int], None] | None,
) -> list[Draft | Question]:
    """Each fact's multiple-choice and timeline questions; its true/false item for some."""
    built: list[Draft | Question] = []
    truth_counts: Counter[str] = Counter()
    for done, fact in enumerate(facts, start=1):
        made = [(s, q) for s in specs[fact.id] if (q := maker.make(s)) is not None]
        has_choice = any(s.family == "multiple-choice" for s, _ in made)
        wants_tf = not has_choice or rng.random() < FULL_SET_TRUE_FALSE_CHANCE
        true_false = sorted(
            (s for s, _ in made if s.family == "true-false"), key=lambda s: truth_counts[s.shape]
        )[:1]  # at most one, of the truth value the set has fewer of
        if wants_tf and true_false:
            truth_counts[true_false[0].shape] += 1
        keep = set(true_false) if wants_tf else set()
        built += [q for s, q in made if s.family != "true-false" or s in keep]
        if progress and done % 500 == 0:
            progress(500)
    return built


class _Maker:
    """Builds one question (or draft) per spec, each with its own seeded random stream."""

    def __init__(self, base: FactBase, pools: Pools, timeline: Timeline, seed: int) -> None:
        self.base, self.pools, self.timeline, self.seed = base, pools, timeline, seed
        self.links = related_facts(base)
        self.made: dict[tuple[str, str, int], Draft | Question | None] = {}
        self.profiles: dict[tuple[str, str, int], Profile] = {}

    def rng_for(self, question_id: str) -> random.Random:
        """A random stream that depends only on the seed and the question id."""
        return random.Random(f"{self.seed}:{question_id}")

    def make(self, spec: _Spec) -> Draft | Question | None:
        """The draft or question for `spec`, or None when the fact base cannot support it
        (made once: it depends only on the spec and the seed)."""
        key = (spec.fact.id, spec.shape, spec.variant)
        if key not in self.made:
            self.made[key] = self._build(spec)
        return self.made[key]

    def profile_of(self, spec: _Spec, made: Draft | Question) -> Profile:
        """The clue-check profile of what `spec` made (worked out once)."""
        key = (spec.fact.id, spec.shape, spec.variant)
        if key not in self.profiles:
            self.profiles[key] = profile(made)
        return self.profiles[key]

    def _build(self, spec: _Spec) -> Draft | Question | None:
        made = self._make(spec)
        if made is None:
            return None
        own = facts_of(made)
        related = sorted({r for f in own for r in self.links.get(f, ())} - own)
        return dataclasses.replace(made, related=tuple(related)) if related else made

    def _make(self, spec: _Spec) -> Draft | Question | None:
        if spec.shape == "mc":
            return self._multiple_choice(spec)
        if spec.shape.startswith("tf"):
            return self._true_false(spec)
        rng = self.rng_for(f"{spec.fact.id}/{spec.shape}")
        if spec.shape == "first":
            return first_draft(self.timeline, spec.fact, rng, self.citations_of)
        return order_question(self.timeline, spec.fact, rng, self.citations_of)

    def citations_of(self, fact: Fact) -> tuple[Citation, ...]:
        """The citations of a fact's own evidence."""
        return self.citations(fact.evidence)

    def citations(self, evidence: tuple[Evidence, ...]) -> tuple[Citation, ...]:
        """Each proof quote with its document's outlet, headline and date (dating quotes are
        proven by `check` but are bookkeeping, not a citation a learner reads)."""
        return citations(self.base, (e for e in evidence if e.role == "proof"))

    def _multiple_choice(self, spec: _Spec) -> Draft | None:
        fact = spec.fact
        suffix = "mc" if spec.variant == 0 else f"mc-{spec.variant + 1}"
        qid = f"{fact.id}/{suffix}"
        if fact.status is Status.CONTESTED:
            variant = fact.variants[spec.variant]
            answer, accepted, stem = variant.answer, variant.accepted, variant.question
            evidence, explanation = variant.evidence, _contested_explanation(self.base, fact)
            short_stem = None  # a variant's question has no short form
        else:
            assert fact.answer is not None and fact.question is not None
            answer, accepted, stem = fact.answer, fact.accepted, fact.question
            evidence, explanation = fact.evidence, _explanation(fact)
            short_stem = fact.short_question
        candidates = candidates_for(
            self.base, self.pools, fact, answer, accepted, self.rng_for(qid)
        )
        draft = Draft(
            id=qid,
            stem=stem,
            key=self.base.answer_text(answer),
            candidates=candidates,
            fact=fact.id,
            explanation=explanation,
            sources=self.citations(evidence),
            topics=fact.topics,
            short_stem=short_stem,
        )
        return draft if draft.allowed_positions() else None

    def _true_false(self, spec: _Spec) -> Question | None:
        fact = spec.fact
        qid = f"{fact.id}/{spec.shape}"
        if spec.shape == "tf-true":
            stem, key, explanation = fact.statement, 0, _explanation(fact)
            short = fact.short_statement
        else:
            false = self.rng_for(qid).choice(fact.false_statements)
            stem, key, short = false.statement, 1, false.short_statement
            explanation = f"{false.why_false} What is true: {fact.statement}"
        return Question(
            id=qid,
            form=Form.TRUE_FALSE,
            stem=stem,
            options=TRUE_FALSE_OPTIONS,
            answer=key,
            fact=fact.id,
            explanation=explanation,
            sources=self.citations(fact.evidence),
            topics=fact.topics,
            short_stem=short,
        )


def _explanation(fact: Fact) -> str:
    # a fact's `note` is for reviewers (dating arguments, design remarks), never for learners
    return fact.explanation


def _contested_explanation(base: FactBase, fact: Fact) -> str:
    sides = "; ".join(
        f"{base.answer_text(v.answer)}, according to {v.according_to}" for v in fact.variants
    )
    return f"{fact.explanation} As reported: {sides}."

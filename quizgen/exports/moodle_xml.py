"""Moodle XML export: every form with its feedback, a category per topic, tags on every question.

Multiple choice says for each wrong option why it is wrong where the fact base knows (a false
statement of the fact names that option); true/false says on the wrong side what is true;
timeline-order is Moodle's Ordering question (core since Moodle 4.4, the `qtype_ordering`
plugin before). Every text is HTML-escaped into a `format="html"` field and ElementTree escapes
that again for XML: Moodle un-escapes the XML, then renders the HTML, so `<b>` stays text.
"""

from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter

from quizgen.errors import ExportError
from quizgen.exports.characters import LINE_BREAK, NOT_XML, xml_safe
from quizgen.exports.formats import ExportResult, id_list
from quizgen.facts.model import Fact, FactBase
from quizgen.plural import plural
from quizgen.questions.model import Form, Question, QuestionSet

CATEGORY_ROOT = "$course$/top"
#: Moodle cuts a tag at 50 characters and drops control characters, `<`, `>` and backquotes
#: from it (PARAM_TAG); a comma would split it in two wherever Moodle lists tags.
TAG_LIMIT = 50
_NOT_IN_TAG = re.compile("[\x00-\x1f\x7f-\x9f<>`,]")
#: question.idnumber is a 100-character column: a longer one would fail the import.
IDNUMBER_LIMIT = 100
#: The penalties Moodle's question form offers (the share of the mark lost per wrong try).
PENALTIES = (1.0, 0.5, 0.3333333, 0.25, 0.2, 0.1, 0.0)
#: How the Ordering question grades: a mark for each event in its place, as the GIFT export's
#: matching question gives, so both files grade a timeline alike.
ORDERING_GRADING = "ABSOLUTE_POSITION"
#: Moodle's PARAM_TEXT, which cleans category names, strips from a `<` that opens a tag.
_TAG_START = re.compile(r"<[^\s<]")
COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
_QTYPE = {
    Form.MULTIPLE_CHOICE: "multichoice",
    Form.TRUE_FALSE: "truefalse",
    Form.TIMELINE_ORDER: "ordering",
}


def html_text(text: str) -> str:
    """`text` as escaped HTML, line breaks as `<br>`, characters XML cannot carry dropped."""
    # quotes need no escaping outside an attribute, and the file stays readable without them
    return "<br>".join(html.escape(xml_safe(line), quote=False) for line in LINE_BREAK.split(text))


def paragraphs(*texts: str) -> str:
    """Each text as an HTML paragraph."""
    return "".join(f"<p>{html_text(text)}</p>" for text in texts)


def plain(text: str) -> str:
    """`text` for a plain field (name, idnumber, category): one line, XML-safe."""
    return xml_safe(LINE_BREAK.sub(" ", text))


def tag_text(text: str) -> str:
    """`text` as a Moodle tag: what Moodle would drop taken out, whitespace runs made one
    space, and a tag over the limit cut with a hash of the whole, so two never become one."""
    tag = _tag_words(text)
    if len(tag) <= TAG_LIMIT:
        return tag
    digest = hashlib.sha256(tag.encode("utf-8")).hexdigest()[:8]
    return f"{tag[: TAG_LIMIT - 9].rstrip()}-{digest}"


def _tag_words(text: str) -> str:
    return " ".join(_NOT_IN_TAG.sub(" ", xml_safe(text)).split())


def category_name(name: str) -> str:
    """One category name for a path: `/` doubled (Moodle splits paths on a single `/`), a name
    that would start or end with `/` padded with a space, as Moodle writes it, and a blank one
    (Moodle trims names) written `-`."""
    escaped = plain(name).strip().replace("/", "//") or "-"
    if escaped.startswith("/"):
        escaped = f" {escaped}"
    return f"{escaped} " if escaped.endswith("/") else escaped


def penalty_for(wrong_options: int) -> str:
    """The largest penalty Moodle offers that still leaves no mark after every wrong try."""
    share = 1 / max(wrong_options, 1)
    return f"{next(p for p in PENALTIES if p <= share + 1e-9):.7f}"


def export_moodle_xml(qset: QuestionSet, base: FactBase) -> ExportResult:
    """The set as a Moodle XML file (UTF-8), with notes on what changed shape or was skipped."""
    kept = [q for q in qset.questions if not _unfit(q)]
    if not kept:
        raise ExportError("nothing to export to Moodle XML: every question was skipped")
    groups: dict[str | None, list[Question]] = {}
    for question in kept:  # by category, in order of first appearance; the set's order within
        groups.setdefault(_first_topic(question), []).append(question)
    quiz = ET.Element("quiz")
    for topic, questions in groups.items():
        quiz.append(_category(qset, base, topic))
        quiz.extend(_question(question, base) for question in questions)
    ET.indent(quiz, space="  ")
    content = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True, short_empty_elements=False)
    return ExportResult(
        content=content + b"\n",
        notes=_notes(qset, base, kept),
        summary=_summary(kept, len(groups)),
    )


def _first_topic(question: Question) -> str | None:
    return question.topics[0] if question.topics else None


def _unfit(question: Question) -> bool:
    # Moodle drops a blank answer when it saves: the question would lose an option or its key.
    if question.form is Form.TRUE_FALSE:
        return False
    return len(question.options) < 2 or any(not _visible(o) for o in question.options)


def _visible(text: str) -> bool:
    return bool(xml_safe(text).strip(" \t"))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    element.text = text
    return element


def _field(parent: ET.Element, tag: str, html_value: str, **attrib: str) -> ET.Element:
    """A text field: `<tag format="html"><text>...</text></tag>`."""
    element = _sub(parent, tag, format="html", **attrib)
    _sub(element, "text", html_value)
    return element


def category_names(qset: QuestionSet, base: FactBase, topic_id: str | None) -> list[str]:
    """The set's title (with its variant: variants share question ids, so each gets its own
    category) and the topic's title, or its id when the fact base has no such topic."""
    header = qset.header
    title = header.title if header.variant is None else f"{header.title} (variant {header.variant})"
    if topic_id is None:
        return [title]
    titles = {t.id: t.title for t in base.topics}
    return [title, titles.get(topic_id, topic_id)]


def _category(qset: QuestionSet, base: FactBase, topic_id: str | None) -> ET.Element:
    header = qset.header
    names = category_names(qset, base, topic_id)
    revision = header.fact_base_revision
    info = [f"From the question set “{names[0]}” (seed {header.seed}, fact base of {revision})."]
    descriptions = {t.id: t.description for t in base.topics}
    if topic_id in descriptions:
        info.insert(0, descriptions[topic_id])
    question = ET.Element("question", type="category")
    path = "/".join([CATEGORY_ROOT, *(category_name(n) for n in names)])
    _sub(_sub(question, "category"), "text", path)
    _field(question, "info", paragraphs(*info))
    return question


def _question(question: Question, base: FactBase) -> ET.Element:
    element = ET.Element("question", type=_QTYPE[question.form])
    _sub(_sub(element, "name"), "text", plain(question.id))
    _field(element, "questiontext", paragraphs(question.stem))
    _field(element, "generalfeedback", _general_feedback(question))
    _sub(element, "defaultgrade", "1")
    if question.form is Form.MULTIPLE_CHOICE:
        _sub(element, "penalty", penalty_for(len(question.options) - 1))
    else:  # true/false has one wrong try; Moodle's own default for an ordering question
        _sub(element, "penalty", "1.0000000" if question.form is Form.TRUE_FALSE else "0.3333333")
    _sub(element, "hidden", "0")
    idnumber = plain(question.id).strip()
    _sub(element, "idnumber", idnumber if len(idnumber) <= IDNUMBER_LIMIT else "")
    if question.form is Form.MULTIPLE_CHOICE:
        _multichoice(element, question, _fact_of(base, question.fact))
    elif question.form is Form.TRUE_FALSE:
        _true_false(element, question)
    else:
        _ordering(element, question)
    tags = _sub(element, "tags")
    for tag in question_tags(question):
        _sub(_sub(tags, "tag"), "text", tag)
    return element


def _general_feedback(question: Question) -> str:
    texts = [question.explanation]
    if question.form is Form.TIMELINE_ORDER:
        texts.append(f"Order: {question.right_answer_text()}")
    texts.extend(f"Source: {citation.text()}" for citation in question.sources)
    return paragraphs(*texts)


def _multichoice(element: ET.Element, question: Question, fact: Fact | None) -> None:
    _sub(element, "single", "true")
    # numbers and dates are offered in ascending order on purpose: shuffling would undo it
    _sub(element, "shuffleanswers", "false" if question.options_sorted else "true")
    _sub(element, "answernumbering", "abc")
    for tag in COMBINED_FEEDBACK:
        _field(element, tag, "")  # each option's own feedback says it all
    key = question.options[question.key_index]
    reasons = why_wrong(fact, question.options)
    for index, option in enumerate(question.options):
        if index == question.key_index:
            fraction, feedback = "100", f"Right. {question.explanation}"
        elif index in reasons:
            fraction, feedback = "0", f"Not this one. {reasons[index]}"
        else:
            fraction, feedback = "0", f"Not this one: the answer is {key}."
        answer = _sub(element, "answer", fraction=fraction, format="html")
        _sub(answer, "text", html_text(option))
        _field(answer, "feedback", paragraphs(feedback))


def _true_false(element: ET.Element, question: Question) -> None:
    # Moodle shows an answer's feedback to whoever picks it; for a false statement the
    # explanation holds why it is false and what is true.
    is_true = question.options[question.key_index] == "True"
    for value in (True, False):
        right = value is is_true
        answer = _sub(
            element, "answer", fraction="100" if right else "0", format="moodle_auto_format"
        )
        _sub(answer, "text", "true" if value else "false")
        truth = "true" if is_true else "false"
        feedback = "Right." if right else f"Not quite: the statement is {truth}."
        _field(answer, "feedback", paragraphs(f"{feedback} {question.explanation}"))


def _ordering(element: ET.Element, question: Question) -> None:
    assert isinstance(question.answer, tuple)
    settings = {
        "layouttype": "VERTICAL",
        "selecttype": "ALL",  # every event, not a subset
        "selectcount": str(len(question.options)),
        "gradingtype": ORDERING_GRADING,
        "showgrading": "SHOW",
        "numberingstyle": "123",
    }
    for tag, value in settings.items():
        _sub(element, tag, value)
    # the general feedback gives the right order
    for tag, text in zip(COMBINED_FEEDBACK, ("Right.", "Partly right.", "Not quite."), strict=True):
        _field(element, tag, paragraphs(text))
    _sub(element, "shownumcorrect", "1")
    # the events in the right order; Moodle numbers them 1, 2, 3... in `fraction` as it saves
    for position, index in enumerate(question.answer, start=1):
        answer = _sub(element, "answer", fraction=f"{position}.0000000", format="html")
        _sub(answer, "text", html_text(question.options[index]))


def _fact_of(base: FactBase, fact_id: str) -> Fact | None:
    try:
        return base.fact(fact_id)
    except KeyError:
        return None


def why_wrong(fact: Fact | None, options: tuple[str, ...]) -> dict[int, str]:
    """For each option one of the fact's false statements names, why that statement is false
    (the first such statement wins). Only the wrong options' entries are read."""
    reasons: dict[int, str] = {}
    for false in fact.false_statements if fact else ():
        named = named_option(false.statement, options)
        if named is not None:
            reasons.setdefault(named, false.why_false)
    return reasons


def named_option(statement: str, options: tuple[str, ...]) -> int | None:
    """The option a statement names, case-insensitively and as whole words: the one it names
    first (the longest where two start together), since a false statement may name others too
    (`Libya first, then Iraq and Yemen`)."""
    found = []
    for index, option in enumerate(options):
        if not option.strip():
            continue
        match = re.search(rf"(?<!\w){re.escape(option)}(?!\w)", statement, re.IGNORECASE)
        if match:
            found.append((match.start(), -len(option), index))
    return min(found)[2] if found else None


def question_tags(question: Question) -> list[str]:
    """The question's tags: its topics, form, facts and `verified`, each once."""
    tags: dict[str, str] = {}
    for text in _raw_tags(question):
        tag = tag_text(text)
        if tag:  # Moodle's tag names ignore case
            tags.setdefault(tag.casefold(), tag)
    return list(tags.values())


def _raw_tags(question: Question) -> list[str]:
    verified = ["verified"] if question.verified else []
    return [*question.topics, question.form.value, question.fact, *question.facts, *verified]


def _question_texts(question: Question) -> list[str]:
    cited = [t for c in question.sources for t in (c.outlet, c.headline, c.date, c.quote)]
    return [question.id, question.stem, *question.options, question.explanation, *cited]


def _notes(qset: QuestionSet, base: FactBase, kept: list[Question]) -> tuple[str, ...]:
    kept_ids = {q.id for q in kept}
    topic_ids = {t.id for t in base.topics}
    fact_ids = {f.id for f in base.facts}
    checks = {
        "skipped: an option or event is blank or there are fewer than 2 (Moodle drops blank"
        " answers)": [q.id for q in qset.questions if q.id not in kept_ids],
        "timeline-order questions are Moodle Ordering questions (core since Moodle 4.4; an"
        " older Moodle needs the qtype_ordering plugin)": [
            q.id for q in kept if q.form is Form.TIMELINE_ORDER
        ],
        "control characters XML cannot carry were dropped from": [
            q.id
            for q in kept
            if any(NOT_XML.search(LINE_BREAK.sub("", t)) for t in _question_texts(q))
        ],
        "facts not in the fact base (wrong options only name the right answer)": [
            q.id for q in kept if q.form is Form.MULTIPLE_CHOICE and q.fact not in fact_ids
        ],
        "topics not in the fact base (the topic id names the category)": [
            q.id for q in kept if q.topics and q.topics[0] not in topic_ids
        ],
        f"tags cut to Moodle's {TAG_LIMIT} characters (with a hash)": [
            q.id for q in kept if any(len(_tag_words(t)) > TAG_LIMIT for t in _raw_tags(q))
        ],
        f"ids over Moodle's {IDNUMBER_LIMIT}-character ID number (left without one)": [
            q.id for q in kept if len(plain(q.id).strip()) > IDNUMBER_LIMIT
        ],
    }
    notes = [f"{what}: {id_list(ids)}" for what, ids in checks.items() if ids]
    return (*notes, *_category_notes(qset, base, kept))


def _category_notes(qset: QuestionSet, base: FactBase, kept: list[Question]) -> list[str]:
    names = {n: None for q in kept for n in category_names(qset, base, _first_topic(q))}
    tagged = [repr(n) for n in names if _TAG_START.search(plain(n))]
    if not tagged:
        return []
    return [f"Moodle strips what looks like HTML tags from category names: {id_list(tagged)}"]


def _summary(kept: list[Question], categories: int) -> str:
    counts = Counter(q.form for q in kept)
    names = {
        Form.MULTIPLE_CHOICE: "multiple choice",
        Form.TRUE_FALSE: "true/false",
        Form.TIMELINE_ORDER: "ordering",
    }
    parts = [f"{counts[form]} {name}" for form, name in names.items() if counts[form]]
    where = plural(categories, "category", "categories")
    return f"{plural(len(kept), 'question')} ({', '.join(parts)}) in {where}"

"""The shipped Anki note types: fixed distinct ids, and templates that name only real fields."""

from __future__ import annotations

import re

import pytest

from quizgen.exports.anki_note_types import (
    BACK_SCRIPT,
    BASIC,
    CLOZE,
    CSS,
    FRONT_SCRIPT,
    MULTIPLE_CHOICE,
    NOTE_TYPES,
    PICK_KEY,
    NoteType,
)

#: `{{Field}}`, `{{#Field}}`, `{{/Field}}`, `{{cloze:Field}}`: Anki's field references.
REFERENCE = re.compile(r"\{\{([#/^]?)(?:cloze:)?([^{}]*)\}\}")


def references(template: str) -> set[str]:
    return {name for _, name in REFERENCE.findall(template)}


def test_the_ids_are_fixed_and_distinct() -> None:
    assert [t.id for t in NOTE_TYPES] == [1815853140, 1013803851, 1112338361]
    assert len({t.id for t in NOTE_TYPES}) == len({t.name for t in NOTE_TYPES}) == 3
    assert all(1 <= t.id < 2**31 for t in NOTE_TYPES)


@pytest.mark.parametrize(
    ("note_type", "front", "back"),
    [
        (
            MULTIPLE_CHOICE,
            {"Question", "Options", "QuestionId"},
            {"Question", "Options", "Key", "Explanation", "Citation", "FactId", "QuestionId"},
        ),
        (BASIC, {"Front"}, {"Front", "Back", "Explanation", "Citation", "FactId"}),
        (CLOZE, {"Text"}, {"Text", "Extra", "FactId"}),
    ],
    ids=lambda v: v.name if isinstance(v, NoteType) else None,
)
def test_templates_reference_exactly_these_fields(
    note_type: NoteType, front: set[str], back: set[str]
) -> None:
    assert references(note_type.front) == front
    assert references(note_type.back) == back
    assert front | back <= set(note_type.fields)


@pytest.mark.parametrize("note_type", NOTE_TYPES, ids=lambda t: t.name)
def test_model_args_fields_are_the_ones_the_templates_name(note_type: NoteType) -> None:
    args = note_type.model_args()
    names = [field["name"] for field in args["fields"]]
    assert names == list(note_type.fields)
    (template,) = args["templates"]
    used = references(template["qfmt"]) | references(template["afmt"])
    assert used <= set(names), used - set(names)


@pytest.mark.parametrize("note_type", NOTE_TYPES, ids=lambda t: t.name)
def test_templates_have_no_braces_but_field_references(note_type: NoteType) -> None:
    # Anki reads any `{{...}}` as a field, even inside the tap-to-answer script.
    for template in (note_type.front, note_type.back):
        rest = REFERENCE.sub("", template)
        assert "{{" not in rest and "}}" not in rest


@pytest.mark.parametrize(
    ("note_type", "name", "model_type"),
    [
        (MULTIPLE_CHOICE, "quizgen multiple choice v1", 0),
        (BASIC, "quizgen basic v1", 0),
        (CLOZE, "quizgen cloze v1", 1),
    ],
    ids=lambda v: v.name if isinstance(v, NoteType) else None,
)
def test_model_args(note_type: NoteType, name: str, model_type: int) -> None:
    args = note_type.model_args()
    assert args == {
        "model_id": note_type.id,
        "name": name,
        "fields": [{"name": f} for f in note_type.fields],
        "templates": [{"name": "Card 1", "qfmt": note_type.front, "afmt": note_type.back}],
        "css": CSS,
        "model_type": model_type,
    }


def test_model_args_are_fresh_lists_each_time() -> None:
    # genanki mutates the lists it is given; one export must not change the next.
    first, second = MULTIPLE_CHOICE.model_args(), MULTIPLE_CHOICE.model_args()
    first["fields"].append({"name": "Extra"})
    first["templates"][0]["name"] = "changed"
    assert second["fields"] == [{"name": f} for f in MULTIPLE_CHOICE.fields]
    assert MULTIPLE_CHOICE.model_args()["templates"][0]["name"] == "Card 1"


def test_the_scripts_share_the_pick_key_and_are_only_on_multiple_choice() -> None:
    assert "__PICK_KEY__" not in FRONT_SCRIPT + BACK_SCRIPT
    assert FRONT_SCRIPT.count(f'"{PICK_KEY}"') == 2  # cleared, then set on a tap
    assert BACK_SCRIPT.count(f'"{PICK_KEY}"') == 1  # read back
    assert MULTIPLE_CHOICE.front.endswith(FRONT_SCRIPT)
    assert MULTIPLE_CHOICE.back.endswith(BACK_SCRIPT)
    other_templates = (BASIC.front, BASIC.back, CLOZE.front, CLOZE.back)
    assert all("<script>" not in template for template in other_templates)

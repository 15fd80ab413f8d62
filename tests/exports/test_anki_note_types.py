"""The shipped Anki note type: a fixed id and field list, fronts made only where their own field
is filled and naming nothing that tells the key apart, and the deck preset that buries siblings."""

from __future__ import annotations

import re

import genanki
import pytest

from quizgen.exports.anki_note_types import (
    BACK_SCRIPT,
    CSS,
    FACT_NOTE,
    FIELD_NAMES,
    FRONT_SCRIPT,
    MULTIPLE_CHOICE,
    PRESET_ID,
    STATE_KEY,
    TEMPLATES,
    Template,
    preset,
)

#: `{{Field}}`, `{{#Field}}`, `{{/Field}}`: Anki's field references.
REFERENCE = re.compile(r"\{\{([#/^]?)([^{}]*)\}\}")
#: What only a back may show: the fact id spells answers out, the rest are the answers.
BACK_ONLY = {"FactId", "KeyIndex", "Answer", "Statement", "Order", "Explanation", "Sources"}


def references(template: str) -> set[str]:
    return {name for _, name in REFERENCE.findall(template)}


def test_the_ids_and_the_field_list_are_fixed() -> None:
    assert (FACT_NOTE.id, FACT_NOTE.name, PRESET_ID) == (
        1593184828,
        "quizgen fact v2",
        1896471045694,
    )
    assert 1 <= FACT_NOTE.id < 2**31
    # Anki matches a note type by id and field list: a change here needs a new id and name
    assert FIELD_NAMES == (
        "FactId",
        "Question",
        "Options",
        "KeyIndex",
        "Answer",
        "Recall",
        "Blanked",
        "Statement",
        "Events",
        "Order",
        "Explanation",
        "Sources",
        "OrderSources",
    )
    assert [t.name for t in TEMPLATES] == [
        "Multiple choice",
        "Recall",
        "Fill in the blank",
        "Put in order",
    ]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_a_front_is_all_inside_its_own_fields_condition(template: Template) -> None:
    front = template.front
    assert front.startswith(f"{{{{#{template.field}}}}}")
    assert front.endswith(f"{{{{/{template.field}}}}}")
    assert front.count("{{#") == front.count("{{/") == 1


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_a_front_names_no_field_that_tells_the_key_apart(template: Template) -> None:
    assert references(template.front) & BACK_ONLY == set()
    assert references(template.front) | references(template.back) <= set(FIELD_NAMES)


def test_genanki_makes_a_card_exactly_where_the_templates_field_is_filled() -> None:
    # genanki decides which cards a note gets as Anki does: from what each front requires
    model = genanki.Model(**FACT_NOTE.model_args())
    assert model._req == [
        [index, "all", [FIELD_NAMES.index(t.field)]] for index, t in enumerate(TEMPLATES)
    ]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_templates_have_no_braces_but_field_references(template: Template) -> None:
    # Anki reads any `{{...}}` as a field, even inside the multiple-choice script.
    for side in (template.front, template.back):
        rest = REFERENCE.sub("", side)
        assert "{{" not in rest and "}}" not in rest


def test_model_args() -> None:
    assert FACT_NOTE.model_args() == {
        "model_id": FACT_NOTE.id,
        "name": "quizgen fact v2",
        "fields": [{"name": f} for f in FIELD_NAMES],
        "templates": [{"name": t.name, "qfmt": t.front, "afmt": t.back} for t in TEMPLATES],
        "css": CSS,
        "model_type": 0,
        "sort_field_index": 0,
    }


def test_model_args_are_fresh_lists_each_time() -> None:
    # genanki mutates the lists it is given; one export must not change the next.
    first, second = FACT_NOTE.model_args(), FACT_NOTE.model_args()
    first["fields"].append({"name": "Extra"})
    first["templates"][0]["name"] = "changed"
    assert second["fields"] == [{"name": f} for f in FIELD_NAMES]
    assert FACT_NOTE.model_args()["templates"][0]["name"] == "Multiple choice"


def test_the_scripts_are_only_on_multiple_choice_and_share_their_state() -> None:
    assert "__STATE_KEY__" not in FRONT_SCRIPT + BACK_SCRIPT
    assert FRONT_SCRIPT.count(f'"{STATE_KEY}"') == BACK_SCRIPT.count(f'"{STATE_KEY}"') == 2
    assert "Math.random" in FRONT_SCRIPT and "Math.random" not in BACK_SCRIPT
    assert MULTIPLE_CHOICE.front.removesuffix("\n{{/Options}}").endswith(FRONT_SCRIPT)
    assert MULTIPLE_CHOICE.back.endswith(BACK_SCRIPT)
    others = [side for t in TEMPLATES if t is not MULTIPLE_CHOICE for side in (t.front, t.back)]
    assert all("<script" not in side for side in others)


def test_the_css_marks_a_key_at_any_position_an_option_list_can_have() -> None:
    for index in range(10):
        assert f'.qg-back [data-key="{index}"] li[data-index="{index}"]' in CSS
    assert "qg-key" not in CSS  # the key is known by the back's data-key alone
    assert ".nightMode" in CSS and "@media (max-width: 480px)" in CSS


def test_the_preset_buries_siblings_and_keeps_ankis_other_defaults() -> None:
    defaults = {
        "id": 1,
        "name": "Default",
        "new": {"bury": False, "perDay": 20},
        "rev": {"bury": False, "perDay": 200},
        "maxTaken": 60,
    }
    made = preset(defaults)
    assert (made["id"], made["name"], made["mod"]) == (
        PRESET_ID,
        "quizgen: one card per fact a day",
        0,
    )
    assert made["new"] == {"bury": True, "perDay": 20}
    assert made["rev"] == {"bury": True, "perDay": 200}
    assert made["buryInterdayLearning"] is True and made["maxTaken"] == 60
    assert defaults["new"] == {"bury": False, "perDay": 20}  # not changed in place

"""The export formats: one vocabulary, the id list in notes, and `export` as the one door."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from exporter_sets import nasty_set, ordinary_set, real_set

from quizgen.exports.aiken import export_aiken
from quizgen.exports.anki import export_anki
from quizgen.exports.csv_table import export_csv
from quizgen.exports.formats import EXPORT_FORMATS, EXTENSIONS, ExportResult, export, id_list
from quizgen.exports.game_sites import export_blooket, export_gimkit, export_kahoot
from quizgen.exports.gift import export_gift
from quizgen.exports.html_page import export_html
from quizgen.exports.markdown import export_worksheet
from quizgen.exports.moodle_xml import export_moodle_xml
from quizgen.facts.loader import load_fact_base
from quizgen.facts.model import FactBase
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.model import QuestionSet

#: exporter_sets.ALL_SETS, typed: the set builders every exporter test reads back.
SETS: dict[str, Callable[[], QuestionSet]] = {
    "ordinary": ordinary_set,
    "nasty": nasty_set,
    "real": real_set,
}
#: Every exporter but Anki's (whose zip stamps the time), as `export` calls it.
EXPORTERS: dict[str, Callable[[QuestionSet, FactBase], ExportResult]] = {
    "gift": lambda qset, _: export_gift(qset),
    "moodle-xml": export_moodle_xml,
    "aiken": lambda qset, _: export_aiken(qset),
    "csv": lambda qset, _: export_csv(qset),
    "kahoot": lambda qset, _: export_kahoot(qset),
    "blooket": lambda qset, _: export_blooket(qset),
    "gimkit": lambda qset, _: export_gimkit(qset),
    "markdown": lambda qset, _: export_worksheet(qset),
    "html": lambda qset, _: export_html(qset),
}


def test_the_formats_are_the_extension_keys_in_order() -> None:
    assert tuple(EXTENSIONS) == EXPORT_FORMATS
    assert EXTENSIONS == {
        "gift": ".gift",
        "moodle-xml": ".moodle.xml",
        "aiken": ".aiken.txt",
        "csv": ".csv",
        "kahoot": ".kahoot.xlsx",
        "blooket": ".blooket.csv",
        "gimkit": ".gimkit.csv",
        "markdown": ".md",
        "html": ".html",
        "anki": ".apkg",
    }


def test_every_format_but_anki_has_an_exporter_here() -> None:
    assert set(EXPORT_FORMATS) == {*EXPORTERS, "anki"}


@pytest.mark.parametrize(
    ("ids", "shown", "expected"),
    [
        ([], 6, ""),
        (["a"], 6, "a"),
        (["a", "b", "c", "d", "e", "f"], 6, "a, b, c, d, e, f"),
        (["a", "b", "c", "d", "e", "f", "g"], 6, "a, b, c, d, e, f and 1 more"),
        ([f"q{n}" for n in range(20)], 6, "q0, q1, q2, q3, q4, q5 and 14 more"),
        (["a", "b", "c"], 2, "a, b and 1 more"),
        (["a", "b"], 2, "a, b"),
    ],
)
def test_id_list(ids: list[str], shown: int, expected: str) -> None:
    assert id_list(ids, shown) == expected


def test_id_list_shows_six_by_default() -> None:
    assert id_list(list("abcdefgh")) == "a, b, c, d, e, f and 2 more"


@pytest.fixture
def minimal_base(minimal_notes: Path) -> FactBase:
    return load_fact_base(minimal_notes)


@pytest.mark.parametrize("set_name", sorted(SETS))
@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
def test_export_gives_what_the_format_s_exporter_gives(
    minimal_base: FactBase, format_name: str, set_name: str
) -> None:
    qset = SETS[set_name]()
    direct = EXPORTERS[format_name](qset, minimal_base)
    through_export = export(format_name, qset, minimal_base)
    assert through_export.content == direct.content
    assert through_export.notes == direct.notes


def test_export_passes_the_fact_base_to_anki(
    minimal_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1479772800")
    qset = generate_set(minimal_base, GenerateOptions(), seed=3)
    direct = export_anki(qset, minimal_base, environ={"SOURCE_DATE_EPOCH": "1479772800"})
    assert export("anki", qset, minimal_base) == direct
    assert direct.content[:2] == b"PK"  # an .apkg is a zip archive


@pytest.mark.parametrize("name", ["pdf", "GIFT", "", "anki "])
def test_an_unknown_format_is_a_value_error(minimal_base: FactBase, name: str) -> None:
    with pytest.raises(ValueError) as caught:
        export(name, ordinary_set(), minimal_base)
    assert str(caught.value) == f"unknown export format {name!r}"

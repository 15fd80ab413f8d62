"""The export formats: their one vocabulary, what an exporter returns, and the door to them all.

Each exporter is imported only when it is used, so naming the formats (for the command line's
choices and for recipes) costs nothing at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.facts.model import FactBase
    from quizgen.questions.model import QuestionSet

#: Format name -> the file extension it writes. The command line, recipes and `build` all read
#: the names from here.
EXTENSIONS = {
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
EXPORT_FORMATS = tuple(EXTENSIONS)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportResult:
    """An export's bytes, notes on anything dropped or refused (shown to the teacher), and what
    the file holds when its question count would not say it (`15 notes, 38 cards (...)`)."""

    content: bytes
    notes: tuple[str, ...] = ()
    summary: str = ""


def id_list(ids: list[str], shown: int = 6) -> str:
    """Question ids for a note: the first few, then how many more (`a, b, c and 12 more`)."""
    if len(ids) <= shown:
        return ", ".join(ids)
    return f"{', '.join(ids[:shown])} and {len(ids) - shown} more"


def export(format_name: str, qset: QuestionSet, base: FactBase) -> ExportResult:
    """Export `qset` in `format_name` (one of EXPORT_FORMATS)."""
    if format_name == "gift":
        from quizgen.exports.gift import export_gift

        return export_gift(qset)
    if format_name == "moodle-xml":
        from quizgen.exports.moodle_xml import export_moodle_xml

        return export_moodle_xml(qset, base)
    if format_name == "aiken":
        from quizgen.exports.aiken import export_aiken

        return export_aiken(qset)
    if format_name == "csv":
        from quizgen.exports.csv_table import export_csv

        return export_csv(qset)
    if format_name in ("kahoot", "blooket", "gimkit"):
        from quizgen.exports import game_sites

        site_exporters = {
            "kahoot": game_sites.export_kahoot,
            "blooket": game_sites.export_blooket,
            "gimkit": game_sites.export_gimkit,
        }
        return site_exporters[format_name](qset)
    if format_name == "html":
        from quizgen.exports.html_page import export_html

        return export_html(qset)
    if format_name == "markdown":
        from quizgen.exports.markdown import export_worksheet

        return export_worksheet(qset)
    if format_name == "anki":
        from quizgen.exports.anki import export_anki

        return export_anki(qset, base)
    raise ValueError(f"unknown export format {format_name!r}")

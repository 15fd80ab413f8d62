"""One door to every export format; each exporter is imported only when it is used."""

from __future__ import annotations

from quizgen.exporting import ExportResult
from quizgen.factbase import FactBase
from quizgen.questions import QuestionSet

#: Format name -> the file extension it writes.
EXTENSIONS = {
    "gift": ".gift",
    "aiken": ".aiken.txt",
    "csv": ".csv",
    "markdown": ".md",
    "anki": ".apkg",
}


def export(format_name: str, qset: QuestionSet, base: FactBase) -> ExportResult:
    """Export `qset` in `format_name` (one of EXTENSIONS)."""
    if format_name == "gift":
        from quizgen.gift import export_gift

        return export_gift(qset)
    if format_name == "aiken":
        from quizgen.aiken import export_aiken

        return export_aiken(qset)
    if format_name == "csv":
        from quizgen.csvexport import export_csv

        return export_csv(qset)
    if format_name == "markdown":
        from quizgen.worksheet import export_worksheet

        return export_worksheet(qset)
    if format_name == "anki":
        from quizgen.anki import export_anki

        return export_anki(qset, base)
    raise ValueError(f"unknown export format {format_name!r}")

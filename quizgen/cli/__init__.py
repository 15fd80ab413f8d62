"""The command line: a thin skin that parses options, calls the library and renders results.

One module per group of commands: `fact_base` (check, facts, sources, lint), `teacher`
(generate, build, export), `learner` (quiz, review, stats) and `reviewer` (verify). This
module holds the `main` group and what they share. Heavy libraries (genanki, questionary,
prompt_toolkit, fsrs) are imported inside the commands that need them, so `quizgen --help`
stays fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizgen.plural import plural

if TYPE_CHECKING:
    from quizgen.facts.model import FactBase
    from quizgen.facts.verification import Ledger

F = TypeVar("F", bound=Callable[..., Any])

NOTES_HELP = "Fact base folder (default: the one shipped with quizgen)."


def reports_errors(command: F) -> F:
    """Turn library errors into messages and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizgen.errors import ProblemsError, QuizgenError

        try:
            return command(*args, **kwargs)
        except ProblemsError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            raise click.ClickException(
                f"{plural(len(exc.problems), 'problem')} found; fix them and run again"
            ) from None
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def load_base(notes: Path | None) -> FactBase:
    """The fact base at `notes`, or the shipped one."""
    from quizgen.facts.loader import load_fact_base
    from quizgen.paths import shipped_notes_dir

    return load_fact_base(notes or shipped_notes_dir())


def load_ledger_of(notes: Path | None) -> Ledger:
    """The verification ledger of the fact base at `notes` (or the shipped one)."""
    from quizgen.facts.verification import load_ledger
    from quizgen.paths import shipped_notes_dir

    return load_ledger(notes or shipped_notes_dir())


notes_option = click.option(
    "--notes",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=NOTES_HELP,
)


def documents_option(purpose: str) -> Callable[[F], F]:
    """--documents DIR (or $QUIZGEN_DOCUMENTS), the source documents, used for `purpose`."""
    return click.option(
        "--documents",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        envvar="QUIZGEN_DOCUMENTS",
        help=f"Folder of the source documents: {purpose} (default: $QUIZGEN_DOCUMENTS).",
    )


def form_option(help_text: str) -> Callable[[F], F]:
    """--form F (repeatable), named from the one vocabulary of forms (old spellings too)."""
    from quizgen.questions.model import FORM_ALIASES, FORM_CHOICES

    return click.option(
        "--form",
        "forms",
        multiple=True,
        type=click.Choice([*FORM_CHOICES, *FORM_ALIASES]),
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def main() -> None:
    """Verified quizzes on the 2016 U.S.-Russia diplomacy over Aleppo.

    Every question traces to a verbatim quote in a named document.

    \b
    Examples:
      quizgen quiz                      take a 10-question quiz
      quizgen check --documents DIR     prove every fact against its document
      quizgen generate --seed 7 --count 20 -o test.yaml
    """


def _check_selection(base: FactBase, topics: tuple[str, ...], sources: tuple[str, ...]) -> None:
    """--topic and --source name topics and sources (ids or file names) the fact base has."""
    _check_choices("--topic", topics, [t.id for t in base.topics])
    _check_choices(
        "--source", sources, [s.id for s in base.sources] + [s.file for s in base.sources]
    )


def _check_choices(option: str, given: tuple[str, ...], allowed: list[str]) -> None:
    for value in given:
        if value not in allowed:
            raise click.BadParameter(
                f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option
            )


# The commands register themselves on `main` when their modules are imported.
from quizgen.cli import fact_base, learner, reviewer, teacher  # noqa: E402, F401

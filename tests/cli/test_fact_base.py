"""The command line, driven with CliRunner: exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from conftest import MINIMAL_FACT_IDS, MINIMAL_SUMMARY

from quizgen.cli import main

NOT_PROVEN = "; quotes not proven (give --documents DIR or set QUIZGEN_DOCUMENTS)"
PROVEN = "; 7 evidence quotes proven in 2 documents"
HEAVY_MODULES = ("questionary", "prompt_toolkit", "genanki", "fsrs", "sqlite3", "openpyxl", "xml")


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """`quizgen ARGS` with $QUIZGEN_DOCUMENTS unset unless `env` sets it."""
    return CliRunner().invoke(
        main, list(args), prog_name="quizgen", env={"QUIZGEN_DOCUMENTS": None, **(env or {})}
    )


def facts_json(notes: Path, *args: str) -> list[dict[str, object]]:
    result = run("facts", "--notes", str(notes), "--json", *args)
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    return records


# --- check ---


def test_check_without_documents_prints_the_summary(minimal_notes: Path) -> None:
    result = run("check", "--notes", str(minimal_notes))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{MINIMAL_SUMMARY}{NOT_PROVEN}\n",
        "",
    )


def test_check_with_documents_proves_every_quote(minimal_notes: Path, documents_dir: Path) -> None:
    result = run("check", "--notes", str(minimal_notes), "--documents", str(documents_dir))
    assert (result.exit_code, result.stdout) == (0, f"{MINIMAL_SUMMARY}{PROVEN}\n")


def test_check_takes_documents_from_the_environment(
    minimal_notes: Path, documents_dir: Path
) -> None:
    result = run(
        "check", "--notes", str(minimal_notes), env={"QUIZGEN_DOCUMENTS": str(documents_dir)}
    )
    assert (result.exit_code, result.stdout) == (0, f"{MINIMAL_SUMMARY}{PROVEN}\n")


def test_check_fails_on_a_quote_not_in_its_document(
    minimal_notes: Path, documents_dir: Path
) -> None:
    facts = minimal_notes / "facts" / "a.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("40 million crowns", "four million crowns"),
        encoding="utf-8",
    )
    result = run("check", "--notes", str(minimal_notes), "--documents", str(documents_dir))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{facts}:38: evidence quote of fact 'bridge-cost' is not in courier-cost.txt: copy it"
        " exactly from the document (only whitespace, curly quotes and dashes may differ)\n"
        "Error: 1 problem found; fix them and run again\n"
    )
    assert "Traceback" not in result.output


def test_check_fails_on_invalid_notes(minimal_notes: Path) -> None:
    (minimal_notes / "topics.yaml").write_text("topics: [\n", encoding="utf-8")
    result = run("check", "--notes", str(minimal_notes))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{minimal_notes}/topics.yaml:2: invalid YAML at column 1: did not find expected node"
        " content (while parsing a flow node)\n"
        "Error: 1 problem found; fix them and run again\n"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--notes", "--documents"])
def test_check_rejects_a_missing_folder(tmp_path: Path, option: str) -> None:
    missing = tmp_path / "missing"
    result = run("check", option, str(missing))
    assert result.exit_code == 2
    assert result.stderr == (
        "Usage: quizgen check [OPTIONS]\n"
        "Try 'quizgen check --help' for help.\n\n"
        f"Error: Invalid value for '{option}': Directory '{missing}' does not exist.\n"
    )


def test_check_accepts_the_shipped_fact_base() -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: 5 sources, ")
    assert result.stdout.endswith(f"{NOT_PROVEN}\n")


# --- facts ---

FACTS_TEXT = """\
mayor-opened-bridge
  statement: Mayor Lena Ortiz opened the River Bridge.
  answer:    Lena Ortiz
  sources:   gazette-bridge.txt
  topics:    bridge
bridge-opened-date
  statement: The River Bridge opened on March 3, 2015.
  answer:    March 3, 2015
  sources:   gazette-bridge.txt
  topics:    bridge
bridge-cost
  statement: The bridge cost 40 million crowns.
  answer:    40,000,000 crowns
  sources:   courier-cost.txt
  topics:    money
crowd-size  [contested]
  statement: Counts of the crowd at the opening differ.
  answer:    1,800 guests (according to the town council); 2,500 guests (according to the\
 organisers)
  sources:   gazette-bridge.txt
  topics:    bridge
opening-year-printed-2105  [slip]
  statement: A report printed the opening year as 2105.
  note:      A typing error for 2015.
  sources:   courier-cost.txt
  topics:    bridge
bridge-delay-cause
  statement: The bridge was late because the steel beams arrived in the wrong size.
  answer:    the steel beams arrived in the wrong size
  sources:   gazette-bridge.txt
  topics:    bridge
6 facts
"""


def test_facts_lists_every_fact(minimal_notes: Path) -> None:
    result = run("facts", "--notes", str(minimal_notes))
    assert (result.exit_code, result.stdout) == (0, FACTS_TEXT)


def test_facts_json_has_the_documented_fields(minimal_notes: Path) -> None:
    records = {record["id"]: record for record in facts_json(minimal_notes)}
    assert list(records) == MINIMAL_FACT_IDS
    fields: tuple[str, ...] = ("id", "statement", "question", "answer", "accepted", "topics")
    fields += ("sources", "contested", "event_date")
    assert {key: records["mayor-opened-bridge"][key] for key in fields} == {
        "id": "mayor-opened-bridge",
        "statement": "Mayor Lena Ortiz opened the River Bridge.",
        "question": "Who opened the River Bridge in March 2015?",
        "answer": "Lena Ortiz",
        "accepted": ["Ortiz", "Mayor Ortiz", "the mayor"],
        "topics": ["bridge"],
        "sources": ["gazette-bridge.txt"],
        "contested": False,
        "event_date": "2015-03-03",
    }
    assert {key: records["crowd-size"][key] for key in fields} == {
        "id": "crowd-size",
        "statement": "Counts of the crowd at the opening differ.",
        "question": "According to the town council, how many guests came to the opening?"
        " / According to the organisers, how many guests came to the opening?",
        "answer": "1,800 guests (according to the town council);"
        " 2,500 guests (according to the organisers)",
        "accepted": [],
        "topics": ["bridge"],
        "sources": ["gazette-bridge.txt"],
        "contested": True,
        "event_date": None,
    }
    assert records["bridge-opened-date"]["answer"] == "March 3, 2015"
    assert records["bridge-cost"]["answer"] == "40,000,000 crowns"
    for record in records.values():
        assert set(fields) <= set(record)
        assert isinstance(record["accepted"], list)
        assert isinstance(record["contested"], bool)


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--topic", "money"], ["bridge-cost"]),
        (["--topic", "money", "--topic", "bridge"], None),
        (["--source", "courier-cost"], ["bridge-cost", "opening-year-printed-2105"]),
        (["--source", "courier-cost.txt"], ["bridge-cost", "opening-year-printed-2105"]),
        (["--contested"], ["crowd-size", "opening-year-printed-2105"]),
        (["--contested", "--source", "courier-cost"], ["opening-year-printed-2105"]),
        (["--topic", "money", "--contested"], []),
    ],
)
def test_facts_filters(minimal_notes: Path, args: list[str], ids: list[str] | None) -> None:
    every = [record["id"] for record in facts_json(minimal_notes)]
    assert [record["id"] for record in facts_json(minimal_notes, *args)] == (
        every if ids is None else ids
    )


def test_facts_text_counts_the_filtered_facts(minimal_notes: Path) -> None:
    result = run("facts", "--notes", str(minimal_notes), "--topic", "money")
    assert result.stdout == (
        "bridge-cost\n"
        "  statement: The bridge cost 40 million crowns.\n"
        "  answer:    40,000,000 crowns\n"
        "  sources:   courier-cost.txt\n"
        "  topics:    money\n"
        "1 fact\n"  # the right plural
    )


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--topic", "finance", "bridge, money"),
        (
            "--source",
            "gazette",
            "gazette-bridge, courier-cost, gazette-bridge.txt, courier-cost.txt",
        ),
    ],
)
def test_facts_rejects_an_unknown_filter(
    minimal_notes: Path, option: str, value: str, allowed: str
) -> None:
    result = run("facts", "--notes", str(minimal_notes), option, value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Usage: quizgen facts [OPTIONS]\n"
        "Try 'quizgen facts --help' for help.\n\n"
        f"Error: Invalid value for {option}: {value!r} is not one of: {allowed}\n"
    )


def test_facts_on_invalid_notes_exits_1(minimal_notes: Path) -> None:
    (minimal_notes / "facts" / "a.yaml").write_bytes(b"facts: \xff\n")
    result = run("facts", "--notes", str(minimal_notes), "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{minimal_notes}/facts/a.yaml:1: the file is not UTF-8 text; save it with UTF-8"
        " encoding\nError: 1 problem found; fix them and run again\n"
    )


# --- sources ---


def test_sources_lists_the_documents(minimal_notes: Path) -> None:
    result = run("sources", "--notes", str(minimal_notes))
    assert (result.exit_code, result.stdout) == (
        0,
        "gazette-bridge  (gazette-bridge.txt)\n"
        "  outlet:   The Harbour Town Gazette\n"
        "  headline: Mayor opens the River Bridge\n"
        "  date:     March 2015\n"
        "  summary:  The mayor opens a long-delayed bridge; crowd counts differ.\n"
        "  facts:    4\n"
        "courier-cost  (courier-cost.txt)\n"
        "  outlet:   unknown\n"
        "  headline: What the bridge cost\n"
        "  date:     not printed\n"
        "            No date is printed; it follows the opening.\n"
        "  summary:  A councillor gives the bridge's cost.\n"
        "  facts:    2\n",
    )


# --- every command ---


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: quizgen {name} ")
    assert "Example" in result.stdout


def test_group_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    for name, command in main.commands.items():
        assert isinstance(command, click.Command)
        assert f"  {name} " in result.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from quizgen.cli import main\n"
        "try:\n"
        "    main(['--help'], standalone_mode=False)\n"
        "finally:\n"
        "    print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    imported = set(done.stdout.splitlines())
    assert "quizgen.cli" in imported
    heavy = sorted(module for module in imported if module.split(".")[0] in HEAVY_MODULES)
    assert heavy == []

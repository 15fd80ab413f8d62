"""`quizgen generate` and `quizgen export`, driven as a teacher would."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgen.cli import main
from quizgen.exports.formats import export
from quizgen.facts.loader import load_fact_base
from quizgen.paths import shipped_decks_dir, shipped_notes_dir
from quizgen.questions.model import QuestionSet
from quizgen.questions.set_file import load_set


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="quizgen")


def test_generate_to_stdout_is_reproducible() -> None:
    first = run("generate", "--seed", "9", "--count", "5")
    assert first.exit_code == 0
    assert first.output.startswith("title: Aleppo 2016\nseed: 9\ncount: 5\n")
    assert run("generate", "--seed", "9", "--count", "5").output == first.output
    assert run("generate", "--seed", "10", "--count", "5").output != first.output


def test_generate_variants_writes_one_file_each(tmp_path: Path) -> None:
    result = run(
        "generate",
        "--seed",
        "4",
        "--count",
        "12",
        "--variants",
        "3",
        "-o",
        str(tmp_path / "t.yaml"),
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Wrote {tmp_path / f't-{v}.yaml'} (12 questions)" for v in "ABC"
    ]
    sets = [load_set(tmp_path / f"t-{v}.yaml") for v in "ABC"]
    assert len({tuple(q.id for q in s.questions) for s in sets}) == 3
    assert len({frozenset(q.id for q in s.questions) for s in sets}) == 1
    keys = {q.id: q.right_answer_text() for q in sets[0].questions}
    for other in sets[1:]:
        assert {q.id: q.right_answer_text() for q in other.questions} == keys


def test_variants_need_an_output_file() -> None:
    result = run("generate", "--count", "5", "--variants", "2")
    assert result.exit_code == 2
    assert "--variants writes one file per variant: give -o FILE too" in result.output


def test_unknown_topic_is_a_usage_error() -> None:
    result = run("generate", "--topic", "sports")
    assert result.exit_code == 2
    assert "'sports' is not one of: people, ceasefire" in result.output


@pytest.fixture()
def a_set(tmp_path: Path) -> Path:
    path = tmp_path / "t.yaml"
    assert run("generate", "--seed", "3", "--count", "20", "-o", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize("fmt", ["gift", "aiken", "csv", "markdown", "anki"])
def test_export_writes_each_format(a_set: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run("export", fmt, "--set", str(a_set), "-o", str(out))
    assert result.exit_code == 0, result.output
    # the file is exactly the exporter's output for that set (each exporter's own tests read
    # its content back through its real consumer)
    base = load_fact_base(shipped_notes_dir())
    exported = export(fmt, load_set(a_set), base)
    assert out.read_bytes() == exported.content
    if fmt == "anki":  # a deck counts its notes and cards, not the set's questions
        assert result.stdout == f"Wrote {out}: {exported.summary}\n"
    else:
        assert result.stdout.startswith(f"Wrote {out} (20 questions, {fmt})")


def test_an_anki_export_says_what_the_deck_holds_and_what_it_left_out(
    a_set: Path, tmp_path: Path
) -> None:
    qset = load_set(a_set)
    out = tmp_path / "t.apkg"
    result = run("export", "anki", "--set", str(a_set), "-o", str(out))
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    facts = len({q.fact for q in qset.questions})
    assert re.fullmatch(
        rf"Wrote {re.escape(str(out))}: {facts} notes, \d+ cards"
        r" \(\d+ multiple choice, \d+ recall(, \d+ fill-in)?(, \d+ ordering)?\)",
        line,
    ), line
    true_false = sum(q.form.value == "true-false" for q in qset.questions)
    said = [note for note in result.stderr.splitlines() if "true/false" in note]
    assert said == [
        f"note: {true_false} true/false questions left out of the Anki deck: their facts are"
        " studied by recall and fill-in cards"
    ]


def test_build_says_what_each_anki_deck_holds(tmp_path: Path) -> None:
    shutil.copy(shipped_decks_dir() / "class-test.recipe.yaml", tmp_path)
    result = run("build", "--decks", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    (deck,) = [line for line in lines if ".apkg" in line]
    assert re.fullmatch(
        rf"Wrote {re.escape(str(tmp_path / 'class-test' / 'class-test.apkg'))}: 20 notes,"
        r" \d+ cards \(.*\)",
        deck,
    ), deck
    assert f"Wrote {tmp_path / 'class-test' / 'set-A.yaml'}" in lines


def test_exported_csv_has_a_row_per_question(a_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    run("export", "csv", "--set", str(a_set), "-o", str(out))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    qset = load_set(a_set)
    assert [r[0] for r in rows[1:]] == [q.id for q in qset.questions]


def test_aiken_export_says_what_it_could_not_carry(a_set: Path, tmp_path: Path) -> None:
    result = run("export", "aiken", "--set", str(a_set), "-o", str(tmp_path / "a.txt"))
    expected = export("aiken", load_set(a_set), load_fact_base(shipped_notes_dir())).notes
    assert expected  # Aiken always drops the feedback, so there is always a note
    assert result.stderr.splitlines() == [f"note: {note}" for note in expected]


def test_a_broken_set_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nseed: x\n", encoding="utf-8")
    result = run("export", "gift", "--set", str(bad), "-o", str(tmp_path / "o.gift"))
    assert result.exit_code == 1
    assert f"{bad}:2: 'seed' must be a whole number, like 20" in result.stderr
    assert "Traceback" not in result.output


def test_an_anki_export_of_a_set_from_another_fact_base_says_so(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    assert run("generate", "--seed", "3", "--count", "4", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    first_fact = text.split("\n  fact: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"  fact: {first_fact}\n", "  fact: from-elsewhere\n", 1))
    result = run("export", "anki", "--set", str(path), "-o", str(tmp_path / "s.apkg"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Error: the set was made from another fact base (digest ")
    assert last.endswith(
        "this one has no fact from-elsewhere; give the fact base it came from with --notes DIR"
    )
    assert not (tmp_path / "s.apkg").exists()


def test_generate_and_quiz_take_the_same_form_names() -> None:
    for name in ("timeline", "timeline-order"):
        result = run("generate", "--count", "2", "--seed", "2", "--form", name)
        assert result.exit_code == 0, result.output
        assert "forms:\n- timeline\n" in result.output


# --- next term: --exclude-set -----------------------------------------------------------------


def test_no_fact_of_an_excluded_set_comes_back(tmp_path: Path) -> None:
    first, second, third = (tmp_path / f"term-{n}.yaml" for n in (1, 2, 3))
    assert run("generate", "--seed", "5", "--count", "20", "-o", str(first)).exit_code == 0
    made = run("generate", "--seed", "5", "--count", "20", "--exclude-set", str(first))
    assert made.exit_code == 0, made.output
    second.write_text(made.stdout, encoding="utf-8")
    args = ("--exclude-set", str(first), "--exclude-set", str(second), "-o", str(third))
    assert run("generate", "--seed", "5", "--count", "20", *args).exit_code == 0
    sets = [load_set(p) for p in (first, second, third)]
    assert [len(s.questions) for s in sets] == [20, 20, 20]
    used = [s.fact_ids() for s in sets]
    assert not used[0] & used[1] and not used[0] & used[2] and not used[1] & used[2]
    # the header names what was left out, so the set can be made again exactly
    assert sets[1].header.used_before == tuple(sorted(used[0]))
    assert sets[2].header.used_before == tuple(sorted(used[0] | used[1]))
    again = run("generate", "--seed", "5", "--count", "20", *args[:4])
    assert again.stdout == third.read_text(encoding="utf-8")


def test_too_few_left_says_how_many_and_what_to_relax(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    assert run("generate", "--seed", "5", "--count", "40", "-o", str(old)).exit_code == 0
    asked = len(load_set(old).fact_ids())
    result = run(
        "generate", "--count", "20", "--topic", "united-nations", "--exclude-set", str(old)
    )
    assert result.exit_code == 0
    fitted = len(load_set_text(result.stdout, tmp_path).questions)
    assert fitted < 20
    assert result.stderr.splitlines()[-2:] == [
        f"Only {fitted} questions fit the filters.",
        f"{asked} facts asked in {old} were left out. For more questions: drop an"
        " --exclude-set, or widen or drop --topic.",
    ]


def test_nothing_left_is_an_error_saying_what_to_relax(tmp_path: Path) -> None:
    everything = tmp_path / "all.yaml"
    assert run("generate", "-o", str(everything)).exit_code == 0
    result = run("generate", "--form", "true-false", "--exclude-set", str(everything))
    assert result.exit_code == 1
    asked = len(load_set(everything).fact_ids())
    assert result.stderr == (
        "Error: no askable fact matches the topics and sources given."
        f" {asked} facts asked in {everything} were left out. For more questions: drop an"
        " --exclude-set, or widen or drop --form.\n"
    )
    assert "Traceback" not in result.output


def test_an_excluded_set_is_never_overwritten(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    assert run("generate", "--count", "5", "-o", str(old)).exit_code == 0
    before = old.read_bytes()
    result = run("generate", "--count", "5", "--exclude-set", str(old), "-o", str(old))
    assert result.exit_code == 2
    assert f"-o {old} is an --exclude-set file" in result.stderr
    assert old.read_bytes() == before


def test_an_excluded_file_that_is_not_a_set_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "old.csv"
    bad.write_text("id,question\n", encoding="utf-8")
    result = run("generate", "--exclude-set", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:1: this is not a question-set file" in result.stderr
    assert "Traceback" not in result.output


def load_set_text(text: str, folder: Path) -> QuestionSet:
    path = folder / "stdout.yaml"
    path.write_text(text, encoding="utf-8")
    return load_set(path)

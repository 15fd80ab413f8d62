"""Writing output files: atomically, and one clear line when it cannot be done."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.errors import OutputError
from quizgen.files import same_file, write_atomic


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.gift"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gift"]


def test_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "nope" / "out.gift", b"x")
    assert str(caught.value) == (
        f"cannot write {tmp_path / 'nope' / 'out.gift'}: the folder {tmp_path / 'nope'} does not"
        " exist; create it first"
    )


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder; give a file name"):
        write_atomic(tmp_path, b"x")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "the file system is read-only; choose another folder"),
        (errno.EACCES, "permission denied; choose a folder you can write to"),
        (errno.ENOSPC, "the disk is full"),
    ],
)
def test_a_failed_write_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    target = tmp_path / "set.yaml"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == f"cannot write {target}: {reason}"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["set.yaml"]


def test_same_file_sees_through_other_spellings(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    target = tmp_path / "t.yaml"
    target.write_text("x")
    assert same_file(tmp_path / "a" / ".." / "t.yaml", target)
    assert not same_file(tmp_path / "other.yaml", target)


def test_commands_report_an_unwritable_output_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "missing" / "t.yaml"
    result = runner.invoke(main, ["generate", "--count", "3", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot write {out}: the folder {out.parent} does not exist; create it first"
    ]


def test_export_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "t.yaml"
    assert runner.invoke(main, ["generate", "--count", "3", "-o", str(path)]).exit_code == 0
    before = path.read_bytes()
    result = runner.invoke(main, ["export", "gift", "--set", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert f"-o {path} is the question set being exported: give another file name" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["full/full.csv", "full/full.apkg", "full/full.gift"])
def test_an_export_given_as_a_set_says_what_a_set_is(name: str) -> None:
    from quizgen.paths import shipped_decks_dir

    path = shipped_decks_dir() / name
    result = CliRunner().invoke(main, ["quiz", "--set", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}:1: this is not a question-set file: give the .yaml file that"
        " `quizgen generate -o FILE.yaml` (or `quizgen build`) wrote"
    )

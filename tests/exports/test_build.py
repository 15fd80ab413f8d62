"""`quizgen build`: the committed decks are exactly what the recipes build now."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.errors import RecipeError
from quizgen.exports.build import build_recipe
from quizgen.exports.recipes import load_recipes
from quizgen.facts.loader import load_fact_base
from quizgen.paths import shipped_decks_dir, shipped_notes_dir
from quizgen.questions.set_file import load_set

ALLOWED_EXPORTS = "gift, moodle-xml, aiken, csv, kahoot, blooket, gimkit, markdown, html, anki"

DECKS = shipped_decks_dir()


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    base = load_fact_base(shipped_notes_dir())
    return {f.path: f.content for r in load_recipes(DECKS) for f in build_recipe(base, r)}


def test_the_repository_ships_the_full_deck_and_a_class_test() -> None:
    names = {r.name for r in load_recipes(DECKS)}
    assert {"full", "class-test"} <= names


def test_each_recipe_knows_how_many_files_it_writes(built: dict[str, bytes]) -> None:
    """`build` draws its progress bar over this count."""
    for recipe in load_recipes(DECKS):
        written = [path for path in built if path.startswith(f"{recipe.name}/")]
        assert recipe.file_count() == len(written)


def apkg_content(data: bytes) -> dict[str, object]:
    """What an .apkg holds, read the way Anki reads it: note types, decks, notes, cards, media.

    Compared instead of bytes, since the SQLite file header and zlib's output vary between
    machines while the content does not."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as tmp:
        names = sorted(archive.namelist())
        path = Path(tmp) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        media = json.loads(archive.read("media"))
        with closing(sqlite3.connect(path)) as db:
            col = db.execute("select models, decks from col").fetchone()
            notes = db.execute(
                "select guid, mid, tags, flds, sfld from notes order by guid"
            ).fetchall()
            cards = db.execute(
                "select n.guid, c.ord, c.did, c.due from cards c join notes n on n.id = c.nid"
                " order by n.guid, c.ord"
            ).fetchall()
    return {
        "files": names,
        "media": media,
        "models": json.loads(col[0]),
        "decks": {k: v["name"] for k, v in json.loads(col[1]).items()},
        "notes": notes,
        "cards": cards,
    }


def zip_members(data: bytes) -> list[tuple[str, tuple[int, ...], bytes]]:
    """An .xlsx as its members' names, dates and uncompressed bytes (zlib's compressed output
    varies between machines; what a spreadsheet reads does not)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def same_content(path: str, committed: bytes, content: bytes) -> bool:
    """Text outputs byte for byte; Anki decks and spreadsheets by what their readers read."""
    if path.endswith(".apkg"):
        return apkg_content(committed) == apkg_content(content)
    if path.endswith(".xlsx"):
        return zip_members(committed) == zip_members(content)
    return committed == content


def test_committed_decks_are_what_build_writes_now(built: dict[str, bytes]) -> None:
    stale = [
        path
        for path, content in built.items()
        if not same_content(path, (DECKS / path).read_bytes(), content)
    ]
    assert not stale, f"run `quizgen build` and commit: out of date: {stale}"


def test_the_spreadsheet_comparison_sees_a_changed_cell(built: dict[str, bytes]) -> None:
    path = next(p for p in built if p.endswith(".xlsx"))
    members = zip_members(built[path])
    changed = [(n, d, b.replace(b"<v>", b"<v>1", 1)) for n, d, b in members]
    assert changed != members


def test_the_deck_comparison_sees_a_changed_note(built: dict[str, bytes]) -> None:
    path = next(p for p in built if p.endswith(".apkg"))
    content = apkg_content(built[path])
    notes = content["notes"]
    assert isinstance(notes, list) and notes
    changed = dict(content, notes=[(*notes[0][:3], notes[0][3] + "x", notes[0][4]), *notes[1:]])
    assert changed != content


def test_no_stray_files_in_built_folders(built: dict[str, bytes]) -> None:
    folders = {Path(p).parts[0] for p in built}
    on_disk = {
        str(p.relative_to(DECKS)) for f in folders for p in (DECKS / f).rglob("*") if p.is_file()
    }
    assert on_disk == set(built)


def test_class_test_has_twenty_questions_in_two_variants() -> None:
    a = load_set(DECKS / "class-test" / "set-A.yaml")
    b = load_set(DECKS / "class-test" / "set-B.yaml")
    assert len(a.questions) == len(b.questions) == 20
    assert {q.id for q in a.questions} == {q.id for q in b.questions}
    assert [q.id for q in a.questions] != [q.id for q in b.questions]
    assert (a.header.variant, b.header.variant) == ("A", "B")


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            "title: T\nseed: 1\nexports: [pdf]\n",
            3,
            f"'exports' has 'pdf' (allowed: {ALLOWED_EXPORTS})",
        ),
        ("title: T\nexports: [gift]\n", 1, "the recipe is missing the required key 'seed'"),
        (
            "title: T\nseed: -4\nexports: [gift]\n",
            2,
            "'seed' of the recipe must be a whole number",
        ),
        (
            "title: T\nseed: 1\ncolour: red\nexports: [gift]\n",
            3,
            "unknown key 'colour' in the recipe",
        ),
    ],
)
def test_bad_recipes_are_reported_with_their_line(
    tmp_path: Path, text: str, line: int, expected: str
) -> None:
    (tmp_path / "x.recipe.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RecipeError) as caught:
        load_recipes(tmp_path)
    (problem,) = caught.value.problems
    assert (Path(problem.path).name, problem.line) == ("x.recipe.yaml", line)
    assert problem.message.startswith(expected), problem.message


def test_build_command_writes_every_file_of_a_recipe(tmp_path: Path) -> None:
    shutil.copy(DECKS / "class-test.recipe.yaml", tmp_path)
    result = CliRunner().invoke(main, ["build", "--decks", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "class-test").iterdir())
    assert written == sorted(str(p.relative_to(DECKS)) for p in (DECKS / "class-test").iterdir())
    for path in written:
        assert (tmp_path / path).read_bytes() == (DECKS / path).read_bytes()

"""Where the shipped fact base and decks are: inside the package (a wheel) or beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quizgen import paths
from quizgen.errors import QuizgenError
from quizgen.facts.loader import load_fact_base
from quizgen.questions.set_file import load_set

REPOSITORY = Path(__file__).resolve().parent.parent

FOLDERS: list[tuple[Callable[[], Path], str]] = [
    (paths.shipped_notes_dir, "source_notes"),
    (paths.shipped_decks_dir, "decks"),
]


@pytest.mark.parametrize(("find", "name"), FOLDERS, ids=["notes", "decks"])
def test_a_checkout_uses_the_folder_at_the_top_of_the_repository(
    find: Callable[[], Path], name: str
) -> None:
    assert find() == REPOSITORY / name


def test_the_full_set_is_the_full_decks_set_file() -> None:
    assert paths.shipped_full_set() == REPOSITORY / "decks" / "full" / "set.yaml"
    assert load_set(paths.shipped_full_set()).header.title == "Aleppo 2016: the full deck"


def test_the_shipped_folders_hold_the_fact_base_and_recipes() -> None:
    assert len(load_fact_base(paths.shipped_notes_dir()).sources) == 5
    recipes = {p.name for p in paths.shipped_decks_dir().glob("*.recipe.yaml")}
    assert {"full.recipe.yaml", "class-test.recipe.yaml"} <= recipes


@pytest.fixture
def fake_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package folder `site/quizgen` whose parent `site` also has both folders."""
    package = tmp_path / "site" / "quizgen"
    package.mkdir(parents=True)
    for name in ("source_notes", "decks"):
        (tmp_path / "site" / name).mkdir()
    monkeypatch.setattr(paths, "_PACKAGE", package)
    return package


@pytest.mark.parametrize(("find", "name"), FOLDERS, ids=["notes", "decks"])
def test_a_folder_inside_the_package_wins(
    fake_install: Path, find: Callable[[], Path], name: str
) -> None:
    (fake_install / name).mkdir()
    assert find() == fake_install / name


@pytest.mark.parametrize(("find", "name"), FOLDERS, ids=["notes", "decks"])
def test_without_one_inside_the_folder_beside_the_package_is_used(
    fake_install: Path, find: Callable[[], Path], name: str
) -> None:
    assert find() == fake_install.parent / name


@pytest.mark.parametrize(("find", "name"), FOLDERS, ids=["notes", "decks"])
def test_a_file_of_that_name_inside_the_package_is_not_taken_for_the_folder(
    fake_install: Path, find: Callable[[], Path], name: str
) -> None:
    (fake_install / name).write_text("not a folder", encoding="utf-8")
    assert find() == fake_install.parent / name


def test_the_full_set_follows_the_decks_folder(fake_install: Path) -> None:
    (fake_install / "decks").mkdir()
    assert paths.shipped_full_set() == fake_install / "decks" / "full" / "set.yaml"


def test_a_checkout_builds_and_verifies_in_its_own_folders() -> None:
    assert paths.build_target() == REPOSITORY / "decks"
    assert paths.verify_target() == REPOSITORY / "source_notes"


@pytest.mark.parametrize(
    ("target", "give"),
    [(paths.build_target, "give --decks DIR"), (paths.verify_target, "give --notes DIR")],
    ids=["build", "verify"],
)
def test_an_installed_quizgen_never_writes_into_its_package(
    fake_install: Path, target: Callable[[], Path], give: str
) -> None:
    (fake_install / "decks").mkdir()
    with pytest.raises(QuizgenError) as raised:
        target()
    assert str(raised.value).startswith(f"this quizgen is installed ({fake_install}): ")
    assert give in str(raised.value)

"""Progress bars: drawn on a terminal's standard error by `build` and by big exports, never
when the output is piped (the real program in a pseudo-terminal, and through pipes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from quizgen.cli.progress_bars import EXPORT_BAR_BYTES
from quizgen.exports.recipes import load_recipes
from quizgen.paths import shipped_decks_dir

pytestmark = pytest.mark.slow

QUIZGEN = [sys.executable, "-m", "quizgen"]
ENV = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}


def in_terminal(*args: str) -> tuple[int, str]:
    """Exit status and everything the command drew, run in a pseudo-terminal."""
    child = pexpect.spawn(QUIZGEN[0], [*QUIZGEN[1:], *args], env=ENV, encoding="utf-8", timeout=60)
    output = child.read()
    child.close()
    assert child.exitstatus is not None
    return child.exitstatus, output


def piped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*QUIZGEN, *args], capture_output=True, text=True, env=ENV, timeout=60, check=False
    )


@pytest.fixture
def class_test_recipe(tmp_path: Path) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(shipped_decks_dir() / "class-test.recipe.yaml", decks)
    return decks


def test_build_draws_a_bar_over_every_file_then_says_what_it_wrote(
    class_test_recipe: Path,
) -> None:
    (recipe,) = load_recipes(class_test_recipe)
    total = recipe.file_count()
    status, output = in_terminal("build", "--decks", str(class_test_recipe))
    assert status == 0, output
    assert "Building  [" in output
    assert f"{total}/{total}" in output
    written = [line for line in output.splitlines() if line.startswith("Wrote ")]
    assert len(written) == total
    # the lines come after the bar is done, not interleaved with it
    assert output.rindex(f"{total}/{total}") < output.index("Wrote ")


def test_build_piped_draws_no_bar(class_test_recipe: Path) -> None:
    result = piped("build", "--decks", str(class_test_recipe))
    assert result.returncode == 0, result.stderr
    assert "Building" not in result.stdout + result.stderr
    assert result.stdout.startswith("Wrote ")


@pytest.fixture
def big_set(tmp_path: Path) -> Path:
    """The shipped full set padded with comments past the size where exports draw a bar."""
    text = (shipped_decks_dir() / "full" / "set.yaml").read_text(encoding="utf-8")
    padding = "# padding\n" * (EXPORT_BAR_BYTES // 10 + 1)
    path = tmp_path / "big.yaml"
    path.write_text(padding + text, encoding="utf-8")
    return path


def test_a_big_export_draws_a_bar_through_its_stages(big_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "big.gift"
    status, output = in_terminal("export", "gift", "--set", str(big_set), "-o", str(out))
    assert status == 0, output
    for stage in ("reading big.yaml", "reading the fact base", "writing gift", "saving big.gift"):
        assert stage in output
    assert "4/4" in output
    assert out.read_bytes().startswith(b"// Aleppo 2016")


def test_a_big_export_piped_and_a_small_one_draw_no_bar(big_set: Path, tmp_path: Path) -> None:
    result = piped("export", "gift", "--set", str(big_set), "-o", str(tmp_path / "a.gift"))
    assert result.returncode == 0, result.stderr
    assert "Exporting" not in result.stdout + result.stderr
    small = shipped_decks_dir() / "full" / "set.yaml"
    status, output = in_terminal("export", "gift", "--set", str(small), "-o", str(tmp_path / "b"))
    assert status == 0, output
    assert "Exporting" not in output
    assert "Wrote " in output

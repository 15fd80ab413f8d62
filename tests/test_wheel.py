"""The wheel carries the fact base: installed into a throwaway venv, it works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    assert done.stderr == ""
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the quizgen wheel; its dependencies come from this venv."""
    root = tmp_path_factory.mktemp("wheel")
    dist, venv = root / "dist", root / "venv"
    # --no-isolation: hatchling is already here, and the test must not need the network.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, REPO],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = dist.glob("quizgen-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=60)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    # click, pyyaml and the rest come from this venv's site-packages, added through a .pth
    # file: its entries go *after* the throwaway venv's own site-packages, so `quizgen` itself
    # is the installed wheel, not the editable checkout.
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root
        ).strip()
    )
    (purelib / "zz_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return venv


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "QUIZGEN_DOCUMENTS", "VIRTUAL_ENV", "PYTHONHOME"):
        env.pop(name, None)
    return env


def test_installed_wheel_checks_its_own_fact_base(installed: Path, tmp_path: Path) -> None:
    output = _run(installed / "bin" / "quizgen", "check", cwd=tmp_path, env=_clean_env())
    assert output.startswith("ok: 5 sources, ")
    assert output.count("\n") == 1


def test_installed_wheel_runs_as_a_module(installed: Path, tmp_path: Path) -> None:
    output = _run(
        installed / "bin" / "python", "-m", "quizgen", "check", cwd=tmp_path, env=_clean_env()
    )
    assert output.startswith("ok: 5 sources, ")


def test_installed_wheel_uses_its_own_files(installed: Path, tmp_path: Path) -> None:
    code = (
        "import quizgen, quizgen.paths\n"
        "print(quizgen.__file__)\n"
        "print(quizgen.paths.shipped_notes_dir())\n"
    )
    output = _run(installed / "bin" / "python", "-c", code, cwd=tmp_path, env=_clean_env())
    package, notes = (Path(line) for line in output.splitlines())
    assert package.is_relative_to(installed)
    assert notes.is_relative_to(installed)
    assert not package.is_relative_to(REPO)
    assert (notes / "facts").is_dir()


def test_installed_wheel_never_builds_into_its_own_package(installed: Path, tmp_path: Path) -> None:
    def package_files() -> dict[str, int]:
        return {str(p): p.stat().st_mtime_ns for p in installed.rglob("decks/**/*") if p.is_file()}

    before = package_files()
    result = subprocess.run(
        [str(installed / "bin" / "quizgen"), "build"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith("give --decks DIR, a folder of your own *.recipe.yaml files")
    )
    assert package_files() == before

"""Every command that reads a question set or a recipe answers a damaged one with exit 1 and a
message naming the file, never a traceback (a hypothesis property over many mutations)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.cli import main

VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.sampled_from([math.nan, math.inf, -1.5, 0.0]),
    st.text(max_size=12),
    st.lists(st.integers(-3, 5), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
RAW = st.sampled_from(
    [
        b"\xff\xfe not utf-8\n",
        b"!!python/object/apply:os.system ['true']\n",
        b"a: &x [1]\nb: *x\n",
        b"[unclosed\n",
        b"",
        b"- just\n- a list\n",
        b"key: value\nkey: again\n",
    ]
)


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a nested structure of dicts and lists."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_of(value, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, original: Any) -> bytes:
    """The YAML of `original` with one to three values replaced, removed or added, or raw junk."""
    if draw(st.integers(0, 9)) == 0:
        return draw(RAW)
    data = yaml.safe_load(yaml.safe_dump(original))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths_of(data)))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=6))] = draw(VALUE)
        else:
            parent[path[-1]] = draw(VALUE)
        if not paths_of(data):
            break
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="quizgen")


def assert_handled(result: Result, path: Path) -> None:
    """Exit 0 (still valid), 1 with a message naming the file, or 130 (the quiz stopped at
    end of input); never an exception."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback for {path.read_bytes()!r}") from result.exception
    assert result.exit_code in (0, 1, 130), result.output
    if result.exit_code == 1:
        assert "Traceback" not in result.output
        assert str(path) in result.output or "Error:" in result.output, result.output


SET = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "decks" / "class-test" / "set-A.yaml").read_text(
        encoding="utf-8"
    )
)
SET["questions"] = SET["questions"][:4]
RECIPE = {
    "title": "T",
    "seed": 3,
    "count": 4,
    "forms": ["multiple-choice", "true-false", "timeline"],
    "variants": 2,
    "exports": ["gift", "csv"],
}
COMMANDS = [
    ("export", "gift"),
    ("export", "aiken"),
    ("export", "csv"),
    ("export", "markdown"),
    ("export", "anki"),
    ("lint",),
    ("quiz",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=mutated(SET))
def test_a_damaged_set_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, command: tuple[str, ...], content: bytes
) -> None:
    folder = tmp_path_factory.mktemp("set")
    path = folder / "test-A.yaml"
    path.write_bytes(content)
    if command[0] == "export":
        args = [*command, "--set", str(path), "-o", str(folder / "out")]
    elif command[0] == "quiz":
        args = ["quiz", "--set", str(path), "--data-dir", str(folder / "data")]
    else:
        args = ["lint", "--set", str(path)]
    assert_handled(run(*args), path)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=mutated(RECIPE))
def test_a_damaged_recipe_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    folder = tmp_path_factory.mktemp("decks")
    path = folder / "t.recipe.yaml"
    path.write_bytes(content)
    assert_handled(run("build", "--decks", str(folder)), path)

"""Reading YAML safely, keeping the line of every mapping and key, and reporting bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from quizgen.errors import Problem
from quizgen.facts.yaml_lines import Located, load_yaml, read_text

ALIAS = (
    "this value is reused through a YAML anchor and alias (&name / *name), which the fact base"
    " does not allow; write the value out in full"
)
TAG = "is not allowed; use plain mappings, lists, strings, numbers and dates"
NOT_UTF8 = "the file is not UTF-8 text; save it with UTF-8 encoding"


def load(tmp_path: Path, text: str) -> tuple[Any, list[Problem]]:
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


def test_located_defaults_to_line_one_and_no_key_lines() -> None:
    located = Located()
    assert (located, located.line, located.key_lines) == ({}, 1, {})


def test_line_of_falls_back_to_the_mappings_own_line() -> None:
    located = Located({"id": "a", "kind": "person"}, line=4, key_lines={"id": 4, "kind": 5})
    assert [located.line_of(k) for k in ("id", "kind", "name")] == [4, 5, 4]


def test_every_mapping_and_key_keeps_its_line(tmp_path: Path) -> None:
    text = "facts:\n  - id: a\n    kind: person\n\n  - id: b\n    answer:\n      entity: x\n"
    data, problems = load(tmp_path, text)
    assert problems == []
    assert data == {
        "facts": [{"id": "a", "kind": "person"}, {"id": "b", "answer": {"entity": "x"}}]
    }
    assert (data.line, data.key_lines) == (1, {"facts": 1})
    first, second = data["facts"]
    assert (first.line, first.key_lines) == (2, {"id": 2, "kind": 3})
    assert (second.line, second.key_lines) == (5, {"id": 5, "answer": 6})
    assert (second["answer"].line, second["answer"].key_lines) == (7, {"entity": 7})
    assert all(isinstance(m, Located) for m in (data, first, second, second["answer"]))


def test_flow_mappings_keep_their_line(tmp_path: Path) -> None:
    data, problems = load(tmp_path, "a: 1\nanswer: {date: 2016-10, precision: month}\n")
    assert problems == []
    assert data["answer"] == {"date": "2016-10", "precision": "month"}
    assert (data["answer"].line, data["answer"].key_lines) == (2, {"date": 2, "precision": 2})


def test_keys_that_are_not_text_become_text(tmp_path: Path) -> None:
    data, problems = load(tmp_path, "1: a\ntrue: b\nnull: c\n2016-10-07: d\n")
    assert problems == []
    assert data == {"1": "a", "True": "b", "None": "c", "2016-10-07": "d"}
    assert data.key_lines == {"1": 1, "True": 2, "None": 3, "2016-10-07": 4}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-22", dt.date(2026, 11, 22)),
        ("2016-02-29", dt.date(2016, 2, 29)),
        ("2016-02-30", "2016-02-30"),
        ("2016-13-01", "2016-13-01"),
        ("2016-10", "2016-10"),
        ("2016", 2016),
        ("'2016-10-07'", "2016-10-07"),
    ],
)
def test_impossible_dates_stay_text(tmp_path: Path, value: str, expected: object) -> None:
    data, problems = load(tmp_path, f"revised: {value}\n")
    assert problems == []
    assert data["revised"] == expected
    assert type(data["revised"]) is type(expected)


def test_an_anchor_without_an_alias_is_allowed(tmp_path: Path) -> None:
    assert load(tmp_path, "a: &x 1\nb: 2\n") == ({"a": 1, "b": 2}, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, [])),
        ("# only a comment\n", (None, [])),
        ("\ufefffacts: []\n", ({"facts": []}, [])),
        ("- a\n- b\n", (["a", "b"], [])),
    ],
    ids=["empty", "comment-only", "byte-order-mark", "top-level-list"],
)
def test_files_that_parse(tmp_path: Path, text: str, expected: tuple[Any, list[Problem]]) -> None:
    assert load(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            3,
            "the key 'a' appears twice in one mapping (first at line 1); keep one",
        ),
        (
            "facts:\n  - id: x\n    topics: [a]\n    id: y\n",
            4,
            "the key 'id' appears twice in one mapping (first at line 2); keep one",
        ),
        (
            "1: a\n'1': b\n",
            2,
            "the key '1' appears twice in one mapping (first at line 1); keep one",
        ),
        ("a: &x 1\nb: *x\n", 1, ALIAS),
        ("a:\n  - &x {k: 1}\n  - *x\n", 2, ALIAS),
        ("facts: &loop [*loop]\n", 1, ALIAS),
        ("base: {a: 1}\nother:\n  <<: {b: 2}\n", 3, f"YAML tag '!!merge' {TAG}"),
        (
            "a: !!python/object/apply:os.system [echo hacked]\n",
            1,
            f"YAML tag '!!python/object/apply:os.system' {TAG}",
        ),
        ("a: 1\nb: !shout hi\n", 2, f"YAML tag '!shout' {TAG}"),
        (
            "a: b: c\n",
            1,
            "invalid YAML at column 5: mapping values are not allowed in this context",
        ),
        (
            "a: [1, 2\n",
            2,
            "invalid YAML at column 1: did not find expected ',' or ']'"
            " (while parsing a flow sequence)",
        ),
        (
            "a: 1\n---\nb: 2\n",
            2,
            "invalid YAML at column 1: but found another document"
            " (expected a single document in the stream)",
        ),
        (
            "a:\n\tb: 1\n",
            2,
            "invalid YAML at column 1: found character that cannot start any token"
            " (while scanning for the next token)",
        ),
    ],
    ids=[
        "duplicate-key",
        "duplicate-key-nested",
        "duplicate-key-after-text-conversion",
        "alias",
        "alias-in-list",
        "recursive-alias",
        "merge-key",
        "python-tag",
        "custom-tag",
        "mapping-in-plain-value",
        "unclosed-flow",
        "two-documents",
        "tab-indent",
    ],
)
def test_bad_yaml_is_one_problem_with_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    data, problems = load(tmp_path, text)
    assert data is None
    assert problems == [Problem(str(tmp_path / "notes.yaml"), line, message)]


def test_alias_bomb_is_rejected_at_its_first_alias(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    data, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert (data, problems) == (None, [Problem(str(tmp_path / "notes.yaml"), 1, ALIAS)])


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"\xff\xfea\x00", 1),
        (b"a: 1\nb: 2\nc: caf\xe9\n", 3),
        (b"a: 1\n\nc: \xc3\n", 3),
    ],
    ids=["utf-16", "latin-1-on-line-3", "truncated-utf-8"],
)
def test_text_that_is_not_utf8_is_reported_at_its_line(
    tmp_path: Path, data: bytes, line: int
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_bytes(data)
    assert read_text(path) == (None, [Problem(str(path), line, NOT_UTF8)])
    assert load_yaml(path) == (None, [Problem(str(path), line, NOT_UTF8)])


def test_read_text_returns_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_bytes("name: N\u00f8rland\n".encode())
    assert read_text(path) == ("name: N\u00f8rland\n", [])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "cannot read the file: No such file or directory"),
        (".", "cannot read the file: Is a directory"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    assert load_yaml(path) == (None, [Problem(str(path), 1, message)])

"""The package's layout keeps data flowing one way: facts -> questions -> (study | exports)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quizgen"
STAGES = ("facts", "questions", "study", "exports")
#: What each stage may import of the others (top-level modules such as errors are shared).
ALLOWED = {
    "facts": set(),
    "questions": {"facts"},
    "study": {"facts", "questions"},
    "exports": {"facts", "questions"},
}


def imported_modules(source: str) -> list[tuple[int, str]]:
    """Every module a source file imports (at any depth, also inside functions), with its line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def stage_of(module: str) -> str | None:
    """`facts` for `quizgen.facts.loader`; None for a shared top-level module or another package."""
    parts = module.split(".")
    if parts[0] != "quizgen" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in STAGES else None


def violations(path: Path, source: str) -> list[str]:
    """`file:line: stage imports module` for each import against the direction of the stages."""
    stage = path.relative_to(PACKAGE).parts[0]
    if stage not in STAGES:
        return []
    found = []
    for line, module in imported_modules(source):
        target = stage_of(module)
        if target is not None and target != stage and target not in ALLOWED[stage]:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {stage} imports {module}")
    return sorted(set(found))


def test_every_stage_imports_only_the_stages_before_it() -> None:
    problems = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in violations(path, path.read_text(encoding="utf-8"))
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("stage", "source", "expected"),
    [
        ("facts", "from quizgen.questions.model import Question\n", "quizgen.questions.model"),
        ("questions", "def f():\n    import quizgen.study.session\n", "quizgen.study.session"),
        ("study", "from quizgen.exports.formats import export\n", "quizgen.exports.formats"),
        ("exports", "from quizgen import study\n", "quizgen.study"),
        ("exports", "from quizgen.questions.model import Question\n", None),
        ("study", "from quizgen.errors import QuizgenError\n", None),
    ],
)
def test_the_check_catches_imports_against_the_direction(
    stage: str, source: str, expected: str | None
) -> None:
    found = violations(PACKAGE / stage / "example.py", source)
    lines = source.count("\n")
    want = [] if expected is None else [f"quizgen/{stage}/example.py:{lines}: {stage} imports"]
    assert [f.rsplit(" ", 1)[0] for f in found][:1] == want
    if expected is not None:
        assert f"{stage} imports {expected}" in "\n".join(found)


def test_every_stage_says_what_it_takes_and_gives() -> None:
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc is not None and "Takes in:" in doc and "Gives out:" in doc
        assert "Start reading at" in doc

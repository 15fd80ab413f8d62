"""Progress rows and stores shared by the tests of `study.progress` and `study.progress_file`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from quizgen.study.progress import AnswerRow, ProgressStore
from quizgen.study.progress_file import open_store

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)


def answer(
    session_id: int,
    qid: str = "f/mc",
    correct: bool = True,
    attempt: int = 1,
    response: int | tuple[int, ...] = 1,
) -> AnswerRow:
    return AnswerRow(
        question_id=qid,
        fact_id=qid.split("/")[0],
        topics=("bridge",),
        session_id=session_id,
        response=response,
        correct=correct,
        seconds=2.5,
        mode="practice",
        attempt=attempt,
        answered_at=NOW,
    )


def open_fresh(tmp_path: Path) -> ProgressStore:
    store, notice = open_store(tmp_path, NOW)
    assert notice is None
    return store

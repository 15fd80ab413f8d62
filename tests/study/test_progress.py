"""The progress database: schema, one transaction per answer, damaged files set aside."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizgen.errors import ProgressStoreError
from quizgen.study.progress import (
    DB_FILE,
    SCHEMA_VERSION,
    AnswerRow,
    CardRow,
    ProgressStore,
    open_store,
)

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


def test_a_new_store_records_its_schema_version(tmp_path: Path) -> None:
    open_fresh(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / DB_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"answers", "cards", "sessions"} <= tables


def test_answers_cards_and_sessions_survive_reopening(tmp_path: Path) -> None:
    with open_fresh(tmp_path) as store:
        sid = store.start_session(NOW, "/sets/a.yaml", "A", ("f/mc", "g/order"), "practice")
        store.record_answer(answer(sid), CardRow("f/mc", '{"x": 1}', NOW + timedelta(days=1)))
        store.record_answer(answer(sid, "g/order", False, response=(2, 0, 1)), None)
    with open_fresh(tmp_path) as store:
        rows = store.answers()
        assert [r.question_id for r in rows] == ["f/mc", "g/order"]
        assert rows[1].response == (2, 0, 1) and rows[1].correct is False
        assert rows[0] == answer(sid)
        assert store.card("f/mc") == CardRow("f/mc", '{"x": 1}', NOW + timedelta(days=1))
        assert store.card("g/order") is None
        session = store.unfinished_session(exclude_mode="review")
        assert session is not None and session.planned == ("f/mc", "g/order")


def test_a_card_is_replaced_not_duplicated(tmp_path: Path) -> None:
    with open_fresh(tmp_path) as store:
        for day in (1, 3):
            store.record_answer(answer(1), CardRow("f/mc", "{}", NOW + timedelta(days=day)))
        assert [c.due for c in store.cards()] == [NOW + timedelta(days=3)]


def test_finished_and_excluded_sessions_are_not_offered(tmp_path: Path) -> None:
    with open_fresh(tmp_path) as store:
        first = store.start_session(NOW, "a", "A", ("q",), "practice")
        store.start_session(NOW, "a", "A", ("q",), "review")
        assert store.unfinished_session(exclude_mode="review").id == first  # type: ignore[union-attr]
        store.finish_session(first)
        assert store.unfinished_session(exclude_mode="review") is None


def test_two_stores_on_one_file_keep_every_answer(tmp_path: Path) -> None:
    with open_fresh(tmp_path) as one, open_fresh(tmp_path) as two:
        for n in range(5):
            one.record_answer(answer(1, f"a{n}/mc"), None)
            two.record_answer(answer(2, f"b{n}/mc"), None)
        assert len(one.answers()) == 10
        assert len(two.answers(session_id=2)) == 5


def test_garbage_is_set_aside_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_bytes(b"this is not a database\n" * 100)
    store, notice = open_store(tmp_path, NOW)
    store.close()
    aside = tmp_path / f"{DB_FILE}.damaged-20260501T090000Z"
    assert aside.read_bytes() == b"this is not a database\n" * 100
    assert notice == (
        f"Your progress file {tmp_path / DB_FILE} is not a quizgen progress database (it is not"
        f" SQLite at all). It was set aside as {aside.name} (nothing was deleted) and a fresh"
        " one was started."
    )


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (["CREATE TABLE notes (x)"], "is an SQLite database, but not quizgen's"),
        (["PRAGMA user_version = 99"], "was written by a newer quizgen"),
        (["PRAGMA user_version = 1"], "is missing quizgen's tables"),
    ],
)
def test_foreign_sqlite_files_are_set_aside(tmp_path: Path, setup: list[str], reason: str) -> None:
    with closing(sqlite3.connect(tmp_path / DB_FILE)) as db:
        for statement in setup:
            db.execute(statement)
        db.commit()
    store, notice = open_store(tmp_path, NOW)
    store.close()
    assert notice is not None and reason in notice
    assert (tmp_path / f"{DB_FILE}.damaged-20260501T090000Z").exists()


def test_a_second_damaged_file_does_not_overwrite_the_first(tmp_path: Path) -> None:
    for text in (b"first", b"second"):
        (tmp_path / DB_FILE).write_bytes(text * 10)
        open_store(tmp_path, NOW)[0].close()
    asides = sorted(p.name for p in tmp_path.glob("*.damaged-*"))
    assert asides == [
        f"{DB_FILE}.damaged-20260501T090000Z",
        f"{DB_FILE}.damaged-20260501T090000Z-2",
    ]


def test_a_folder_that_cannot_be_made_is_a_named_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ProgressStoreError, match="cannot create the progress folder"):
        open_store(blocker / "data", NOW)

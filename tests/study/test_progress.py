"""The progress database: schema, one transaction per answer, only damaged files set aside."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from progress_rows import NOW, answer, open_fresh

from quizgen.study.progress import (
    DB_FILE,
    SCHEMA_VERSION,
    CardRow,
)


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
        card = CardRow("f/mc", '{"x": 1}', NOW + timedelta(days=1))
        store.record_answer(answer(sid), lambda _previous: card)
        store.record_answer(answer(sid, "g/order", False, response=(2, 0, 1)))
    with open_fresh(tmp_path) as store:
        rows = store.answers()
        assert [r.question_id for r in rows] == ["f/mc", "g/order"]
        assert rows[1].response == (2, 0, 1) and rows[1].correct is False
        assert rows[0] == answer(sid)
        assert store.card("f/mc") == CardRow("f/mc", '{"x": 1}', NOW + timedelta(days=1))
        assert store.card("g/order") is None
        session = store.unfinished_session(exclude_mode="review")
        assert session is not None and session.planned == ("f/mc", "g/order")


def numbered_card(n: int) -> CardRow:
    return CardRow("f/mc", f'{{"n": {n}}}', NOW + timedelta(days=n))


def test_a_card_is_rescheduled_from_the_one_stored_and_replaced(tmp_path: Path) -> None:
    given: list[CardRow | None] = []

    def reschedule(previous: CardRow | None) -> CardRow:
        given.append(previous)
        return numbered_card(len(given))

    with open_fresh(tmp_path) as store:
        saved = [store.record_answer(answer(1), reschedule) for _ in range(3)]
        assert saved == [numbered_card(1), numbered_card(2), numbered_card(3)]
        assert given == [None, numbered_card(1), numbered_card(2)]
        assert store.cards() == [numbered_card(3)]


def test_an_answer_whose_card_cannot_be_computed_is_not_saved(tmp_path: Path) -> None:
    def reschedule(previous: CardRow | None) -> CardRow:
        raise ValueError("no card")

    with open_fresh(tmp_path) as store:
        with pytest.raises(ValueError, match="no card"):
            store.record_answer(answer(1), reschedule)
        assert store.answers() == [] and store.cards() == []


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
            one.record_answer(answer(1, f"a{n}/mc"))
            two.record_answer(answer(2, f"b{n}/mc"))
        assert len(one.answers()) == 10
        assert len(two.answers(session_id=2)) == 5

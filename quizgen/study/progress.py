"""The learner's progress: one SQLite file of answers, FSRS cards and quiz sessions.

Schema (recorded as `PRAGMA user_version`; `_MIGRATIONS[n]` takes version n to n + 1):

    answers   append-only, one row per answer: question id, fact id, topics (JSON list),
              session id, response (JSON: an index or a list of indices), correct (0/1),
              seconds taken, mode, attempt (1 = first time asked in that session; 2+ = the
              repeat rounds of learn mode), answered_at (UTC ISO 8601)
    cards     question id -> FSRS card (JSON) and when it is due (UTC ISO 8601)
    sessions  id, started_at, set path and title, planned question ids (JSON list, in order),
              mode, finished (0/1)

History is keyed by question id (`<fact id>/<form>`), so regenerating a deck or rewording a fact
keeps it. Every answer is its own transaction, committed at once, and its card is read and
rewritten inside that transaction; WAL and a busy timeout let quizzes share the file without
losing each other's answers or reviews. Only a damaged or foreign file is ever set aside: a
locked or read-only file, or one the disk fails to read, is reported as such and left alone.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from quizgen.errors import (
    ProgressIOError,
    ProgressLockedError,
    ProgressReadOnlyError,
    ProgressStoreError,
)

DB_FILE = "progress.sqlite3"
SCHEMA_VERSION = 2
BUSY_TIMEOUT_SECONDS = 10.0
ELSEWHERE = "or choose another folder with --data-dir or QUIZGEN_DATA_DIR"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MAKE_WRITABLE = f"make it writable, {ELSEWHERE}"
_NOT_SQLITE = "is not a quizgen progress database (it is not SQLite at all)"
_WAL_ATTEMPTS = 100
# SQLite's primary result codes (the low byte of an extended code)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _AUTH, _NOTADB = 13, 14, 23, 26
# Python 3.10 has no `sqlite_errorcode`: its messages then name the code
_CODES_BY_MESSAGE = (
    ("database is locked", _BUSY),
    ("readonly database", _READONLY),
    ("unable to open", _CANTOPEN),
    ("disk I/O error", _IOERR),
    ("disk is full", _FULL),
    ("malformed", _CORRUPT),
    ("not a database", _NOTADB),
)
_TABLES = frozenset({"answers", "cards", "sessions"})
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            topics TEXT NOT NULL,
            session_id INTEGER NOT NULL,
            response TEXT NOT NULL,
            correct INTEGER NOT NULL,
            seconds REAL NOT NULL,
            mode TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            answered_at TEXT NOT NULL)""",
        "CREATE INDEX answers_by_session ON answers (session_id)",
        """CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            due TEXT NOT NULL)""",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            set_path TEXT NOT NULL,
            set_title TEXT NOT NULL,
            planned TEXT NOT NULL,
            mode TEXT NOT NULL,
            finished INTEGER NOT NULL DEFAULT 0)""",
    ),
    # 2: which process runs a session ("host:pid"), so a quiz still running in another
    # terminal is not offered for resuming
    ("ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT ''",),
)

Response = int | tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer as stored."""

    question_id: str
    fact_id: str
    topics: tuple[str, ...]
    session_id: int
    response: Response
    correct: bool
    seconds: float
    mode: str
    attempt: int
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class CardRow:
    """A question's FSRS card (as JSON) and when it is next due."""

    question_id: str
    card_json: str
    due: datetime


Reschedule = Callable[[CardRow | None], CardRow]
"""A question's new card, computed from the one stored before (None: never scheduled)."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A quiz session: what was planned, in which mode, and whether it ran to the end."""

    id: int
    set_path: str
    planned: tuple[str, ...]
    mode: str
    owner: str = ""


class ProgressStore:
    """An open progress database; use it as a context manager so the connection is closed."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._db = connection
        self._busy_timeout = busy_timeout

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._db.close()

    def start_session(
        self,
        started_at: datetime,
        set_path: str,
        set_title: str,
        planned: tuple[str, ...],
        mode: str,
        owner: str = "",
    ) -> int:
        """Record a new session (run by `owner`, "host:pid") and return its id."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, set_path, set_title, planned, mode, owner)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    started_at.isoformat(),
                    set_path,
                    set_title,
                    json.dumps(list(planned)),
                    mode,
                    owner,
                ),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_session(self, session_id: int) -> None:
        """Mark a session as done, so it is not offered for resuming."""
        with self._write() as db:
            db.execute("UPDATE sessions SET finished = 1 WHERE id = ?", (session_id,))

    def record_answer(
        self, answer: AnswerRow, reschedule: Reschedule | None = None
    ) -> CardRow | None:
        """Append an answer and, given `reschedule`, replace its card by what it makes of it.

        The card is read and written in the answer's transaction (committed at once), so a review
        another quiz saves meanwhile is built on, never lost. Returns the new card, if any.
        """
        with self._write() as db:
            db.execute(
                "INSERT INTO answers (question_id, fact_id, topics, session_id, response,"
                " correct, seconds, mode, attempt, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.question_id,
                    answer.fact_id,
                    json.dumps(list(answer.topics)),
                    answer.session_id,
                    _dump_response(answer.response),
                    int(answer.correct),
                    answer.seconds,
                    answer.mode,
                    answer.attempt,
                    answer.answered_at.isoformat(),
                ),
            )
            card = None
            if reschedule is not None:
                previous = db.execute(
                    "SELECT question_id, card, due FROM cards WHERE question_id = ?",
                    (answer.question_id,),
                ).fetchone()
                card = reschedule(None if previous is None else _card_row(previous))
                db.execute(
                    "INSERT INTO cards (question_id, card, due) VALUES (?, ?, ?)"
                    " ON CONFLICT (question_id) DO UPDATE SET card = excluded.card,"
                    " due = excluded.due",
                    (card.question_id, card.card_json, card.due.isoformat()),
                )
        return card

    def card(self, question_id: str) -> CardRow | None:
        """The question's card, or None if it has never been scheduled."""
        rows = self._read(
            "SELECT question_id, card, due FROM cards WHERE question_id = ?", (question_id,)
        )
        return _card_row(rows[0]) if rows else None

    def cards(self) -> list[CardRow]:
        """Every scheduled card."""
        return [_card_row(r) for r in self._read("SELECT question_id, card, due FROM cards")]

    def answers(self, session_id: int | None = None) -> list[AnswerRow]:
        """Every answer in the order given, or only those of one session."""
        sql = "SELECT * FROM answers"
        if session_id is None:
            return [_answer_row(r) for r in self._read(sql + " ORDER BY id")]
        rows = self._read(sql + " WHERE session_id = ? ORDER BY id", (session_id,))
        return [_answer_row(r) for r in rows]

    def unfinished_sessions(self, exclude_mode: str) -> list[SessionRow]:
        """The sessions that did not run to the end (not `exclude_mode` ones), latest first."""
        rows = self._read(
            "SELECT * FROM sessions WHERE finished = 0 AND mode != ? ORDER BY id DESC",
            (exclude_mode,),
        )
        return [_session_row(row) for row in rows]

    def unfinished_session(self, exclude_mode: str) -> SessionRow | None:
        """The latest session that did not run to the end (not `exclude_mode` ones)."""
        rows = self.unfinished_sessions(exclude_mode)
        return rows[0] if rows else None

    def claim_session(self, session_id: int, owner: str) -> None:
        """Record that `owner` ("host:pid") now runs the session (on resuming it)."""
        with self._write() as db:
            db.execute("UPDATE sessions SET owner = ? WHERE id = ?", (owner, session_id))

    def forget_session(self, session_id: int) -> None:
        """Remove a session that has no answer at all (stopped before the first one)."""
        with self._write() as db:
            db.execute(
                "DELETE FROM sessions WHERE id = ? AND NOT EXISTS"
                " (SELECT 1 FROM answers WHERE session_id = ?)",
                (session_id, session_id),
            )

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ProgressReadOnlyError(
                f"cannot save progress to {self.path}: it or its folder is read-only;"
                f" {_MAKE_WRITABLE}"
            )
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path, "save progress to", self._busy_timeout) from None

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            return list(self._db.execute(sql, params))
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path, "read progress from", self._busy_timeout) from None


def _code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code for `exc`, if known."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc)
    return next((c for words, c in _CODES_BY_MESSAGE if words in text), None)


def _store_error(
    exc: sqlite3.Error, path: Path, doing: str, busy_timeout: float
) -> ProgressStoreError:
    """The named error for what SQLite reported; only `_problem_with` calls a file damaged."""
    code = _code(exc)
    if code in (_BUSY, _LOCKED):
        return ProgressLockedError(
            f"cannot {doing} {path}: another program kept it locked for {busy_timeout:g} s;"
            f" close other quizzes using it and try again, {ELSEWHERE}"
        )
    if code in (_READONLY, _PERM, _CANTOPEN, _AUTH):
        return ProgressReadOnlyError(
            f"cannot {doing} {path}: {exc}; make the file and its folder writable, {ELSEWHERE}"
        )
    if code in (_IOERR, _FULL):
        return ProgressIOError(
            f"cannot {doing} {path}: {exc} (nothing was changed); check the disk, {ELSEWHERE}"
        )
    return ProgressStoreError(f"cannot {doing} {path}: {exc}")


def _is_read_only(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or exc.errno == errno.EROFS


def _os_error(exc: OSError, path: Path, doing: str) -> ProgressStoreError:
    """The named error for what the operating system reported about `path`."""
    reason = exc.strerror or str(exc)
    if _is_read_only(exc):
        return ProgressReadOnlyError(f"cannot {doing} {path}: {reason}; {_MAKE_WRITABLE}")
    if exc.errno in (errno.EIO, errno.ENOSPC, errno.EDQUOT):
        return ProgressIOError(
            f"cannot {doing} {path}: {reason} (nothing was changed); check the disk, {ELSEWHERE}"
        )
    return ProgressStoreError(f"cannot {doing} {path}: {reason}")


def _dump_response(response: Response) -> str:
    return json.dumps(list(response) if isinstance(response, tuple) else response)


def _load_response(text: str) -> Response:
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else int(value)


def _card_row(row: sqlite3.Row) -> CardRow:
    return CardRow(row["question_id"], row["card"], datetime.fromisoformat(row["due"]))


def _answer_row(row: sqlite3.Row) -> AnswerRow:
    return AnswerRow(
        question_id=row["question_id"],
        fact_id=row["fact_id"],
        topics=tuple(json.loads(row["topics"])),
        session_id=row["session_id"],
        response=_load_response(row["response"]),
        correct=bool(row["correct"]),
        seconds=row["seconds"],
        mode=row["mode"],
        attempt=row["attempt"],
        answered_at=datetime.fromisoformat(row["answered_at"]),
    )


def _session_row(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        set_path=row["set_path"],
        planned=tuple(json.loads(row["planned"])),
        mode=row["mode"],
        owner=row["owner"],
    )

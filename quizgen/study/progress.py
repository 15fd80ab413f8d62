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
keeps it. Every answer is its own transaction, committed at once; WAL and a busy timeout let two
quizzes share the file without losing each other's answers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from quizgen.errors import ProgressStoreError

DB_FILE = "progress.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 10.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
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


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A quiz session: what was planned, in which mode, and whether it ran to the end."""

    id: int
    set_path: str
    planned: tuple[str, ...]
    mode: str


class ProgressStore:
    """An open progress database; use it as a context manager so the connection is closed."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

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
    ) -> int:
        """Record a new session and return its id."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, set_path, set_title, planned, mode)"
                " VALUES (?, ?, ?, ?, ?)",
                (started_at.isoformat(), set_path, set_title, json.dumps(list(planned)), mode),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_session(self, session_id: int) -> None:
        """Mark a session as done, so it is not offered for resuming."""
        with self._write() as db:
            db.execute("UPDATE sessions SET finished = 1 WHERE id = ?", (session_id,))

    def record_answer(self, answer: AnswerRow, card: CardRow | None) -> None:
        """Append an answer and update its card, in one transaction committed at once."""
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
            if card is not None:
                db.execute(
                    "INSERT INTO cards (question_id, card, due) VALUES (?, ?, ?)"
                    " ON CONFLICT (question_id) DO UPDATE SET card = excluded.card,"
                    " due = excluded.due",
                    (card.question_id, card.card_json, card.due.isoformat()),
                )

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

    def unfinished_session(self, exclude_mode: str) -> SessionRow | None:
        """The latest session that did not run to the end (ignoring `exclude_mode` ones)."""
        rows = self._read(
            "SELECT * FROM sessions WHERE finished = 0 AND mode != ? ORDER BY id DESC LIMIT 1",
            (exclude_mode,),
        )
        return _session_row(rows[0]) if rows else None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise ProgressStoreError(f"cannot save progress to {self.path}: {exc}") from None

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            return list(self._db.execute(sql, params))
        except sqlite3.Error as exc:
            raise ProgressStoreError(f"cannot read progress from {self.path}: {exc}") from None


def open_store(data_dir: Path, now: datetime) -> tuple[ProgressStore, str | None]:
    """Open (creating or migrating) the progress database in `data_dir`.

    A damaged or foreign file is renamed to `<name>.damaged-<UTC time>` (never overwritten or
    deleted) and a fresh database started; the second value is then a message saying so.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProgressStoreError(f"cannot create the progress folder {data_dir}: {exc}") from None
    path = data_dir / DB_FILE
    notice = None
    problem = _problem_with(path)
    if problem is not None:
        aside = _set_aside(path, now)
        notice = (
            f"Your progress file {path} {problem}. It was set aside as {aside.name}"
            " (nothing was deleted) and a fresh one was started."
        )
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProgressStoreError(f"cannot open the progress file {path}: {exc}") from None
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        _migrate(db)
    except sqlite3.Error as exc:
        db.close()
        raise ProgressStoreError(f"cannot prepare the progress file {path}: {exc}") from None
    return ProgressStore(path, db), notice


def _problem_with(path: Path) -> str | None:
    """Why the file at `path` cannot be used as our database, or None if it can (or is absent)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            return "is not a quizgen progress database (it is not SQLite at all)"
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)) as db:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return "is damaged (SQLite cannot read it)"
    if check != "ok":
        return f"is damaged (SQLite reports: {check})"
    if version > SCHEMA_VERSION:
        return (
            f"was written by a newer quizgen (schema {version}; this one knows up to"
            f" {SCHEMA_VERSION})"
        )
    if version == 0 and tables:
        return "is an SQLite database, but not quizgen's"
    if version > 0 and not tables >= _TABLES:
        return "is missing quizgen's tables"
    return None


def _set_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):  # SQLite's companions belong with the file
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise ProgressStoreError(f"cannot set aside the damaged file {path}: {exc}") from None
    return aside


def _migrate(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")  # re-read the version inside the lock: two quizzes may race
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for step in _MIGRATIONS[version:]:
            for statement in step:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


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
    )

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
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
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


def open_store(
    data_dir: Path,
    now: datetime,
    *,
    read_only_ok: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> tuple[ProgressStore, str | None]:
    """Open (creating or migrating) the progress database in `data_dir`.

    Only a damaged or foreign file is renamed to `<name>.damaged-<UTC time>` (never overwritten
    or deleted) and a fresh database started; the second value is then a message saying so. A
    locked file (still locked after `busy_timeout` seconds), an I/O error, or a folder or file that
    cannot be written raises a `ProgressStoreError` saying so, and the file is left alone. With
    `read_only_ok` (for commands that only read) a folder or file that cannot be written is
    opened read-only instead.
    """
    path = data_dir / DB_FILE
    try:
        _make_folder(data_dir, read_only_ok)
        if path.is_dir():
            raise ProgressStoreError(
                f"{path} is a folder, but it is where quizgen keeps its progress file:"
                f" move it away, {ELSEWHERE}"
            )
        refusal = _why_unwritable(path)
        if refusal is not None:
            if not read_only_ok:
                raise ProgressReadOnlyError(refusal)
            return _open_read_only(path, busy_timeout), None
        notice = _set_aside_if_damaged(path, now, busy_timeout)
        return ProgressStore(path, _open_for_writing(path, busy_timeout), busy_timeout), notice
    except sqlite3.Error as exc:
        raise _store_error(exc, path, "open the progress file", busy_timeout) from None
    except OSError as exc:
        raise _os_error(exc, path, "open the progress file") from None


def _make_folder(data_dir: Path, read_only_ok: bool) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if read_only_ok and _is_read_only(exc):
            return  # nothing was ever saved there: reading finds no progress
        raise _os_error(exc, data_dir, "create the progress folder") from None


def _why_unwritable(path: Path) -> str | None:
    """Why progress cannot be saved at `path`, or None if it can.

    The folder must be writable too: SQLite keeps its -wal and -shm files beside the file.
    """
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"cannot save progress in {path.parent}: the folder is read-only; {_MAKE_WRITABLE}"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return f"cannot save progress to {path}: the file is read-only; {_MAKE_WRITABLE}"
    return None


def _connect(path: Path, busy_timeout: float, mode: str) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)


def _open_for_writing(path: Path, busy_timeout: float) -> sqlite3.Connection:
    db = _connect(path, busy_timeout, "rwc")
    try:
        db.row_factory = sqlite3.Row
        _use_wal(db)
        _migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _open_read_only(path: Path, busy_timeout: float) -> ProgressStore:
    """A store that only reads `path`; an empty one if there is no progress file yet."""
    if not path.exists() or path.stat().st_size == 0:
        db = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(db)
    else:
        if not _has_sqlite_magic(path):
            raise _cannot_set_aside(path, _NOT_SQLITE)
        db = _connect_read_only(path, busy_timeout)
        try:
            problem = _problem_in(db)
        except BaseException:
            db.close()
            raise
        if problem is not None:
            db.close()
            raise _cannot_set_aside(path, problem)
    db.row_factory = sqlite3.Row
    return ProgressStore(path, db, busy_timeout, read_only=True)


def _cannot_set_aside(path: Path, problem: str) -> ProgressStoreError:
    return ProgressReadOnlyError(
        f"your progress file {path} {problem}, and it cannot be set aside because it or its folder"
        f" is read-only: move it away yourself, {ELSEWHERE}"
    )


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection to a file that cannot be written (see `_why_unwritable`)."""
    db = _connect(path, busy_timeout, "ro")
    try:
        db.execute("PRAGMA schema_version").fetchone()  # reads the file: fails here if it will
    except sqlite3.Error as exc:
        db.close()
        if _code(exc) not in (_READONLY, _CANTOPEN) or os.access(path.parent, os.W_OK):
            raise
        # A WAL file in a folder that cannot take its -shm file. Nobody can write there, so
        # SQLite may read the file as it is, without locks ("immutable"); never elsewhere.
        db = sqlite3.connect(
            f"{path.absolute().as_uri()}?immutable=1", uri=True, isolation_level=None
        )
    return db


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for other programs doing the same.

    The switch upgrades a read lock to a write lock, and SQLite fails that upgrade at once (its
    busy timeout is not used) while another connection writes. BEGIN IMMEDIATE does wait, so it
    waits out that writer before the next try.
    """
    for _ in range(_WAL_ATTEMPTS):
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if _code(exc) not in (_BUSY, _LOCKED):
                raise
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
    db.execute("PRAGMA journal_mode = WAL").fetchone()


def _set_aside_if_damaged(path: Path, now: datetime, busy_timeout: float) -> str | None:
    """Set a damaged file aside and say so; None if the file is fine or absent."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    identity = _identity(path)
    problem = _problem_with(path, busy_timeout)
    if problem is None:
        return None
    aside = _set_aside(path, identity, now)
    if aside is None:
        return None  # another quizgen set it aside first (and told its learner)
    return (
        f"Your progress file {path} {problem}. It was set aside as {aside.name}"
        " (nothing was deleted) and a fresh one was started."
    )


def _problem_with(path: Path, busy_timeout: float) -> str | None:
    """Why the file at `path` is not our database (damaged or foreign), or None if it is.

    Only corruption is a problem: anything else SQLite reports (locked, read-only, an I/O
    error) is raised.
    """
    if not _has_sqlite_magic(path):
        return _NOT_SQLITE
    # read-write, so SQLite can recover a hot journal or a WAL left by a crash
    with closing(_connect(path, busy_timeout, "rw")) as db:
        return _problem_in(db)


def _has_sqlite_magic(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC


def _problem_in(db: sqlite3.Connection) -> str | None:
    """What is wrong with the database `db` reads; SQLite's other errors are raised."""
    try:
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        if _code(exc) in (_CORRUPT, _NOTADB):
            return "is damaged (SQLite cannot read it)"
        raise
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


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _set_aside(path: Path, identity: tuple[int, int], now: datetime) -> Path | None:
    """Rename the damaged file; None if it is no longer the file that was checked."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        if not path.exists() or _identity(path) != identity:
            return None  # never rename a fresh file another quizgen has started meanwhile
        path.rename(aside)
        for suffix in ("-wal", "-shm"):  # SQLite's companions belong with the file
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise _os_error(exc, path, "set aside the damaged file") from None
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

"""Opening the progress file: creating it, migrating its schema, telling real damage (set aside,
never deleted) from a lock, a read-only folder or a failing disk (reported as what they are).

`open_store` is the way in; the store itself and its records are in `quizgen.study.progress`.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from quizgen.errors import (
    ProgressReadOnlyError,
    ProgressStoreError,
)
from quizgen.study.progress import (
    _BUSY,
    _CANTOPEN,
    _CORRUPT,
    _LOCKED,
    _MAKE_WRITABLE,
    _MIGRATIONS,
    _NOT_SQLITE,
    _NOTADB,
    _READONLY,
    _SQLITE_MAGIC,
    _TABLES,
    _WAL_ATTEMPTS,
    BUSY_TIMEOUT_SECONDS,
    DB_FILE,
    ELSEWHERE,
    SCHEMA_VERSION,
    ProgressStore,
    _code,
    _is_read_only,
    _os_error,
    _store_error,
)


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

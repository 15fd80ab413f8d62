"""Opening the progress file: damage set aside, locks, read-only folders and files,
I/O errors, and many processes opening one fresh folder at once."""

from __future__ import annotations

import json
import os
import pwd
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from progress_rows import NOW, answer, open_fresh
from progress_workers import QUESTION, UNPRIVILEGED, run_alone, start_together

from quizgen.errors import ProgressIOError, ProgressLockedError, ProgressStoreError
from quizgen.study.progress import (
    DB_FILE,
    ELSEWHERE,
    CardRow,
)
from quizgen.study.progress_file import open_store

MAKE_WRITABLE = f"make it writable, {ELSEWHERE}"


def numbered_card(n: int) -> CardRow:
    return CardRow("f/mc", f'{{"n": {n}}}', NOW + timedelta(days=n))


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
    ("setup", "reason", "kept"),
    [
        (["CREATE TABLE notes (x)"], "is an SQLite database, but not quizgen's", (0, ["notes"])),
        (["PRAGMA user_version = 99"], "was written by a newer quizgen", (99, [])),
        (["PRAGMA user_version = 1"], "is missing quizgen's tables", (1, [])),
    ],
)
def test_foreign_sqlite_files_are_set_aside(
    tmp_path: Path, setup: list[str], reason: str, kept: tuple[int, list[str]]
) -> None:
    with closing(sqlite3.connect(tmp_path / DB_FILE)) as db:
        for statement in setup:
            db.execute(statement)
        db.commit()
    store, notice = open_store(tmp_path, NOW)
    store.close()
    assert notice is not None and reason in notice
    aside = tmp_path / f"{DB_FILE}.damaged-20260501T090000Z"
    with closing(sqlite3.connect(aside)) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert (version, tables) == kept


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


# Several quizzes at once, locks, read-only folders: real OS processes, never a timed assertion

PROCESSES = 8
ANSWERS_EACH = 5


def test_processes_started_together_on_a_fresh_folder_lose_no_answer_and_no_review(
    tmp_path: Path,
) -> None:
    for attempt in range(3):
        data = tmp_path / f"attempt-{attempt}"
        assert start_together("answer", data, PROCESSES, ANSWERS_EACH) == []
        with open_fresh(data) as store:
            assert [a.question_id for a in store.answers()] == [QUESTION] * (
                PROCESSES * ANSWERS_EACH
            )
            (card,) = store.cards()
        assert json.loads(card.card_json) == {"reviews": PROCESSES * ANSWERS_EACH}


def with_answers(data: Path, count: int) -> Path:
    with open_fresh(data) as store:
        for n in range(count):
            store.record_answer(answer(1, f"f{n}/mc"))
    return data / DB_FILE


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def hold_in_rollback_mode(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("BEGIN EXCLUSIVE")  # readers wait too


def hold_in_wal_mode(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("UPDATE sessions SET finished = finished")  # takes the lock readers need


@pytest.mark.parametrize("hold", [hold_in_rollback_mode, hold_in_wal_mode])
def test_a_locked_file_is_reported_and_left_alone(
    tmp_path: Path, hold: Callable[[sqlite3.Connection], None]
) -> None:
    path = with_answers(tmp_path, 2)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        hold(other)
        before = files_in(tmp_path)
        with pytest.raises(ProgressLockedError) as caught:
            open_store(tmp_path, NOW, busy_timeout=0.05)
        assert files_in(tmp_path) == before
        other.execute("ROLLBACK")
    assert str(caught.value) == (
        f"cannot open the progress file {path}: another program kept it locked for 0.05 s;"
        f" close other quizzes using it and try again, {ELSEWHERE}"
    )
    with open_fresh(tmp_path) as store:
        assert len(store.answers()) == 2


def test_an_answer_that_meets_a_lock_is_reported_and_can_be_given_again(tmp_path: Path) -> None:
    path = with_answers(tmp_path, 1)
    store, _notice = open_store(tmp_path, NOW, busy_timeout=0.05)
    with store, closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(
            ProgressLockedError, match=r"^cannot save progress to .* locked for 0\.05 s;"
        ):
            store.record_answer(answer(1, "late/mc"), lambda _previous: numbered_card(1))
        other.execute("ROLLBACK")
        store.record_answer(answer(1, "late/mc"), lambda _previous: numbered_card(1))
        assert [a.question_id for a in store.answers()] == ["f0/mc", "late/mc"]


def test_a_folder_where_the_file_should_be_is_a_named_error(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).mkdir()
    with pytest.raises(ProgressStoreError) as caught:
        open_store(tmp_path, NOW)
    assert str(caught.value) == (
        f"{tmp_path / DB_FILE} is a folder, but it is where quizgen keeps its progress file:"
        f" move it away, {ELSEWHERE}"
    )


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder the read-only worker can enter (as root it runs as `nobody`)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    try:
        user = pwd.getpwnam(UNPRIVILEGED)
    except KeyError:
        pytest.skip(f"running as root and there is no user {UNPRIVILEGED!r} to test as")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        os.chown(folder, user.pw_uid, user.pw_gid)
        yield Path(folder)


def hand_over(folder: Path) -> None:
    """As root, give `folder` and its files to the unprivileged user, so their modes apply."""
    if os.geteuid() == 0:
        user = pwd.getpwnam(UNPRIVILEGED)
        for path in (folder, *folder.iterdir()):
            os.chown(path, user.pw_uid, user.pw_gid)


@pytest.mark.parametrize(
    ("folder_mode", "file_mode", "answers"),
    [(0o555, 0o644, 2), (0o755, 0o444, 2), (0o555, 0o444, 2), (0o555, None, 0)],
    ids=["read-only folder", "read-only file", "both", "read-only folder, no file yet"],
)
def test_a_read_only_folder_or_file_is_reported_untouched_and_can_be_read(
    shared_folder: Path, folder_mode: int, file_mode: int | None, answers: int
) -> None:
    data = shared_folder / "data"
    data.mkdir()
    if file_mode is not None:
        with_answers(data, answers).chmod(file_mode)
    hand_over(data)
    data.chmod(folder_mode)
    before = files_in(data)
    try:
        done = run_alone("read-only", data)
        after = files_in(data)
    finally:
        data.chmod(0o755)
    assert done.returncode == 0, done.stderr
    where, what = (
        (f"in {data}", "folder") if folder_mode == 0o555 else (f"to {data / DB_FILE}", "file")
    )
    assert json.loads(done.stdout) == {
        "saving": [
            "ProgressReadOnlyError",
            f"cannot save progress {where}: the {what} is read-only; {MAKE_WRITABLE}",
        ],
        "answers": answers,
        "writing": "ProgressReadOnlyError",
        "notice": None,
    }
    if folder_mode == 0o555:
        assert after == before
    else:  # SQLite may leave its -wal and -shm files beside the read-only file
        assert after[DB_FILE] == before[DB_FILE]
        assert set(after) <= {DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm"}


def test_a_truly_corrupt_file_is_still_set_aside(tmp_path: Path) -> None:
    path = with_answers(tmp_path, 300)
    content = bytearray(path.read_bytes())
    page = 4096
    assert len(content) > 3 * page
    content[page : 3 * page] = b"\xa5" * (2 * page)  # two pages of the tables overwritten
    path.write_bytes(bytes(content))
    store, notice = open_store(tmp_path, NOW)
    with store:
        assert store.answers() == []
    aside = tmp_path / f"{DB_FILE}.damaged-20260501T090000Z"
    assert aside.read_bytes() == bytes(content)
    assert notice is not None and notice.startswith(f"Your progress file {path} is damaged (")


class FailingDisk:
    """A connection whose every statement meets a disk I/O error (no test can break a disk)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def execute(self, *args: object) -> None:
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 266  # type: ignore[attr-defined]  # SQLITE_IOERR_READ
        raise error

    def close(self) -> None:
        pass


def test_an_io_error_is_reported_and_the_file_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_answers(tmp_path, 1)
    before = files_in(tmp_path)
    monkeypatch.setattr(sqlite3, "connect", FailingDisk)
    with pytest.raises(ProgressIOError) as caught:
        open_store(tmp_path, NOW)
    monkeypatch.undo()
    assert files_in(tmp_path) == before
    assert str(caught.value) == (
        f"cannot open the progress file {path}: disk I/O error (nothing was changed); check the"
        f" disk, {ELSEWHERE}"
    )

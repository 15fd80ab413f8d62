"""Writing output files safely: whole or not at all, and one clear line when it cannot be done.

Every file quizgen writes (question sets, exports, built decks) goes through `write_atomic`: the
bytes go to a temporary file in the same folder, which then replaces the target in one step,
so an interrupted write never leaves half a file and a failed one leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from quizgen.errors import OutputError


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path` atomically; OutputError (one line naming the path) if not."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {path}: the folder {folder} does not exist; create it first"
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(_reason(path, exc)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(_reason(path, exc)) from None


def same_file(first: Path, second: Path) -> bool:
    """True when both paths name one existing file (also through links or `..`)."""
    try:
        return first.exists() and second.exists() and first.samefile(second)
    except OSError:
        return False


def _reason(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot write {path}: permission denied; choose a folder you can write to"
    if exc.errno == errno.EROFS:
        return f"cannot write {path}: the file system is read-only; choose another folder"
    if exc.errno == errno.ENOSPC:
        return f"cannot write {path}: the disk is full"
    return f"cannot write {path}: {exc.strerror or exc}"

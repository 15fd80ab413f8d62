"""Zip members written the same way every time: fixed dates, system and permissions."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from quizgen.exports.zip_members import EARLIEST, add_member


def archive_bytes(date_time: tuple[int, int, int, int, int, int] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if date_time is None:
            add_member(archive, "a.txt", b"alpha" * 100)
        else:
            add_member(archive, "a.txt", b"alpha" * 100, date_time)
        add_member(archive, "dir/b.xml", b"<b/>")
    return buffer.getvalue()


def test_members_read_back_with_the_fixed_date_and_permissions() -> None:
    with zipfile.ZipFile(io.BytesIO(archive_bytes((2016, 10, 7, 0, 0, 0)))) as archive:
        first, second = archive.infolist()
        assert archive.read("a.txt") == b"alpha" * 100
        assert archive.read("dir/b.xml") == b"<b/>"
    assert first.date_time == (2016, 10, 7, 0, 0, 0)
    assert second.date_time == EARLIEST
    for info in (first, second):
        assert (info.create_system, info.external_attr >> 16) == (3, 0o644)
        assert info.compress_type == zipfile.ZIP_DEFLATED


def test_the_clock_does_not_reach_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    before = archive_bytes()
    later = time.time() + 86_400 * 400
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    assert archive_bytes() == before

"""The characters every export treats alike: line boundaries, and what XML cannot carry."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.exports.characters import LINE_BREAK, NOT_XML, xml_safe


def xml_char(char: str) -> bool:
    """XML 1.0's Char production."""
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@given(st.text())
def test_line_break_splits_where_str_splitlines_does(text: str) -> None:
    lines = (text + ".").splitlines()  # the dot keeps a trailing empty line
    lines[-1] = lines[-1][:-1]
    assert LINE_BREAK.split(text) == lines


def test_every_control_and_unicode_line_boundary_is_one_break() -> None:
    for boundary in ("\r\n", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"):
        assert LINE_BREAK.split(f"a{boundary}b") == ["a", "b"]
    assert LINE_BREAK.split("a\u2028b\u2029c") == ["a", "b", "c"]


@given(st.text(st.characters(codec="utf-8")) | st.text())
def test_xml_safe_keeps_exactly_what_xml_can_carry(text: str) -> None:
    assert xml_safe(text) == "".join(c for c in text if xml_char(c))
    assert NOT_XML.search(xml_safe(text)) is None

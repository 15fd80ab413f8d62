"""Characters the export formats treat alike: every line boundary a text may hold, and those
XML 1.0 cannot carry at all (so neither Moodle XML nor an .xlsx cell can)."""

from __future__ import annotations

import re

#: Every line boundary str.splitlines knows (GIFT writes each as `\n`, Moodle XML as `<br>`).
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters XML 1.0 cannot carry, not even as `&#...;`.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return NOT_XML.sub("", text)

"""How refuso recognises a report it wrote: every format that can hold a marker carries one near its
start (HTML: a comment and a generator meta; JSON and SARIF: the tool's name; JUnit: a property), so a
report left in a folder being checked is skipped instead of being read as an article."""

from __future__ import annotations

import re

from lint import __version__

GENERATOR = f"refuso {__version__}"
HTML_COMMENT = "<!-- refuso-report: written by refuso, which never checks its own reports -->"

# The marker must sit in the first few kilobytes: a report is recognised without reading it whole.
HEAD_CHARS = 4096
_MARKERS = (
    ("HTML", re.compile(r'<!-- refuso-report:|<meta name="generator" content="refuso ')),
    ("SARIF", re.compile(r'"driver":\s*\{\s*"name":\s*"refuso"')),
    ("JSON", re.compile(r'^\s*\{\s*"version":\s*\d+,\s*"tool":\s*\{\s*"name":\s*"refuso"')),
    ("JUnit", re.compile(r'<property name="generator" value="refuso ')),
)


def report_format(text: str) -> str | None:
    """The format of the refuso report ``text`` is (``"HTML"``, ``"JSON"``…), or None when it is not one."""
    head = text[:HEAD_CHARS]
    for name, marker in _MARKERS:
        if marker.search(head):
            return name
    return None

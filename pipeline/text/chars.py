"""Small character-level helpers shared by every stage."""

from __future__ import annotations

import re

#: Characters that render as nothing; they count as whitespace when trimming
#: spans and when checking that every visible character is covered.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def is_blank(ch: str) -> bool:
    """True for whitespace (NBSP included) and zero-width characters."""
    return ch.isspace() or ch in INVISIBLE


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past blank characters at both ends."""
    while start < end and is_blank(text[start]):
        start += 1
    while end > start and is_blank(text[end - 1]):
        end -= 1
    return start, end


_LINE_RE = re.compile("[^\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of every non-blank line; CR, LF and CRLF all end a line."""
    spans = []
    for line in _LINE_RE.finditer(text):
        start, end = trim_span(text, line.start(), line.end())
        if start < end:
            spans.append((start, end))
    return spans

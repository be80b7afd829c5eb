"""Small character-level helpers shared by every stage."""

from __future__ import annotations

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


def line_spans(text: str) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of every non-blank line; CR, LF and CRLF all end a line."""
    spans = []
    pos = 0
    length = len(text)
    while pos <= length:
        cut = pos
        while cut < length and text[cut] not in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            cut += 1
        start, end = trim_span(text, pos, cut)
        if start < end:
            spans.append((start, end))
        if cut < length and text[cut] == "\r" and cut + 1 < length and text[cut + 1] == "\n":
            cut += 1
        pos = cut + 1
    return spans

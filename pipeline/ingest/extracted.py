"""Text extracted from a binary document (PDF, DOCX), and the view of it that structure and segmentation read.

The *extracted text* is every character the extractor found, page headers
and footers included, in reading order; clause offsets point into it (there
is no character stream in the file itself to point into). The *view* is the
policy text: furniture left out, hyphenation at line ends repaired, wrapped
lines joined into one line per paragraph. Each view character maps to the
extracted-text position it came from, as for HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ExtractedText:
    """The extracted text, the view with its map into the text, structure hints and notes for the manifest."""

    text: str
    view: str
    view_to_text: list[int]
    hints: dict[int, tuple[str, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    furniture_lines: int = 0


class TextBuilder:
    """Build an extracted text and its view side by side.

    >>> builder = TextBuilder()
    >>> builder.add("infor-")
    >>> builder.add("\\n", view="")
    >>> builder.add("mation")
    >>> builder.add("\\nPage 1\\n", view=None)
    >>> result = builder.build()
    >>> result.text, result.view, result.view_to_text[5]
    ('infor-\\nmation\\nPage 1\\n', 'infor-mation', 5)
    """

    def __init__(self) -> None:
        self._text: list[str] = []
        self._length = 0
        self._view: list[str] = []
        self._offsets: list[int] = []
        self.hints: dict[int, tuple[str, int]] = {}

    @property
    def view_length(self) -> int:
        return len(self._offsets)

    def add(self, text: str, view: str | None = ...) -> None:  # type: ignore[assignment]
        """Append ``text`` to the extracted text, and ``view`` (default: the same characters) to the view.

        ``view=None`` keeps the text out of the view (furniture); a different
        string stands for it in the view, each of its characters mapped to the
        start of ``text``.
        """
        start = self._length
        self._text.append(text)
        self._length += len(text)
        if view is ...:
            view = text
            offsets = range(start, start + len(text))
        elif view is None:
            return
        else:
            offsets = [start] * len(view)
        self._view.append(view)
        self._offsets.extend(offsets)

    def hint(self, kind: str, level: int) -> None:
        """Mark the view line that starts here as a ``heading`` or an ``item`` of ``level``."""
        self.hints[self.view_length] = (kind, level)

    def build(self, notes: list[str] | None = None, furniture_lines: int = 0) -> ExtractedText:
        return ExtractedText("".join(self._text), "".join(self._view), self._offsets, self.hints, notes or [], furniture_lines)


def missing_extra(format_name: str, extra: str) -> str:
    """The message for a format whose optional dependencies are not installed."""
    return f'{format_name} needs pip install "policy-clauses[{extra}]"'

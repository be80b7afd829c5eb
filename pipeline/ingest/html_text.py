"""Extract the text of an HTML policy, one block per line, with source offsets.

The standard-library parser reports where every tag and text run starts, so
each character of the extracted text keeps the offset of the character of the
HTML source it came from. Headings (h1-h6) and list items (li) are returned
as hints so that structure detection does not have to guess them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
LIST_TAGS = frozenset({"ul", "ol"})
HEADING_RE = re.compile(r"h([1-6])")
#: Whitespace that only lays out the source (every kind but NBSP, which the text means).
_LAYOUT_SPACE_RE = re.compile(r"[^\S\xa0]+")
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col"})


@dataclass
class HtmlText:
    """Extracted text, the source offset of each of its characters, and hints.

    ``hints`` maps the view offset where a line starts to ``("heading", level)``
    or ``("item", depth)``.
    """

    view: str
    view_to_text: list[int]
    hints: dict[int, tuple[str, int]] = field(default_factory=dict)


def extract_html_text(source: str) -> HtmlText:
    """Return the visible text of an HTML document with offsets into ``source``.

    >>> doc = extract_html_text("<h2>Data Retention</h2><ul><li>Logs: 90&nbsp;days</li></ul>")
    >>> doc.view.splitlines()
    ['Data Retention', 'Logs: 90\\xa0days']
    >>> sorted(doc.hints.values())
    [('heading', 2), ('item', 1)]
    """
    parser = _Extractor(source)
    parser.feed(source)
    parser.close()
    parser.end_block()
    return HtmlText("".join(parser.chars), parser.offsets, parser.hints)


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0, *(newline.end() for newline in re.finditer("\n", source))]
        self.chars: list[str] = []  # pieces of the view; a layout space is always a piece of its own
        self.offsets: list[int] = []
        self.length = 0
        self.hints: dict[int, tuple[str, int]] = {}
        self.skip_depth = 0
        self.list_depth = 0
        self.pending_hint: tuple[str, int] | None = None
        self.block_open = False

    def _pos(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def end_block(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
            self.length -= 1
        if self.block_open:
            self.chars.append("\n")
            self.offsets.append(self.offsets[-1])
            self.length += 1
        self.block_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            if tag not in VOID_TAGS:
                self.skip_depth += 1
            return
        if self.skip_depth or tag not in BLOCK_TAGS:
            return
        self.end_block()
        heading = HEADING_RE.fullmatch(tag)
        if heading:
            self.pending_hint = ("heading", int(heading.group(1)))
        elif tag == "li":
            self.pending_hint = ("item", max(self.list_depth, 1))
        elif tag in LIST_TAGS:
            self.list_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_depth and tag in BLOCK_TAGS:
            self.end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(self.skip_depth - 1, 0)
            return
        if self.skip_depth or tag not in BLOCK_TAGS:
            return
        self.end_block()
        self.pending_hint = None
        if tag in LIST_TAGS:
            self.list_depth = max(self.list_depth - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._append(data, self._pos())

    def handle_entityref(self, name: str) -> None:
        self._append_reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._append_reference(f"&#{name};")

    def _append_reference(self, reference: str) -> None:
        if self.skip_depth:
            return
        text = html.unescape(reference)
        start = self._pos()
        for ch in text:
            self._add(ch, start)

    def _append(self, data: str, start: int) -> None:
        position = 0
        for space in _LAYOUT_SPACE_RE.finditer(data):
            if space.start() > position:
                self._add_text(data[position : space.start()], start + position)
            self._add(" ", start + space.start())
            position = space.end()
        if position < len(data):
            self._add_text(data[position:], start + position)

    def _add_text(self, text: str, source_offset: int) -> None:
        """Append a run of characters with no layout whitespace, the first at ``source_offset``."""
        self._open_block()
        self.chars.append(text)
        self.offsets.extend(range(source_offset, source_offset + len(text)))
        self.length += len(text)

    def _open_block(self) -> None:
        if not self.block_open:
            if self.pending_hint is not None:
                self.hints[self.length] = self.pending_hint
                self.pending_hint = None
            self.block_open = True

    def _add(self, ch: str, source_offset: int) -> None:
        if ch.isspace() and ch != "\xa0":
            # Runs of layout whitespace collapse to one space inside a block.
            if not self.block_open or self.chars[-1] == " ":
                return
            ch = " "
        self._open_block()
        self.chars.append(ch)
        self.offsets.append(source_offset)
        self.length += 1

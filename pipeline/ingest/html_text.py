"""Extract the text of an HTML policy, one block per line, with source offsets and each line's context.

The standard-library parser reports where every tag and text run starts, so
each character of the extracted text keeps the offset of the character of the
HTML source it came from. Headings (h1-h6) and list items (li) are returned
as hints so that structure detection does not have to guess them; every line
also keeps the elements it sits in (tag, class and id words, role), its share
of link text and bold text, and its table cell, so that page furniture and
tables can be told apart afterwards (:mod:`pipeline.ingest.furniture`,
:mod:`pipeline.ingest.tables`).

The parse follows the browsers where it matters for what is shown: a missing
``</head>`` ends at the first element of the body, an unclosed ``<svg>`` or
``<math>`` ends at the next HTML block element, ``<object>`` shows its
fallback content, and omitted end tags (``<p>``, ``<li>``, ``<td>``, ...) are
closed where HTML closes them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose content a browser does not show as text.
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "iframe", "title"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
LIST_TAGS = frozenset({"ul", "ol"})
HEADING_RE = re.compile(r"h([1-6])")
#: Whitespace that only lays out the source (every kind but NBSP, which the text means).
_LAYOUT_SPACE_RE = re.compile(r"[^\S\xa0]+")
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "param", "source", "track"})
#: Elements that may stand in ``<head>``; any other start tag begins the body (HTML's "in head" rules).
HEAD_TAGS = frozenset({"head", "title", "meta", "link", "style", "script", "noscript", "base", "template"})
#: HTML start tags that end foreign content (an unclosed ``<svg>`` or ``<math>``), as in HTML's parsing rules.
FOREIGN_BREAKOUT_TAGS = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing "
    "main menu meta nobr ol p pre ruby s section small span strong strike sub sup table tt u ul var".split()
)
FOREIGN_TAGS = frozenset({"svg", "math"})
#: Elements nested deeper than this are not tracked (browsers cap the tree's depth too: Chromium at 512), so
#: that a page of ten thousand unclosed <div>s costs linear time.
MAX_DEPTH = 512
#: Start tags that close an open ``<p>`` (HTML's "close a p element").
P_CLOSERS = frozenset(
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr main menu nav ol p pre section summary table ul".split()
)
BOLD_TAGS = frozenset({"b", "strong"})
#: Inline elements drawn as boxes of their own: two of them side by side are two words on screen.
BOX_TAGS = frozenset({"a", "button", "label", "option", "summary"})
_WORD_RE = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True, eq=False)
class Element:
    """An open element as far as the text inside it is concerned (compared by identity: one per start tag)."""

    tag: str
    words: frozenset[str] = frozenset()  # lower-case words of its class and id ("usa-footer" -> usa, footer)
    role: str = ""
    hidden: bool = False
    href: str = ""


@dataclass
class HtmlLine:
    """One line (block) of the extracted text and where it sits in the page.

    ``cell`` is ``(table, row, column, is_header)`` for a line inside a table
    cell, numbered in document order; ``after_br`` is true when a ``<br>``
    (not a block element) started the line.
    """

    start: int
    end: int
    path: tuple[Element, ...]
    cell: tuple[int, int, int, bool] | None = None
    after_br: bool = False
    chars: int = 0
    link_chars: int = 0
    bold_chars: int = 0
    in_page_link_chars: int = 0  # link text whose target is on the same page ("#section-3"): tables of contents
    underline_chars: int = 0  # <u>: a line underlined from end to end is a title
    lead_bold_end: int = -1  # view offset where bold text that opens the line ends ("<b>Purpose:</b> We use ..."), -1 if none
    plain_seen: bool = False


@dataclass
class HtmlText:
    """Extracted text, the source offset of each of its characters, hints and lines.

    ``hints`` maps the view offset where a line starts to ``("heading", level)``
    or ``("item", depth)``.
    """

    view: str
    view_to_text: list[int]
    hints: dict[int, tuple[str, int]] = field(default_factory=dict)
    lines: list[HtmlLine] = field(default_factory=list)
    source: str = ""
    separators: int = 0


#: The separator of OPP-115's ``sanitized_policies/*.html`` (Wilson et al., ACL 2016) between the segments
#: annotators read. A separator is a break, not text: it ends the line it is on and never reaches a clause;
#: its characters stay in the decoded file, so offsets still cover them.
SEGMENT_SEPARATOR = "|||"
_SEPARATOR_RE = re.compile(r"\|\|\|(?:[ |]*\|\|\|)*")


#: The start of a tag, end tag, comment, declaration or processing instruction.
_UNTERMINATED_RE = re.compile(r"<[A-Za-z/!?]")
#: Where a run of text ends: markup, an entity, or an ``&#`` that starts a character reference (the standard library's
#: ``charref``). Any other ``&#`` is text, as in HTML: the standard library (3.11) stops parsing at it, and the rest of
#: the page then showed as raw markup or, past the end-of-page handling, was dropped.
_TEXT_END_RE = re.compile(r"<|&(?!#)|&#(?=(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_SECTION_NAME_RE = re.compile(r"<!\[\s*([A-Za-z][-_.A-Za-z0-9]*)")
_CDATA_CLOSE = re.compile(r"]\s*]\s*>")
_CONDITIONAL_CLOSE = re.compile(r"]\s*>")
#: What ends a marked section: CDATA and its SGML kin end at ``]]>``, Microsoft Office's conditional comments at ``]>``.
_SECTION_CLOSERS = {
    **dict.fromkeys(("cdata", "temp", "ignore", "include", "rcdata"), _CDATA_CLOSE),
    **dict.fromkeys(("if", "else", "endif"), _CONDITIONAL_CLOSE),
}


def extract_html_text(source: str) -> HtmlText:
    """Return the visible text of an HTML document with offsets into ``source``.

    >>> doc = extract_html_text("<h2>Data Retention</h2><ul><li>Logs: 90&nbsp;days</li></ul>")
    >>> doc.view.splitlines()
    ['Data Retention', 'Logs: 90\\xa0days']
    >>> sorted(doc.hints.values())
    [('heading', 2), ('item', 1)]
    >>> [line.path[-1].tag for line in extract_html_text("<nav><a href='/'>หน้าแรก</a></nav><p>นโยบาย").lines]
    ['a', 'p']
    >>> page = extract_html_text("Privacy Policy <br> We sell nothing. |||Cookies <br> We use cookies.")
    >>> page.view.splitlines(), page.separators
    (['Privacy Policy', 'We sell nothing.', 'Cookies', 'We use cookies.'], 1)
    """
    parser = _Extractor(source)
    parser.feed(source)
    parser.close()
    parser.end_block()
    return HtmlText("".join(parser.chars), parser.offsets, parser.hints, parser.lines, source, parser.separators)


#: An id of more words than this is a slug of the element's text ("how-we-share-your-data"), not a name of its role.
_MAX_ID_WORDS = 3


def _element(tag: str, attrs: list[tuple[str, str | None]]) -> Element:
    values = {name.lower(): (value or "") for name, value in attrs}
    id_words = _WORD_RE.findall(values.get("id", ""))
    names = values.get("class", "") + (" " + " ".join(id_words) if len(id_words) <= _MAX_ID_WORDS and not HEADING_RE.fullmatch(tag) else "")
    words = frozenset(word.lower() for word in _WORD_RE.findall(names))
    style = values.get("style", "").replace(" ", "").lower()
    hidden = "hidden" in values or values.get("aria-hidden", "").lower() == "true" or "display:none" in style
    return Element(tag, words, values.get("role", "").lower(), hidden, values.get("href", "") if tag == "a" else "")


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0, *(newline.end() for newline in re.finditer("\n", source))]
        self.chars: list[str] = []  # pieces of the view; a layout space is always a piece of its own
        self.offsets: list[int] = []
        self.length = 0
        self.hints: dict[int, tuple[str, int]] = {}
        self.separators = 0
        self.lines: list[HtmlLine] = []
        self.stack: list[Element] = []
        self.open_tags: Counter = Counter()
        self.pending_hint: tuple[str, int] | None = None
        self.block_open = False
        self.after_br = False
        self.after_box = False  # the last thing seen was the end of a link or button: the next one is a new word
        # Tables: the innermost table's (id, row, column, header) while a cell is open.
        self.table_count = 0
        self.row_count = 0
        self.tables: list[list] = []  # per open table: [table id, row id, column, in thead]
        self.unclosed_sections: dict[re.Pattern, int] = {}  # closer -> a position after which it is not in the page

    # -- the end of the page and odd markup ---------------------------------

    def reset(self) -> None:
        super().reset()
        self.interesting = _TEXT_END_RE

    def clear_cdata_mode(self) -> None:
        super().clear_cdata_mode()
        self.interesting = _TEXT_END_RE

    def close(self) -> None:
        """Finish the page as HTML does at its end: an unterminated tag, comment or declaration shows nothing.

        The whole page is fed at once, so what :meth:`feed` leaves unparsed
        starts at a construct whose end is nowhere in the page: in HTML it runs
        to the end of the file and shows nothing, even when quoted attribute
        values hold a ``>`` (``<a b='>'<a b='>'...``). The standard library's
        fallback instead reads each ``<`` of such a tail as text and rescans the
        rest of the page for an end every time, which is quadratic (32,000
        ``<a b='>'`` took minutes); CPython from 3.11.13 drops the construct too.
        """
        if _UNTERMINATED_RE.match(self.rawdata):
            self.rawdata = ""
        self.unclosed_sections.clear()  # positions in the fed page, not in what is left of it
        super().close()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![CDATA[ ... ]]>``, ``<![if ...]> ... <![endif]>``: the section shows nothing.

        A section whose closer is not in the page, and any other ``<![``, is a
        bogus comment that ends at the next ``>``, as in HTML. The standard
        library raises AssertionError on an unknown keyword (``<![ x``) and
        searches the rest of the page again for each unclosed section; here the
        first failed search is remembered, so a page of them stays linear.
        """
        rawdata = self.rawdata
        name = _SECTION_NAME_RE.match(rawdata, i)
        closer = _SECTION_CLOSERS.get(name.group(1).lower()) if name else None
        if closer is not None and i < self.unclosed_sections.get(closer, len(rawdata)):
            found = closer.search(rawdata, i + 3)
            if found:
                return found.end()
            self.unclosed_sections[closer] = i
        end = rawdata.find(">", i + 3)
        return end + 1 if end >= 0 else -1

    # -- the element stack -------------------------------------------------

    def _pos(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    @property
    def skipping(self) -> bool:
        return any(self.open_tags[tag] for tag in SKIPPED_TAGS)

    def _push(self, element: Element) -> None:
        if len(self.stack) >= MAX_DEPTH and element.tag not in SKIPPED_TAGS:
            return
        self.stack.append(element)
        self.open_tags[element.tag] += 1

    def _pop(self) -> Element:
        element = self.stack.pop()
        self.open_tags[element.tag] -= 1
        if element.tag == "table" and self.tables:
            self.tables.pop()
        elif element.tag == "thead" and self.tables:
            self.tables[-1][3] = False
        return element

    def _pop_through(self, tag: str, stop: frozenset[str] = frozenset()) -> None:
        """Close the innermost open ``tag`` and everything opened inside it (unless a ``stop`` element is in between)."""
        if not self.open_tags[tag]:
            return
        for element in reversed(self.stack):
            if element.tag == tag:
                break
            if element.tag in stop:
                return
        else:
            return
        while self._pop().tag != tag:
            pass

    def _close_implied(self, tag: str) -> None:
        if self.open_tags["head"] and tag not in HEAD_TAGS:
            self._pop_through("head")
        if tag in FOREIGN_BREAKOUT_TAGS and any(self.open_tags[t] for t in FOREIGN_TAGS):
            while any(self.open_tags[t] for t in FOREIGN_TAGS):
                self._pop()
        if tag in P_CLOSERS and self.open_tags["p"]:
            self._pop_through("p", stop=frozenset({"button", "td", "th", "table", "li"}))
        if tag == "li":
            self._pop_through("li", stop=LIST_TAGS)
        elif tag in ("dt", "dd"):
            self._pop_through("dt", stop=frozenset({"dl"}))
            self._pop_through("dd", stop=frozenset({"dl"}))
        elif tag in ("td", "th"):
            self._pop_through("td", stop=frozenset({"tr", "table"}))
            self._pop_through("th", stop=frozenset({"tr", "table"}))
        elif tag in ("tr", "tbody", "thead", "tfoot"):
            for inner in ("td", "th", "tr"):
                self._pop_through(inner, stop=frozenset({"table"}))
            if tag != "tr":
                for section in ("tbody", "thead", "tfoot"):
                    self._pop_through(section, stop=frozenset({"table"}))

    # -- blocks and lines --------------------------------------------------

    def end_block(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
            self.length -= 1
        if self.block_open:
            self.lines[-1].end = self.length
            self.chars.append("\n")
            self.offsets.append(self.offsets[-1])
            self.length += 1
        self.block_open = False
        self.after_box = False

    def _cell(self) -> tuple[int, int, int, bool] | None:
        if not self.tables or not (self.open_tags["td"] or self.open_tags["th"]):
            return None
        table, row, column, in_head = self.tables[-1]
        innermost = next(element.tag for element in reversed(self.stack) if element.tag in ("td", "th"))
        return table, row, column, in_head or innermost == "th"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        if tag in VOID_TAGS:
            self.handle_startendtag(tag, attrs)
            return
        element = _element(tag, attrs)
        if tag == "table":
            self.table_count += 1
            self.tables.append([self.table_count, None, -1, False])
        elif self.tables and tag in ("thead", "tbody", "tfoot"):
            self.tables[-1][3] = tag == "thead"
        elif self.tables and tag == "tr":
            self.row_count += 1
            self.tables[-1][1], self.tables[-1][2] = self.row_count, -1
        elif self.tables and tag in ("td", "th"):
            if self.tables[-1][1] is None:  # a cell with no <tr>: HTML opens the row itself
                self.row_count += 1
                self.tables[-1][1] = self.row_count
            self.tables[-1][2] += 1
        was_skipping = self.skipping
        self._push(element)
        if was_skipping or tag in SKIPPED_TAGS:
            return
        if tag in BOX_TAGS and self.after_box and self.block_open and self.chars[-1] != " ":
            self._add(" ", self._pos())  # <a>English</a><a>Español</a> reads as two words
        if tag not in BLOCK_TAGS:
            return
        self.end_block()
        self.after_br = False
        heading = HEADING_RE.fullmatch(tag)
        if heading:
            self.pending_hint = ("heading", int(heading.group(1)))
        elif tag == "li":
            self.pending_hint = ("item", max(sum(self.open_tags[t] for t in LIST_TAGS), 1))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            # <div/> or <svg .../>: HTML ignores the slash on non-void elements, but an empty element is the likelier intent.
            self._close_implied(tag)
            return
        if self.skipping or tag not in BLOCK_TAGS:
            return
        self.end_block()
        self.after_br = tag == "br"

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            # Nothing to close: browsers ignore it (a stray </p> still breaks the line).
            if tag in BLOCK_TAGS and not self.skipping:
                self.end_block()
            return
        was_skipping = self.skipping
        self._pop_through(tag)
        if was_skipping or tag in SKIPPED_TAGS:
            return
        if tag in BOX_TAGS or tag == "span":
            self.after_box = True
        if tag not in BLOCK_TAGS:
            return
        self.end_block()
        self.after_br = False
        self.pending_hint = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._pos()
        position = 0
        for separator in _SEPARATOR_RE.finditer(data) if SEGMENT_SEPARATOR in data else ():
            self._append(data[position : separator.start()], start + position)
            self.end_block()
            self.separators += separator.group().count(SEGMENT_SEPARATOR)
            position = separator.end()
        self._append(data[position:], start + position)

    def handle_entityref(self, name: str) -> None:
        self._append_reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._append_reference(f"&#{name}")

    def _append_reference(self, reference: str) -> None:
        """The text of ``&name`` or ``&#n``, with the ``;`` only when the source has one (``a&b`` stays ``a&b``)."""
        if self.skipping:
            return
        start = self._pos()
        text = html.unescape(reference + (";" if self.source.startswith(";", start + len(reference)) else ""))
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
        self._count(len(text))

    def _count(self, count: int) -> None:
        line = self.lines[-1]
        bold = bool(self.open_tags["b"] or self.open_tags["strong"])
        if not bold:
            line.plain_seen = True
        elif not line.plain_seen:
            line.lead_bold_end = self.length
        line.chars += count
        if self.open_tags["a"]:
            line.link_chars += count
            href = next((element.href for element in reversed(self.stack) if element.tag == "a"), "")
            if href.startswith("#") and len(href) > 1:
                line.in_page_link_chars += count
        if bold:
            line.bold_chars += count
        if self.open_tags["u"]:
            line.underline_chars += count
        self.after_box = False

    def _open_block(self) -> None:
        if not self.block_open:
            if self.pending_hint is not None:
                self.hints[self.length] = self.pending_hint
                self.pending_hint = None
            self.lines.append(HtmlLine(self.length, self.length, tuple(self.stack), self._cell(), self.after_br))
            self.after_br = False
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
        if ch != " ":
            self._count(1)

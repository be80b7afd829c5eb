"""Recover headings, list items and paragraphs from plain text and Markdown.

Policies copied out of web pages lose their markup, so structure has to be
read off the lines themselves:

- Markdown ``#`` lines are headings of that depth.
- Bullet lines ("-", "•", "−", "*", ...) and lettered lines ("ก)", "a)") are
  list items.
- Numbered lines ("6.", "3.1", "๓.๑") are section headings when they read like
  a title and content follows them, and numbered list items otherwise.
- Other short lines that read like a title ("Information We Collect",
  "แหล่งที่มาของข้อมูลส่วนบุคคล") are decided by their neighbours: after a
  heading or a lead-in they are list items, after body text they are headings
  of what follows.
- Everything else is a paragraph; a hard-wrapped paragraph is joined back.

Heading levels: numbers and Markdown give them; a title at the very top is
level 0; other plain-text headings are top sections (1) unless a lead-in
sentence introduces them or they are stacked under another heading.

Hints from the markup (:mod:`pipeline.ingest.html_text`,
:mod:`pipeline.ingest.markdown`, :mod:`pipeline.ingest.tables`) decide lines
outright: headings, list items, page furniture, table headers and rows, bold
lines that stand alone as titles, lines a ``<br>`` started, and lines that
continue the one before (``join``). Furniture and table headers are blocks of
their own kinds, never headings or clauses; so are tables of contents, found
as runs of lines that repeat the headings below them. Lines of a postal
address stay one block, and a run-in title ("**Purpose:** We use ...",
"Children. Our app ...") stays in its clause (``Block.keep_until``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text.language import THAI, detect_language
from ..records import Block
from ..text.chars import line_spans
from ..text.normalize import strip_markup
from .furniture import furniture_reason

BULLET_RE = re.compile(r"[-•−*–—·▪◦●○■□➢►▶✓✔➤+](?=\s)\s*")
MARKDOWN_HEADING_RE = re.compile(r"(#{1,6})\s+(?=\S)")
SECTION_NUMBER_RE = re.compile(
    r"(?:(?:\d{1,3}|[๐-๙]{1,3})(?:\.(?:\d{1,3}|[๐-๙]{1,3}))+\.?"  # 3.1  3.1.2  ๓.๑
    r"|(?:\d{1,3}|[๐-๙]{1,3})[.)]"  # 3.  3)  ๓.
    r"|\((?:\d{1,3}|[๐-๙]{1,3})\))"  # (3)
    r"(?=\s)\s*"
)
LETTER_RE = re.compile(
    r"(?:\(?[a-zA-Z]\)|[a-z]\.|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|\(?[ก-ฮ]\)|[ก-ฮ]\.)(?=\s)\s*"
)
# "Label: rest of the item" at the start of a line.
LABEL_RE = re.compile(r"[^:：\s][^:：]{0,60}[:：]\s")

#: Line endings that announce a list: English colons and Thai "as follows".
LEAD_IN_RE = re.compile(r"(?:[:：]|ดังต่อไปนี้|ดังนี้|ได้แก่|ดังกล่าวข้างล่างนี้)\s*[:：]?$")
TERMINAL_PUNCT = ".;,:!"
#: Subject words that open Thai statements; titles rarely start with them.
THAI_STATEMENT_OPENERS = ("บริษัท", "เรา", "ท่าน", "ผู้ใช้", "หาก", "ทั้งนี้")
ENGLISH_MINOR_WORDS = frozenset(
    "a an the and or nor but of to in on at by for with from into about as vs via "
    "is are be we you our your its their this that".split()
)

DEFAULT_TITLE_MAX_WORDS = 12
DEFAULT_WEAK_TITLE_MAX_WORDS = 8
DEFAULT_THAI_TITLE_MAX_CHARS = 80
DEFAULT_NUMBERED_THAI_TITLE_MAX_CHARS = 80
#: Files whose lines are mostly at most this long are treated as hard-wrapped.
DEFAULT_MAX_WRAP_WIDTH = 100
DEFAULT_MIN_WRAPPED_LINES = 10
#: Thai modal and negation words: a line that holds one states something.
THAI_STATEMENT_MARKERS = ("จะ", "อาจ", "ต้อง", "สามารถ", "ไม่")
#: How many title-like lines in a row may stack as headings after body text.
DEFAULT_MAX_STACKED_HEADINGS = 3


#: Line kinds that hints fix outright and the title rules never reconsider.
FIXED_KINDS = ("furniture", "row", "table_header")
#: Lines of a postal address: at most this many, each at most this long.
DEFAULT_ADDRESS_MAX_LINES = 8
DEFAULT_ADDRESS_LINE_MAX_CHARS = 60
DEFAULT_ADDRESS_LINE_MAX_WORDS = 8
#: A run of at least this many lines that repeat later headings is a table of contents.
DEFAULT_MIN_CONTENTS_LINES = 2
#: A line that names a contact section ("Contact us", "ที่อยู่") titles the address under it; it is not its first line.
_CONTACT_TITLE_RE = re.compile(r"(?:contact(?: us| information| details)?|(?:our |postal |mailing )?address(?:es)?|ติดต่อ(?:เรา|บริษัท)?|ช่องทางการติดต่อ|ที่อยู่)\s*[:：]?", re.IGNORECASE)
#: Titles of tables of contents, set apart with the contents under them.
_CONTENTS_TITLE_RE = re.compile(
    r"(?:table of contents|contents|on this page|in this (?:policy|notice|article|page|section)|jump to|quick links|สารบัญ|หัวข้อ(?:ในหน้านี้)?)\s*[:：]?",
    re.IGNORECASE,
)
_CONTACT_LABEL_RE = re.compile(r"[^\W\d_][\w .-]{0,24}[:：]")
#: Addressee lines that may carry a label ("Attn: Data Protection Officer").
_ADDRESSEE_LABEL_RE = re.compile(r"(?:attn|attention|c/o|care of|เรียน)\b", re.IGNORECASE)
#: A postcode: five or four digits (US, TH, DE, FR, NL, BE, AU ...), a UK or Dutch one, a Japanese one.
_POSTCODE_RE = re.compile(r"\b\d{4,6}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{4} ?[A-Z]{2}\b|\b\d{3}-\d{4}\b")
#: Dates are not addresses ("Effective 1 April 2026", "มีผลบังคับใช้ตั้งแต่วันที่ 1 เมษายน 2569").
_DATE_WORDS_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|effective|updated|version|"
    r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|วันที่|ปรับปรุง|มีผล",
    re.IGNORECASE,
)
_ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\S*\.[A-Za-z]{1,3})\.$")
# "**Purpose:** ...", "__สื่อโซเชียล__: ..." at the start of a line.
_MARKDOWN_RUN_IN_RE = re.compile(r"(\*\*|__)(?=\S)(?:(?!\1).){1,150}?\1[:：.]?[ \t]*(?=\S)")
# "Children. Our app ...", "Advertising controls. Our partners ...": one to three words and a stop, then a sentence.
_PLAIN_RUN_IN_RE = re.compile(r"[A-Z][\w'’&/-]*(?: [\w'’&/-]+){0,2}[.:][ \t]+(?=[A-Z\"“(])")
#: Numbers, e-mail addresses, links, table pipes and domain names ("repository.pki.gov"): never in a title. A domain
#: is matched from the start of its run of letters only, so that a long run without a dot is read once, not once per letter.
_NOT_IN_TITLES_RE = re.compile(r"\d|@|https?:|www\.|\||(?<![a-z0-9-])[a-z0-9-]+\.(?:[a-z]{2,}\.)*[a-z]{2,}\b")
#: A Markdown link "[text](target)"; neither part spans a bracket of its own kind, which keeps a run of brackets linear.
_MARKDOWN_LINK_RE = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
#: Words that make a short opening a sentence of its own ("Yes.", "We do."), not a title.
_NOT_TITLE_WORDS = frozenset("yes no ok okay sure i we you he she it they this that these those there here is are do does did to".split())


@dataclass
class _Line:
    start: int
    end: int
    body_start: int
    kind: str  # markdown, bullet, letter, numbered, text, furniture, row, table_header
    depth: int = 1
    indent: int = 0
    title: int = 0  # 2 strong title, 1 weak title, 0 body text
    bold: bool = False  # the whole line is bold: a title when content follows
    after_br: bool = False  # HTML: a <br> started the line
    atomic: bool = False  # never split into clauses (a postal address)


def detect_blocks(
    view: str,
    hints: dict[int, tuple[str, int]] | None = None,
    run_in_titles: dict[int, int] | None = None,
    wrapped: bool | None = None,
) -> list[Block]:
    """Return the headings, list items, paragraphs, table rows and furniture of a document.

    ``hints`` map line starts to what the markup says they are;
    ``run_in_titles`` map line starts to where a bold run-in title ends (HTML);
    ``wrapped`` says whether lines may be hard-wrapped paragraphs (default: when
    no hints are given, or the hints are not HTML's).

    >>> text = "6. Data Retention\\nWe keep logs for 90 days:\\n- Server logs\\n"
    >>> [(b.kind, text[b.start:b.end]) for b in detect_blocks(text)]
    [('heading', '6. Data Retention'), ('paragraph', 'We keep logs for 90 days:'), \
('item', '- Server logs')]
    >>> text = "3.1 รายละเอียดส่วนบุคคล\\nเพศ\\nอายุ\\n"
    >>> [b.kind for b in detect_blocks(text)]
    ['heading', 'item', 'item']
    """
    hints = hints or {}
    lines: list[_Line] = []
    for start, end in line_spans(view):
        hint = hints.get(start)
        if hint is not None and hint[0] == "join" and lines:
            lines[-1].end = end
            continue
        lines.append(_read_line(view, start, end, hint))
    if wrapped is None:
        wrapped = not hints
    if wrapped:
        lines = _join_wrapped(view, lines)
    lines = _join_broken_statements(view, lines)
    lines = _join_addresses(view, lines, by_breaks=not wrapped and bool(hints))
    _assign_list_depths(lines)
    _mark_contents(view, lines)
    content = [line for line in lines if line.kind != "furniture"]
    blocks = _Resolver(view, content).resolve()
    blocks = _merge_furniture(blocks, [line for line in lines if line.kind == "furniture"])
    return [_with_run_in_title(view, block, run_in_titles or {}) for block in blocks]


def strip_list_marker(text: str) -> str:
    """Drop a leading bullet, number or letter marker ("- ", "3.1 ", "ก) ").

    >>> strip_list_marker("• Right to Access: you may ask for a copy.")
    'Right to Access: you may ask for a copy.'
    >>> strip_list_marker("5.1 เพื่อติดต่อท่าน")
    'เพื่อติดต่อท่าน'
    """
    stripped = text.lstrip()
    for pattern in (MARKDOWN_HEADING_RE, SECTION_NUMBER_RE, LETTER_RE, BULLET_RE):
        match = pattern.match(stripped)
        if match and match.end() < len(stripped):
            return stripped[match.end():]
    return stripped


def is_lead_in(text: str) -> bool:
    """True when a sentence announces a list ("We may share it with:")."""
    return bool(LEAD_IN_RE.search(text.rstrip()))


def _read_line(view: str, start: int, end: int, hint: tuple[str, int] | None = None) -> _Line:
    raw_start = view.rfind("\n", 0, start) + 1
    indent = len(view[raw_start:start].expandtabs(4))
    line = view[start:end]
    kind, level = hint if hint is not None else ("", 0)
    if kind in ("heading", "item"):
        markdown = MARKDOWN_HEADING_RE.match(line) if kind == "heading" else None
        body_start = start + markdown.end() if markdown and markdown.end() < len(line) else start
        return _Line(start, end, body_start, "markdown" if kind == "heading" else "marked_item", level, indent)
    if kind in FIXED_KINDS:
        return _Line(start, end, start, kind, level, indent)
    if kind != "bold_title" and furniture_reason(line) is not None:
        return _Line(start, end, start, "furniture", 0, indent)
    read = _read_plain_line(view, start, end, line, indent)
    read.after_br = kind == "br"
    if kind == "bold_title" and read.kind == "text":
        read.title, read.bold = 2, True
    return read


def _read_plain_line(view: str, start: int, end: int, line: str, indent: int) -> _Line:
    for kind, pattern in (
        ("markdown", MARKDOWN_HEADING_RE),
        ("numbered", SECTION_NUMBER_RE),
        ("letter", LETTER_RE),
        ("bullet", BULLET_RE),
    ):
        match = pattern.match(line)
        if match and match.end() < len(line):
            depth = len(match.group(1)) if kind == "markdown" else 1
            if kind == "numbered":
                depth = match.group(0).strip().strip("().").count(".") + 1
            return _Line(start, end, start + match.end(), kind, depth, indent)
    return _Line(start, end, start, "text", indent=indent, title=_title_strength(line))


def _title_strength(line: str) -> int:
    """2 for a line that reads as a title, 1 for one that may be, 0 for body text (read without its emphasis marks)."""
    line = strip_markup(line) or line
    if detect_language(line) == THAI:
        if (
            len(line) <= DEFAULT_THAI_TITLE_MAX_CHARS
            and not is_lead_in(line)
            and not line.startswith(THAI_STATEMENT_OPENERS)
            and not any(marker in line for marker in THAI_STATEMENT_MARKERS)
            and not re.search(r"[0-9๐-๙]", line)
            and not LABEL_RE.match(line)
        ):
            return 1
        return 0
    if _NOT_IN_TITLES_RE.search(line) or line[-1] in TERMINAL_PUNCT:
        return 0  # numbers, addresses and domain names ("repository.pki.gov") are not in titles
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not words or not words[0][0].isupper():
        return 0
    if len(words) <= DEFAULT_TITLE_MAX_WORDS:
        major = [w for w in words if w.lower() not in ENGLISH_MINOR_WORDS] or words
        capitalised = sum(w[0].isupper() for w in major)
        if line.isupper() or capitalised / len(major) >= 0.75:
            return 2
    if len(words) <= DEFAULT_WEAK_TITLE_MAX_WORDS and line[-1] not in "?":
        return 1
    return 0


def _join_wrapped(view: str, lines: list[_Line]) -> list[_Line]:
    """Join lines of a hard-wrapped paragraph or item back into one.

    A line continues the one before it when that one has no closing
    punctuation and the next line starts in lower case, or, in a file wrapped
    at a fixed width, when the next line's first word would not have fitted
    on the line before.
    """
    width = _wrap_width(view, lines)
    joined: list[_Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(view, previous, line, width):
            previous.end = line.end
            previous.title = 0
            continue
        joined.append(line)
    return joined


def _continues(view: str, previous: _Line, line: _Line, width: int | None) -> bool:
    if (
        previous.kind not in ("text", "bullet", "numbered", "letter")
        or line.kind != "text"
        or previous.bold
        or line.bold
        or view[previous.end - 1] in ".!?:;"
        or view.count("\n", previous.end, line.start) != 1
    ):
        return False
    first = view[line.start]
    if first.isalpha() and first.islower():
        return True
    # The language of the last physical line only: re-reading the whole joined paragraph for each line is quadratic.
    if width is None or detect_language(view[view.rfind("\n", 0, previous.end) + 1:previous.end]) == THAI:
        return False
    first_word = len(view[line.start:line.end].split(None, 1)[0])
    return _physical_length(view, previous) + 1 + first_word > width


def _physical_length(view: str, line: _Line) -> int:
    return line.end - (view.rfind("\n", 0, line.end) + 1)


def _wrap_width(view: str, lines: list[_Line]) -> int | None:
    """The column a hard-wrapped file is wrapped at, or None when its lines are not wrapped."""
    if len(lines) < DEFAULT_MIN_WRAPPED_LINES:
        return None
    lengths = sorted(_physical_length(view, line) for line in lines)
    width = lengths[int(0.95 * (len(lengths) - 1))]
    return width if width <= DEFAULT_MAX_WRAP_WIDTH else None


def _join_broken_statements(view: str, lines: list[_Line]) -> list[_Line]:
    """Join a line a ``<br>`` started to the line before when it goes on with the same sentence.

    "We keep server logs<br>for 90 days." is one statement; "We keep logs.<br>We
    delete them." stays two lines, and so do Thai lines, which have no case to
    tell a continuation by.
    """
    joined: list[_Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        first = view[line.start]
        if (
            previous is not None
            and line.after_br
            and line.kind == "text"
            and previous.kind in ("text", "bullet", "numbered", "letter", "marked_item")
            and not previous.bold
            and view[previous.end - 1] not in ".!?:;"
            and first.isalpha()
            and first.islower()
        ):
            previous.end = line.end
            previous.title = 0
            continue
        joined.append(line)
    return joined


def _join_addresses(view: str, lines: list[_Line], by_breaks: bool) -> list[_Line]:
    """Join the lines of a postal address into one line that is never split.

    Address lines follow each other with a single line break (``by_breaks``:
    in HTML, with a ``<br>``); each is short, none ends a sentence or holds an
    e-mail address or a "Label:", and one of them holds a digit.
    """
    joined: list[_Line] = []
    i = 0
    while i < len(lines):
        run_end = i
        while (
            run_end + 1 < len(lines)
            and run_end - i + 1 < DEFAULT_ADDRESS_MAX_LINES
            and _address_line(view, lines[run_end + 1])
            and (lines[run_end + 1].after_br if by_breaks else view.count("\n", lines[run_end].end, lines[run_end + 1].start) == 1)
        ):
            run_end += 1
        run = lines[i:run_end + 1]
        texts = [view[line.start:line.end] for line in run]
        if (
            len(run) >= 2
            and _address_line(view, run[0])
            and any(_POSTCODE_RE.search(text) for text in texts)
            and not any(_DATE_WORDS_RE.search(text) for text in texts)
        ):
            first = run[0]
            joined.append(_Line(first.start, run[-1].end, first.start, "text", indent=first.indent, atomic=True))
            i = run_end + 1
            continue
        joined.append(lines[i])
        i += 1
    return joined


def _address_line(view: str, line: _Line) -> bool:
    text = view[line.start:line.end]
    return (
        line.kind == "text"
        and not line.bold
        and len(text) <= DEFAULT_ADDRESS_LINE_MAX_CHARS
        and len(text.split()) <= DEFAULT_ADDRESS_LINE_MAX_WORDS
        and text[-1] not in ":;?!"
        and (text[-1] != "." or _ABBREVIATION_END_RE.search(text) is not None)
        and "@" not in text
        and "http" not in text
        and "www." not in text
        and (not _CONTACT_LABEL_RE.match(text) or _ADDRESSEE_LABEL_RE.match(text) is not None)
        and not _CONTACT_TITLE_RE.fullmatch(text)
    )


def _contents_key(text: str) -> str:
    """A line's words for comparing a contents entry with a heading: no marks, numbers, links or case."""
    text = _MARKDOWN_LINK_RE.sub(r"\1", text)
    text = strip_list_marker(text)
    return " ".join(re.findall(r"[^\W\d_]+", text.casefold()))


def _mark_contents(view: str, lines: list[_Line]) -> None:
    """Turn tables of contents into furniture: runs of short lines that each come back further down, in order, apart.

    In a table of contents the entries reappear as the section titles below,
    each after the content of the one before; a list repeated in two sections
    ("Name", "E-mail") comes back as consecutive lines, and stays.
    """
    keys = [_contents_key(view[line.start:line.end]) if line.kind not in FIXED_KINDS else "" for line in lines]
    where: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key:
            where.setdefault(key, []).append(index)

    def next_after(key: str, position: int) -> int | None:
        # Positions are sorted: a binary search keeps a file of many repeated lines linear-logarithmic.
        positions = where[key]
        found = bisect.bisect_right(positions, position)
        return positions[found] if found < len(positions) else None

    i = 0
    while i < len(lines):
        run_end, last = i, -1
        while run_end < len(lines):
            key = keys[run_end]
            if not key or len(key.split()) > DEFAULT_TITLE_MAX_WORDS:
                break
            later = next_after(key, max(run_end, last + 1))
            if later is None:
                break
            last = later
            run_end += 1
        first_later = next_after(keys[i], i) if keys[i] else None
        if run_end - i >= DEFAULT_MIN_CONTENTS_LINES and first_later is not None and first_later >= run_end:
            title = i - 1 if i and _CONTENTS_TITLE_RE.fullmatch(strip_markup(view[lines[i - 1].start:lines[i - 1].end]).strip("#* ")) else i
            for j in range(title, run_end):
                lines[j].kind = "furniture"
        i = max(run_end, i + 1)


def _merge_furniture(blocks: list[Block], furniture: list[_Line]) -> list[Block]:
    """Put furniture lines back among the blocks, a run of furniture with nothing between as one block."""
    merged: list[Block] = []
    for block in sorted([*blocks, *(Block("furniture", line.start, line.end) for line in furniture)], key=lambda b: b.start):
        if merged and block.kind == "furniture" and merged[-1].kind == "furniture":
            merged[-1] = Block("furniture", merged[-1].start, block.end)
        else:
            merged.append(block)
    return merged


def _with_run_in_title(view: str, block: Block, run_in_titles: dict[int, int]) -> Block:
    """Set ``keep_until`` where a paragraph or item opens with a run-in title, or is never to be split."""
    if block.kind not in ("item", "paragraph") or block.keep_until >= block.end:
        return block
    end = run_in_titles.get(block.start, -1)
    body = view[block.body_start:block.end]
    match = _MARKDOWN_RUN_IN_RE.match(body) or _PLAIN_RUN_IN_RE.match(body)
    if match is not None and (match.re is _MARKDOWN_RUN_IN_RE or _is_title_words(match.group(0))):
        end = max(end, block.body_start + match.end())
    if end <= block.start:
        return block
    return Block(block.kind, block.start, block.end, block.level, block.body_start, keep_until=end)


def _is_title_words(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(words) and len(words) <= 3 and not any(word.lower() in _NOT_TITLE_WORDS for word in words)


def _assign_list_depths(lines: list[_Line]) -> None:
    """Nest bullet and letter items by indentation within each run of items."""
    indents: list[int] = []
    for line in lines:
        if line.kind not in ("bullet", "letter"):
            if line.kind != "text" or line.indent == 0:
                indents = []
            continue
        while indents and line.indent < indents[-1]:
            indents.pop()
        if not indents or line.indent > indents[-1]:
            indents.append(line.indent)
        line.depth = len(indents)


class _Resolver:
    """Decide heading, item or paragraph for each line, in document order."""

    def __init__(self, view: str, lines: list[_Line]) -> None:
        self.view = view
        self.lines = lines
        self.blocks: list[Block] = []
        # Lettered items ("ก)", "a)") right under a numbered item nest below it.
        self.numbered_item_open = False
        self.numbered_item_depth = 0

    def resolve(self) -> list[Block]:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if line.kind in ("row", "table_header"):
                self.numbered_item_open = False
                self.blocks.append(Block(line.kind, line.start, line.end, line.depth, line.start, keep_until=line.end))
                i += 1
                continue
            if line.bold and line.kind == "text":
                self._resolve_bold_title(i)
                i += 1
                continue
            if line.kind == "text" and line.title:
                run_end = i
                while run_end + 1 < len(self.lines) and self._extends_run(i, run_end):
                    run_end += 1
                self._resolve_title_run(i, run_end)
                i = run_end + 1
                continue
            self._resolve_line(i)
            i += 1
        return self.blocks

    def _resolve_bold_title(self, i: int) -> None:
        """A bold line standing alone is a heading, one level under the heading above, when content follows it."""
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if following is None or following.kind == "markdown" or (following.bold and not self._same_section(i)):
            self._paragraph(self.lines[i])
            return
        current = next((b.level for b in reversed(self.blocks) if b.kind == "heading"), 0)
        self._heading(self.lines[i], min(current + 1, 6) if any(b.kind == "heading" for b in self.blocks) else 1)

    def _same_section(self, i: int) -> bool:
        """Two bold lines in a row: the first titles the second's section only when content follows the second."""
        return i + 2 < len(self.lines) and not self.lines[i + 2].bold and self.lines[i + 2].kind != "markdown"

    def _extends_run(self, first: int, last: int) -> bool:
        """True when the line after ``last`` continues the run of title-like lines.

        A wider gap than the one between the run's first two lines ends it:
        "Name\nE-mail\n\nSecurity" is two items, then a heading.
        """
        following = self.lines[last + 1]
        if following.kind != "text" or not following.title or following.bold or following.atomic:
            return False
        if last == first:
            return True
        return self._gap(last) <= self._gap(first)

    def _gap(self, i: int) -> int:
        return self.view.count("\n", self.lines[i].end, self.lines[i + 1].start)

    def _text(self, line: _Line) -> str:
        return self.view[line.body_start:line.end]

    def _resolve_line(self, i: int) -> None:
        line = self.lines[i]
        if line.kind == "markdown":
            self._heading(line, line.depth)
        elif line.kind == "marked_item":
            self._item(line, line.depth)
        elif line.kind in ("bullet", "letter"):
            nested = line.kind == "letter" and self.numbered_item_open
            self._item(line, line.depth + nested)
            self.numbered_item_open = nested
        elif line.kind == "numbered":
            # A numbered line right after a numbered item of its depth is the
            # next item of that list ("4.3" after "4.2"), whatever follows it.
            continues_list = self.numbered_item_open and self.numbered_item_depth == line.depth
            if not continues_list and self._is_title(line) and self._content_follows(i):
                self._heading(line, line.depth)
            else:
                self._item(line, 1)
                self.numbered_item_open = True
                self.numbered_item_depth = line.depth
        elif self._continues_labelled_list(line):
            self._item(line, 1)
        else:
            self._paragraph(line)

    def _is_title(self, line: _Line) -> bool:
        text = self._text(line)
        if not text or text[-1] in ".;,:" or is_lead_in(text):
            return False
        if detect_language(text) == THAI:
            return len(text) <= DEFAULT_NUMBERED_THAI_TITLE_MAX_CHARS
        return len(text.split()) <= DEFAULT_TITLE_MAX_WORDS

    def _content_follows(self, i: int) -> bool:
        """True when the line after a numbered line is its content, not a sibling."""
        if i + 1 >= len(self.lines):
            return False
        line, following = self.lines[i], self.lines[i + 1]
        if following.kind == "numbered":
            return following.depth > line.depth
        return following.kind != "markdown"

    def _continues_labelled_list(self, line: _Line) -> bool:
        """A "Label: text" line right after a lead-in, or after such an item, is an item."""
        if not self.blocks or not LABEL_RE.match(self._text(line)):
            return False
        previous = self.blocks[-1]
        previous_text = self.view[previous.body_start:previous.end]
        if previous.kind == "paragraph":
            return is_lead_in(previous_text)
        unmarked = previous.body_start == previous.start
        return previous.kind == "item" and unmarked and bool(LABEL_RE.match(previous_text))

    def _resolve_title_run(self, first: int, last: int) -> None:
        run = self.lines[first:last + 1]
        following = self.lines[last + 1] if last + 1 < len(self.lines) else None
        previous = self.blocks[-1] if self.blocks else None
        content_follows = following is not None and following.kind != "markdown"
        at_top = not any(block.kind != "heading" for block in self.blocks)
        previous_is_lead_in = (
            previous is not None
            and previous.kind != "heading"
            and is_lead_in(self.view[previous.start:previous.end])
        )
        if not content_follows:
            as_headings = False
        elif at_top and previous is None:
            as_headings = True
        elif previous_is_lead_in:
            # "Our purposes:" then "Initial Consultation" and its own paragraph.
            as_headings = len(run) == 1 and run[0].title == 2 and not following.title
        elif previous is not None and previous.kind == "heading":
            as_headings = all(line.title == 2 for line in run) and following.kind == "text"
        else:
            as_headings = len(run) <= DEFAULT_MAX_STACKED_HEADINGS
        if not as_headings:
            for line in run:
                if previous_is_lead_in or (previous is not None and previous.kind == "heading"):
                    self._item(line, 1)
                else:
                    self._paragraph(line)
            return
        for line, level in zip(run, self._plain_levels(len(run), at_top, previous_is_lead_in)):
            self._heading(line, level)

    def _plain_levels(self, count: int, at_top: bool, after_lead_in: bool) -> list[int]:
        if at_top:
            return [0] if count == 1 else [i - (count - 2) for i in range(count)]
        if after_lead_in:
            current = next((b.level for b in reversed(self.blocks) if b.kind == "heading"), 0)
            return [max(current, 0) + 1]
        return [1 + i for i in range(count)]

    def _heading(self, line: _Line, level: int) -> None:
        self.numbered_item_open = False
        self.blocks.append(Block("heading", line.start, line.end, level, line.body_start))

    def _item(self, line: _Line, depth: int) -> None:
        self.blocks.append(Block("item", line.start, line.end, depth, line.body_start))

    def _paragraph(self, line: _Line) -> None:
        self.numbered_item_open = False
        self.blocks.append(Block("paragraph", line.start, line.end, 0, line.start, keep_until=line.end if line.atomic else -1))

"""Extract the text of a PDF policy with pdfplumber: page furniture out, hyphenation repaired, paragraphs and headings found.

pdfplumber (over pdfminer.six) gives each text line with its position, font
and size, which is what telling a running header from a heading needs;
text-only extractors lose it. It is an optional extra:
``pip install "policy-clauses[pdf]"``.

- **Page furniture**: lines in the top or bottom margin band of a page that
  repeat on other pages once digits are ignored ("Page 3 of 12", the
  company name, "Confidential") or that are bare page numbers. They stay in
  the extracted text (offsets cover them) and out of the view; the count is
  in the manifest notes.
- **Paragraphs**: a line continues the one before it unless the vertical
  gap is wider than the usual line spacing, the font changes, or it starts
  with a list marker; a paragraph may run over a page break.
- **Hyphenation**: a hyphen at a line end before a lower-case letter is a
  hyphenation ("infor-" + "mation" reads "information") unless the document
  writes that word with a hyphen elsewhere ("e-mail").
- **Headings**: short paragraphs in a larger font than the body, or all in
  bold, that do not end like a sentence; larger fonts give higher levels.

Offsets point into the extracted text: lines joined by ``\\n``, each page
ended by ``\\f`` (as ``pdftotext`` does).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from .extracted import ExtractedText, TextBuilder

#: Share of the page height at the top and at the bottom where running headers and footers live.
DEFAULT_MARGIN_BAND = 0.12
#: A margin line is furniture when it repeats (digits ignored) on at least this share of the pages.
DEFAULT_REPEAT_SHARE = 0.5
#: A paragraph break is a vertical gap wider than the usual gap between lines by this share of a line's height.
DEFAULT_PARAGRAPH_GAP = 0.3
#: A heading's font is at least this much larger than the body's (or the heading is all bold).
DEFAULT_HEADING_SIZE_RATIO = 1.15
DEFAULT_HEADING_MAX_WORDS = 15

_PAGE_NUMBER_RE = re.compile(r"(?i)^[-–—(\[ ]*(?:page|p\.|หน้า(?:ที่)?)?\s*#+\s*(?:(?:of|/|จาก)\s*#+)?[-–—)\] ]*$")
_DIGITS_RE = re.compile(r"[0-9๐-๙]+")
_LIST_MARKER_RE = re.compile(r"^(?:[-•−*–—·▪◦●○■□➢►▶✓✔➤](?=\s)|\(?(?:\d{1,3}|[๐-๙]{1,3}|[a-zA-Zก-ฮ])[.)](?=\s))")
_BOLD_RE = re.compile(r"(?i)bold|black|heavy|semibold|demi")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class _Line:
    page: int
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    furniture: bool = False


def extract_pdf(data: bytes) -> ExtractedText:
    """The text of a PDF, its view and hints (see the module docstring); raises ValueError for a PDF that cannot be read.

    English and Thai examples are in ``tests/test_pdf_docx.py``, which builds
    its PDFs with fpdf2.
    """
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [(_page_lines(page, number), float(page.height)) for number, page in enumerate(pdf.pages)]
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a readable PDF ({type(error).__name__}: {error})") from error
    except Exception as error:  # pdfminer raises many private error types on damaged files
        if type(error).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise ValueError(f"not a readable PDF ({type(error).__name__}: {error})") from error
        raise
    _mark_furniture(pages)
    lines = [line for page_lines, _ in pages for line in page_lines]
    return _build(lines, len(pages))


def _page_lines(page, number: int) -> list[_Line]:
    lines = []
    for line in page.extract_text_lines(strip=True, return_chars=True):
        chars = [ch for ch in line["chars"] if not ch["text"].isspace()]
        if not line["text"].strip() or not chars:
            continue
        sizes = Counter(round(float(ch["size"]), 1) for ch in chars)
        bold = sum(bool(_BOLD_RE.search(ch.get("fontname", ""))) for ch in chars) > 0.8 * len(chars)
        lines.append(_Line(number, line["text"], float(line["top"]), float(line["bottom"]), float(line["x0"]),
                           float(line["x1"]), sizes.most_common(1)[0][0], bold))
    return lines


def _mark_furniture(pages: list[tuple[list[_Line], float]]) -> None:
    """Mark running headers, footers and page numbers in the margin bands."""
    def in_band(line: _Line, height: float) -> bool:
        return line.bottom <= height * DEFAULT_MARGIN_BAND or line.top >= height * (1 - DEFAULT_MARGIN_BAND)

    def key(line: _Line) -> str:
        return _DIGITS_RE.sub("#", line.text).strip().lower()

    seen: Counter = Counter()
    for lines, height in pages:
        seen.update({key(line) for line in lines if in_band(line, height)})
    needed = max(2, DEFAULT_REPEAT_SHARE * len(pages))
    for lines, height in pages:
        for line in lines:
            if in_band(line, height) and (seen[key(line)] >= needed or _PAGE_NUMBER_RE.match(key(line))):
                line.furniture = True


def _build(lines: list[_Line], page_count: int) -> ExtractedText:
    content = [line for line in lines if not line.furniture]
    body_size = _body_size(content)
    gaps = [b.top - a.bottom for a, b in zip(content, content[1:]) if a.page == b.page and b.top > a.bottom]
    usual_gap = sorted(gaps)[len(gaps) // 4] if gaps else 0.0  # the lower quartile: short paragraphs make the median a paragraph gap
    words = {word.lower() for line in content for word in _WORD_RE.findall(line.text)}
    # How each content line joins the next one: "paragraph", "space", "hyphen" (dropped) or "keep-hyphen".
    joins = [_join(a, b, usual_gap, words) for a, b in zip(content, content[1:])] + ["paragraph"]
    paragraph_starts = [0] + [i + 1 for i, join in enumerate(joins[:-1]) if join == "paragraph"]
    heading_levels = _heading_levels(content, paragraph_starts, joins, body_size)

    builder = TextBuilder()
    position = {id(line): i for i, line in enumerate(content)}
    page = 0
    pending_join = "paragraph"
    for line in lines:
        while line.page > page:
            builder.add("\f", view=None)
            page += 1
        index = position.get(id(line))
        if index is None:
            builder.add(line.text + "\n", view=None)
            continue
        if pending_join == "paragraph" and index in heading_levels:
            builder.hint("heading", heading_levels[index])
        join = joins[index]
        text = line.text
        if join == "hyphen":
            builder.add(text[:-1])
            builder.add(text[-1], view="")
        else:
            builder.add(text)
        separator = {"paragraph": "\n", "space": " ", "hyphen": "", "keep-hyphen": ""}[join]
        builder.add("\n", view=separator)
        pending_join = join
    while page < page_count:
        builder.add("\f", view=None)
        page += 1
    furniture = sum(line.furniture for line in lines)
    notes = ["text extracted from PDF: offsets point into the extracted text"]
    if furniture:
        notes.append(f"{furniture} page header/footer line{'s' * (furniture != 1)} kept out of the clauses")
    hyphens = joins.count("hyphen")
    if hyphens:
        notes.append(f"{hyphens} line-end hyphenation{'s' * (hyphens != 1)} repaired")
    return builder.build(notes, furniture)


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _join(previous: _Line, line: _Line, usual_gap: float, words: set[str]) -> str:
    """How ``line`` follows ``previous``: a new paragraph, or the same one with a space or a repaired hyphen."""
    if (previous.size, previous.bold) != (line.size, line.bold) or _LIST_MARKER_RE.match(line.text):
        return "paragraph"
    if line.page == previous.page:
        extra_space = max(DEFAULT_PARAGRAPH_GAP * (previous.bottom - previous.top), 2.0)
        if line.top - previous.bottom > usual_gap + extra_space:
            return "paragraph"
    elif previous.text[-1] in ".:;!?":
        return "paragraph"  # a page that ends a sentence ends the paragraph there
    if previous.text.endswith(("-", "\xad")) and len(previous.text) > 1 and previous.text[-2].isalpha() and line.text[0].islower():
        left = _WORD_RE.findall(previous.text[:-1])
        right = _WORD_RE.findall(line.text)
        if left and right and f"{left[-1]}-{right[0]}".lower() in words and previous.text[-1] == "-":
            return "keep-hyphen"
        return "hyphen"
    return "space"


def _heading_levels(content: list[_Line], starts: list[int], joins: list[str], body_size: float) -> dict[int, int]:
    """Content-line index of each heading paragraph's first line -> heading level (1 for the largest font)."""
    candidates: dict[int, tuple[float, bool]] = {}
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(content)
        paragraph = content[start:end]
        text = " ".join(line.text for line in paragraph)
        larger = all(line.size >= body_size * DEFAULT_HEADING_SIZE_RATIO for line in paragraph)
        bold = all(line.bold for line in paragraph)
        if (larger or bold) and len(paragraph) <= 3 and len(text.split()) <= DEFAULT_HEADING_MAX_WORDS and text[-1] not in ".;,":
            candidates[start] = (paragraph[0].size, bold)
    sizes = sorted({size for size, _ in candidates.values()}, reverse=True)
    return {start: sizes.index(size) + 1 for start, (size, _) in candidates.items()}

"""Normalize: the comparable form of a clause's text (``text_norm``), of a heading and of a table row.

The raw text stays untouched in ``text_raw``; ``text_norm`` drops list
markers, Markdown emphasis (``**``, ``__``, ``*``, ``_``, backticks), BBCode
(``[B]``, ``[url=...]``), inline HTML tags left in text and Markdown hard
breaks, removes zero-width characters, folds Unicode and collapses
whitespace. English takes NFKC (full-width letters, ligatures); Thai takes NFC
only, because NFKC splits SARA AM (ำ) into two characters, and then
PyThaiNLP's normalizer puts vowels and tone marks in canonical order.
"""

from __future__ import annotations

import re
import unicodedata

from .language import THAI
from .chars import INVISIBLE

_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_SPACE_RE = re.compile(r"\s+")
_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")
# *word* and _word_ emphasis: a single star or underscore that opens at a word start and closes at a word end.
_SINGLE_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_BBCODE_RE = re.compile(r"\[/?(?:b|i|u|s|em|strong|size|color|font|center|left|right|quote|url|list|\*)(?:=[^\]\n]{0,200})?\]", re.IGNORECASE)
_INLINE_TAG_RE = re.compile(r"</?(?:b|i|u|s|em|strong|br|span|a|sup|sub|small|mark|code)\b[^<>\n]{0,200}>", re.IGNORECASE)
_HARD_BREAK_RE = re.compile(r"\\(?=\n|$)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "−": "-", "–": "-", "—": "-"})
# "# Title #", a setext underline ("=====", "-----") on its own line, emphasis around the whole title.
_HEADING_MARKS_RE = re.compile(r"^\s*#{1,6}\s+|\s+#+\s*$|\n\s*(?:=+|-+)\s*$")


def normalize_text(text: str, lang: str) -> str:
    """Return the normalized form of a clause body (list marker already removed).

    >>> normalize_text("  We keep **server logs**\\u200b for 90\\u00a0days. ", "en")
    'We keep server logs for 90 days.'
    >>> normalize_text("_Mozilla does not receive your search queries._", "en")
    'Mozilla does not receive your search queries.'
    >>> normalize_text("[B]บริษัทจะเก็บข้อมูลไว้[/B]  ๕ ปี", "th")
    'บริษัทจะเก็บข้อมูลไว้ ๕ ปี'
    """
    text = _INVISIBLE_RE.sub("", text)
    text = strip_markup(text)
    if lang == THAI:
        from pythainlp.util import normalize as thai_normalize

        text = thai_normalize(unicodedata.normalize("NFC", text))
    else:
        # ASCII is already in NFKC form and has none of the quotes to fold.
        text = text if text.isascii() else unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE_RE.sub(" ", text).strip()


def strip_markup(text: str) -> str:
    """Drop Markdown emphasis, BBCode, inline HTML tags and hard-break backslashes; keep the words.

    >>> strip_markup("**Purpose:** we use *your* data_store [b]only[/b]<br>")
    'Purpose: we use your data_store only'
    """
    if not any(mark in text for mark in "*_`[<\\"):
        return text
    text = _BBCODE_RE.sub("", text)
    text = _INLINE_TAG_RE.sub(" ", text)
    text = _HARD_BREAK_RE.sub("", text)
    text = _EMPHASIS_RE.sub("", text)
    return _SINGLE_EMPHASIS_RE.sub(lambda match: match.group(1) or match.group(2), text).strip()


def heading_text(text: str) -> str:
    """A heading's words without its markup: ``#`` marks, a setext underline, emphasis, BBCode.

    >>> heading_text("## **Data Retention** ##"), heading_text("Privacy Policy\\n--------------")
    ('Data Retention', 'Privacy Policy')
    >>> heading_text("[B]ระยะเวลาการเก็บรักษา[/B]")
    'ระยะเวลาการเก็บรักษา'
    """
    text = _HEADING_MARKS_RE.sub("", text.strip())
    return _SPACE_RE.sub(" ", strip_markup(text).strip("*_ ")).strip()


def table_row_text(text: str, lang: str, label: str = ": ") -> str:
    """A table row's normalized text: its cells in order, the first (the row's label) followed by ``label``, the rest by " | ".

    The label form lets a row read as the labelled statements elsewhere in a
    policy ("Server logs: 90 days"), so what a period applies to is found.

    >>> table_row_text("| Server logs | 90 days |", "en")
    'Server logs: 90 days'
    >>> table_row_text("ข้อมูล\\nระยะเวลาการเก็บรักษา", "th", " | ")
    'ข้อมูล | ระยะเวลาการเก็บรักษา'
    """
    from ..ingest.tables import row_cells

    cells = [cell for cell in (normalize_text(cell, lang) for cell in row_cells(text)) if cell]
    if len(cells) < 2:
        return " ".join(cells)
    return cells[0] + label + " | ".join(cells[1:])


#: Marks that open what follows them: emphasis, brackets and quotes ("**Do not ...", "_Mozilla ...", "([Here](...)").
_OPENING_MARKS = "*_([{\"“‘'"
_WORD_CHAR_RE = re.compile(r"\w")


def snap_cuts(text: str, cuts: list[int], end: int) -> list[int]:
    """Clause starts moved back over the marks that open their sentence; a start whose piece holds no word is dropped.

    A sentence boundary found after "**" or "(" puts the mark in the wrong
    clause, and one before a closing "**" leaves a clause of marks alone.

    >>> text = "We keep logs. **Do not share secrets.** ([Here](x) is how.)"
    >>> [text[cut:cut + 5] for cut in snap_cuts(text, [16, 39, 42], len(text))]
    ['**Do ', '([Her']
    >>> text = "เราเก็บข้อมูล _เราไม่ขายข้อมูล_"
    >>> [text[cut:] for cut in snap_cuts(text, [14], len(text))]
    ['_เราไม่ขายข้อมูล_']
    """
    snapped: list[int] = []
    bounds = [*cuts, end]
    for cut, following in zip(cuts, bounds[1:]):
        while cut > 0 and text[cut - 1] in _OPENING_MARKS and (cut < 2 or not _WORD_CHAR_RE.match(text[cut - 2]) or text[cut - 2] in "*_"):
            cut -= 1
        if not _WORD_CHAR_RE.search(text, cut, following):
            continue
        if snapped and cut <= snapped[-1]:
            continue
        snapped.append(cut)
    return snapped

"""Language of a span by its script: Thai, English (Latin) or undetermined.

Policies mix Thai and English inside one file and even one line, so the
language is decided per block and per clause, never per file.
"""

from __future__ import annotations

import re
import unicodedata

THAI = "th"
ENGLISH = "en"
UNDETERMINED = "und"

#: E-mail addresses and URLs: Latin letters that say nothing about the language.
ADDRESS_RE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")

#: A span is Thai when at least this share of its letters is Thai script.
DEFAULT_THAI_SHARE = 0.3


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))


def _class_of(chars: list[str]) -> str:
    """A regular-expression character class of ``chars``, as ranges."""
    ranges, start, last = [], None, None
    for ch in chars:
        if start is not None and ord(ch) == ord(last) + 1:
            last = ch
            continue
        if start is not None:
            ranges.append((start, last))
        start = last = ch
    if start is not None:
        ranges.append((start, last))
    return "[" + "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges) + "]"


# The blocks that hold Latin letters (Basic Latin to IPA, phonetic and extended
# additions, sub- and superscripts, letter-like forms, Latin Extended-C/D/E,
# ligatures, full-width forms, Latin Extended-F/G); a test checks every code point.
_LATIN_BLOCKS = ((0x0000, 0x02FF), (0x1D00, 0x1EFF), (0x2070, 0x218F), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
                 (0xFB00, 0xFB4F), (0xFF00, 0xFFEF), (0x10780, 0x107BF), (0x1DF00, 0x1DFFF))
_THAI_RE = re.compile("[\u0e00-\u0e7f]")
_LATIN_RE = re.compile(_class_of([chr(cp) for low, high in _LATIN_BLOCKS for cp in range(low, high + 1) if _is_latin_letter(chr(cp))]))


def count_scripts(text: str) -> tuple[int, int]:
    """Return ``(thai, latin)`` letter counts of ``text``, not counting URLs and e-mail addresses.

    >>> count_scripts("บริษัท (Company) https://example.com")
    (6, 7)
    """
    text = ADDRESS_RE.sub(" ", text)
    return len(_THAI_RE.findall(text)), len(_LATIN_RE.findall(text))


def detect_language(text: str, thai_share: float = DEFAULT_THAI_SHARE) -> str:
    """Return ``"th"``, ``"en"`` or ``"und"`` for a span of text.

    >>> detect_language("We collect your e-mail address.")
    'en'
    >>> detect_language("บริษัทเก็บรวบรวมอีเมลของท่าน (e-mail)")
    'th'
    >>> detect_language("+66 2 123 4567")
    'und'
    """
    thai, latin = count_scripts(text)
    if thai + latin == 0:
        return UNDETERMINED
    if thai / (thai + latin) >= thai_share:
        return THAI
    return ENGLISH


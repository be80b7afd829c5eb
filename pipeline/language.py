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


def is_thai_char(ch: str) -> bool:
    """True for a character of the Thai Unicode block (letters, vowels, digits)."""
    return "\u0e00" <= ch <= "\u0e7f"


def count_scripts(text: str) -> tuple[int, int]:
    """Return ``(thai, latin)`` letter counts of ``text``, not counting URLs and e-mail addresses."""
    thai = latin = 0
    for ch in ADDRESS_RE.sub(" ", text):
        if is_thai_char(ch):
            thai += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            latin += 1
    return thai, latin


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


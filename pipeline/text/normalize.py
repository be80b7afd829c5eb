"""Normalize: the comparable form of a clause's text (``text_norm``).

The raw text stays untouched in ``text_raw``; ``text_norm`` drops list
markers and Markdown emphasis, removes zero-width characters, folds Unicode
and collapses whitespace. English takes NFKC (full-width letters, ligatures);
Thai takes NFC only, because NFKC splits SARA AM (ำ) into two characters, and
then PyThaiNLP's normalizer puts vowels and tone marks in canonical order.
"""

from __future__ import annotations

import re
import unicodedata

from .language import THAI
from .chars import INVISIBLE

_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_SPACE_RE = re.compile(r"\s+")
_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "−": "-", "–": "-", "—": "-"})


def normalize_text(text: str, lang: str) -> str:
    """Return the normalized form of a clause body (list marker already removed).

    >>> normalize_text("  We keep **server logs**\\u200b for 90\\u00a0days. ", "en")
    'We keep server logs for 90 days.'
    >>> normalize_text("บริษัทจะเก็บข้อมูลไว้  ๕ ปี", "th")
    'บริษัทจะเก็บข้อมูลไว้ ๕ ปี'
    """
    text = _INVISIBLE_RE.sub("", text)
    text = _EMPHASIS_RE.sub("", text)
    if lang == THAI:
        from pythainlp.util import normalize as thai_normalize

        text = thai_normalize(unicodedata.normalize("NFC", text))
    else:
        # ASCII is already in NFKC form and has none of the quotes to fold.
        text = text if text.isascii() else unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE_RE.sub(" ", text).strip()

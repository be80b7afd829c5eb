"""Decode policy files whose encoding nobody recorded.

Order of trust: a byte-order mark, then strict UTF-8, then UTF-16 without a
mark (recognised by its NUL pattern), then Windows-874 (the superset of
TIS-620 that Thai Windows and many Thai web pages use) when the high bytes
fall where Thai letters live, and Latin-1 last.
"""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Thai letters, vowels and digits sit at 0xA1-0xFB in TIS-620 / Windows-874.
_THAI_BYTE_RANGE = range(0xA1, 0xFC)
_MAX_CONTROL_RATIO = 0.02


class DecodeError(ValueError):
    """The bytes are not text in any encoding this pipeline reads."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a policy file.

    >>> decode_bytes("Privacy".encode("utf-16"))
    ('Privacy', 'utf-16-le')
    >>> decode_bytes("นโยบาย".encode("cp874"))
    ('นโยบาย', 'cp874')
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], name.replace("-sig", ""))
            if text is None:
                raise DecodeError(f"bytes after the {name} byte-order mark are not valid {name}")
            return _checked(text), name
    text = _strict(data, "utf-8")
    if text is not None and "\x00" not in text:
        return _checked(text), "utf-8"
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name is None:
            raise DecodeError("binary content (NUL bytes) that is not UTF-16 text")
        return _checked(_strict(data, name) or ""), name
    if _looks_thai_single_byte(data):
        text = _strict(data, "cp874")
        if text is not None:
            return _checked(text), "cp874"
    return _checked(data.decode("latin-1")), "latin-1"


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 byte order from where the NULs of ASCII characters fall."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = max(len(data) // 2, 1)
    if len(data) % 2 == 0:
        if odd / half > 0.3 and even / half < 0.05 and _strict(data, "utf-16-le") is not None:
            return "utf-16-le"
        if even / half > 0.3 and odd / half < 0.05 and _strict(data, "utf-16-be") is not None:
            return "utf-16-be"
    return None


def _looks_thai_single_byte(data: bytes) -> bool:
    """Thai text in a single-byte code page is mostly high bytes, nearly all in the Thai range."""
    high = [b for b in data if b >= 0x80]
    ascii_letters = sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)
    if not high or len(high) < 0.3 * (len(high) + ascii_letters):
        return False
    return sum(b in _THAI_BYTE_RANGE for b in high) / len(high) > 0.9


#: Control characters (Unicode category Cc) other than the layout ones \t \n \v \f \r.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: a binary file in disguise."""
    if not text:
        return text
    controls = len(_CONTROL_RE.findall(text))
    if controls / len(text) > _MAX_CONTROL_RATIO:
        raise DecodeError(f"binary content ({controls} control characters in {len(text)})")
    return text

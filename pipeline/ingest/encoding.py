"""Decode policy files whose encoding nobody recorded, and say how the encoding was chosen.

Order of trust, cheapest and most certain first (as trafilatura and browsers do):

1. a byte-order mark (``bom``);
2. UTF-16 without a mark, recognised by where its NULs, or the 0x0E high
   bytes of Thai, fall (``utf-16-pattern``);
3. strict UTF-8 (``utf-8``);
4. for HTML, the ``<meta charset>`` or ``http-equiv`` declaration in the
   first bytes, with the WHATWG label aliases (``html-meta``);
5. UTF-8 with a few bad bytes: the bad bytes become U+FFFD and a note says
   how many (``utf-8-replaced``); lines that are not UTF-8 but read as Thai
   in Windows-874 are decoded so: a file pasted together from UTF-8 and
   TIS-620 (``utf-8+cp874``);
6. single-byte code pages: Windows-874 (the superset of TIS-620) when the
   high bytes fall where Thai letters live (``thai-bytes``); otherwise
   charset-normalizer names the script, and for Latin script the Windows
   code page whose letters read most plausibly, Windows-1252 first
   (``charset-normalizer``): short Western files are where detectors guess
   wrong, and Windows-1252 is what such files nearly always are (curly quotes
   at 0x91-0x94, never Latin-1's C1 controls).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Thai letters, vowels and digits sit at 0xA1-0xFB in TIS-620 / Windows-874.
_THAI_BYTE_RANGE = range(0xA1, 0xFC)
_MAX_CONTROL_RATIO = 0.02
#: Bytes of an HTML file searched for a charset declaration (the HTML standard says 1024; pages often put it later).
DEFAULT_META_SCAN_BYTES = 4096
#: UTF-8 with at most this share of bad bytes among its non-ASCII bytes is read as UTF-8 with replacements.
DEFAULT_MAX_BAD_UTF8_SHARE = 0.2
#: Share of a text's letters that must be of a non-Latin script for charset-normalizer's verdict to stand.
DEFAULT_MIN_SCRIPT_SHARE = 0.3

_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
#: WHATWG encoding labels that do not mean what Python's codec of the same name does.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252", "cp1252": "cp1252",
    "tis-620": "cp874", "tis620": "cp874", "iso-8859-11": "cp874", "iso8859-11": "cp874", "windows-874": "cp874",
    "x-cp874": "cp874", "dos-874": "cp874",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
#: Single-byte Latin code pages tried against each other, the most common first (it wins ties).
_LATIN_CODEPAGES = ("cp1252", "cp1250")
#: Scripts charset-normalizer may name that are not Latin: such a verdict is taken as it is.
_NON_LATIN_RE = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_PLAUSIBLE_PUNCTUATION = "’‘“”–—…€•«»°§©®"


class DecodeError(ValueError):
    """The bytes are not text in any encoding this pipeline reads."""


@dataclass
class Decoded:
    """Decoded text, the codec that read it, how that codec was chosen, and notes for the manifest."""

    text: str
    encoding: str
    method: str
    notes: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a policy file (see :func:`decode_text`).

    >>> decode_bytes("Privacy".encode("utf-16"))
    ('Privacy', 'utf-16-le')
    >>> decode_bytes("นโยบาย".encode("cp874"))
    ('นโยบาย', 'cp874')
    """
    decoded = decode_text(data, html)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, html: bool = False) -> Decoded:
    """Decode the bytes of a policy file; ``html`` lets a ``<meta charset>`` speak.

    >>> decoded = decode_text("We don’t sell it".encode("cp1252"))
    >>> decoded.text, decoded.encoding, decoded.method
    ('We don’t sell it', 'cp1252', 'charset-normalizer')
    >>> decoded = decode_text("บริษัท “เก็บ” ข้อมูล".encode() + b"\\xff")
    >>> decoded.text, decoded.method, decoded.notes
    ('บริษัท “เก็บ” ข้อมูล�', 'utf-8-replaced', ['1 byte not valid UTF-8 replaced with U+FFFD'])
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], name.replace("-sig", ""))
            if text is None:
                raise DecodeError(f"bytes after the {name} byte-order mark are not valid {name}")
            return Decoded(_checked(text), name, "bom")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(_checked(_strict(data, utf16) or ""), utf16, "utf-16-pattern")
    if b"\x00" in data:
        raise DecodeError("binary content (NUL bytes) that is not UTF-16 text")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(_checked(text), "utf-8", "utf-8")
    if html:
        declared = _declared_charset(data)
        if declared is not None and declared != "utf-8":
            text = _strict(data, declared)
            if text is not None:
                return Decoded(_checked(text), declared, "html-meta")
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    return _single_byte(data)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 byte order from where the NULs of ASCII, or the 0x0E of Thai, fall."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for name, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        nul_high = high.count(0) / half
        thai_high = high.count(0x0E) / half
        # ASCII in UTF-16 is one NUL per character; Thai is 0x0E; the other half of each pair rarely is either.
        if nul_high + thai_high > 0.9 and (nul_high > 0.3 or thai_high > 0.3) and low.count(0) / half < 0.05:
            if _strict(data, name) is not None:
                return name
    return None


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of an HTML file's ``<meta charset>`` declaration, or None."""
    match = _META_RE.search(data[:DEFAULT_META_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name if label not in ("cp1252", "cp874") else label
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes (replaced), or UTF-8 mixed with Windows-874 lines; None when it is not UTF-8 at all.

    Decided line by line: a pasted-in Windows-874 passage is whole lines of
    Thai bytes (which may even happen to form valid UTF-8 pairs, so bytes
    alone cannot tell), while a stray byte is one bad byte in a UTF-8 line.
    """
    pieces: list[str] = []
    good = replaced = thai_lines = 0
    for line in re.split(b"(?<=\n)", data):
        text = _strict(line, "utf-8")
        if text is not None:
            good += sum(ord(ch) > 0x7F for ch in text)
        elif _looks_thai_single_byte(line) and (text := _strict(line, "cp874")) is not None:
            thai_lines += 1
        else:
            text = line.decode("utf-8", errors="replace")
            replaced += text.count("\ufffd") - line.decode("utf-8", errors="ignore").count("\ufffd")
            good += sum(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)
        pieces.append(text)
    if good == 0 or replaced > DEFAULT_MAX_BAD_UTF8_SHARE * (good + replaced):
        return None
    notes = []
    if thai_lines:
        notes.append(f"{thai_lines} line{'s' * (thai_lines != 1)} not valid UTF-8 read as Windows-874 (Thai)")
    if replaced:
        notes.append(f"{replaced} byte{'s' * (replaced != 1)} not valid UTF-8 replaced with U+FFFD")
    encoding, method = ("utf-8+cp874", "utf-8+cp874") if thai_lines else ("utf-8", "utf-8-replaced")
    return Decoded(_checked("".join(pieces)), encoding, method, notes)


def _looks_thai_single_byte(data: bytes, minimum_share: float = 0.3) -> bool:
    """Thai text in a single-byte code page is mostly high bytes, nearly all in the Thai range."""
    high = [b for b in data if b >= 0x80]
    ascii_letters = sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)
    if not high or len(high) < minimum_share * (len(high) + ascii_letters):
        return False
    return sum(b in _THAI_BYTE_RANGE for b in high) / len(high) > 0.9


def _single_byte(data: bytes) -> Decoded:
    """Thai, a script charset-normalizer is sure of, or the most plausible Latin code page."""
    if _looks_thai_single_byte(data):
        text = _strict(data, "cp874")
        if text is not None:
            return Decoded(_checked(text), "cp874", "thai-bytes")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        letters = sum(ch.isalpha() for ch in text)
        # A text in another script is mostly letters of that script; a Latin one misread as such has a few.
        if letters and len(_NON_LATIN_RE.findall(text)) > DEFAULT_MIN_SCRIPT_SHARE * letters:
            return Decoded(_checked(text), best.encoding, "charset-normalizer")
    candidates = [(name, text) for name in _LATIN_CODEPAGES if (text := _strict(data, name)) is not None]
    if not candidates:
        return Decoded(_checked(data.decode("latin-1")), "latin-1", "latin-1-fallback")
    name, text = max(candidates, key=lambda candidate: _plausibility(candidate[1]))  # max keeps the first of a tie
    return Decoded(_checked(text), name, "charset-normalizer")


def _plausibility(text: str) -> int:
    """How many non-ASCII characters read as letters inside words or as typographic punctuation."""
    score = 0
    for index, ch in enumerate(text):
        if ch.isascii():
            continue
        if ch in _PLAUSIBLE_PUNCTUATION:
            score += 1
        elif ch.isalpha():
            neighbours = text[max(index - 1, 0):index] + text[index + 1:index + 2]
            score += 1 + any(other.isalpha() for other in neighbours)
        else:
            score -= 2
    return score


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

"""Contact points (e-mail, phone, data protection officer, postal address), exactly as written."""

from __future__ import annotations

import re

from .matching import compiled
from .vocabulary import ADDRESS_TERMS, DPO_TERMS, PHONE_CONTEXT

_DIGIT_RE = re.compile("[0-9๐-๙]")
# Parts bounded by their RFC lengths, so that a long run of letters without an "@" is given up in bounded steps: linear time.
_LOCAL, _LABEL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}", r"[A-Za-z0-9-]{1,63}"
EMAIL_RE = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL}){{0,8}}\.[A-Za-z]{{2,24}}")
# An address written against harvesters is still an address, kept as written (guide decision 12): "privacy[at]example[dot]com".
_AT, _DOT = r"\s?[\[(]\s?at\s?[\])]\s?", r"(?:\s?[\[(]\s?dot\s?[\])]\s?|\.)"
OBFUSCATED_EMAIL_RE = re.compile(rf"{_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL}){{0,8}}{_DOT}[A-Za-z]{{2,24}}\b", re.IGNORECASE)
_PHONE_RE = re.compile(r"(?<![\w/.@-])(?:\+|\(\+?)?[0-9๐-๙][0-9๐-๙ ()\-.]{5,}[0-9๐-๙](?![\w/@-]|\.\d)")
_SHORT_PHONE_RE = re.compile(r"(?<![\w/.-])1[0-9]{3}(?![\w/.-])")
_DATE_LIKE = re.compile(r"^(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{4}\s*[-–]\s*\d{4}|\d{4}|\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2})$")
_POSTCODE = (
    r"\b\d{5}(?:-\d{4})?\b",  # US ZIP, Thai postcode
    r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b",  # UK
    r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b",  # Canada
    r"\b\d{6}\b",  # Singapore
    r"\b\d{4}(?: [A-Z][\w-]+)?(?=,?\s*(?:Australia|Ireland|Denmark|Austria|Belgium|Switzerland|Netherlands|Norway|Luxembourg)\b)",
    r"\b[A-Z]\d{2} ?[A-Z0-9]{4}\b",  # Ireland (Eircode)
    r"\b\d{3}-\d{4}\b(?=,?\s*Japan)",
)
_COUNTRY = r"(?:,?\s*(?:USA|U\.S\.A\.|United States(?: of America)?|United Kingdom|UK|Thailand|ประเทศไทย|Ireland|Singapore|Canada|Australia|Germany|Japan|France|Netherlands|India|Vietnam|Malaysia|Indonesia|Philippines))?"
_NOT_PHONE = re.compile(
    r"\b(?:section|article|§|code|no\.|number of|decree|regulation|reference|booking|order|invoice|company|registration|registered|account|licen[cs]e|vat|tax)\b[^0-9]{0,25}$|(?:ทะเบียน|เลขที่|เลขประจำตัว)[^0-9]{0,25}$",
    re.IGNORECASE,
)
_COUNTRIES = r"(?:[Tt]he )?(?:Netherlands|Finland|Germany|France|Belgium|Austria|Switzerland|Denmark|Sweden|Norway|Spain|Italy|Portugal|Poland|Ireland|Luxembourg|Czech Republic|Estonia)"
# "Keizersgracht 100, 1015 AA Amsterdam, the Netherlands": street and number, postcode and city (or city and postcode).
_CONTINENTAL_ADDRESS_RE = re.compile(
    rf"\b[A-ZÀ-Þ][\w'.-]+(?:[ -][\w'.-]+){{0,3}} \d{{1,4}}(?: ?[A-Za-z])?,\s*"
    rf"(?:(?:[A-Z]{{1,2}}-)?\d{{4,5}}(?: ?[A-Z]{{2}})? [A-ZÀ-Þ][\w-]+(?: [A-Z][\w-]+)?|[A-ZÀ-Þ][\w-]+(?: [A-Z][\w-]+)?,?\s+\d{{4,5}}(?: ?[A-Z]{{2}})?)"
    rf"(?:,?\s*{_COUNTRIES})?"
)
_ADDRESS_RE = re.compile(
    rf"(?:(?:P\.?\s?O\.?\s?Box|เลขที่|อาคาร)\s*[\w/-]+|(?<![\w-])\d{{1,6}}(?:/\d{{1,4}})?[A-Za-z]?\s*,?\s+(?=\S))"
    rf"[^@;:]{{3,160}}?(?:{'|'.join(_POSTCODE)}){_COUNTRY}",
    re.IGNORECASE,
)


def extract_contacts(text: str) -> list[dict]:
    """E-mail addresses, phone numbers, DPO mentions and postal addresses, each ``{"kind", "value"}``.

    >>> extract_contacts("Write to privacy@example.com or call +66 2 123 4567.")
    [{'kind': 'email', 'value': 'privacy@example.com'}, {'kind': 'phone', 'value': '+66 2 123 4567'}]
    >>> extract_contacts("Or write to privacy[at]example[dot]com.")
    [{'kind': 'email', 'value': 'privacy[at]example[dot]com'}]
    >>> extract_contacts("ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล โทร 1234")
    [{'kind': 'phone', 'value': '1234'}, {'kind': 'dpo', 'value': 'เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล'}]
    """
    found: list[tuple[int, dict]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < stop and begin < end for begin, stop in taken):
            return
        taken.append((start, end))
        found.append((start, {"kind": kind, "value": text[start:end]}))

    if "@" in text:
        for match in EMAIL_RE.finditer(text):
            add("email", match.start(), match.end())
    if "at]" in text or "at)" in text:
        for match in OBFUSCATED_EMAIL_RE.finditer(text):
            add("email", match.start(), match.end())
    if _DIGIT_RE.search(text):  # phone numbers and postal addresses (postcodes) all hold digits
        for start, end in phone_spans(text):
            add("phone", start, end)
        masked = _masked(text, taken)
        for match in _ADDRESS_RE.finditer(masked):
            if compiled(ADDRESS_TERMS).search(match.group(0)):
                add("address", match.start(), match.end())
        for match in _CONTINENTAL_ADDRESS_RE.finditer(masked):
            add("address", match.start(), match.end())
    dpo = compiled(DPO_TERMS).search(text)
    if dpo:
        add("dpo", dpo.start(), dpo.end())
    order = {"email": 0, "phone": 1, "dpo": 2, "address": 3}
    return [contact for _, contact in sorted(found, key=lambda pair: (order[pair[1]["kind"]], pair[0]))]


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the found spans blanked out, so that an address never starts inside a phone number."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers: seven or more digits in a phone layout, or a short hotline after a phone word."""
    spans = []
    for match in _PHONE_RE.finditer(text):
        value = match.group(0).rstrip(" .-(")
        digits = sum(ch.isdigit() for ch in value)
        if digits < 7 or digits > 16 or _DATE_LIKE.match(value.strip()):
            continue
        context = text[max(0, match.start() - 30) : match.start()]
        formatted = value.startswith(("+", "(", "0", "1-8", "1 8")) or re.search(r"\d[ -]\d", value)
        if not (formatted or compiled(PHONE_CONTEXT).search(context)):
            continue
        if _NOT_PHONE.search(context):
            continue
        spans.append((match.start(), match.start() + len(value)))
    for match in _SHORT_PHONE_RE.finditer(text):
        context = text[max(0, match.start() - 15) : match.start()]
        if compiled(PHONE_CONTEXT).search(context) and not _NOT_PHONE.search(context):
            spans.append((match.start(), match.end()))
    return spans

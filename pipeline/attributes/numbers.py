"""Numbers as policies write them: Arabic or Thai digits, English or Thai words.

>>> parse_number("๙๐"), parse_number("twenty-four"), parse_number("สิบ")
(90.0, 24.0, 10.0)
"""

from __future__ import annotations

import re

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_SCALES = {"hundred": 100, "thousand": 1000}
EN_ARTICLES = {"a": 1, "an": 1, "a single": 1}
TH_NUMBER_WORDS = ("ศูนย์", "หนึ่ง", "เอ็ด", "สอง", "ยี่", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ", "ร้อย", "พัน")

_EN_WORD = "|".join(sorted([*EN_UNITS, *EN_TENS, *EN_SCALES], key=len, reverse=True))
_DIGITS = r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?"
_EN_WORDS = rf"(?:{_EN_WORD})(?:(?:[\s-]+|[\s-]+and[\s-]+)(?:{_EN_WORD}))*"
_TH_WORDS = f"(?:{'|'.join(TH_NUMBER_WORDS)})+"
NUMBER_PATTERN = rf"(?:{_DIGITS}|\b{_EN_WORDS}\b|\b(?:an?|a\s+single)\b|{_TH_WORDS})"
"""A regular expression matching one number in any of the supported forms."""


def parse_number(token: str) -> float | None:
    """The value of a number token, or None when it is not one.

    >>> parse_number("one hundred and eighty"), parse_number("๕"), parse_number("เจ็ดสิบสอง")
    (180.0, 5.0, 72.0)
    >>> parse_number("lots") is None
    True
    """
    token = re.sub(r"\s+", " ", token.strip().lower())
    if not token:
        return None
    digits = token.translate(_THAI_DIGITS)
    if re.fullmatch(r"[0-9]+(?:,[0-9]{3})*", digits):
        return float(digits.replace(",", ""))
    if re.fullmatch(r"[0-9]+[.,][0-9]+", digits):
        return float(digits.replace(",", "."))
    if token in EN_ARTICLES:
        return float(EN_ARTICLES[token])
    if re.fullmatch(_TH_WORDS, token):
        return _thai_words(token)
    return _english_words(token)


def _thai_words(token: str) -> float | None:
    from pythainlp.util import thaiword_to_num

    try:
        return float(thaiword_to_num(token))
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _english_words(token: str) -> float | None:
    total = current = 0
    words = [word for word in re.split(r"[\s-]+", token) if word and word != "and"]
    if not words:
        return None
    for word in words:
        if word in EN_UNITS:
            current += EN_UNITS[word]
        elif word in EN_TENS:
            current += EN_TENS[word]
        elif word in EN_SCALES:
            current = max(current, 1) * EN_SCALES[word]
            if EN_SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return float(total + current)

"""Age thresholds: the ages a clause draws a line at ("under 13", "อายุต่ำกว่า 20 ปี")."""

from __future__ import annotations

import re

from .matching import mentions
from .numbers import NUMBER_PATTERN, parse_number
from .vocabulary import AGE_CONTEXT

_AGE = rf"(?P<n>{NUMBER_PATTERN})(?:\s*\(\s*[0-9]+\s*\))?"
_AGE_PATTERNS = (
    re.compile(rf"\b(?:under|below|younger than|older than|over|at least|aged?|age of|ages|less than|minimum age of|turn(?:ed|s)?)\s+(?:the\s+age\s+of\s+)?{_AGE}(?![\d/%])", re.IGNORECASE),
    re.compile(rf"{_AGE}[\s-]*(?:years?|yrs?)[\s-]*(?:of[\s-]+age|old)", re.IGNORECASE),
    re.compile(rf"{_AGE}\s*(?:\+|or (?:older|over|above|younger|under)|and (?:older|over|above|under))", re.IGNORECASE),
    re.compile(rf"(?:ages?|aged|between the ages of|(?:is|are) between)\s+[0-9]+\s*(?:-|–|to|and)\s*{_AGE}(?!\s*(?:days?|weeks?|months?|years?(?! old| of age)|hours?|%|percent))", re.IGNORECASE),
    re.compile(rf"อายุ\s*(?:ต่ำกว่า|ไม่ถึง|ไม่เกิน|ไม่ต่ำกว่า|ตั้งแต่|เกิน|น้อยกว่า|ครบ|มากกว่า|ระหว่าง|กว่า)?\s*{_AGE}\s*(?:ปี|-)"),
    re.compile(rf"{_AGE}\s*ปีบริบูรณ์"),
    re.compile(rf"(?:ผู้เยาว์|เด็ก)[^0-9๐-๙]{{0,30}}?{_AGE}\s*ปี"),
    re.compile(rf"อายุ\s*(?:ระหว่าง|ตั้งแต่)?\s*[0-9๐-๙]+\s*(?:-|–|ถึง)\s*{_AGE}\s*ปี"),
)


def extract_age_thresholds(text: str) -> list[int]:
    """The age thresholds in a clause, in ascending order.

    >>> extract_age_thresholds("We do not knowingly collect data from children under 13.")
    [13]
    >>> extract_age_thresholds("ผู้เยาว์ที่มีอายุต่ำกว่า ๒๐ ปี"), extract_age_thresholds("between the ages of 13 and 16")
    ([20], [13, 16])
    """
    if not mentions(text, AGE_CONTEXT):
        return []
    ages = set()
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            value = parse_number(match["n"])
            if value is not None and value.is_integer() and 1 <= value <= 99 and match["n"].lower() not in ("a", "an"):
                ages.add(int(value))
            if re.match(r"(?:ages?|aged|between the ages of|(?:is|are) between)\s+\d", match.group(0), re.IGNORECASE) or re.match(r"อายุ\s*(?:ระหว่าง|ตั้งแต่)?\s*[0-9๐-๙]+\s*(?:-|–|ถึง)", match.group(0)):
                low = parse_number(re.search(r"[0-9๐-๙]+", match.group(0)).group(0))
                if low is not None:
                    ages.add(int(low))
    return sorted(ages)

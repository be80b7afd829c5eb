"""Durations: find "7 years", "30-90 days", "๕ ปี", "สิบปี" in text and normalize them.

A duration is an amount and a unit; its ISO-8601 form keeps the unit the text
used ("24 months" is ``P24M``, not ``P2Y``) and its day count uses 365-day
years, 30-day months and 7-day weeks. A range ("30-90 days", "6 months to 2
years") is a mention with a different minimum and maximum; its value is
written ``MIN..MAX``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.patterns import LiteralGate

from .numbers import NUMBER_PATTERN, parse_number

UNITS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    # ISO designator: (days, English forms, Thai forms)
    "Y": (365.0, ("years?", "yrs?"), ("ปี",)),
    "M": (30.0, ("months?",), ("เดือน",)),
    "W": (7.0, ("weeks?",), ("สัปดาห์",)),
    "D": (1.0, ("(?:business |working |calendar |school )?days?",), ("วันทำการ", "วัน")),
    "H": (1 / 24, ("hours?", "hrs?"), ("ชั่วโมง", "ชม\\.")),
}
_UNIT_OF = [(re.compile(rf"(?:{'|'.join(en + th)})$", re.IGNORECASE), unit) for unit, (_, en, th) in UNITS.items()]
_UNIT = "|".join(f"(?:{form})" for _, en, th in UNITS.values() for form in (*en, *th))
_BRACKETED = r"(?:\s*\(\s*[0-9๐-๙]+\s*\))?"
_RANGE_JOIN = r"\s*(?:-|–|—|to|through|and|ถึง|จนถึง)\s*"
_SIMPLE = rf"(?P<first>{NUMBER_PATTERN}){_BRACKETED}(?:{_RANGE_JOIN}(?P<second>{NUMBER_PATTERN}){_BRACKETED})?[\s-]*(?P<unit>{_UNIT})(?![A-Za-z])"
SIMPLE_RE = re.compile(_SIMPLE, re.IGNORECASE)
_COMPOUND_JOIN = re.compile(r"\s*(?:,|and|และ)?\s*$", re.IGNORECASE)
_SPAN_JOIN = re.compile(rf"^(?:{_RANGE_JOIN}|\s*(?:แต่ไม่เกิน|but (?:not |no )?(?:more|longer) than|and (?:up to|no more than))\s*)$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|from|ตั้งแต่|ระหว่าง)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    """An amount of time as ISO-8601 components, e.g. ``{"Y": 1, "M": 6}``."""

    parts: tuple[tuple[str, float], ...]

    @property
    def iso(self) -> str:
        date = "".join(f"{_amount(n)}{unit}" for unit, n in self.parts if unit != "H")
        time = "".join(f"{_amount(n)}{unit}" for unit, n in self.parts if unit == "H")
        return "P" + date + (f"T{time}" if time else "")

    @property
    def days(self) -> float:
        return sum(n * UNITS[unit][0] for unit, n in self.parts)


@dataclass(frozen=True)
class DurationMention:
    """A duration or range found in a text, with its character span."""

    start: int
    end: int
    low: Duration
    high: Duration

    @property
    def value(self) -> str:
        return self.low.iso if self.low == self.high else f"{self.low.iso}..{self.high.iso}"


def _amount(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_of(word: str) -> str | None:
    """The ISO designator of a unit word ("months", "วันทำการ"), or None."""
    word = word.strip()
    return next((unit for pattern, unit in _UNIT_OF if pattern.match(word)), None)


def parse_duration(phrase: str) -> Duration | None:
    """Parse a whole phrase such as "90 days", "สิบปี" or "1 year and 6 months"; None if it is not one.

    >>> parse_duration("seven (7) years").iso, parse_duration("๕ ปี").days
    ('P7Y', 1825.0)
    >>> parse_duration("the end of the month") is None
    True
    """
    mentions = find_durations(phrase)
    if len(mentions) != 1 or mentions[0].low != mentions[0].high:
        return None
    mention = mentions[0]
    if phrase[: mention.start].strip() or phrase[mention.end :].strip(" .,;"):
        return None
    return mention.low


#: Words every duration contains (case-folded): a clause without any has none.
_UNIT_WORDS = LiteralGate(frozenset({"year", "yr", "month", "week", "day", "hour", "hr", "ปี", "เดือน", "สัปดาห์", "วัน", "ชั่วโมง", "ชม."}))


@lru_cache(maxsize=1024)  # retention and deadlines read the same clause; cleared per policy
def find_durations(text: str) -> tuple[DurationMention, ...]:
    """Every duration or range in ``text``, in order, compounds and ranges merged.

    >>> [m.value for m in find_durations("kept for 30-90 days, then 6 months to 2 years")]
    ['P30D..P90D', 'P6M..P2Y']
    >>> [m.value for m in find_durations("เก็บไว้ ๑ ปี ๖ เดือน หรือ 72 ชั่วโมง")]
    ['P1Y6M', 'PT72H']
    """
    if not _UNIT_WORDS.occurs_in(text):
        return ()
    simple = []
    for match in SIMPLE_RE.finditer(text):
        unit = unit_of(match["unit"])
        first = parse_number(match["first"])
        second = parse_number(match["second"]) if match["second"] else None
        if unit is None or first is None or (match["second"] and second is None):
            continue
        if match["second"] and re.search(r"\band\b", match.group(0), re.IGNORECASE):
            if not _BETWEEN.search(text[: match.start()]):
                continue
        low = Duration(((unit, first),))
        high = Duration(((unit, second),)) if second is not None else low
        simple.append(DurationMention(match.start(), match.end(), low, high))
    return tuple(_merge(text, simple))


def _merge(text: str, mentions: list[DurationMention]) -> list[DurationMention]:
    merged: list[DurationMention] = []
    for mention in mentions:
        if merged:
            last = merged[-1]
            gap = text[last.end : mention.start]
            if _compounds(last, mention) and _COMPOUND_JOIN.match(gap):
                parts = last.low.parts + mention.low.parts
                merged[-1] = DurationMention(last.start, mention.end, Duration(parts), Duration(parts))
                continue
            if last.low == last.high and mention.low == mention.high and _SPAN_JOIN.match(gap):
                if " and" not in gap.lower() or _BETWEEN.search(text[: last.start]):
                    merged[-1] = DurationMention(last.start, mention.end, last.low, mention.low)
                    continue
        merged.append(mention)
    return merged


def _compounds(first: DurationMention, second: DurationMention) -> bool:
    """True for "1 year and 6 months": single amounts whose units go from larger to smaller."""
    if first.low != first.high or second.low != second.high:
        return False
    order = list(UNITS)
    return order.index(first.low.parts[-1][0]) < order.index(second.low.parts[0][0])


_UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}
_ISO_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDH])")


def describe_value(value: str) -> str:
    """A retention or deadline value in words: "P7Y" -> "7 years", "P30D..P90D" -> "30 days to 90 days".

    >>> describe_value("P1Y6M"), describe_value("PT72H"), describe_value("as_long_as_necessary")
    ('1 year 6 months', '72 hours', 'as long as necessary')
    """
    if not value.startswith("P"):
        return value.replace("_", " ")
    if ".." in value:
        return " to ".join(describe_value(part) for part in value.split(".."))
    words = []
    for amount, unit in _ISO_PART.findall(value):
        words.append(f"{amount} {_UNIT_NAMES[unit]}{'' if amount == '1' else 's'}")
    return " ".join(words)

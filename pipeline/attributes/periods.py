"""Retention periods and deadlines: durations in a clause, told apart by the words around them.

A duration is a deadline when a time-limit word stands before it ("within",
"no later than", "ภายใน") or a notice word after it ("in advance",
"ล่วงหน้า") and the clause says what it bounds (a request, a breach, a
change); otherwise it is a retention period when the clause speaks of
keeping or deleting data. Durations that are ages ("under 13 years of age")
are neither.
"""

from __future__ import annotations

import re

from .durations import DurationMention, find_durations
from .matching import codes_in, compiled, mentions
from .subjects import retained_subject
from .vocabulary import DEADLINE_BOUNDS, DEADLINE_CUES, RETENTION_CUES, RETENTION_TERMS

_AGE_BEFORE = re.compile(r"(?:\bage[ds]?(?: of)?|\bunder|\bover|\bolder than|\byounger than|อายุ(?:ต่ำกว่า|ไม่ถึง|ไม่เกิน|ไม่ต่ำกว่า|ตั้งแต่|เกิน|น้อยกว่า|ครบ|ระหว่าง|มากกว่า)?)\s*$", re.IGNORECASE)
# "two free requests in any 12-month period", "ปีละครั้ง": a window that counts events, neither a limit nor a retention
_WINDOW_BEFORE = re.compile(r"(?:\b(?:in any|per|every|each|once a|twice a)|ทุก(?:ๆ)?|ต่อ)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:of age|old|บริบูรณ์)", re.IGNORECASE)
_NOTICE_AFTER = re.compile(r"^[\s']*(?:'s?\s*)?(?:\w+\s+){0,2}?(?:in advance|prior|before|notice|ล่วงหน้า|ก่อน)", re.IGNORECASE)
_WINDOW = 45
_BOUND_REACH = 200
_WITHIN = (r"\bwithin\b", r"\bno later than\b", r"\bnot later than\b", "ภายใน", "ไม่ช้ากว่า")
_DELETION = (r"\bdelet", r"\beras", r"\bpurg", r"\bdestroy", r"\banonymi[sz]", r"\bremov", "ลบ", "ทำลาย", "ทำให้เป็นข้อมูลที่ไม่สามารถระบุ")
# "deletion (subject to legal requirements)", "unless otherwise required by law": a limit on an action, no retention of its own
_LIMIT_BEFORE = re.compile(r"\b(?:subject to|unless otherwise)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Data deleted when the user deletes the account lives as long as the account, unless a period is given ("within 30 days").
_DELETED_WITH_ACCOUNT = re.compile(r"(?<!even )\b(?:when|once|if|after) you (?:\w+ ){0,2}(?:delete|close|remove|deactivate) (?:your |the )?account\b"
                                   r"|(?:เมื่อ|หาก)(?:คุณ|ท่าน)\S{0,20}ลบบัญชี", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?P<label>[^:：.;,]{2,50}?)\s*[:：]\s*(?=\S)")


def extract_retention(text: str, context: str = "") -> list[dict]:
    """Retention periods stated in a clause, each ``{"value", "days_min", "days_max", "applies_to"}``.

    >>> extract_retention("We keep server logs for 90 days.")[0]["value"], extract_retention("เก็บรักษาไว้ ๕ ปี")[0]["days_max"]
    ('P90D', 1825.0)
    >>> [r["value"] for r in extract_retention("We retain data as long as necessary, or longer where required by law.")]
    ['as_long_as_necessary', 'legal_requirement']
    """
    if not mentions(f"{text} {context}", RETENTION_CUES):
        return []
    periods = []
    for mention in find_durations(text):
        if _is_age(text, mention) or _deadline_bound(text, mention, context) is not None:
            continue
        subject = retained_subject(text, mention.start)
        periods.append({"value": mention.value, "days_min": mention.low.days, "days_max": mention.high.days, "applies_to": subject})
    for code, (_, patterns) in RETENTION_TERMS.items():
        match = compiled(patterns).search(text)
        if match is None:
            continue
        if code == "legal_requirement" and _LIMIT_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "(subject to legal requirements)" limits a right
        if code == "legal_requirement" and any(period["days_max"] is not None for period in periods):
            continue  # "7 years, as tax law requires": the law explains the period, it is not another one
        periods.append({"value": code, "days_min": None, "days_max": None, "applies_to": retained_subject(text, match.start())})
    if not periods and mentions(text, _DELETION) and (match := _DELETED_WITH_ACCOUNT.search(text)):
        periods.append({"value": "account_lifetime", "days_min": None, "days_max": None, "applies_to": retained_subject(text, match.start())})
    return periods


def extract_deadlines(text: str, context: str = "") -> list[dict]:
    """Time limits the company commits to, each ``{"value", "days", "bound"}``.

    >>> extract_deadlines("We will respond to your request within 30 days.")
    [{'value': 'P30D', 'days': 30.0, 'bound': 'request_response'}]
    >>> extract_deadlines("เราจะแจ้งให้ท่านทราบล่วงหน้าอย่างน้อย 30 วันก่อนการเปลี่ยนแปลงมีผลบังคับใช้")[0]["bound"]
    'change_notice'
    """
    deadlines = []
    for mention in find_durations(text):
        if _is_age(text, mention):
            continue
        bound = _deadline_bound(text, mention, context)
        if bound is not None:
            deadlines.append({"value": mention.value, "days": mention.high.days, "bound": bound})
    return deadlines


def _bounds_by_distance(text: str, mention: DurationMention) -> list[str]:
    """Bounds whose wording is near the period, nearest first: one clause may give a change notice and a breach deadline."""
    distances: dict[str, int] = {}
    for code, (_, patterns) in DEADLINE_BOUNDS.items():
        for match in compiled(patterns).finditer(text):
            distance = max(mention.start - match.end(), match.start() - mention.end, 0)
            if distance < min(distances.get(code, _BOUND_REACH), _BOUND_REACH):
                distances[code] = distance
    return sorted(distances, key=distances.get)


def _is_age(text: str, mention: DurationMention) -> bool:
    """Whether the duration is an age ("13 years of age") or a counting window ("in any 12-month period"); it is then no period."""
    if _WINDOW_BEFORE.search(text, max(0, mention.start - 25), mention.start):
        return True
    return bool(_AGE_BEFORE.search(text[max(0, mention.start - 25) : mention.start]) or _AGE_AFTER.match(text[mention.end :]))


def _deadline_bound(text: str, mention: DurationMention, context: str = "") -> str | None:
    """The bound of a duration that is a time limit, or None when it is not one.

    A "Label: 30 days" clause whose label names a request ("GDPR requests: 30
    days") is a time limit without a "within".
    """
    before = text[max(0, mention.start - _WINDOW) : mention.start]
    after = text[mention.end : mention.end + _WINDOW]
    label = _LABEL.match(text)
    labelled = label is not None and mention.start >= label.end() and "request_response" in codes_in(label["label"], DEADLINE_BOUNDS)
    if not (compiled(DEADLINE_CUES).search(before) or _NOTICE_AFTER.match(after) or labelled):
        return None
    notice = bool(_NOTICE_AFTER.match(after) or re.search(r"in advance|ล่วงหน้า|notice|แจ้ง", text, re.IGNORECASE))
    for bound in [*_bounds_by_distance(text, mention), *codes_in(context, DEADLINE_BOUNDS)]:
        if bound != "change_notice" or notice:
            return bound
    if mentions(text[max(0, mention.start - 2 * _WINDOW) : mention.start], _DELETION) or mentions(after, _DELETION):
        return None  # "deleted within 30 days" is how long data lives, not a promise to act
    if not mentions(before, _WITHIN) and mentions(f"{text} {context}", RETENTION_CUES):
        return None
    return "other"

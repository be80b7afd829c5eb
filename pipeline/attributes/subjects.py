"""What a retention period applies to: the words naming the data kept ("server logs", "ข้อมูลบัญชี").

A clause may list several periods ("We keep invoices for 7 years, call
recordings for 90 days"), so each period takes the nearest subject written
before it; a subject that names nothing specific ("your personal data",
"ข้อมูลส่วนบุคคลของท่าน") counts as none.
"""

from __future__ import annotations

import re

from .matching import mentions
from .numbers import NUMBER_PATTERN
from .vocabulary import DEADLINE_CUES

_KEEP = r"(?:retain|keep|store|hold|maintain|archive|preserve)"
_KEPT = r"(?:retained|kept|stored|deleted|erased|purged|held|archived|destroyed|anonymi[sz]ed|preserved|removed|summari[sz]ed)"
_UNTIL = (
    r"(?=for\b|until\b|during\b|up to\b|as long\b|no longer\b|while\b|in accordance\b|indefinitely\b|permanently\b|after\b|within\b|only\b|"
    r"so long\b|beyond\b|[\d(]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)"
)
_TH_HEADS = r"(?:ข้อมูล|บันทึก|ประวัติ|เอกสาร|สำเนา|รูปภาพ|ภาพถ่าย|ภาพ|ไฟล์|เทป|ใบสมัคร|เวชระเบียน|ข้อความ)"
_SUBJECT_PATTERNS = (
    # "We keep server logs for 90 days"
    re.compile(rf"\b(?:we|company)\s+(?:will |may |generally |typically |usually |only |also |normally |then )*{_KEEP}s?\s+(?:only\s+)?(?P<obj>[^.;:]+?)\s+{_UNTIL}", re.IGNORECASE),
    # "Server logs are retained for 90 days", "Customer Content stays in your workspace"
    re.compile(
        rf"(?:^|[,;:.]\s*|\b(?:and|but|that)\s+)(?P<obj>[^,;:.]+?)\s+(?:(?:are|is|will be|may be|shall be|can be|must be|will remain|may remain)\s+(?:\w+\s+)?{_KEPT}|stays?|remains?|may remain)\b",
        re.IGNORECASE,
    ),
    # "..., loan files for seven years after the loan is repaid"
    re.compile(rf"[,;]\s*(?:and\s+)?(?P<obj>[A-Za-z][\w'\- ]{{2,60}}?)\s+for\s+(?={NUMBER_PATTERN})", re.IGNORECASE),
    # "except for invoices, which we keep for 10 years"
    re.compile(rf"\b(?:for|of|except)\s+(?P<obj>[\w'\- ]{{2,40}}?),\s+which\s+(?:we\s+)?(?:{_KEEP}|are\s+{_KEPT})", re.IGNORECASE),
    # "บริษัทจะเก็บรักษาข้อมูลบัญชีไว้ 5 ปี"
    re.compile(rf"(?:เก็บรักษา|จัดเก็บ|เก็บ)(?P<obj>{_TH_HEADS}[^\s,]*?)(?:ไว้|เป็นระยะเวลา|เป็นเวลา|ไม่เกิน|ตลอด|ภายใน|จนกว่า|เท่าที่|\s)"),
    # "ข้อมูลเส้นทางการเดินทางจะถูกเก็บไว้ ๑๘๐ วัน"
    re.compile(rf"(?P<obj>{_TH_HEADS}[^\s,]*?)(?:จะ|จะถูก|ถูก|อาจถูก)?(?:เก็บรักษา|เก็บไว้|จัดเก็บ|ลบ|ทำลาย)"),
)
_LABEL_LINE = re.compile(r"^\s*(?:(?:[-•*]|\(?[0-9a-zก-ฮ]{1,3}[.)])\s+)?(?P<obj>[^:：.;,\n]{2,50}?)\s*[:：]\s*(?=\S)", re.MULTILINE)
_GENERIC = re.compile(
    r"^(?:(?:your|the|our|all|any|such|this|these|those|that|it|them|its|their|relevant|collected|other|some|certain|applicable|\s)+)?"
    r"(?:(?:personal )?(?:data|information|details|info)|it|them|this|these|records?|ข้อมูล(?:ส่วนบุคคล)?(?:ของท่าน|ของคุณ|ดังกล่าว|เหล่านี้)?)?$",
    re.IGNORECASE,
)


def retained_subject(text: str, position: int | None = None) -> str | None:
    """The subject nearest before ``position`` (default: the first one), or None when none is specific.

    >>> retained_subject("Server logs: Retained for 90 days"), retained_subject("We keep your data for 2 years.")
    ('Server logs', None)
    >>> text = "We keep invoices for 7 years, call recordings for 90 days."
    >>> retained_subject(text, text.index("90"))
    'call recordings'
    """
    candidates = []
    for match in _LABEL_LINE.finditer(text):
        if not mentions(match["obj"], DEADLINE_CUES):
            candidates.append((match.start("obj"), match.end("obj"), match["obj"]))
    for pattern in _SUBJECT_PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((match.start("obj"), match.end("obj"), match["obj"]))
    candidates = [(start, end, subject.strip(" ,")) for start, end, subject in candidates if not _GENERIC.match(subject.strip(" ,"))]
    if not candidates:
        return None
    if position is None:
        return min(candidates)[2]
    before = [candidate for candidate in candidates if candidate[1] <= position]
    return max(before, key=lambda candidate: (candidate[1], -candidate[0]))[2] if before else min(candidates)[2]

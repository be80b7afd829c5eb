"""A bilingual privacy-term lexicon: English and Thai wording mapped to shared concepts.

Each concept lists English stems (matched at the start of a word, case
folded) and Thai terms (matched anywhere, as Thai has no spaces between
words). A clause is described by the concepts it mentions, e.g. "We retain
logs for 90 days" and "บริษัทจะเก็บรักษาข้อมูลไว้ 90 วัน" both give
``retention`` and ``duration``, so what the classifier learns from one
language carries over to the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.patterns import GatedPattern, GateTable

#: concept id -> (English word stems, Thai terms)
CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "collect": (("collect", "gather", "obtain", "receive", "record"), ("เก็บรวบรวม", "รวบรวม", "ได้รับข้อมูล", "บันทึก")),
    "use": (("use", "process", "utiliz", "utilis"), ("ใช้ข้อมูล", "ประมวลผล", "นำข้อมูล")),
    "purpose": (("purpose", "in order to", "so that we"), ("วัตถุประสงค์", "เพื่อ")),
    "personal_data": (("personal data", "personal information", "information about you"), ("ข้อมูลส่วนบุคคล", "ข้อมูลของท่าน")),
    "contact_data": (("name", "email", "e-mail", "phone", "address", "contact detail"), ("ชื่อ", "อีเมล", "โทรศัพท์", "ที่อยู่", "ช่องทางติดต่อ")),
    "device_data": (("ip address", "device", "browser", "log", "operating system", "identifier"), ("ไอพี", "IP", "อุปกรณ์", "เบราว์เซอร์", "ล็อก", "ระบบปฏิบัติการ")),
    "location": (("location", "gps", "geolocat"), ("ตำแหน่ง", "พิกัด", "ที่ตั้ง")),
    "cookies": (("cookie", "pixel", "web beacon", "tracking technolog", "sdk"), ("คุกกี้", "cookie", "พิกเซล", "เทคโนโลยีติดตาม")),
    "payment": (("payment", "credit card", "billing", "bank account", "transaction"), ("ชำระเงิน", "บัตรเครดิต", "ธุรกรรม", "บัญชีธนาคาร")),
    "health": (("health", "medical", "biometric", "fingerprint"), ("สุขภาพ", "การแพทย์", "ชีวภาพ", "ลายนิ้วมือ", "เวชระเบียน")),
    "share": (("share", "disclos", "transfer", "provide to", "sell", "sold", "rent"), ("เปิดเผย", "แบ่งปัน", "ส่งต่อ", "โอน", "ขาย")),
    "third_party": (("third part", "partner", "vendor", "service provider", "processor", "affiliat", "advertis", "subsidiar"), ("บุคคลภายนอก", "บุคคลที่สาม", "พันธมิตร", "ผู้ให้บริการ", "ผู้ประมวลผล", "บริษัทในเครือ", "โฆษณา")),
    "authorities": (("law enforcement", "court", "government", "authorit", "regulator", "subpoena"), ("หน่วยงานรัฐ", "ศาล", "เจ้าหน้าที่", "หน่วยงานกำกับ", "หน่วยงานของรัฐ")),
    "merger": (("merger", "acquisition", "sale of asset", "reorganiz", "successor"), ("ควบรวม", "ซื้อกิจการ", "โอนกิจการ")),
    "consent": (("consent", "agree", "permission", "authoriz"), ("ความยินยอม", "ยินยอม", "อนุญาต")),
    "opt_out": (("opt out", "opt-out", "unsubscrib", "withdraw", "refuse", "decline", "disable", "turn off"), ("ถอน", "ยกเลิก", "ปฏิเสธ", "ปิดการ", "ไม่รับ")),
    "settings": (("setting", "preference", "choice", "control"), ("การตั้งค่า", "ตั้งค่า", "ทางเลือก", "ควบคุม")),
    "marketing": (("marketing", "promotion", "newsletter", "advertis", "offer"), ("การตลาด", "โปรโมชั่น", "ส่งเสริมการขาย", "ข่าวสาร", "โฆษณา")),
    "access": (("access", "copy of", "obtain a copy", "request a copy", "view"), ("เข้าถึง", "สำเนา", "ขอรับ")),
    "correct": (("correct", "rectif", "update", "amend", "inaccura"), ("แก้ไข", "ปรับปรุง", "ทำให้ถูกต้อง", "ไม่ถูกต้อง")),
    "delete": (("delet", "erase", "erasure", "remove", "destroy", "forgotten"), ("ลบ", "ทำลาย", "ไม่สามารถระบุตัวตน")),
    "portability": (("portab", "export", "machine-readable", "transfer your data"), ("โอนย้าย", "ส่งหรือโอน", "รูปแบบที่อ่านได้")),
    "rights": (("right to", "your rights", "data subject", "request"), ("สิทธิ", "เจ้าของข้อมูล", "คำขอ", "คำร้อง")),
    "retention": (("retain", "retention", "keep", "kept", "store", "stored", "archiv"), ("เก็บรักษา", "เก็บไว้", "ระยะเวลาการเก็บ", "จัดเก็บ")),
    "duration": (("day", "month", "year", "week", "period", "as long as", "until", "no longer"), ("วัน", "เดือน", "ปี", "ระยะเวลา", "ตราบเท่าที่", "จนกว่า")),
    "security": (("secur", "protect", "safeguard", "encrypt", "firewall", "confidential", "unauthoriz"), ("ความปลอดภัย", "รักษาความปลอดภัย", "ปกป้อง", "เข้ารหัส", "ไฟร์วอลล์", "ความลับ", "โดยไม่ได้รับอนุญาต")),
    "breach": (("breach", "incident", "intrusion", "hack"), ("การละเมิด", "รั่วไหล", "เหตุการณ์", "โจมตี")),
    "policy": (("this policy", "privacy policy", "privacy notice", "this notice", "statement"), ("นโยบาย", "ประกาศ")),
    "change": (("change", "modif", "revis", "amend", "update"), ("เปลี่ยนแปลง", "แก้ไขเพิ่มเติม", "ปรับปรุง", "ทบทวน")),
    "notify": (("notify", "notif", "inform", "post", "announce", "effective"), ("แจ้ง", "ประกาศ", "เผยแพร่", "มีผลบังคับ")),
    "do_not_track": (("do not track", "do-not-track", "dnt", "global privacy control", "gpc"), ("do not track", "ไม่ติดตาม", "Global Privacy Control")),
    "children": (("child", "minor", "under the age", "under 13", "under 16", "under 18", "parent", "guardian", "coppa"), ("เด็ก", "ผู้เยาว์", "ผู้ปกครอง", "ผู้ใช้อำนาจปกครอง", "อายุต่ำกว่า", "อายุไม่ถึง")),
    "region": (("european", "eea", "gdpr", "california", "ccpa", "cpra", "united kingdom", "resident", "jurisdiction", "brazil", "lgpd"), ("สหภาพยุโรป", "GDPR", "แคลิฟอร์เนีย", "ต่างประเทศ", "ผู้มีถิ่นที่อยู่")),
    "cross_border": (("outside", "international", "cross-border", "other countr", "standard contractual", "adequacy"), ("ต่างประเทศ", "นอกประเทศ", "ข้ามพรมแดน", "ประเทศปลายทาง", "ประเทศอื่น")),
    "thai_law": (("pdpa", "personal data protection act", "thailand"), ("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล", "พ.ร.บ.", "พรบ.", "คุ้มครองข้อมูลส่วนบุคคล")),
    "contact_us": (("contact us", "questions", "data protection officer", "dpo", "reach us", "write to"), ("ติดต่อ", "สอบถาม", "เจ้าหน้าที่คุ้มครองข้อมูล", "ข้อสงสัย")),
    "intro": (("introduction", "welcome", "committed to", "respect your privacy", "applies to", "scope"), ("บทนำ", "ให้ความสำคัญ", "ใช้บังคับกับ", "ขอบเขต")),
    "links": (("link", "other website", "third-party site"), ("ลิงก์", "เว็บไซต์อื่น", "เว็บไซต์ของบุคคลภายนอก")),
}

CONCEPT_PREFIX = "concept_"


@lru_cache(maxsize=1)
def _matchers() -> tuple[list[tuple[str, GatedPattern, tuple[str, ...]]], GateTable]:
    compiled = []
    gates = {}
    for concept, (english, thai) in CONCEPTS.items():
        pattern = GatedPattern(r"\b(?:" + "|".join(re.escape(stem) for stem in english) + ")")
        compiled.append((concept, pattern, thai))
        # Thai terms match case-sensitively: their case-folded forms can only rule them out.
        gates[concept] = None if pattern.gate is None else pattern.gate | {term.casefold() for term in thai}
    return compiled, GateTable(gates)


def concepts_of(text: str) -> list[str]:
    """The concepts a text mentions, in lexicon order.

    >>> concepts_of("We retain server logs for 90 days.")
    ['device_data', 'retention', 'duration']
    >>> concepts_of("บริษัทจะเก็บรักษาข้อมูลไว้ 90 วัน")
    ['retention', 'duration']
    """
    matchers, table = _matchers()
    candidates = table.candidates(text)
    return [
        concept
        for concept, english, thai in matchers
        if concept in candidates and (english.occurs(text) or any(term in text for term in thai))
    ]


@lru_cache(maxsize=4096)  # contexts (headings, lead-ins) repeat across the clauses of a policy; cleared per policy
def concept_text(text: str) -> str:
    """Concept tokens of a text joined by spaces, for a bag-of-words vectorizer."""
    return " ".join(CONCEPT_PREFIX + concept for concept in concepts_of(text)) or CONCEPT_PREFIX + "none"

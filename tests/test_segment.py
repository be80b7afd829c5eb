"""Clause segmentation on small documents written for these tests, English and Thai."""

from __future__ import annotations

import pytest

from pipeline.ingest.files import parse_document
from pipeline.segment.clauses import SEGMENTERS, get_segmenter, segment_clauses


def clause_texts(text: str, name: str = "case.txt") -> list[str]:
    document = parse_document(text.encode("utf-8"), name, name, is_html=name.endswith(".html"))
    clauses, _ = segment_clauses(document)
    spans = [document.to_text_span(c.start, c.end) for c in clauses]
    return [document.text[start:end] for start, end in spans]


ENGLISH_CASES = [
    pytest.param(
        "We collect your name. We use it to contact you.",
        ["We collect your name.", "We use it to contact you."],
        id="two-sentences",
    ),
    pytest.param(
        "We share data with processors, e.g. hosting providers, in the U.S. and the EU. They act on our behalf.",
        ["We share data with processors, e.g. hosting providers, in the U.S. and the EU.", "They act on our behalf."],
        id="abbreviations-e.g.-U.S.",
    ),
    pytest.param(
        "Contact us at privacy@example.com. Read more at https://example.com/privacy.html. We reply quickly.",
        ["Contact us at privacy@example.com.", "Read more at https://example.com/privacy.html.", "We reply quickly."],
        id="email-and-url",
    ),
    pytest.param(
        "We keep server logs for 90 days; we delete them after that period.",
        ["We keep server logs for 90 days;", "we delete them after that period."],
        id="semicolon-independent",
    ),
    pytest.param(
        "We collect names; e-mail addresses; and phone numbers.",
        ["We collect names; e-mail addresses; and phone numbers."],
        id="semicolon-list-no-split",
    ),
    pytest.param(
        "Our partners include Acme Inc. and Beta Ltd. in the U.K. We vet each of them.",
        ["Our partners include Acme Inc. and Beta Ltd. in the U.K.", "We vet each of them."],
        id="company-abbreviations",
    ),
    pytest.param(
        "We may disclose your information:\n- To service providers\n- To comply with law\n",
        ["We may disclose your information:", "- To service providers", "- To comply with law"],
        id="bullet-list-with-lead-in",
    ),
    pytest.param(
        "Your rights:\n  • Right to Access: You may request a copy. We may charge a fee.\n  • Right to Erasure: You may ask us to delete data.\n",
        [
            "Your rights:",
            "• Right to Access: You may request a copy.",
            "We may charge a fee.",
            "• Right to Erasure: You may ask us to delete data.",
        ],
        id="item-with-two-sentences",
    ),
    pytest.param(
        "6. Data Retention\nWe retain account data for 7 years. Logs are kept for 30 days.\n",
        ["We retain account data for 7 years.", "Logs are kept for 30 days."],
        id="numbered-heading-not-a-clause",
    ),
    pytest.param(
        "We use data for these purposes:\n1. To provide the service.\n2. To prevent fraud.\n",
        ["We use data for these purposes:", "1. To provide the service.", "2. To prevent fraud."],
        id="numbered-list-items",
    ),
    pytest.param(
        "# Privacy Policy\n\n## Cookies\n\nWe use cookies (see sec. 4 for details). You can block them.\n",
        ["We use cookies (see sec. 4 for details).", "You can block them."],
        id="markdown-headings-and-sec-abbreviation",
    ),
    pytest.param(
        "We may share your data with law enforcement\nagencies when the law requires it. We tell\nyou when we can.\n",
        ["We may share your data with law enforcement\nagencies when the law requires it.", "We tell\nyou when we can."],
        id="hard-wrapped-paragraph",
    ),
    pytest.param(
        "Last updated: May 20, 2024\n\nInformation We Collect\n\nWe collect the data you give us.\n",
        ["Last updated: May 20, 2024", "We collect the data you give us."],
        id="date-line-is-a-clause-title-is-not",
    ),
    pytest.param(
        "Breach Notification: If a breach occurs, we will notify you within 72 hours. We also inform the regulator.",
        ["Breach Notification: If a breach occurs, we will notify you within 72 hours.", "We also inform the regulator."],
        id="inline-label-stays-in-sentence",
    ),
    pytest.param(
        "We do not sell data, etc. We never will.",
        ["We do not sell data, etc.", "We never will."],
        id="etc-ends-sentence",
    ),
    pytest.param(
        "<h2>Sharing</h2><p>We share data with partners&nbsp;only. They sign contracts.</p><ul><li>Processors</li><li>Auditors</li></ul>",
        ["We share data with partners&nbsp;only.", "They sign contracts.", "Processors", "Auditors"],
        id="html-headings-paragraphs-items",
    ),
]

THAI_CASES = [
    pytest.param(
        "บริษัทเก็บรวบรวมชื่อและอีเมลของท่าน ทั้งนี้ท่านสามารถขอถอนความยินยอมได้ทุกเมื่อ",
        ["บริษัทเก็บรวบรวมชื่อและอีเมลของท่าน", "ทั้งนี้ท่านสามารถขอถอนความยินยอมได้ทุกเมื่อ"],
        id="discourse-marker-tangnee",
    ),
    pytest.param(
        "บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน",
        ["บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน"],
        id="enumeration-not-split",
    ),
    pytest.param(
        "บริษัทจะไม่เปิดเผยข้อมูลส่วนบุคคลของท่านแก่บุคคลภายนอก เว้นแต่ได้รับความยินยอมจากท่าน",
        ["บริษัทจะไม่เปิดเผยข้อมูลส่วนบุคคลของท่านแก่บุคคลภายนอก เว้นแต่ได้รับความยินยอมจากท่าน"],
        id="continuation-wenTae",
    ),
    pytest.param(
        "หากท่านไม่ยินยอมให้ใช้คุกกี้ บริษัทอาจไม่สามารถให้บริการบางส่วนแก่ท่านได้ เราขออภัยในความไม่สะดวก",
        ["หากท่านไม่ยินยอมให้ใช้คุกกี้ บริษัทอาจไม่สามารถให้บริการบางส่วนแก่ท่านได้", "เราขออภัยในความไม่สะดวก"],
        id="conditional-waits-for-main-clause",
    ),
    pytest.param(
        "5.1 เพื่อติดต่อท่านเกี่ยวกับบริการ\n5.2 เพื่อเรียกเก็บค่าบริการ\n",
        ["5.1 เพื่อติดต่อท่านเกี่ยวกับบริการ", "5.2 เพื่อเรียกเก็บค่าบริการ"],
        id="numbered-items",
    ),
    pytest.param(
        "3.1 รายละเอียดส่วนบุคคล\nชื่อ นามสกุล\nวันเดือนปีเกิด\n3.2 รายละเอียดการติดต่อ\nอีเมล\n",
        ["ชื่อ นามสกุล", "วันเดือนปีเกิด", "อีเมล"],
        id="numbered-headings-with-short-items",
    ),
    pytest.param(
        "บริษัทอาจเปิดเผยข้อมูลเพื่อวัตถุประสงค์ดังต่อไปนี้\nก) เพื่อปฏิบัติตามกฎหมาย\nข) เพื่อปฏิบัติตามคำสั่งศาล\n",
        ["บริษัทอาจเปิดเผยข้อมูลเพื่อวัตถุประสงค์ดังต่อไปนี้", "ก) เพื่อปฏิบัติตามกฎหมาย", "ข) เพื่อปฏิบัติตามคำสั่งศาล"],
        id="thai-letter-items-with-lead-in",
    ),
    pytest.param(
        "บริษัทปฏิบัติตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (“พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล”) อย่างเคร่งครัด",
        ["บริษัทปฏิบัติตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (“พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล”) อย่างเคร่งครัด"],
        id="abbreviation-and-quotes",
    ),
    pytest.param(
        "โปรดติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลได้ที่ dpo@example.co.th หรือโทร 02-123-4567",
        ["โปรดติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลได้ที่ dpo@example.co.th หรือโทร 02-123-4567"],
        id="email-and-phone",
    ),
    pytest.param(
        "บริษัทใช้คุกกี้เพื่อจดจำการตั้งค่าของท่าน อย่างไรก็ตาม ท่านสามารถปิดการใช้งานคุกกี้ได้ในเบราว์เซอร์",
        ["บริษัทใช้คุกกี้เพื่อจดจำการตั้งค่าของท่าน", "อย่างไรก็ตาม ท่านสามารถปิดการใช้งานคุกกี้ได้ในเบราว์เซอร์"],
        id="discourse-marker-however",
    ),
    pytest.param(
        "การเปิดเผยข้อมูลส่วนบุคคล\nบริษัทจะไม่ขายข้อมูลของท่านให้แก่ผู้ใด\n",
        ["บริษัทจะไม่ขายข้อมูลของท่านให้แก่ผู้ใด"],
        id="unnumbered-heading",
    ),
    pytest.param(
        "บริษัทจะเก็บข้อมูลไว้ตลอดระยะเวลาที่ท่านเป็นลูกค้า เมื่อท่านยกเลิกบริการ บริษัทจะลบข้อมูลภายใน 90 วัน",
        ["บริษัทจะเก็บข้อมูลไว้ตลอดระยะเวลาที่ท่านเป็นลูกค้า", "เมื่อท่านยกเลิกบริการ บริษัทจะลบข้อมูลภายใน 90 วัน"],
        id="new-statement-opened-by-when-clause",
    ),
    pytest.param(
        "ท่านมีสิทธิร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล หากบริษัทไม่ปฏิบัติตามกฎหมาย",
        ["ท่านมีสิทธิร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล หากบริษัทไม่ปฏิบัติตามกฎหมาย"],
        id="trailing-if-clause",
    ),
    pytest.param(
        "ข้อมูลที่เก็บรวบรวมมีดังนี้\n- ชื่อและนามสกุล\n- ที่อยู่อีเมล\n",
        ["ข้อมูลที่เก็บรวบรวมมีดังนี้", "- ชื่อและนามสกุล", "- ที่อยู่อีเมล"],
        id="bullets-after-dangnee",
    ),
    pytest.param(
        "Privacy Policy\nนโยบายความเป็นส่วนตัว\nบริษัทให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลของท่าน\n",
        ["บริษัทให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลของท่าน"],
        id="bilingual-title-lines",
    ),
    pytest.param(
        "๑. ข้อมูลที่เราเก็บ\nเราเก็บข้อมูลการใช้งานแอปพลิเคชันของท่าน\n",
        ["เราเก็บข้อมูลการใช้งานแอปพลิเคชันของท่าน"],
        id="thai-digit-section-heading",
    ),
    pytest.param(
        "บริษัทจะไม่ ขายข้อมูลส่วนบุคคลของท่านให้แก่บุคคลภายนอก",
        ["บริษัทจะไม่ ขายข้อมูลส่วนบุคคลของท่านให้แก่บุคคลภายนอก"],
        id="stray-space-after-negation",
    ),
    pytest.param(
        "บริษัทอาจเปิดเผยข้อมูลของท่านต่อหน่วยงานของรัฐ หากมีกฎหมายกำหนดไว้",
        ["บริษัทอาจเปิดเผยข้อมูลของท่านต่อหน่วยงานของรัฐ หากมีกฎหมายกำหนดไว้"],
        id="trailing-condition-stays",
    ),
    pytest.param(
        "หากมีกฎหมายกำหนดไว้ บริษัทจะเก็บข้อมูลไว้นานกว่าระยะเวลาดังกล่าว",
        ["หากมีกฎหมายกำหนดไว้ บริษัทจะเก็บข้อมูลไว้นานกว่าระยะเวลาดังกล่าว"],
        id="leading-condition-joins-its-statement",
    ),
    pytest.param(
        "บริษัทใช้คุกกี้เพื่อจดจำการตั้งค่าของท่าน นอกจากนี้ บริษัทอาจใช้คุกกี้ของบุคคลที่สามเพื่อวิเคราะห์การใช้งาน",
        ["บริษัทใช้คุกกี้เพื่อจดจำการตั้งค่าของท่าน", "นอกจากนี้ บริษัทอาจใช้คุกกี้ของบุคคลที่สามเพื่อวิเคราะห์การใช้งาน"],
        id="opener-nokjaknee",
    ),
    pytest.param(
        "ข้อมูลของท่านจะถูกเก็บไว้บนเซิร์ฟเวอร์ในประเทศไทย เราใช้การเข้ารหัสเพื่อปกป้องข้อมูลดังกล่าว",
        ["ข้อมูลของท่านจะถูกเก็บไว้บนเซิร์ฟเวอร์ในประเทศไทย", "เราใช้การเข้ารหัสเพื่อปกป้องข้อมูลดังกล่าว"],
        id="new-subject-without-opener",
    ),
    pytest.param(
        "ลูกค้าบุคคลธรรมดา: ลูกค้าเดิมและลูกค้าปัจจุบันของบริษัท กรรมการ ผู้ถือหุ้น และพนักงานของลูกค้าองค์กร",
        ["ลูกค้าบุคคลธรรมดา: ลูกค้าเดิมและลูกค้าปัจจุบันของบริษัท กรรมการ ผู้ถือหุ้น และพนักงานของลูกค้าองค์กร"],
        id="labelled-enumeration",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_CASES)
def test_english_clauses(text: str, expected: list[str]) -> None:
    name = "case.html" if text.startswith("<") else "case.txt"
    assert clause_texts(text, name) == expected


@pytest.mark.parametrize(("text", "expected"), THAI_CASES)
def test_thai_clauses(text: str, expected: list[str]) -> None:
    assert clause_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "lead_ins"),
    [
        pytest.param(
            "We may disclose your information:\n- To processors\n  - Hosting\n- To auditors\n",
            [None, "We may disclose your information:", "To processors", "We may disclose your information:"],
            id="en-nested",
        ),
        pytest.param(
            "6.3 บริษัทอาจเปิดเผยข้อมูลเพื่อวัตถุประสงค์ดังต่อไปนี้\nก) เพื่อปฏิบัติตามกฎหมาย\n",
            [None, "บริษัทอาจเปิดเผยข้อมูลเพื่อวัตถุประสงค์ดังต่อไปนี้"],
            id="th-letter-under-numbered",
        ),
        pytest.param(
            "Sharing\n- Processors\n",
            [None],
            id="en-heading-then-items-has-no-lead-in",
        ),
    ],
)
def test_lead_in_of_items(text: str, lead_ins: list[str | None]) -> None:
    document = parse_document(text.encode("utf-8"), "case.txt", "case.txt")
    clauses, _ = segment_clauses(document)
    assert [c.lead_in for c in clauses] == lead_ins


def test_section_path_follows_heading_levels() -> None:
    text = "1. Sharing\n1.1 Processors\nWe use processors.\n2. Security\nWe encrypt data.\n"
    document = parse_document(text.encode(), "case.txt", "case.txt")
    clauses, headings = segment_clauses(document)
    assert [c.section_path for c in clauses] == [("Sharing", "Processors"), ("Security",)]
    assert len(headings) == 3


def test_unknown_segmenter_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no clause segmenter for language 'xx'"):
        get_segmenter("xx")
    with pytest.raises(ValueError, match="no clause segmenter 'bert' for language 'th'; known: \\['crfcut', 'model', 'rules'\\]"):
        get_segmenter("th", "bert")
    assert {"en", "th"} <= set(SEGMENTERS)


@pytest.mark.parametrize(
    ("engines", "expected"),
    [
        pytest.param(None, ["บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน", "ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ"], id="model"),
        pytest.param({"th": "rules"}, ["บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน", "ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ"], id="rules"),
        pytest.param({"th": lambda texts, items=None: [[] for _ in texts]}, ["บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ"], id="any-function"),
    ],
)
def test_engines_are_chosen_per_language(engines, expected) -> None:
    text = "บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ"
    document = parse_document(text.encode("utf-8"), "case.txt", "case.txt")
    clauses, _ = segment_clauses(document, engines)
    assert [document.text[c.start:c.end] for c in clauses] == expected

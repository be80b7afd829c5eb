"""Structure recovery from plain text: headings, list items, paragraphs."""

from __future__ import annotations

import pytest

from pipeline.ingest.structure import detect_blocks, is_lead_in, strip_list_marker


def kinds(text: str) -> list[tuple[str, str]]:
    return [(block.kind, text[block.start:block.end]) for block in detect_blocks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Privacy Policy\nLast updated: 1 May 2025\nInformation We Collect\nWe collect data.\n",
            [("heading", "Privacy Policy"), ("paragraph", "Last updated: 1 May 2025"),
             ("heading", "Information We Collect"), ("paragraph", "We collect data.")],
            id="en-title-case-headings",
        ),
        pytest.param(
            "2. Information We Collect\n2.1 Account Data\n- Name\n- E-mail\n",
            [("heading", "2. Information We Collect"), ("heading", "2.1 Account Data"),
             ("item", "- Name"), ("item", "- E-mail")],
            id="en-numbered-headings",
        ),
        pytest.param(
            "We collect the following:\nName\nE-mail Address\n\nSecurity\nWe encrypt data.\n",
            [("paragraph", "We collect the following:"), ("item", "Name"), ("item", "E-mail Address"),
             ("heading", "Security"), ("paragraph", "We encrypt data.")],
            id="en-short-lines-after-lead-in-are-items",
        ),
        pytest.param(
            "Contact us at:\nAcme Ltd, 1 Main Street, Springfield 12345\n",
            [("paragraph", "Contact us at:"), ("paragraph", "Acme Ltd, 1 Main Street, Springfield 12345")],
            id="en-address-is-not-a-heading",
        ),
        pytest.param(
            "แหล่งที่มาของข้อมูล\n4.1 ข้อมูลที่ได้รับจากท่านโดยตรง\n4.2 ข้อมูลที่ได้รับจากพันธมิตร\nวัตถุประสงค์\nบริษัทใช้ข้อมูลเพื่อให้บริการ\n",
            [("heading", "แหล่งที่มาของข้อมูล"), ("item", "4.1 ข้อมูลที่ได้รับจากท่านโดยตรง"),
             ("item", "4.2 ข้อมูลที่ได้รับจากพันธมิตร"), ("heading", "วัตถุประสงค์"),
             ("paragraph", "บริษัทใช้ข้อมูลเพื่อให้บริการ")],
            id="th-numbered-items-then-heading",
        ),
        pytest.param(
            "8.1 สิทธิในการเข้าถึงข้อมูล\nท่านมีสิทธิขอเข้าถึงข้อมูลส่วนบุคคลของท่าน\n",
            [("heading", "8.1 สิทธิในการเข้าถึงข้อมูล"), ("paragraph", "ท่านมีสิทธิขอเข้าถึงข้อมูลส่วนบุคคลของท่าน")],
            id="th-numbered-right-heading",
        ),
    ],
)
def test_block_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We may share it with:", True),
        ("บริษัทอาจใช้ข้อมูลเพื่อวัตถุประสงค์ดังต่อไปนี้", True),
        ("ข้อมูลที่เก็บมีดังนี้ :", True),
        ("We share it with processors.", False),
        ("บริษัทเก็บข้อมูลของท่าน", False),
    ],
)
def test_lead_in_detection(text: str, expected: bool) -> None:
    assert is_lead_in(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Name", "Name"),
        ("  • Right to Access: copy", "Right to Access: copy"),
        ("3.1 รายละเอียดส่วนบุคคล", "รายละเอียดส่วนบุคคล"),
        ("ก) เพื่อปฏิบัติตามกฎหมาย", "เพื่อปฏิบัติตามกฎหมาย"),
        ("(b) to prevent fraud", "to prevent fraud"),
        ("2024 was a good year", "2024 was a good year"),
    ],
)
def test_strip_list_marker(text: str, expected: str) -> None:
    assert strip_list_marker(text) == expected


def test_indented_bullets_nest() -> None:
    text = "We share data:\n- Processors\n    - Hosting\n- Auditors\n"
    assert [b.level for b in detect_blocks(text) if b.kind == "item"] == [1, 2, 1]


def test_hard_wrapped_lines_join() -> None:
    text = "We keep logs for security\npurposes and delete them later.\n"
    assert kinds(text) == [("paragraph", text.strip())]

"""Page furniture: by where a line sits in a page, and by what it says."""

from __future__ import annotations

import pytest

from pipeline.ingest.furniture import furniture_reason, html_furniture
from pipeline.ingest.html_text import extract_html_text
from pipeline.ingest.markdown import is_bold_title, markdown_hints
from pipeline.ingest.structure import detect_blocks


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Skip to main content", "skip link"),
        ("ข้ามไปที่เนื้อหา", "skip link"),
        ("Back to top ↑".replace(" ↑", ""), "back to top"),
        ("กลับด้านบน", "back to top"),
        ("© 2020 CoEpi", "copyright"),
        ("Copyright 2024 Example Inc. All rights reserved.", "copyright"),
        ("© 2568 ร้านกาแฟดี สงวนลิขสิทธิ์", "copyright"),
        ("Accept all", "cookie banner"),
        ("ยอมรับทั้งหมด", "cookie banner"),
        ("Made with Jekyll", "credit"),
        ("We keep server logs for 90 days.", None),
        ("Copyright infringement notices go to our agent; we answer within 10 days.", None),
        ("บริษัทเก็บรักษาข้อมูลไว้ 5 ปี", None),
    ],
)
def test_furniture_by_what_a_line_says(text: str, reason: str | None) -> None:
    assert furniture_reason(text) == reason


@pytest.mark.parametrize(
    ("page", "furniture", "content"),
    [
        pytest.param(
            '<header role="banner"><div class="usa-banner">An official website of the United States government</div></header>'
            '<main><h1>Privacy</h1><p>We collect no personal information.</p></main>'
            '<footer class="usa-footer"><a href="#">Return to top</a><p>Contact us</p></footer>',
            ["An official website of the United States government", "Return to top", "Contact us"],
            ["Privacy", "We collect no personal information."],
            id="en-landmarks-and-main",
        ),
        pytest.param(
            '<div class="nav-links"><a href="/">หน้าแรก</a></div><div id="content"><h1>นโยบาย</h1>'
            '<p>บริษัทเก็บข้อมูลของท่าน</p><div class="cta button"><a href="/faq">ดูคำถามที่พบบ่อย →</a></div></div>',
            ["หน้าแรก", "ดูคำถามที่พบบ่อย →"],
            ["นโยบาย", "บริษัทเก็บข้อมูลของท่าน"],
            id="th-class-words-without-main",
        ),
        pytest.param(
            '<form id="aspnetForm"><nav><a href="/">Home</a></nav><h1>Privacy</h1><p>We keep logs.</p>'
            '<p>We delete them after 90 days.</p><p>We never sell them.</p></form>',
            ["Home"],
            ["Privacy", "We keep logs.", "We delete them after 90 days.", "We never sell them."],
            id="en-page-wrapped-in-one-form",
        ),
        pytest.param(
            '<article><header><h1>Privacy Policy</h1><p>Effective 1 May 2025</p></header><p>We keep logs.</p>'
            '<h2 id="how-we-share-your-personal-data">How we share your data</h2></article>',
            [],
            ["Privacy Policy", "Effective 1 May 2025", "We keep logs.", "How we share your data"],
            id="en-article-header-and-slug-ids-are-content",
        ),
    ],
)
def test_furniture_by_where_a_line_sits(page: str, furniture: list[str], content: list[str]) -> None:
    extracted = extract_html_text(page)
    decided = html_furniture(extracted)
    lines = {extracted.view[line.start:line.end]: index in decided for index, line in enumerate(extracted.lines)}
    assert [text for text, is_furniture in lines.items() if is_furniture] == furniture
    assert [text for text, is_furniture in lines.items() if not is_furniture] == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Contents\n1. Data we collect\n2. Retention\n\n1. Data we collect\nWe collect your name.\n\n2. Retention\nWe keep it for a year.\n",
            [("furniture", "Contents\n1. Data we collect\n2. Retention"), ("heading", "1. Data we collect"),
             ("paragraph", "We collect your name."), ("heading", "2. Retention"), ("paragraph", "We keep it for a year.")],
            id="en-table-of-contents",
        ),
        pytest.param(
            "สารบัญ\n- [ข้อมูลที่เก็บ](#collect)\n- [การเก็บรักษา](#retention)\n\n## ข้อมูลที่เก็บ\nบริษัทเก็บชื่อของท่าน\n\n## การเก็บรักษา\nบริษัทเก็บข้อมูลไว้ 1 ปี\n",
            [("furniture", "สารบัญ\n- [ข้อมูลที่เก็บ](#collect)\n- [การเก็บรักษา](#retention)"), ("heading", "## ข้อมูลที่เก็บ"),
             ("paragraph", "บริษัทเก็บชื่อของท่าน"), ("heading", "## การเก็บรักษา"), ("paragraph", "บริษัทเก็บข้อมูลไว้ 1 ปี")],
            id="th-markdown-table-of-contents",
        ),
        pytest.param(
            "Our addresses are:\n\nGitHub B.V.\nPrins Bernhardplein 200, Amsterdam\n1097JB\nThe Netherlands\n\nE-mail: privacy@github.com\n",
            [("paragraph", "Our addresses are:"), ("paragraph", "GitHub B.V.\nPrins Bernhardplein 200, Amsterdam\n1097JB\nThe Netherlands"),
             ("paragraph", "E-mail: privacy@github.com")],
            id="en-address-lines-are-one-block",
        ),
        pytest.param(
            "ติดต่อเรา\nบริษัท ตัวอย่าง จำกัด\n99 ถนนสุขุมวิท\nกรุงเทพมหานคร 10110\n",
            [("heading", "ติดต่อเรา"), ("paragraph", "บริษัท ตัวอย่าง จำกัด\n99 ถนนสุขุมวิท\nกรุงเทพมหานคร 10110")],
            id="th-address-lines-are-one-block",
        ),
    ],
)
def test_contents_and_addresses(text: str, expected: list[tuple[str, str]]) -> None:
    blocks = detect_blocks(text, markdown_hints(text), wrapped=True)
    assert [(block.kind, text[block.start:block.end]) for block in blocks] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Cookies and tracking**", True),
        ("__การเก็บรักษาข้อมูล__", True),
        ("[B]ข้อมูลส่วนบุคคล[/B]", True),
        ("[size=4][b]Your Rights[/b][/size]", True),
        ("**Purpose:** We use it.", False),
        ("**We never sell your data.**", False),
        ("**เราเก็บข้อมูลดังต่อไปนี้:**", False),
    ],
)
def test_bold_title_lines(line: str, expected: bool) -> None:
    assert is_bold_title(line) is expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("---\nlayout: page\ntitle: Privacy\n---\n\nWe keep logs.\n", ["furniture", "paragraph"], id="en-front-matter"),
        pytest.param("+++\ntitle = \"นโยบาย\"\n+++\nบริษัทเก็บข้อมูล\n", ["furniture", "paragraph"], id="th-toml-front-matter"),
        pytest.param("We keep logs.\n\n---\n\nWe delete them.\n", ["paragraph", "furniture", "paragraph"], id="en-rule"),
        pytest.param("นโยบาย\n======\nบริษัทเก็บข้อมูล\n", ["heading", "paragraph"], id="th-setext-heading"),
        pytest.param("## Cookies\n{: #cookies }\n<!-- note -->\nWe use cookies.\n", ["heading", "furniture", "paragraph"], id="en-kramdown-and-comment"),
        pytest.param("| ข้อมูล | ระยะเวลา |\n|---|---|\n| บัญชี | 5 ปี |\n", ["table_header", "row"], id="th-pipe-table"),
        pytest.param("| Processor | Purpose |\n| Stripe | Payments |\n", ["row", "row"], id="en-pipe-rows-without-header"),
    ],
)
def test_markdown_marks(text: str, kinds: list[str]) -> None:
    assert [block.kind for block in detect_blocks(text, markdown_hints(text), wrapped=True)] == kinds

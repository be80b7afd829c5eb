"""Policies as users find them: saved web pages and Markdown files, read block by block.

Each page is written to look like a real one (skip link, cookie banner, site
header and navigation, breadcrumbs, a contents box, a retention table, a
``<br>`` address, run-in titles, a footer), and each test asserts the exact
clauses, headings and furniture expected.
"""

from __future__ import annotations

import pytest

from pipeline.attributes import extract_attributes
from pipeline.attributes.extract import clause_context
from pipeline.ingest.files import parse_document
from pipeline.runtime.worker import document_rows

EN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Privacy Policy | Acme Cloud</title>
<link rel="stylesheet" href="/site.css"></head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience.</p>
  <button>Accept all</button><button>Reject all</button><button>Cookie settings</button>
</div>
<header class="site-header">
  <a href="/" class="logo">Acme Cloud</a>
  <nav aria-label="Main"><ul><li><a href="/product">Product</a></li><li><a href="/pricing">Pricing</a></li><li><a href="/blog">Blog</a></li></ul></nav>
</header>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/legal">Legal</a> › Privacy</nav>
<main id="main">
<h1>Privacy Policy</h1>
<p>Last updated: 1 March 2025</p>
<aside class="toc"><p>On this page</p><ul><li><a href="#retention">Data retention</a></li><li><a href="#contact">Contact us</a></li></ul></aside>
<h2 id="collect">Information we collect</h2>
<p><strong>Account data:</strong> We collect your name and e-mail address when you sign up. We use it to run your account.</p>
<p>Children. Our service is not directed to children under 13.</p>
<h2 id="retention">Data retention</h2>
<p>We keep data for the periods below.</p>
<table>
<thead><tr><th>Data</th><th>Retention period</th></tr></thead>
<tbody>
<tr><td>Server logs</td><td>90 days</td></tr>
<tr><td>Invoices</td><td>7 years</td></tr>
</tbody>
</table>
<h2 id="contact">Contact us</h2>
<p>You can write to our data protection officer:</p>
<p>Acme Cloud Ltd.<br>
12 Harbour Street<br>
London EC1A 1BB<br>
United Kingdom</p>
<p>E-mail: privacy@acme.example</p>
</main>
<footer class="site-footer">
<p><a href="/terms">Terms</a> <a href="/status">Status</a> <a href="/help">Help</a></p>
<p>© 2025 Acme Cloud Ltd. All rights reserved.</p>
</footer>
</body>
</html>
"""

TH_PAGE = """<!DOCTYPE html>
<html lang="th">
<head><meta charset="utf-8"><title>นโยบายความเป็นส่วนตัว</title></head>
<body>
<a href="#content" class="skip">ข้ามไปที่เนื้อหา</a>
<header role="banner">
  <div class="logo">ร้านกาแฟดี</div>
  <nav><a href="/">หน้าแรก</a><a href="/menu">เมนู</a><a href="/contact">ติดต่อเรา</a></nav>
</header>
<div class="cookie-banner"><p>เว็บไซต์นี้ใช้คุกกี้</p><button>ยอมรับทั้งหมด</button><button>ตั้งค่าคุกกี้</button></div>
<div id="content">
<h1>นโยบายความเป็นส่วนตัว</h1>
<p><b>วัตถุประสงค์:</b> บริษัทใช้ข้อมูลส่วนบุคคลของท่านเพื่อจัดส่งสินค้า</p>
<h2>ระยะเวลาการเก็บรักษา</h2>
<table>
<tr><th>ข้อมูล</th><th>ระยะเวลาการเก็บรักษา</th></tr>
<tr><td>ข้อมูลบัญชี</td><td>5 ปี</td></tr>
<tr><td>ล็อกของเซิร์ฟเวอร์</td><td>90 วัน</td></tr>
</table>
<h2>ติดต่อเรา</h2>
<p>บริษัท ร้านกาแฟดี จำกัด<br>
99 ถนนสุขุมวิท แขวงคลองเตย<br>
เขตคลองเตย กรุงเทพมหานคร 10110</p>
</div>
<footer><p>© 2568 ร้านกาแฟดี สงวนลิขสิทธิ์</p></footer>
</body>
</html>
"""

EN_MARKDOWN = """---
layout: page
title: Privacy Policy
---

Privacy Policy
==============
{: datetime="2024-05-01" }

<!-- markdownlint-disable MD033 -->

- [Data retention](#data-retention)
- [Your rights](#your-rights)

---

## Data retention

**Backups**

We keep backups only as long as needed.

| Data | Retention period |
|------|------------------|
| Server logs | 90 days |
| Support tickets | 3 years |

## Your rights

- **Access.** You can ask for a copy of your data.
- **Erasure.** You can ask us to delete your data.

_We never sell your data._

[B]Contact[/B]

Write to privacy@example.com.
"""

TH_MARKDOWN = """---
title: นโยบายความเป็นส่วนตัว
---

# นโยบายความเป็นส่วนตัว
{: #top }

__ระยะเวลาการเก็บรักษา__

| ข้อมูล | ระยะเวลาการเก็บรักษา |
| :--- | :--- |
| ข้อมูลบัญชี | 5 ปี |

***

* **สิทธิของท่าน**: ท่านมีสิทธิขอเข้าถึงข้อมูลส่วนบุคคลของท่าน
"""


def rows_of(text: str, name: str) -> tuple[list[dict], list[dict]]:
    document = parse_document(text.encode("utf-8"), name, name, is_html=name.endswith(".html"))
    clauses, headings = document_rows(document)
    for row in [*clauses, *headings]:
        assert text[row["char_start"]:row["char_end"]] == row["text_raw"]
    return clauses, headings


EXPECTED_CLAUSES = {
    "en.html": [
        ("Last updated: 1 March 2025", ["Privacy Policy"], None),
        ("Account data: We collect your name and e-mail address when you sign up.", ["Privacy Policy", "Information we collect"], None),
        ("We use it to run your account.", ["Privacy Policy", "Information we collect"], None),
        ("Children. Our service is not directed to children under 13.", ["Privacy Policy", "Information we collect"], None),
        ("We keep data for the periods below.", ["Privacy Policy", "Data retention"], None),
        ("Server logs: 90 days", ["Privacy Policy", "Data retention"], "Data | Retention period"),
        ("Invoices: 7 years", ["Privacy Policy", "Data retention"], "Data | Retention period"),
        ("You can write to our data protection officer:", ["Privacy Policy", "Contact us"], None),
        ("Acme Cloud Ltd. 12 Harbour Street London EC1A 1BB United Kingdom", ["Privacy Policy", "Contact us"], None),
        ("E-mail: privacy@acme.example", ["Privacy Policy", "Contact us"], None),
    ],
    "th.html": [
        ("วัตถุประสงค์: บริษัทใช้ข้อมูลส่วนบุคคลของท่านเพื่อจัดส่งสินค้า", ["นโยบายความเป็นส่วนตัว"], None),
        ("ข้อมูลบัญชี: 5 ปี", ["นโยบายความเป็นส่วนตัว", "ระยะเวลาการเก็บรักษา"], "ข้อมูล | ระยะเวลาการเก็บรักษา"),
        ("ล็อกของเซิร์ฟเวอร์: 90 วัน", ["นโยบายความเป็นส่วนตัว", "ระยะเวลาการเก็บรักษา"], "ข้อมูล | ระยะเวลาการเก็บรักษา"),
        ("บริษัท ร้านกาแฟดี จำกัด 99 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", ["นโยบายความเป็นส่วนตัว", "ติดต่อเรา"], None),
    ],
    "en.md": [
        ("We keep backups only as long as needed.", ["Privacy Policy", "Data retention", "Backups"], None),
        ("Server logs: 90 days", ["Privacy Policy", "Data retention", "Backups"], "Data | Retention period"),
        ("Support tickets: 3 years", ["Privacy Policy", "Data retention", "Backups"], "Data | Retention period"),
        ("Access. You can ask for a copy of your data.", ["Privacy Policy", "Your rights"], None),
        ("Erasure. You can ask us to delete your data.", ["Privacy Policy", "Your rights"], None),
        ("We never sell your data.", ["Privacy Policy", "Your rights"], None),
        ("Write to privacy@example.com.", ["Privacy Policy", "Your rights", "Contact"], None),
    ],
    "th.md": [
        ("ข้อมูลบัญชี: 5 ปี", ["นโยบายความเป็นส่วนตัว", "ระยะเวลาการเก็บรักษา"], "ข้อมูล | ระยะเวลาการเก็บรักษา"),
        ("สิทธิของท่าน: ท่านมีสิทธิขอเข้าถึงข้อมูลส่วนบุคคลของท่าน", ["นโยบายความเป็นส่วนตัว", "ระยะเวลาการเก็บรักษา"], None),
    ],
}
PAGES = {"en.html": EN_PAGE, "th.html": TH_PAGE, "en.md": EN_MARKDOWN, "th.md": TH_MARKDOWN}


@pytest.mark.parametrize("name", list(EXPECTED_CLAUSES))
def test_exact_clauses(name: str) -> None:
    clauses, _ = rows_of(PAGES[name], name)
    assert [(row["text_norm"], row["section_path"], row["lead_in"]) for row in clauses] == EXPECTED_CLAUSES[name]


EXPECTED_HEADINGS = {
    "en.html": [("furniture", None), ("heading", "Privacy Policy"), ("furniture", None), ("heading", "Information we collect"),
                ("heading", "Data retention"), ("table_header", "Data | Retention period"), ("heading", "Contact us"), ("furniture", None)],
    "th.html": [("furniture", None), ("heading", "นโยบายความเป็นส่วนตัว"), ("heading", "ระยะเวลาการเก็บรักษา"),
                ("table_header", "ข้อมูล | ระยะเวลาการเก็บรักษา"), ("heading", "ติดต่อเรา"), ("furniture", None)],
    "en.md": [("furniture", None), ("heading", "Privacy Policy"), ("furniture", None), ("heading", "Data retention"), ("heading", "Backups"),
              ("table_header", "Data | Retention period"), ("heading", "Your rights"), ("heading", "Contact")],
    "th.md": [("furniture", None), ("heading", "นโยบายความเป็นส่วนตัว"), ("furniture", None), ("heading", "ระยะเวลาการเก็บรักษา"),
              ("table_header", "ข้อมูล | ระยะเวลาการเก็บรักษา"), ("furniture", None)],
}


@pytest.mark.parametrize("name", list(EXPECTED_HEADINGS))
def test_headings_tables_and_furniture_are_recorded_without_markup(name: str) -> None:
    _, headings = rows_of(PAGES[name], name)
    assert [(row["kind"], row["text_norm"] if row["kind"] != "furniture" else None) for row in headings] == EXPECTED_HEADINGS[name]


@pytest.mark.parametrize("name", list(PAGES))
def test_every_visible_character_is_in_one_clause_or_one_recorded_block(name: str) -> None:
    text = PAGES[name]
    document = parse_document(text.encode("utf-8"), name, name, is_html=name.endswith(".html"))
    clauses, headings = document_rows(document)
    covered = sorted((row["char_start"], row["char_end"]) for row in [*clauses, *headings])
    assert all(end <= start for (_, end), (start, _) in zip(covered, covered[1:]))
    view_chars = "".join(document.view.split())
    kept = "".join("".join(document.view[b.start:b.end].split()) for b in document.blocks)
    assert kept == view_chars


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("en.html", ["Skip to main content", "Accept all", "Cookie settings", "Pricing", "Home", "On this page", "Status", "© 2025"]),
        ("th.html", ["ข้ามไปที่เนื้อหา", "ยอมรับทั้งหมด", "หน้าแรก", "สงวนลิขสิทธิ์"]),
    ],
)
def test_page_furniture_is_no_clause(name: str, furniture: list[str]) -> None:
    clauses, headings = rows_of(PAGES[name], name)
    recorded = " ".join(row["text_norm"] for row in headings if row["kind"] == "furniture")
    for words in furniture:
        assert words in recorded
        assert not any(words in row["text_norm"] for row in clauses)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("en.html", "Server logs: 90 days", {"value": "P90D", "days_min": 90.0, "days_max": 90.0, "applies_to": "Server logs"}),
        ("th.html", "ล็อกของเซิร์ฟเวอร์: 90 วัน", {"value": "P90D", "days_min": 90.0, "days_max": 90.0, "applies_to": "ล็อกของเซิร์ฟเวอร์"}),
        ("en.md", "Support tickets: 3 years", {"value": "P3Y", "days_min": 1095.0, "days_max": 1095.0, "applies_to": "Support tickets"}),
    ],
)
def test_a_table_row_reads_as_a_retention_with_what_it_applies_to(name: str, text: str, expected: dict) -> None:
    clauses, _ = rows_of(PAGES[name], name)
    row = next(row for row in clauses if row["text_norm"] == text)
    assert extract_attributes(row["text_norm"], clause_context(row["section_path"], row["lead_in"]))["retention"] == [expected]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param("<p>We keep server logs<br>\nfor 90 days.</p><p>We keep logs.<br>We delete them after a year.</p>",
                     ["We keep server logs for 90 days.", "We keep logs.", "We delete them after a year."], id="en"),
        pytest.param("<p>บริษัทเก็บข้อมูลของท่าน<br>บริษัทไม่ขายข้อมูลของท่าน</p>",
                     ["บริษัทเก็บข้อมูลของท่าน", "บริษัทไม่ขายข้อมูลของท่าน"], id="th"),
    ],
)
def test_br_lines_of_one_statement_stay_one_clause(page: str, expected: list[str]) -> None:
    clauses, _ = rows_of(page, "p.html")
    assert [row["text_norm"] for row in clauses] == expected

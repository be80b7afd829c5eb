"""HTML to text with offsets back into the HTML source."""

from __future__ import annotations

import pytest

from pipeline.ingest.html_text import extract_html_text

PAGE = """<html><head><title>x</title><style>p {color: red}</style></head>
<body><script>var a = "<p>not text</p>";</script>
<h1>Privacy&nbsp;Policy</h1>
<p>We collect <strong>your e-mail</strong> &amp; name.</p>
<ul><li>Name</li><li>E&#8209;mail<ul><li>Work e-mail</li></ul></li></ul>
<h2>นโยบาย</h2><p>บริษัทเก็บข้อมูล<br>ของท่าน</p>
</body></html>"""


def test_lines_and_hints() -> None:
    extracted = extract_html_text(PAGE)
    lines = extracted.view.splitlines()
    assert lines == [
        "Privacy\xa0Policy",
        "We collect your e-mail & name.",
        "Name",
        "E\u2011mail",
        "Work e-mail",
        "นโยบาย",
        "บริษัทเก็บข้อมูล",
        "ของท่าน",
    ]
    hints = {extracted.view[start:].split("\n", 1)[0]: hint for start, hint in extracted.hints.items()}
    assert hints["Privacy\xa0Policy"] == ("heading", 1)
    assert hints["นโยบาย"] == ("heading", 2)
    assert hints["Name"] == ("item", 1)
    assert hints["Work e-mail"] == ("item", 2)


@pytest.mark.parametrize("word", ["collect", "Work", "บริษัท", "ของท่าน"])
def test_offsets_point_into_source(word: str) -> None:
    extracted = extract_html_text(PAGE)
    start = extracted.view.index(word)
    source_start = extracted.view_to_text[start]
    source_end = extracted.view_to_text[start + len(word) - 1] + 1
    assert PAGE[source_start:source_end] == word


def test_entity_maps_to_its_reference() -> None:
    extracted = extract_html_text(PAGE)
    position = extracted.view.index("&")
    assert PAGE[extracted.view_to_text[position]:].startswith("&amp;")


def test_script_and_style_are_not_text() -> None:
    view = extract_html_text(PAGE).view
    assert "not text" not in view and "color" not in view


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param("<html><head><title>Privacy</title><body><p>We keep logs for 90 days.</p>",
                     ["We keep logs for 90 days."], id="en-no-end-of-head"),
        pytest.param("<head><meta charset=utf-8><p>บริษัทเก็บข้อมูลไว้ 90 วัน</p>",
                     ["บริษัทเก็บข้อมูลไว้ 90 วัน"], id="th-head-ended-by-body-content"),
        pytest.param("<p>We keep logs.</p><object data='x.swf'><p>Your browser cannot show this file.</p><p>We delete them after 90 days.</p>",
                     ["We keep logs.", "Your browser cannot show this file.", "We delete them after 90 days."], id="en-unclosed-object"),
        pytest.param("<h1>นโยบาย</h1><svg viewBox='0 0 24 24'><path d='M0 0'><p>บริษัทเก็บข้อมูลของท่าน</p>",
                     ["นโยบาย", "บริษัทเก็บข้อมูลของท่าน"], id="th-unclosed-svg"),
        pytest.param("<ul><li>Name<li>E-mail</ul><p>We collect <b>both</b>.<p>We share neither.",
                     ["Name", "E-mail", "We collect both.", "We share neither."], id="en-omitted-end-tags"),
    ],
)
def test_browsers_tolerance_keeps_the_policy(page: str, expected: list[str]) -> None:
    assert extract_html_text(page).view.splitlines() == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The standard library stopped at an "&#" that starts no character reference: the rest of the page was then
        # dropped with the end-of-page rules, or shown as raw markup.
        pytest.param("<p>We keep logs.</p><p>Ref &#</p><p>We sell your data; ask us.</p>",
                     ["We keep logs.", "Ref &#", "We sell your data; ask us."], id="en-bare-number-sign"),
        pytest.param("<p>We&#8217d keep logs.</p><p>We sell no data.</p>", ["We&#8217d keep logs.", "We sell no data."],
                     id="en-reference-without-end"),
        pytest.param("<p>เลขที่ &#</p><p>บริษัทไม่ขายข้อมูล; ติดต่อเรา</p>", ["เลขที่ &#", "บริษัทไม่ขายข้อมูล; ติดต่อเรา"],
                     id="th-bare-number-sign"),
        # A reference without its ";" is read as HTML reads it, and gains no ";".
        pytest.param("<p>AT&T and J&R; &copy 2024 &#65 &#x42;</p>", ["AT&T and J&R; © 2024 A B"], id="en-references-without-semicolon"),
    ],
)
def test_number_signs_and_references_are_text_as_browsers_show_them(page: str, expected: list[str]) -> None:
    assert extract_html_text(page).view.splitlines() == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<nav><a href="/">Home</a><a href="/es">Español</a></nav>', ["Home Español"]),
        ('<div class="lang"><a href="/th">ไทย</a><a href="/en">English</a></div>', ["ไทย English"]),
        ('<p>See <a href="/a">our policy</a>.</p>', ["See our policy."]),
    ],
)
def test_side_by_side_links_are_separate_words(page: str, expected: list[str]) -> None:
    assert extract_html_text(page).view.splitlines() == expected


def test_lines_keep_their_context() -> None:
    page = extract_html_text(
        '<header class="site-header"><a href="/">Acme</a></header><main><p><strong>Purpose:</strong> We use it.</p>'
        "<table><tr><th>Data</th><th>ระยะเวลา</th></tr><tr><td>Logs</td><td>90 วัน</td></tr></table></main>"
    )
    header, paragraph, *cells = page.lines
    assert [element.tag for element in header.path] == ["header", "a"] and "header" in header.path[0].words
    assert page.view[paragraph.start:paragraph.lead_bold_end] == "Purpose:"
    assert [line.cell for line in cells] == [(1, 1, 0, True), (1, 1, 1, True), (1, 2, 0, False), (1, 2, 1, False)]

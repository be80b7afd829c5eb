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

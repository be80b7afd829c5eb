"""OPP-115's sanitized policies read as policies: the ``|||`` segment separators are breaks, never text."""

from __future__ import annotations

import pytest

from pipeline.ingest.files import parse_document, read_document
from pipeline.runtime.worker import document_rows

# Written for this test in the layout of OPP-115's sanitized_policies/*.html (no text of the corpus).
EN_SANITIZED = (
    "Privacy Policy <br> <br> Example.com respects your privacy. This policy explains what we collect. <br> <br>|||"
    "Information We Collect <br> <br> We collect your e-mail address when you subscribe. <br> <br>|||"
    "- We use cookies to remember your settings; <br> <br>|||"
    "We keep server logs for 90 days.|||"
)
TH_SANITIZED = (
    "นโยบายความเป็นส่วนตัว <br> <br> บริษัทเคารพความเป็นส่วนตัวของท่าน <br> <br>|||"
    "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้ ๕ ปี|||ท่านมีสิทธิขอให้ลบข้อมูลได้ <br>|||"
)


@pytest.mark.parametrize(
    ("source", "clauses"),
    [
        pytest.param(EN_SANITIZED, [
            "Example.com respects your privacy.",
            "This policy explains what we collect.",
            "We collect your e-mail address when you subscribe.",
            "- We use cookies to remember your settings;",
            "We keep server logs for 90 days.",
        ], id="en"),
        pytest.param(TH_SANITIZED, [
            "บริษัทเคารพความเป็นส่วนตัวของท่าน",
            "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้ ๕ ปี",
            "ท่านมีสิทธิขอให้ลบข้อมูลได้",
        ], id="th"),
    ],
)
def test_segment_separators_are_breaks_not_clauses(source, clauses) -> None:
    document = parse_document(source.encode(), "1_example.com.html", "1_example.com.html")
    rows, _ = document_rows(document)
    assert [row["text_raw"] for row in rows] == clauses
    assert all(document.text[row["char_start"]:row["char_end"]] == row["text_raw"] for row in rows)
    assert "|||" not in document.view
    count = source.count("|||")
    assert document.notes == [f"{count} segment separators (|||) read as segment breaks"]


def test_separator_between_two_statements_without_a_space_splits_them() -> None:
    source = "<p>นโยบายนี้ใช้กับบริการทั้งหมดของบริษัท</p>บริษัทไม่ขายข้อมูลส่วนบุคคลของท่าน|||บริษัทเก็บบันทึกการใช้งานไว้ ๓๐ วัน"
    document = parse_document(source.encode(), "p.html", "p.html")
    rows, _ = document_rows(document)
    assert [row["text_raw"] for row in rows][-2:] == ["บริษัทไม่ขายข้อมูลส่วนบุคคลของท่าน", "บริษัทเก็บบันทึกการใช้งานไว้ ๓๐ วัน"]


def test_no_opp115_clause_holds_a_separator(opp115_dir) -> None:
    """The real corpus (read from $OPP115_DIR or ../shared/opp115, never stored here): no clause is or holds ``|||``."""
    paths = sorted((opp115_dir / "sanitized_policies").glob("*.html"))
    assert paths
    for path in paths:
        document = read_document(path, path.parent)
        rows, headings = document_rows(document)
        assert rows, path.name
        assert not any("|||" in row["text_norm"] for row in [*rows, *headings]), path.name
        assert all(document.text[row["char_start"]:row["char_end"]] == row["text_raw"] for row in rows), path.name

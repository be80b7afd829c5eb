"""PDF and DOCX policies, written by the tests: extracted text, furniture, hyphenation, headings, list items; and without the extras."""

from __future__ import annotations

import sys

import pytest

from pipeline.ingest.files import IngestError, parse_document
from pipeline.runtime.worker import document_rows
from tests.documents import PdfLine, thai_font, write_docx, write_pdf

pytest.importorskip("pdfplumber", reason="the pdf extra is not installed: pip install 'policy-clauses[pdf]'")
pytest.importorskip("docx", reason="the docx extra is not installed: pip install 'policy-clauses[docx]'")

EN_PAGES = [
    [PdfLine("Privacy Policy", 30, 16, True),
     PdfLine("1. Information We Collect", 42, 13, True),
     PdfLine("We collect your name and e-mail address when you create an ac-", 52),
     PdfLine("count. We keep server logs for 90 days and then delete them.", 57.5),
     PdfLine("We may share your data with:", 68),
     PdfLine("- payment processors;", 73.5),
     PdfLine("- hosting providers.", 79)],
    [PdfLine("2. Your Rights", 30, 13, True),
     PdfLine("You may ask us to delete your account at any time. We answer", 40),
     PdfLine("within 30 days.", 45.5)],
]
TH_PAGES = [
    [PdfLine("นโยบายความเป็นส่วนตัว", 30, 16),
     PdfLine("1. การเก็บรักษาข้อมูล", 42, 13),
     PdfLine("บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้เป็นระยะเวลา ๕ ปี", 52),
     PdfLine("นับแต่วันที่ท่านยุติการใช้บริการ", 57.5),
     PdfLine("บริษัทอาจเปิดเผยข้อมูลส่วนบุคคลของท่านให้แก่", 68),
     PdfLine("- ผู้ให้บริการชำระเงิน", 73.5),
     PdfLine("- ผู้ให้บริการคลาวด์", 79)],
    [PdfLine("2. สิทธิของเจ้าของข้อมูล", 30, 13),
     PdfLine("ท่านมีสิทธิขอให้บริษัทลบข้อมูลส่วนบุคคลของท่านได้ตลอดเวลา", 40)],
]

# (text_norm, section_path, lead_in) of every clause, in order.
EN_PDF_CLAUSES = [
    ("We collect your name and e-mail address when you create an account.", ["Privacy Policy", "1. Information We Collect"], None),
    ("We keep server logs for 90 days and then delete them.", ["Privacy Policy", "1. Information We Collect"], None),
    ("We may share your data with:", ["Privacy Policy", "1. Information We Collect"], None),
    ("payment processors;", ["Privacy Policy", "1. Information We Collect"], "We may share your data with:"),
    ("hosting providers.", ["Privacy Policy", "1. Information We Collect"], "We may share your data with:"),
    ("You may ask us to delete your account at any time.", ["Privacy Policy", "2. Your Rights"], None),
    ("We answer within 30 days.", ["Privacy Policy", "2. Your Rights"], None),
]
TH_LEAD = "บริษัทอาจเปิดเผยข้อมูลส่วนบุคคลของท่านให้แก่"
TH_PDF_CLAUSES = [
    ("บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้เป็นระยะเวลา ๕ ปี นับแต่วันที่ท่านยุติการใช้บริการ", ["นโยบายความเป็นส่วนตัว", "1. การเก็บรักษาข้อมูล"], None),
    (TH_LEAD, ["นโยบายความเป็นส่วนตัว", "1. การเก็บรักษาข้อมูล"], None),
    ("ผู้ให้บริการชำระเงิน", ["นโยบายความเป็นส่วนตัว", "1. การเก็บรักษาข้อมูล"], TH_LEAD),
    ("ผู้ให้บริการคลาวด์", ["นโยบายความเป็นส่วนตัว", "1. การเก็บรักษาข้อมูล"], TH_LEAD),
    ("ท่านมีสิทธิขอให้บริษัทลบข้อมูลส่วนบุคคลของท่านได้ตลอดเวลา", ["นโยบายความเป็นส่วนตัว", "2. สิทธิของเจ้าของข้อมูล"], None),
]


def clauses_of(document) -> list[tuple]:
    rows, _ = document_rows(document)
    assert all(document.text[row["char_start"]:row["char_end"]] == row["text_raw"] for row in rows)
    return [(row["text_norm"], row["section_path"], row["lead_in"]) for row in rows]


@pytest.mark.parametrize(
    ("lang", "pages", "header", "footer", "expected", "headings", "notes"),
    [
        pytest.param("en", EN_PAGES, "ACME Cloud - Privacy Policy", "Page {page} of {pages}", EN_PDF_CLAUSES,
                     [(1, "Privacy Policy"), (2, "1. Information We Collect"), (2, "2. Your Rights")],
                     ["text extracted from PDF: offsets point into the extracted text",
                      "4 page header/footer lines kept out of the clauses", "1 line-end hyphenation repaired"], id="en"),
        pytest.param("th", TH_PAGES, "บริษัท ตัวอย่าง จำกัด", "หน้า {page}/{pages}", TH_PDF_CLAUSES,
                     [(1, "นโยบายความเป็นส่วนตัว"), (2, "1. การเก็บรักษาข้อมูล"), (2, "2. สิทธิของเจ้าของข้อมูล")],
                     ["text extracted from PDF: offsets point into the extracted text",
                      "4 page header/footer lines kept out of the clauses"], id="th"),
    ],
)
def test_pdf_clauses_without_furniture_and_with_hyphenation_repaired(tmp_path, lang, pages, header, footer, expected, headings, notes) -> None:
    path = write_pdf(tmp_path / f"{lang}.pdf", pages, header, footer, font=thai_font() if lang == "th" else None)
    document = parse_document(path.read_bytes(), str(path), path.name)
    assert (document.format, document.text_source, document.encoding_method) == ("pdf", "extracted", "extracted")
    assert clauses_of(document) == expected
    _, heading_rows = document_rows(document)
    assert [(row["level"], row["text_norm"]) for row in heading_rows] == headings
    assert document.notes == notes
    # The running header and the footers are in the extracted text (offsets cover them), never in a clause.
    assert document.text.count(header) == len(pages) and footer.format(page=2, pages=2) in document.text
    assert header not in document.view and "\f" in document.text


def test_pdf_hyphen_of_a_word_the_document_writes_with_one_is_kept(tmp_path) -> None:
    pages = [[PdfLine("Contact us by e-mail or by post. Our ad-", 40), PdfLine("dress is on the e-", 45.5), PdfLine("mail we sent you.", 51)]]
    path = write_pdf(tmp_path / "p.pdf", pages, "ACME", "Page {page}")
    document = parse_document(path.read_bytes(), str(path), path.name)
    assert [text for text, _, _ in clauses_of(document)] == ["Contact us by e-mail or by post.", "Our address is on the e-mail we sent you."]


EN_DOCX = [("title", "Privacy Policy"), ("h1", "Information We Collect"), ("p", "We collect the following data:"),
           ("bullet", "your name and e-mail address;"), ("bullet", "your device identifiers."),
           ("h1", "Retention"), ("p", "We keep server logs for 90 days. We delete backups within 30 days."),
           ("bold", "Children"), ("p", "We do not knowingly collect data from children under 13.")]
TH_DOCX = [("title", "นโยบายความเป็นส่วนตัว"), ("h1", "ข้อมูลที่บริษัทเก็บรวบรวม"), ("p", "บริษัทเก็บรวบรวมข้อมูลส่วนบุคคลดังต่อไปนี้"),
           ("bullet", "ชื่อและนามสกุล"), ("bullet", "ที่อยู่อีเมล"),
           ("h1", "ระยะเวลาการเก็บรักษา"), ("p", "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้เป็นระยะเวลา ๕ ปี")]
TH_DOCX_LEAD = "บริษัทเก็บรวบรวมข้อมูลส่วนบุคคลดังต่อไปนี้"


@pytest.mark.parametrize(
    ("blocks", "header", "footer", "expected", "headings"),
    [
        pytest.param(EN_DOCX, "ACME Cloud", "Confidential - page 1", [
            ("We collect the following data:", ["Privacy Policy", "Information We Collect"], None),
            ("your name and e-mail address;", ["Privacy Policy", "Information We Collect"], "We collect the following data:"),
            ("your device identifiers.", ["Privacy Policy", "Information We Collect"], "We collect the following data:"),
            ("We keep server logs for 90 days.", ["Privacy Policy", "Retention"], None),
            ("We delete backups within 30 days.", ["Privacy Policy", "Retention"], None),
            ("We do not knowingly collect data from children under 13.", ["Privacy Policy", "Retention", "Children"], None),
        ], [(0, "Privacy Policy"), (1, "Information We Collect"), (1, "Retention"), (2, "Children")], id="en"),
        pytest.param(TH_DOCX, "บริษัท ตัวอย่าง จำกัด", "หน้า 1", [
            (TH_DOCX_LEAD, ["นโยบายความเป็นส่วนตัว", "ข้อมูลที่บริษัทเก็บรวบรวม"], None),
            ("ชื่อและนามสกุล", ["นโยบายความเป็นส่วนตัว", "ข้อมูลที่บริษัทเก็บรวบรวม"], TH_DOCX_LEAD),
            ("ที่อยู่อีเมล", ["นโยบายความเป็นส่วนตัว", "ข้อมูลที่บริษัทเก็บรวบรวม"], TH_DOCX_LEAD),
            ("บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้เป็นระยะเวลา ๕ ปี", ["นโยบายความเป็นส่วนตัว", "ระยะเวลาการเก็บรักษา"], None),
        ], [(0, "นโยบายความเป็นส่วนตัว"), (1, "ข้อมูลที่บริษัทเก็บรวบรวม"), (1, "ระยะเวลาการเก็บรักษา")], id="th"),
    ],
)
def test_docx_headings_from_styles_and_items_from_numbering(tmp_path, blocks, header, footer, expected, headings) -> None:
    path = write_docx(tmp_path / "policy.docx", blocks, header, footer)
    document = parse_document(path.read_bytes(), str(path), path.name)
    assert (document.format, document.text_source) == ("docx", "extracted")
    assert clauses_of(document) == expected
    rows, heading_rows = document_rows(document)
    assert [(row["level"], row["text_norm"]) for row in heading_rows] == headings
    assert [row["is_list_item"] for row in rows][1:3] == [True, True]
    assert document.notes == ["text extracted from DOCX: offsets point into the extracted text",
                              "2 page header/footer lines kept out of the clauses"]
    assert header in document.text and footer in document.text and header not in document.view


def test_docx_table_rows_are_one_line_each(tmp_path) -> None:
    path = write_docx(tmp_path / "t.docx", [("h1", "Retention"), ("table", "Data|Retention period;Server logs|90 days")])
    document = parse_document(path.read_bytes(), str(path), path.name)
    assert document.view.splitlines() == ["Retention", "| Data | Retention period |", "| Server logs | 90 days |"]


@pytest.mark.parametrize(("suffix", "module", "extra"), [("pdf", "pdfplumber", "pdf"), ("docx", "docx", "docx")])
def test_without_the_extra_the_file_is_unsupported_with_the_install_command(tmp_path, monkeypatch, suffix, module, extra) -> None:
    if suffix == "pdf":
        path = write_pdf(tmp_path / "p.pdf", EN_PAGES, "ACME", "Page {page}")
    else:
        path = write_docx(tmp_path / "p.docx", EN_DOCX)
    monkeypatch.setitem(sys.modules, module, None)  # what an installation without the extra has
    with pytest.raises(IngestError) as error:
        parse_document(path.read_bytes(), str(path), path.name)
    assert (error.value.kind, error.value.status) == ("unsupported", "unsupported")
    assert error.value.message == f'{suffix.upper()} needs pip install "policy-clauses[{extra}]"'


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        pytest.param("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)), "corrupt", id="damaged-pdf"),
        pytest.param("renamed.pdf", "We keep logs.".encode(), "corrupt", id="text-named-pdf"),
        pytest.param("zip.docx", b"PK\x03\x04" + bytes(100), "corrupt", id="zip-named-docx"),
    ],
)
def test_broken_pdf_and_docx_fail_as_corrupt(name, data, kind) -> None:
    with pytest.raises(IngestError) as error:
        parse_document(data, name, name)
    assert (error.value.kind, error.value.status) == (kind, "failed")


def test_pdf_saved_as_txt_is_read_as_a_pdf(tmp_path) -> None:
    path = write_pdf(tmp_path / "p.pdf", EN_PAGES, "ACME Cloud - Privacy Policy", "Page {page} of {pages}")
    document = parse_document(path.read_bytes(), "policy.txt", "policy.txt")
    assert document.format == "pdf" and clauses_of(document) == EN_PDF_CLAUSES

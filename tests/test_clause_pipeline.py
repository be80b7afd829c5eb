"""The library API: a policy in memory gives the rows `clauses run` writes for the same text in a file."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from pipeline.ingest.files import IngestError
from pipeline.runtime.run import run_pipeline

ENGLISH = """Privacy Policy

Data Retention
We keep server logs for 90 days. You can ask us to delete your account at any time.

Sharing
We may share your information with:
- service providers who host our data;
- authorities when the law requires it.
"""
THAI = """นโยบายความเป็นส่วนตัว

การเก็บรักษาข้อมูล
บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้เป็นระยะเวลา 5 ปี นับแต่วันที่สิ้นสุดความสัมพันธ์

สิทธิของเจ้าของข้อมูล
ท่านมีสิทธิขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคล โดยติดต่อ privacy@example.co.th
"""
HTML = "<html><body><h1>Privacy</h1><p>We keep logs for 30 days.</p><ul><li>Contact: dpo@example.com</li></ul></body></html>"


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


@pytest.mark.parametrize(("name", "text", "fmt"), [("en.txt", ENGLISH, "txt"), ("th.txt", THAI, "txt"), ("page.html", HTML, "html")])
def test_rows_equal_a_run_over_the_same_text_in_a_file(nlp, tmp_path, name, text, fmt) -> None:
    in_memory = nlp(text, format=fmt, doc_id=name)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    from_file = run_pipeline(tmp_path / "in", tmp_path / "out" / "clauses.parquet").clauses
    assert len(in_memory) >= 2
    columns = [c for c in from_file.columns if c not in ("source_path", "run_id")]
    pd.testing.assert_frame_equal(in_memory[columns].reset_index(drop=True), from_file[columns].reset_index(drop=True))
    assert not any(p.suffix == ".parquet" for p in (tmp_path / "in").iterdir())


def test_pipe_gives_one_table_per_policy_and_bytes_work(nlp) -> None:
    tables = list(nlp.pipe([ENGLISH, THAI.encode("utf-8")], doc_ids=["a", "b"]))
    assert [set(t["doc_id"]) for t in tables] == [{"a"}, {"b"}]
    assert set(tables[1]["lang"]) == {"th"}
    assert any("data_retention" in labels for labels in tables[1]["labels"])


def test_bad_input_is_an_ingest_error_and_unknown_formats_are_refused(nlp) -> None:
    with pytest.raises(IngestError, match="only whitespace"):
        nlp("   \n ")
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        nlp(ENGLISH, format="rtf")


def test_pdf_bytes_give_the_rows_of_a_run_over_the_file(nlp, tmp_path) -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra is not installed")
    from tests.documents import PdfLine, write_pdf

    (tmp_path / "in").mkdir()
    pages = [[PdfLine("Data Retention", 30, 14, True), PdfLine("We keep server logs for 90 days.", 42)],
             [PdfLine("We delete backups within 30 days.", 30)]]
    path = write_pdf(tmp_path / "in" / "p.pdf", pages, "ACME", "Page {page}")
    in_memory = nlp(path.read_bytes(), format="pdf", doc_id="p.pdf")
    from_file = run_pipeline(tmp_path / "in", tmp_path / "out" / "clauses.parquet").clauses
    columns = [c for c in from_file.columns if c not in ("source_path", "run_id")]
    pd.testing.assert_frame_equal(in_memory[columns].reset_index(drop=True), from_file[columns].reset_index(drop=True))
    assert in_memory["text_raw"].tolist() == ["We keep server logs for 90 days.", "We delete backups within 30 days."]

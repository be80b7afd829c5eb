"""The library entry points over mixed, messy input."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest

import pipeline
from pipeline.export.output_set import CURRENT_LINK, RUNS_DIR
from pipeline.export.tables import CLAUSE_SCHEMA
from pipeline.ingest.files import IngestError, discover_files, parse_document, read_document
from pipeline.runtime.worker import document_rows
from pipeline.segment.clauses import segment_clauses
from pipeline.text.chars import is_blank

THAI_POLICY = "นโยบายความเป็นส่วนตัว\r\nบริษัทเก็บข้อมูลของท่าน ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ\r\n"
HTML_POLICY = "<html><body><h1>Privacy</h1><p>We sell nothing. We keep logs for 30&nbsp;days.</p></body></html>"


@pytest.fixture
def messy_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_cp874.txt").write_bytes(THAI_POLICY.encode("cp874"))
    (folder / "b_utf16.md").write_bytes(codecs.BOM_UTF16_LE + "# Policy\n\nWe collect e-mail.\n".encode("utf-16-le"))
    (folder / "c_page.html").write_text(HTML_POLICY, encoding="utf-8")
    (folder / "d_blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "e_scripts.html").write_text("<script>var x = 1;</script><style>p{}</style>", encoding="utf-8")
    (folder / "truncated.pdf").write_bytes(b"%PDF")
    return folder


def test_run_returns_clause_frame_and_isolates_failures(messy_folder) -> None:
    result = pipeline.run_pipeline(messy_folder, output_path=None)
    assert list(result.clauses.columns) == CLAUSE_SCHEMA.names
    assert result.documents == 3
    assert sorted((f.source_path.rsplit("/", 1)[-1], f.error) for f in result.failures) == [
        ("d_blank.txt", "empty"),
        ("e_scripts.html", "empty"),
        ("truncated.pdf", "corrupt"),
    ]
    encodings = dict(zip(result.clauses["doc_id"], result.clauses["encoding"]))
    assert encodings == {"a_cp874.txt": "cp874", "b_utf16.md": "utf-16-le", "c_page.html": "utf-8"}


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("a.txt", THAI_POLICY.encode("cp874"),
                     ["บริษัทเก็บข้อมูลของท่าน", "ทั้งนี้ท่านสามารถขอลบข้อมูลได้ทุกเมื่อ"], id="th-cp874-crlf"),
        pytest.param("c.html", HTML_POLICY.encode(), ["We sell nothing.", "We keep logs for 30&nbsp;days."], id="en-html"),
    ],
)
def test_text_raw_is_a_slice_of_the_decoded_file(name, data, expected) -> None:
    document = parse_document(data, name, name, is_html=name.endswith(".html"))
    rows, _ = document_rows(document)
    assert [row["text_raw"] for row in rows] == expected
    assert all(document.text[r["char_start"]:r["char_end"]] == r["text_raw"] for r in rows)


def test_library_run_writes_nothing_by_default(tmp_path, messy_folder) -> None:
    frame = pipeline.run(messy_folder)
    assert isinstance(frame, pd.DataFrame) and len(frame) >= 5
    assert not any(p.suffix == ".parquet" for p in tmp_path.rglob("*"))


def test_failed_write_leaves_previous_output(tmp_path, messy_folder, monkeypatch) -> None:
    out = tmp_path / "clauses.parquet"
    pipeline.run_pipeline(messy_folder, out)
    before = out.read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("pyarrow.parquet.ParquetWriter.write_table", broken)
    with pytest.raises(OSError, match="disk full"):
        pipeline.run_pipeline(messy_folder, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".") and p != messy_folder) == ["clauses.parquet", "documents.parquet", "headings.parquet", "manifest.parquet"]
    # Nothing of the failed run is left: the folder of runs holds the current link and the first run's tables only.
    runs = sorted(p.name for p in (tmp_path / RUNS_DIR).iterdir())
    assert len(runs) == 2 and CURRENT_LINK in runs, runs


def test_discovery_is_recursive_and_lists_every_file(messy_folder) -> None:
    (messy_folder / "sub").mkdir()
    (messy_folder / "sub" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    names = [p.relative_to(messy_folder).as_posix() for p in discover_files(messy_folder)]
    assert names == ["a_cp874.txt", "b_utf16.md", "c_page.html", "d_blank.txt", "e_scripts.html", "sub/logo.png", "truncated.pdf"]


def test_missing_file_is_an_ingest_error(tmp_path) -> None:
    with pytest.raises(IngestError, match="file not found") as error:
        read_document(tmp_path / "gone.txt")
    assert error.value.kind == "missing"


def test_opp115_policies_segment_with_exact_offsets(opp115_dir) -> None:
    """Real scraped policies: every clause is a slice of its file, and nothing visible is lost."""
    paths = sorted((opp115_dir / "sanitized_policies").glob("*.html"))
    assert len(paths) >= 50
    for path in paths:
        document = read_document(path, path.parent)
        clauses, headings = segment_clauses(document)
        covered = [False] * len(document.view)
        for unit in [*clauses, *headings]:
            for i in range(unit.start, unit.end):
                assert not covered[i], f"{path.name}: overlap at {i}"
                covered[i] = True
        missing = [i for i, ch in enumerate(document.view) if not is_blank(ch) and not covered[i]]
        assert not missing, f"{path.name}: uncovered {document.view[missing[0]:missing[0] + 40]!r}"
        assert clauses, path.name

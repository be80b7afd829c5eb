"""Folders as users have them: every file in the manifest with the right status, good rows unchanged by the others."""

from __future__ import annotations

import math
import os
import shutil
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, app
from pipeline.config import DEFAULT_MANIFEST_NAME
from pipeline.runtime.run import NoPolicyFilesError, run_pipeline
from tests.conftest import SEED_FILES, THAI_SEED
from tests.documents import PdfLine, write_docx, write_pdf
from tests.test_reliability import assert_same_rows

runner = CliRunner()
EN = "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days.\n"
TH = "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
FRENCH = (
    "Politique de confidentialité\n\n"
    "Nous collectons votre nom et votre adresse e-mail lorsque vous créez un compte. "
    "Nous conservons les journaux du serveur pendant 90 jours.\n\n"
    "Vous pouvez demander l’accès à vos données à tout moment.\n"
)
FRENCH_CLAUSES = [
    "Nous collectons votre nom et votre adresse e-mail lorsque vous créez un compte.",
    "Nous conservons les journaux du serveur pendant 90 jours.",
    "Vous pouvez demander l’accès à vos données à tout moment.",
]
NOT_CLASSIFIED = "not classified: language fr is not one the model was trained on (en, th)"


def good_files(folder) -> None:
    """Policies every installation reads: an English seed, the Thai seed, short texts, Windows-1252 and a French policy."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    shutil.copy(THAI_SEED, folder / THAI_SEED.name)
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "th.md").write_text(TH, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes("We don’t sell your data. Our “cookies” are small files.\n".encode("cp1252"))
    (folder / "fr.txt").write_bytes(FRENCH.encode("cp1252"))


def other_files(folder) -> None:
    """A PDF, a DOCX, a PNG saved as .txt, a PNG, a file of unknown type and, where the OS has them, a FIFO and a link to it."""
    write_pdf(folder / "policy.pdf", [[PdfLine("Privacy Policy", 30, 16, True), PdfLine("We keep server logs for 90 days.", 45)]],
              "ACME", "Page {page}")
    write_docx(folder / "policy.docx", [("h1", "Retention"), ("p", "We keep server logs for 90 days.")])
    (folder / "logo.txt").write_bytes(PNG)
    (folder / "logo.png").write_bytes(PNG)
    (folder / "notes.json").write_text('{"policy": "draft"}', encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        (folder / "link_to_pipe.md").symlink_to(folder / "pipe.txt")


# name -> (status, error) with both extras installed, and without them.
EXPECTED_OTHERS = {
    "policy.pdf": (("ok", None), ("unsupported", "unsupported")),
    "policy.docx": (("ok", None), ("unsupported", "unsupported")),
    "logo.txt": (("failed", "binary"),) * 2,
    "logo.png": (("unsupported", "unsupported"),) * 2,
    "notes.json": (("unsupported", "unsupported"),) * 2,
    "pipe.txt": (("unsupported", "not_a_file"),) * 2,
    "link_to_pipe.md": (("unsupported", "not_a_file"),) * 2,
}


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clean") / "in"
    good_files(folder)
    return run_pipeline(folder, output_path=None, workers=1)


@pytest.mark.parametrize("extras", [True, False], ids=["extras-installed", "extras-missing"])
def test_every_file_is_in_the_manifest_and_good_rows_are_unchanged(tmp_path, clean_run, monkeypatch, extras) -> None:
    pytest.importorskip("fpdf")
    folder = tmp_path / "in"
    good_files(folder)
    other_files(folder)
    if not extras:
        monkeypatch.setitem(sys.modules, "pdfplumber", None)
        monkeypatch.setitem(sys.modules, "docx", None)
    else:
        pytest.importorskip("pdfplumber", reason="the pdf extra is not installed")
        pytest.importorskip("docx", reason="the docx extra is not installed")
    result = run_pipeline(folder, tmp_path / "out" / "clauses.parquet", workers=1)  # one process: the patches hold in it

    manifest = pd.read_parquet(tmp_path / "out" / DEFAULT_MANIFEST_NAME).set_index("doc_id")
    on_disk = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))
    assert sorted(manifest.index) == on_disk
    for name, expected in EXPECTED_OTHERS.items():
        if name in manifest.index:
            status, error = expected[0 if extras else 1]
            row = manifest.loc[name]
            assert (row["status"], None if pd.isna(row["error"]) else row["error"]) == (status, error), name
            assert status == "ok" or row["message"]
    if not extras:
        assert manifest.loc["policy.pdf", "message"] == 'PDF needs pip install "policy-clauses[pdf]"'
        assert manifest.loc["policy.docx", "message"] == 'DOCX needs pip install "policy-clauses[docx]"'
    else:
        assert manifest.loc[["policy.pdf", "policy.docx"], "text_source"].tolist() == ["extracted", "extracted"]
    good = set(clean_run.clauses["doc_id"])
    assert set(manifest.index[manifest["status"] == "ok"]) - {"policy.pdf", "policy.docx"} == good
    clauses = result.clauses
    assert_same_rows(clauses[clauses["doc_id"].isin(good)], clean_run.clauses, drop=("source_path",))
    assert result.failures and {failure.error for failure in result.failures} >= {"binary", "unsupported"}


def test_manifest_says_how_each_file_was_decoded(clean_run) -> None:
    manifest = clean_run.manifest.set_index("doc_id")
    assert manifest.loc["cp1252.txt", ["format", "encoding", "encoding_method", "text_source"]].tolist() == [
        "text", "cp1252", "charset-normalizer", "file"]
    assert manifest.loc["th.md", ["format", "encoding", "encoding_method"]].tolist() == ["markdown", "utf-8", "utf-8"]
    cp1252 = clean_run.clauses[clean_run.clauses["doc_id"] == "cp1252.txt"]
    assert cp1252["text_norm"].tolist() == ["We don't sell your data.", 'Our "cookies" are small files.']
    assert cp1252["text_raw"].tolist() == ["We don’t sell your data.", "Our “cookies” are small files."]


def test_french_policy_is_french_and_not_classified(clean_run) -> None:
    french = clean_run.clauses[clean_run.clauses["doc_id"] == "fr.txt"]
    assert french["text_raw"].tolist() == FRENCH_CLAUSES
    assert set(french["lang"]) == {"fr"}
    assert all(labels.size == 0 for labels in french["labels"])
    assert all(math.isnan(score) for score in french["score_other"])
    assert set(french["note"]) == {NOT_CLASSIFIED}
    assert clean_run.headings.query("doc_id == 'fr.txt'")["lang"].tolist() == ["fr"]
    assert clean_run.summary()["unclassified"] == {"fr": 3}
    manifest = clean_run.manifest.set_index("doc_id")
    assert manifest.loc["fr.txt", "notes"] == "3 clauses in fr not classified (the model reads en, th)"
    others = clean_run.clauses[clean_run.clauses["doc_id"] != "fr.txt"]
    assert set(others["lang"]) <= {"en", "th", "und"} and others["note"].isna().all()
    assert all(labels.size for labels in others["labels"])


@pytest.mark.parametrize(
    ("policy", "lang"),
    [
        pytest.param("Nous conservons vos données pendant 90 jours. We keep your data for 90 days and then delete it.\n"
                     "Wir speichern Ihre Daten nur so lange, wie es für die Erbringung unserer Dienste erforderlich ist.\n", "de", id="de-line"),
        pytest.param("บริษัทเก็บรักษาข้อมูลของท่านไว้ ๕ ปี\nNous conservons vos données personnelles pendant cinq ans au maximum.\n", "fr", id="fr-line-in-thai"),
    ],
)
def test_other_language_lines_inside_a_policy_are_found_per_block(tmp_path, policy, lang) -> None:
    (tmp_path / "p.txt").write_text(policy, encoding="utf-8")
    clauses = run_pipeline(tmp_path, output_path=None, workers=1).clauses
    assert clauses["lang"].tolist()[-1] == lang
    assert clauses["lang"].tolist()[0] in ("en", "th", "fr")


def test_cli_exit_code_and_summary_name_the_files_not_processed(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    write_pdf(folder / "policy.pdf", [[PdfLine("We keep server logs for 90 days.", 45)]], "ACME", "Page {page}")
    (folder / "logo.png").write_bytes(PNG)
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out" / "clauses.parquet"), "--workers", "1", "--no-file-timeout"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert 'policy.pdf: unsupported: PDF needs pip install "policy-clauses[pdf]"' in result.output
    assert "logo.png: unsupported: a PNG image, not a policy format" in result.output
    assert "not classified (languages the model was not trained on): fr 3" in result.output


@pytest.mark.parametrize("content", [{}, {"logo.png": PNG, "notes.json": b"{}"}], ids=["empty-folder", "no-policy-file"])
def test_a_folder_without_policy_files_is_an_error_unless_allowed(tmp_path, content) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in content.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out" / "clauses.parquet"
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == EXIT_FATAL
    assert "no policy files under" in result.output and "--allow-empty" in result.output
    assert not out.parent.exists()
    with pytest.raises(NoPolicyFilesError):
        run_pipeline(folder, out)
    allowed = runner.invoke(app, ["run", str(folder), "--out", str(out), "--allow-empty"])
    assert allowed.exit_code == (EXIT_SOME_FAILED if content else EXIT_OK), allowed.output
    assert len(pd.read_parquet(out)) == 0 and len(pd.read_parquet(out.with_name(DEFAULT_MANIFEST_NAME))) == len(content)


def test_outputs_inside_the_input_folder_are_never_read_as_input(tmp_path) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    out = folder / "results" / "clauses.parquet"
    first = run_pipeline(folder, out, workers=1)
    (out.parent / "report.html").write_text("<p>We sell everything.</p>", encoding="utf-8")
    second = run_pipeline(folder, out, workers=1)
    assert sorted(second.manifest["doc_id"]) == sorted(first.manifest["doc_id"])
    assert not second.failures


def test_a_file_name_that_is_not_utf8_is_processed_and_reported(tmp_path) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    name = b"politique-\xe9t\xe9.txt".decode("utf-8", "surrogateescape")  # Latin-1 bytes in a POSIX file name
    try:
        (folder / name).write_text(EN, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take names that are not UTF-8")
    result = run_pipeline(folder, tmp_path / "out" / "clauses.parquet", workers=1)
    manifest = result.manifest.set_index("doc_id")
    assert manifest.loc["politique-\\xe9t\\xe9.txt", "status"] == "ok"
    assert (result.clauses["doc_id"] == "politique-\\xe9t\\xe9.txt").sum() == 2

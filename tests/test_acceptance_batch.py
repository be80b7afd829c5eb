"""Issue 16's acceptance batch: the seeds among hostile files; the run finishes, the seeds' rows are untouched, every file accounted for."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_SOME_FAILED, app
from pipeline.config import DEFAULT_MANIFEST_NAME
from tests.conftest import SEED_FILES
from tests.documents import PdfLine, write_pdf
from tests.test_reliability import assert_same_rows

runner = CliRunner()
#: Seconds each file gets: a long run without spaces either finishes within it or is recorded as timeout.
FILE_TIMEOUT = "20"


def test_the_seeds_among_hostile_files(tmp_path, seed_run) -> None:
    pytest.importorskip("fpdf")
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    folder.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    (folder / "unspaced_en.txt").write_bytes(b"a" * 5_000_000)
    (folder / "unspaced_th.txt").write_text("ก" * 700_000, encoding="utf-8")  # about 2 MB of Thai without a space
    name = b"politique-\xe9t\xe9.txt".decode("utf-8", "surrogateescape")
    (folder / name).write_text("We keep server logs for 90 days.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "link_to_pipe.md").symlink_to(folder / "pipe.txt")
    write_pdf(folder / "policy.pdf", [[PdfLine("Privacy Policy", 30, 16, True), PdfLine("We keep server logs for 90 days.", 45)]],
              "ACME", "Page {page}")
    outside = tmp_path / "outside.txt"
    outside.write_text("Not a policy of this folder.\n", encoding="utf-8")
    (folder / "link_outside.txt").symlink_to(outside)

    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--workers", "2", "--file-timeout", FILE_TIMEOUT])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    manifest = pd.read_parquet(out.with_name(DEFAULT_MANIFEST_NAME)).set_index("doc_id")
    assert len(manifest) == len(list(folder.iterdir()))
    status = {doc: (row["status"], row["error"] if isinstance(row["error"], str) else None) for doc, row in manifest.iterrows()}
    assert status["pipe.txt"] == status["link_to_pipe.md"] == ("unsupported", "not_a_file")
    assert status["politique-\\xe9t\\xe9.txt"] == ("ok", None)
    assert status["policy.pdf"] == ("ok", None)
    for long_file in ("unspaced_en.txt", "unspaced_th.txt"):  # processed, or stopped by the time limit: never a hang
        assert status[long_file] in (("ok", None), ("failed", "timeout")), status[long_file]
    assert "link_outside.txt" in status
    clauses = pd.read_parquet(out)
    seeds = {seed.name for seed in SEED_FILES}
    assert_same_rows(clauses[clauses["doc_id"].isin(seeds)], seed_run.clauses, drop=("source_path",))

"""The document cache: keyed on everything that changes a row, compact, and never the reason a document is lost."""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_OK, app
from pipeline.config import DEFAULT_CACHE_NAME, DEFAULT_MODEL_DIR
from pipeline.ingest.files import IngestError, read_bytes
from pipeline.runtime.cache import DocumentCache, rows_fingerprint
from pipeline.runtime.run import run_pipeline
from tests.test_reliability import assert_same_rows

runner = CliRunner()
EN = "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days. We may share data with partners.\n"
TH = "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้ บริษัทอาจเปิดเผยข้อมูลแก่พันธมิตร\n"


def policies(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "th.txt").write_text(TH, encoding="utf-8")
    return folder


def model_with_thresholds(tmp_path: Path, threshold: float) -> Path:
    """The shipped model, same model file, every threshold set to ``threshold`` in meta.json."""
    model = tmp_path / f"model-{threshold}"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["thresholds"] = [threshold] * len(meta["labels"])
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return model


def test_other_thresholds_in_meta_json_are_not_served_from_the_cache(tmp_path) -> None:
    folder, out = policies(tmp_path / "in"), tmp_path / "out" / "clauses.parquet"
    strict, lenient = model_with_thresholds(tmp_path, 0.9), model_with_thresholds(tmp_path, 0.05)
    assert rows_fingerprint(strict) != rows_fingerprint(lenient)
    strict_labels = sum(map(len, run_pipeline(folder, out, strict, workers=1).clauses["labels"]))
    second = run_pipeline(folder, out, lenient, workers=1)
    assert set(second.manifest["status"]) == {"ok"}
    fresh = run_pipeline(folder, None, lenient, workers=1)
    assert_same_rows(second.clauses, fresh.clauses)
    assert sum(map(len, second.clauses["labels"])) > strict_labels
    assert set(run_pipeline(folder, out, lenient, workers=1).manifest["status"]) == {"skipped_unchanged"}


def test_a_cache_that_cannot_be_written_costs_a_warning_not_the_rows(tmp_path, caplog) -> None:
    folder, out = policies(tmp_path / "in"), tmp_path / "out" / "clauses.parquet"
    out.parent.mkdir(parents=True)
    (out.parent / DEFAULT_CACHE_NAME).write_text("a file where the cache folder goes", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="pipeline.runtime.cache"):
        result = run_pipeline(folder, out, workers=1)
    assert set(result.manifest["status"]) == {"ok"} and not result.failures
    assert set(result.clauses["doc_id"]) == {"en.txt", "th.txt"}
    assert result.summary()["cache_write_failures"] == 2
    assert "cannot keep a document in the cache" in caplog.text
    cli = runner.invoke(app, ["run", str(folder), "-o", str(out), "--workers", "1", "--no-file-timeout"])
    assert cli.exit_code == EXIT_OK, cli.output
    assert "warning: 2 documents could not be kept in the cache" in cli.output


def test_cache_is_one_compact_file(tmp_path) -> None:
    folder, out = policies(tmp_path / "in"), tmp_path / "out" / "clauses.parquet"
    for copy in range(20):
        (folder / f"en{copy}.txt").write_text(EN + f"Contact us at privacy{copy}@example.com.\n", encoding="utf-8")
    run_pipeline(folder, out, workers=1)
    cache = out.parent / DEFAULT_CACHE_NAME
    files = sorted(path.name for path in cache.rglob("*") if path.is_file())
    assert files[0] == "documents.sqlite3" and set(files[1:]) <= {"documents.sqlite3-wal", "documents.sqlite3-shm"}
    assert DocumentCache(cache).entries() == 22
    # The earlier layout took two files (at least two 4 kB blocks) and two copies of the schemas per document.
    assert (cache / "documents.sqlite3").stat().st_size < 22 * 4096


@pytest.mark.parametrize("text", [EN, TH], ids=["en", "th"])
def test_the_size_limit_holds_for_a_file_that_grows_after_stat(tmp_path, monkeypatch, text) -> None:
    path = tmp_path / "policy.txt"
    path.write_text(text * 10, encoding="utf-8")
    real_stat = Path.stat

    def stale_stat(self, *args, **kwargs):  # the size the file had before it grew
        result = real_stat(self, *args, **kwargs)
        return os.stat_result((stat.S_IFREG | 0o644, *result[1:6], 10, *result[7:]))

    monkeypatch.setattr(Path, "stat", stale_stat)
    with pytest.raises(IngestError) as raised:
        read_bytes(path, max_bytes=100)
    assert raised.value.kind == "too_large"
    assert len(read_bytes(path, max_bytes=10_000).decode("utf-8")) == len(text * 10)

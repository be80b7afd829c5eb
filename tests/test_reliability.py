"""Bad and odd inputs, re-runs and crashes: every file accounted for, nothing else lost."""

from __future__ import annotations

import codecs
import importlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pyarrow as pa
import pytest

import pipeline.ingest.files
from pipeline.runtime.cache import CACHE_FILE, DocumentCache
from pipeline.config import DEFAULT_CACHE_NAME, DEFAULT_MANIFEST_NAME
from tests.paths import REPO
from pipeline.export.tables import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, to_table
from pipeline.runtime.run import run_pipeline
from tests.conftest import SEED_FILES

EN = "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days.\n"
TH = "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้\n"
MIXED = "Cookies: บริษัทใช้คุกกี้ (Cookies) เพื่อจดจำการตั้งค่าของท่าน. We use cookies to remember your settings.\n"

# name -> bytes; each must fail with the given error kind and leave the others alone.
BAD_INPUTS = {
    "nul_bytes.txt": (b"Privacy\x00policy\x00\x01\x02 we keep\x00 data" * 10, "binary"),
    # A PDF is read as one whatever its name; this one is damaged.
    "renamed_pdf.txt": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)), "corrupt"),
    "renamed_png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    "renamed_jpeg.txt": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "binary"),
    "renamed_gif.md": (b"GIF89a" + bytes(50), "binary"),
    "renamed_docx.txt": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "binary"),
    "renamed_gzip.txt": (b"\x1f\x8b\x08\x00" + bytes(40), "binary"),
    "renamed_elf.txt": (b"\x7fELF\x02\x01\x01" + bytes(60), "binary"),
    "control_bytes.txt": (bytes(range(1, 32)) * 20, "binary"),
    "bad_utf8_after_bom.txt": (codecs.BOM_UTF8 + b"Privacy \xff\xfe\xfa policy", "undecodable"),
    "bad_utf16_after_bom.txt": (codecs.BOM_UTF16_LE + "Privacy".encode("utf-16-le") + b"\x00\xd8", "undecodable"),
    "empty.txt": (b"", "empty"),
    "whitespace_only.txt": (b" \n\t\r\n   \n", "empty"),
    "zero_width_only.txt": ("\u200b\u200d\n\ufeff\u2060\n".encode(), "empty"),
    "scripts_only.html": (b"<html><head><script>var a = 1;</script><style>p { color: red }</style></head><body></body></html>", "empty"),
    "comments_only.htm": (b"<html><!-- nothing here --><body>   </body></html>", "empty"),
    "nbsp_only.html": (b"<p>&nbsp;&nbsp;</p>", "empty"),
}

# name -> bytes; each must be read and segmented.
ODD_INPUTS = {
    "utf8_bom.txt": codecs.BOM_UTF8 + EN.encode(),
    "utf16le_bom.txt": codecs.BOM_UTF16_LE + TH.encode("utf-16-le"),
    "utf16be_bom.txt": codecs.BOM_UTF16_BE + EN.encode("utf-16-be"),
    "windows874.txt": TH.encode("cp874"),
    "tis620.txt": TH.encode("tis-620"),
    "crlf.txt": EN.replace("\n", "\r\n").encode(),
    "cr_only.txt": TH.replace("\n", "\r").encode(),
    "zero_width_joiners.txt": "We\u200b collect your\u200d e-mail. บริษัท\u200bเก็บข้อมูล\u200cของท่าน\n".encode(),
    "nbsp.txt": "We\u00a0keep\u00a0logs for 90\u00a0days. บริษัทเก็บข้อมูล\u00a0ท่านมีสิทธิขอลบ\n".encode(),
    "thai_digits.txt": "๑. บริษัทจะเก็บรักษาข้อมูลไว้ ๕ ปี\n๒. ท่านมีสิทธิขอเข้าถึงข้อมูลภายใน ๓๐ วัน\n".encode(),
    "long_line_en.txt": ("We keep your data for as long as necessary, and we share it with our service providers; " * 11_500).encode(),
    "long_line_th.txt": ("บริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ และเก็บรักษาไว้เป็นระยะเวลา 90 วัน " * 1_500).encode(),
    "nested_lists.md": "".join("    " * depth + f"- Level {depth} item: we may share data with partners.\n" for depth in range(12)).encode(),
    "mixed_lines.txt": (MIXED * 3).encode(),
}


def write_corpus(folder: Path, names: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in names.items():
        (folder / name).write_bytes(data)


def comparable(frame: pd.DataFrame, schema: pa.Schema, drop: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a table as plain values, without the columns that name the run."""
    rows = to_table(frame, schema).to_pylist()
    # NaN (the scores of a clause that was not classified) never equals itself: compare it as a word.
    return [{key: "NaN" if value != value else value for key, value in row.items() if key not in ("run_id", *drop)} for row in rows]


def assert_same_rows(left: pd.DataFrame, right: pd.DataFrame, schema: pa.Schema = CLAUSE_SCHEMA, drop: tuple[str, ...] = ()) -> None:
    assert comparable(left, schema, drop) == comparable(right, schema, drop)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """One run over the bad and odd inputs plus the seeds, with the files that need a file system added."""
    folder = tmp_path_factory.mktemp("corpus") / "in"
    write_corpus(folder, {name: data for name, (data, _) in BAD_INPUTS.items()})
    write_corpus(folder, ODD_INPUTS)
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    with open(folder / "huge_dump.txt", "wb") as handle:  # a sparse 50 MB file: over the limit, never read
        handle.truncate(50_000_000)
    (folder / "broken_link.txt").symlink_to(folder / "nowhere.txt")
    (folder / "unreadable.txt").write_text(EN, encoding="utf-8")
    (folder / "unreadable.txt").chmod(0)
    (folder / "vanishing.txt").write_text(EN, encoding="utf-8")

    def discover_then_lose_a_file(root, **options):
        files = pipeline.ingest.files.discover_files(root, **options)
        (folder / "vanishing.txt").unlink()  # deleted between discovery and reading
        return files

    original_open = open

    def deny_unreadable(file, *args, **kwargs):  # root reads any file: refuse this one as the OS would
        if str(file).endswith("unreadable.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return original_open(file, *args, **kwargs)

    out = folder.parent / "out" / "clauses.parquet"
    patch = pytest.MonkeyPatch()
    patch.setattr(importlib.import_module("pipeline.runtime.run"), "discover_files", discover_then_lose_a_file)
    if os.geteuid() == 0:
        patch.setattr(pipeline.ingest.files, "open", deny_unreadable, raising=False)
    try:
        result = run_pipeline(folder, out, workers=1)  # one process: the patches above hold in it
    finally:
        patch.undo()
    return folder, out, result


EXPECTED_FAILURES = {
    **{name: kind for name, (_, kind) in BAD_INPUTS.items()},
    "huge_dump.txt": "too_large",
    "broken_link.txt": "missing",
    "unreadable.txt": "unreadable",
    "vanishing.txt": "missing",
}


def test_corpus_has_at_least_25_bad_or_odd_inputs() -> None:
    assert len(EXPECTED_FAILURES) + len(ODD_INPUTS) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED_FAILURES))
def test_bad_input_fails_with_a_clear_error_in_the_manifest(corpus_run, name) -> None:
    _, out, _ = corpus_run
    manifest = pd.read_parquet(out.with_name(DEFAULT_MANIFEST_NAME)).set_index("doc_id")
    row = manifest.loc[name]
    assert (row["status"], row["error"]) == ("failed", EXPECTED_FAILURES[name])
    assert row["message"] and row["clauses"] == 0


@pytest.mark.parametrize("name", sorted(ODD_INPUTS) + [seed.name for seed in SEED_FILES])
def test_odd_input_is_processed(corpus_run, name) -> None:
    folder, out, _ = corpus_run
    manifest = pd.read_parquet(out.with_name(DEFAULT_MANIFEST_NAME)).set_index("doc_id")
    assert manifest.loc[name, "status"] == "ok"
    assert manifest.loc[name, "clauses"] > 0
    clauses = pd.read_parquet(out)
    mine = clauses[clauses["doc_id"] == name]
    assert len(mine) == manifest.loc[name, "clauses"]
    assert not mine["text_norm"].str.contains("\u200b|\u200d|\ufeff").any()


def test_summary_and_failures_name_every_failed_file(corpus_run) -> None:
    _, _, result = corpus_run
    assert sorted(Path(failure.source_path).name for failure in result.failures) == sorted(EXPECTED_FAILURES)
    assert all(Path(line.split(":")[0]).name in EXPECTED_FAILURES for line in result.summary()["failures"])


def test_good_rows_equal_a_run_without_the_bad_files(corpus_run, tmp_path) -> None:
    _, out, _ = corpus_run
    clean = tmp_path / "clean"
    write_corpus(clean, ODD_INPUTS)
    for seed in SEED_FILES:
        shutil.copy(seed, clean / seed.name)
    alone = run_pipeline(clean, output_path=None)
    good = pd.read_parquet(out)
    good = good[good["doc_id"].isin(set(alone.clauses["doc_id"]))]
    assert_same_rows(good, alone.clauses, drop=("source_path",))


def small_corpus(folder: Path, copies: int = 3) -> None:
    """Seeds under several names, so that a run takes long enough to be interrupted."""
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for seed in SEED_FILES:
            shutil.copy(seed, folder / f"{copy}_{seed.name}")


def test_rerun_reuses_unchanged_files_and_redoes_changed_ones(tmp_path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    small_corpus(folder, copies=1)
    first = run_pipeline(folder, out)
    second = run_pipeline(folder, out)
    assert set(second.manifest["status"]) == {"skipped_unchanged"}
    assert_same_rows(first.clauses, second.clauses)
    changed = folder / f"0_{SEED_FILES[0].name}"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nWe may update this policy.\n", encoding="utf-8")
    (folder / f"0_{SEED_FILES[1].name}").unlink()
    third = run_pipeline(folder, out)
    statuses = dict(zip(third.manifest["doc_id"], third.manifest["status"]))
    assert statuses.pop(changed.name) == "ok"
    assert set(statuses.values()) == {"skipped_unchanged"}
    assert f"0_{SEED_FILES[1].name}" not in set(pd.read_parquet(out)["doc_id"])
    assert DocumentCache(out.parent / DEFAULT_CACHE_NAME).entries() == len(SEED_FILES) - 1


def start_run(folder: Path, out: Path, workers: int) -> subprocess.Popen:
    code = f"from pipeline.runtime.run import run_pipeline; run_pipeline({str(folder)!r}, {str(out)!r}, workers={workers})"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def output_bytes(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.parent.glob("*.parquet"))}


@pytest.mark.parametrize(("kill_after_documents", "workers"), [(0, 1), (4, 1), (9, 1), (4, 2)])
def test_run_killed_at_any_point_leaves_output_intact_and_next_run_completes_it(tmp_path, kill_after_documents, workers) -> None:
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    small_corpus(folder, copies=1)
    run_pipeline(folder, out)
    before = output_bytes(out)
    small_corpus(folder, copies=3)  # ten new documents for the interrupted run
    cache = DocumentCache(out.parent / DEFAULT_CACHE_NAME)
    entries_before = cache.entries()
    process = start_run(folder, out, workers)
    deadline = time.monotonic() + 120
    while cache.entries() < entries_before + kill_after_documents and process.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)
    children = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert output_bytes(out) == before
    _, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, f"worker processes outlived the killed run: {alive}"

    completed = run_pipeline(folder, out)
    statuses = completed.manifest["status"].value_counts().to_dict()
    assert statuses.get("skipped_unchanged", 0) >= len(SEED_FILES) + kill_after_documents
    assert not list(out.parent.glob(".*.tmp")) and not list(cache.directory.rglob(".*.tmp"))
    uninterrupted = run_pipeline(folder, tmp_path / "fresh" / "clauses.parquet")
    for name, schema in (("clauses.parquet", CLAUSE_SCHEMA), ("headings.parquet", HEADING_SCHEMA), ("documents.parquet", DOCUMENT_SCHEMA)):
        assert_same_rows(pd.read_parquet(out.with_name(name)), pd.read_parquet(uninterrupted.output_path.with_name(name)), schema, drop=("source_path",))


@pytest.mark.parametrize("damage", [b"\0" * 8, b"not an arrow batch", None], ids=["emptied", "garbage", "truncated"])
def test_damaged_cache_entry_is_redone_not_trusted(tmp_path, damage) -> None:
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    small_corpus(folder, copies=1)
    first = run_pipeline(folder, out, workers=1)
    with sqlite3.connect(out.parent / DEFAULT_CACHE_NAME / CACHE_FILE) as connection:
        key, blob = connection.execute("SELECT key, clauses FROM documents ORDER BY key LIMIT 1").fetchone()
        connection.execute("UPDATE documents SET clauses = ? WHERE key = ?", (blob[: len(blob) // 2] if damage is None else damage, key))
    connection.close()
    second = run_pipeline(folder, out, workers=1)
    assert second.summary()["files"] == {"ok": 1, "skipped_unchanged": len(SEED_FILES) - 1}
    assert_same_rows(first.clauses, second.clauses)

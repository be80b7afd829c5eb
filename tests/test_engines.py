"""Engines and streaming: the same rows in the same order whatever runs them, written in row groups."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.runtime.engines import EngineError, get_engine, workers_for
from pipeline.export.tables import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, MANIFEST_SCHEMA
from pipeline.runtime.run import run_pipeline
from tests.conftest import SEED_FILES

TABLES = (
    ("clauses.parquet", CLAUSE_SCHEMA),
    ("headings.parquet", HEADING_SCHEMA),
    ("documents.parquet", DOCUMENT_SCHEMA),
    ("manifest.parquet", MANIFEST_SCHEMA),
)
# Columns that name the run or time it, and so differ between any two runs.
RUN_COLUMNS = ("run_id", "seconds")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds twice under other names, an empty file and a PDF: ok and failed files interleaved."""
    folder = tmp_path_factory.mktemp("engines") / "in"
    (folder / "sub").mkdir(parents=True)
    for seed in SEED_FILES:
        shutil.copy(seed, folder / f"a_{seed.name}")
        shutil.copy(seed, folder / "sub" / f"b_{seed.name}")
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial") / "clauses.parquet"
    run_pipeline(corpus, out, workers=1)
    return out


def tables(out) -> dict[str, list[dict]]:
    """Every output table as rows, without the run's own columns."""
    return {
        name: [{k: v for k, v in row.items() if k not in RUN_COLUMNS} for row in pq.read_table(out.with_name(name), schema=schema).to_pylist()]
        for name, schema in TABLES
    }


def test_serial_run_keeps_the_order_of_the_files(serial, corpus) -> None:
    manifest = pd.read_parquet(serial.with_name("manifest.parquet"))
    assert list(manifest["doc_id"]) == sorted(manifest["doc_id"])
    assert list(manifest["status"]).count("failed") == 2
    clauses = pd.read_parquet(serial)
    assert list(pd.unique(clauses["doc_id"])) == [d for d, s in zip(manifest["doc_id"], manifest["status"]) if s == "ok"]


def test_two_workers_write_the_same_tables_as_one(serial, corpus, tmp_path) -> None:
    out = tmp_path / "clauses.parquet"
    result = run_pipeline(corpus, out, workers=2)
    assert tables(out) == tables(serial)
    assert result.summary()["files"] == {"ok": 2 * len(SEED_FILES), "failed": 2}


def test_dask_local_cluster_writes_the_same_tables_as_the_local_engine(serial, corpus, tmp_path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "clauses.parquet"
    run_pipeline(corpus, out, workers=2, engine="dask")
    assert tables(out) == tables(serial)


def test_output_is_streamed_in_row_groups_and_reads_as_one_table(corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("pipeline.export.tables.DEFAULT_ROW_GROUP_ROWS", 100)
    out = tmp_path / "clauses.parquet"
    result = run_pipeline(corpus, out, workers=1)
    total = sum(result.counts["languages"].values())
    assert pq.ParquetFile(out).metadata.num_row_groups >= total // 100
    assert len(pd.read_parquet(out)) == total
    duckdb = pytest.importorskip("duckdb")
    by_lang = dict(duckdb.sql(f"select lang, count(*) from read_parquet('{out}') group by lang").fetchall())
    assert by_lang == dict(result.counts["languages"])


@pytest.mark.parametrize(
    ("files", "workers", "expected"),
    [(5, None, 1), (1000, 1, 1), (3, 8, 3), (1000, 2, 2)],
)
def test_workers_for(files, workers, expected) -> None:
    assert workers_for(files, workers) == expected


def test_default_workers_use_every_core_for_a_large_batch(monkeypatch) -> None:
    monkeypatch.setattr("pipeline.runtime.engines.default_workers", lambda: 2)
    assert workers_for(10_000) == 2


@pytest.mark.parametrize("name", ["spark", ""])
def test_unknown_engine_is_a_clear_error(name) -> None:
    with pytest.raises(EngineError, match="unknown engine .* known: \\['dask', 'local'\\]"):
        get_engine(name)


def test_scheduler_needs_the_dask_engine(corpus) -> None:
    with pytest.raises(EngineError, match="--scheduler goes with --engine dask"):
        run_pipeline(corpus, None, workers=1, scheduler="tcp://127.0.0.1:8786")


def test_zero_workers_is_a_clear_error(corpus) -> None:
    with pytest.raises(EngineError, match="at least 1"):
        run_pipeline(corpus, None, workers=0)


def test_writer_keeps_waiting_rows_in_one_table(tmp_path, monkeypatch) -> None:
    import pyarrow as pa

    from pipeline.export.tables import TableWriter

    monkeypatch.setattr("pipeline.export.tables.DEFAULT_COMPACT_TABLES", 8)
    one = {"doc_id": "a", "heading_index": 0, "kind": "heading", "level": 1, "lang": "en", "text_raw": "Privacy", "text_norm": "Privacy", "char_start": 0, "char_end": 7, "run_id": "r"}
    with TableWriter(tmp_path / "h.parquet", HEADING_SCHEMA) as writer:
        for index in range(50):
            writer.write(pa.Table.from_pylist([{**one, "heading_index": index}], schema=HEADING_SCHEMA))
            assert len(writer._pending) <= 8
    assert pq.read_table(tmp_path / "h.parquet").column("heading_index").to_pylist() == list(range(50))


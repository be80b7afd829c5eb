"""Run the whole pipeline: ingest -> segment -> classify -> normalize (attributes) -> export, file by file."""

from __future__ import annotations

import hashlib
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .attributes import extract_clause_attributes
from .cache import DocumentCache, cache_key, remove_stale_temporaries
from .classify import classify_clauses, load_default_model
from .config import (
    DEFAULT_CACHE_NAME,
    DEFAULT_DOCUMENTS_NAME,
    DEFAULT_HEADINGS_NAME,
    DEFAULT_INPUT_DIR,
    DEFAULT_MANIFEST_NAME,
    DEFAULT_MAX_BYTES,
    DEFAULT_OUTPUT_PATH,
    PIPELINE_VERSION,
)
from .export import (
    CLAUSE_SCHEMA,
    DOCUMENT_SCHEMA,
    HEADING_SCHEMA,
    MANIFEST_SCHEMA,
    empty_frame,
    write_parquet,
)
from .ingest import (
    IngestError,
    discover_files,
    is_html,
    make_doc_id,
    parse_document,
    read_bytes,
)
from .model import model_version
from .normalize import normalize_text
from .records import Document, Failure
from .segment import segment_clauses
from .summary import summarize_documents

Progress = Callable[[Iterable[Path]], Iterable[Path]]


@dataclass
class RunResult:
    """What one run produced: the clause, heading and document tables, the manifest and the files that failed."""

    clauses: pd.DataFrame
    headings: pd.DataFrame
    document_summaries: pd.DataFrame
    manifest: pd.DataFrame
    failures: list[Failure] = field(default_factory=list)
    documents: int = 0
    run_id: str = ""
    output_path: Path | None = None

    def summary(self) -> dict[str, object]:
        """Counts for the end-of-run report."""
        return {
            "run_id": self.run_id,
            "documents": self.documents,
            "files": dict(Counter(self.manifest["status"])),
            "clauses": len(self.clauses),
            "headings": len(self.headings),
            "languages": dict(Counter(self.clauses["lang"])),
            "labels": dict(Counter(label for labels in self.clauses["labels"] for label in labels).most_common()),
            "failures": [f"{f.source_path}: {f.error}: {f.message}" for f in self.failures],
        }


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a random suffix."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def run_pipeline(
    input_path: str | Path = DEFAULT_INPUT_DIR,
    output_path: str | Path | None = DEFAULT_OUTPUT_PATH,
    model_dir: str | Path | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RunResult:
    """Process every policy under ``input_path`` and write the tables (unless ``output_path`` is None).

    A file that cannot be read or processed is recorded in ``failures`` and in
    the manifest, and the rest of the batch goes on. With an ``output_path``,
    each finished document is kept in a cache beside it: a re-run reuses the
    rows of files whose bytes, pipeline version and model version are
    unchanged (status ``skipped_unchanged``), and a run killed halfway leaves
    the previous tables intact and its finished documents for the next run.
    """
    input_path = Path(input_path)
    model, meta = load_default_model(model_dir)
    run_id = new_run_id()
    provenance = {"pipeline_version": PIPELINE_VERSION, "model_version": model_version(meta), "run_id": run_id}
    files = discover_files(input_path)
    root = input_path if input_path.is_dir() else input_path.parent
    cache = DocumentCache(Path(output_path).parent / DEFAULT_CACHE_NAME) if output_path is not None else None
    clause_parts: list[pd.DataFrame] = []
    heading_parts: list[pd.DataFrame] = []
    records: list[dict] = []
    used_keys: set[str] = set()
    for path in progress(files) if progress else files:
        started = time.perf_counter()
        record = {"doc_id": make_doc_id(path, root), "source_path": str(path), "sha256": None, "size_bytes": None, "error": None, "message": None}
        try:
            data = read_bytes(path, max_bytes)
            record.update(sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))
            key = cache_key(record["doc_id"], record["sha256"], PIPELINE_VERSION, provenance["model_version"])
            cached = cache.get(key) if cache is not None else None
            if cached is not None:
                clauses, headings = cached
                record["status"] = "skipped_unchanged"
            else:
                document = parse_document(data, str(path), record["doc_id"], is_html=is_html(path))
                clauses, headings = process_document(document, model, provenance)
                if cache is not None:
                    cache.put(key, clauses, headings)
                record["status"] = "ok"
            used_keys.add(key)
        except IngestError as error:
            record.update(status="failed", error=error.kind, message=error.message)
        except Exception as error:  # one broken file never stops the batch
            detail = traceback.format_exception_only(type(error), error)[-1].strip()
            record.update(status="failed", error="internal", message=detail)
        if record["status"] != "failed":
            clause_parts.append(clauses)
            heading_parts.append(headings)
        record.update(clauses=len(clauses) if record["status"] != "failed" else 0, seconds=time.perf_counter() - started)
        records.append(record)

    clauses = _concat(clause_parts, CLAUSE_SCHEMA)
    headings = _concat(heading_parts, HEADING_SCHEMA)
    manifest = pd.DataFrame(records, columns=[name for name in MANIFEST_SCHEMA.names if name not in provenance])
    manifest = manifest.assign(**provenance)[MANIFEST_SCHEMA.names] if records else empty_frame(MANIFEST_SCHEMA)
    failures = [Failure(r["source_path"], r["error"], r["message"]) for r in records if r["status"] == "failed"]
    documents = sum(r["status"] != "failed" for r in records)
    result = RunResult(clauses, headings, summarize_documents(clauses), manifest, failures, documents, run_id)
    if output_path is not None:
        result.output_path = write_outputs(result, Path(output_path))
        cache.prune(used_keys)
    return result


def write_outputs(result: RunResult, output_path: Path) -> Path:
    """Write the four tables beside each other, each atomically; the manifest last, naming the run.

    Run one pipeline per output folder at a time: leftover temporary files
    there are taken for those of a killed run and removed.
    """
    write_parquet(result.clauses, output_path, CLAUSE_SCHEMA)
    write_parquet(result.headings, output_path.with_name(DEFAULT_HEADINGS_NAME), HEADING_SCHEMA)
    write_parquet(result.document_summaries, output_path.with_name(DEFAULT_DOCUMENTS_NAME), DOCUMENT_SCHEMA)
    write_parquet(result.manifest, output_path.with_name(DEFAULT_MANIFEST_NAME), MANIFEST_SCHEMA)
    remove_stale_temporaries(output_path.parent)
    return output_path


def _concat(parts: list[pd.DataFrame], schema) -> pd.DataFrame:
    parts = [part for part in parts if len(part)]
    return pd.concat(parts, ignore_index=True) if parts else empty_frame(schema)


def process_document(document: Document, model, provenance: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The finished clause and heading tables of one document: segmented, classified, with attributes."""
    rows, heading_rows = document_rows(document)
    clauses = pd.DataFrame(rows) if rows else empty_frame(CLAUSE_SCHEMA)
    if rows:
        clauses = extract_clause_attributes(classify_clauses(clauses, model))
    clauses = clauses.assign(**provenance)[CLAUSE_SCHEMA.names]
    headings = (pd.DataFrame(heading_rows) if heading_rows else empty_frame(HEADING_SCHEMA)).assign(run_id=provenance["run_id"])
    return clauses, headings[HEADING_SCHEMA.names]


def run(
    input_path: str | Path = DEFAULT_INPUT_DIR,
    output_path: str | Path | None = None,
    model_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Process a folder of policies and return the clause table.

    Writes nothing unless ``output_path`` is given.
    """
    return run_pipeline(input_path, output_path, model_dir).clauses


def document_rows(document: Document) -> tuple[list[dict], list[dict]]:
    """Clause and heading rows of one document, before classification."""
    clauses, headings = segment_clauses(document)
    base = {
        "doc_id": document.doc_id,
        "source_path": document.source_path,
        "doc_sha256": document.sha256,
        "encoding": document.encoding,
    }
    rows = []
    seen: Counter = Counter()
    for clause in clauses:
        char_start, char_end = document.to_text_span(clause.start, clause.end)
        text_norm = normalize_text(document.view[clause.body_start:clause.end], clause.lang)
        digest = hashlib.blake2b(text_norm.encode("utf-8"), digest_size=5).hexdigest()
        seen[digest] += 1
        rows.append(
            {
                **base,
                "clause_id": f"{document.doc_id}:{digest}" + (f"~{seen[digest]}" if seen[digest] > 1 else ""),
                "clause_index": clause.index,
                "lang": clause.lang,
                "section_path": list(clause.section_path),
                "lead_in": clause.lead_in,
                "is_list_item": clause.is_item,
                "text_raw": document.text[char_start:char_end],
                "text_norm": text_norm,
                "char_start": char_start,
                "char_end": char_end,
            }
        )
    heading_rows = []
    for index, heading in enumerate(headings):
        char_start, char_end = document.to_text_span(heading.start, heading.end)
        heading_rows.append(
            {
                "doc_id": document.doc_id,
                "heading_index": index,
                "level": heading.level,
                "lang": heading.lang,
                "text_raw": document.text[char_start:char_end],
                "text_norm": normalize_text(document.view[heading.start:heading.end], heading.lang),
                "char_start": char_start,
                "char_end": char_end,
            }
        )
    return rows, heading_rows

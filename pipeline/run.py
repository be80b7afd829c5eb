"""Run the whole pipeline: ingest -> segment -> classify -> normalize (attributes) -> export."""

from __future__ import annotations

import hashlib
import traceback
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .attributes import extract_clause_attributes
from .classify import classify_clauses, load_default_model
from .config import DEFAULT_DOCUMENTS_NAME, DEFAULT_HEADINGS_NAME, DEFAULT_INPUT_DIR, DEFAULT_OUTPUT_PATH, PIPELINE_VERSION
from .export import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, empty_frame, write_parquet
from .ingest import IngestError, discover_files, read_document
from .model import model_version
from .normalize import normalize_text
from .records import Document, Failure
from .segment import segment_clauses
from .summary import summarize_documents

Progress = Callable[[Iterable[Path]], Iterable[Path]]


@dataclass
class RunResult:
    """What one run produced: the clause, heading and document tables and the files that failed."""

    clauses: pd.DataFrame
    headings: pd.DataFrame
    document_summaries: pd.DataFrame
    failures: list[Failure] = field(default_factory=list)
    documents: int = 0
    run_id: str = ""
    output_path: Path | None = None

    def summary(self) -> dict[str, object]:
        """Counts for the end-of-run report."""
        return {
            "run_id": self.run_id,
            "documents": self.documents,
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
) -> RunResult:
    """Process every policy under ``input_path`` and write the tables (unless ``output_path`` is None).

    A file that cannot be read or processed is recorded in ``failures`` and the
    rest of the batch goes on.
    """
    input_path = Path(input_path)
    model, meta = load_default_model(model_dir)
    run_id = new_run_id()
    files = discover_files(input_path)
    root = input_path if input_path.is_dir() else input_path.parent
    clause_rows: list[dict] = []
    heading_rows: list[dict] = []
    failures: list[Failure] = []
    documents = 0
    for path in progress(files) if progress else files:
        try:
            document = read_document(path, root)
            rows, headings = document_rows(document)
        except IngestError as error:
            failures.append(Failure(error.path, error.kind, error.message))
            continue
        except Exception as error:  # one broken file never stops the batch
            detail = traceback.format_exception_only(type(error), error)[-1].strip()
            failures.append(Failure(str(path), "internal", detail))
            continue
        clause_rows.extend(rows)
        heading_rows.extend(headings)
        documents += 1

    clauses = pd.DataFrame(clause_rows) if clause_rows else empty_frame(CLAUSE_SCHEMA)
    if clause_rows:
        clauses = extract_clause_attributes(classify_clauses(clauses, model))
    provenance = {"pipeline_version": PIPELINE_VERSION, "model_version": model_version(meta), "run_id": run_id}
    clauses = clauses.assign(**provenance)
    headings = (pd.DataFrame(heading_rows) if heading_rows else empty_frame(HEADING_SCHEMA)).assign(run_id=run_id)
    result = RunResult(clauses, headings, summarize_documents(clauses), failures, documents, run_id)
    if output_path is not None:
        output_path = Path(output_path)
        write_parquet(clauses, output_path, CLAUSE_SCHEMA)
        write_parquet(headings, output_path.with_name(DEFAULT_HEADINGS_NAME), HEADING_SCHEMA)
        write_parquet(result.document_summaries, output_path.with_name(DEFAULT_DOCUMENTS_NAME), DOCUMENT_SCHEMA)
        result.output_path = output_path
    return result


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

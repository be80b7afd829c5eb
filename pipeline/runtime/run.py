"""Run the whole pipeline: ingest -> segment -> classify -> normalize (attributes) -> export, streaming.

Files are mapped over :func:`pipeline.runtime.worker.process_file` by an engine
(:mod:`pipeline.runtime.engines`), and their rows stream, in input order, into one
:class:`pipeline.export.tables.TableWriter` per table, so memory stays bounded
whatever the corpus size and the output is the same for any engine and any
number of workers.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .cache import DocumentCache, remove_stale_temporaries
from ..config import (
    DEFAULT_CACHE_NAME,
    DEFAULT_DOCUMENTS_NAME,
    DEFAULT_HEADINGS_NAME,
    DEFAULT_INPUT_DIR,
    DEFAULT_MANIFEST_NAME,
    DEFAULT_MAX_BYTES,
    DEFAULT_MODEL_DIR,
    DEFAULT_OUTPUT_PATH,
    DEFAULT_REPORT_PATH,
)
from .engines import get_engine, workers_for
from ..export.tables import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, MANIFEST_SCHEMA, TableWriter
from ..config import CLASSIFIED_LANGUAGES
from ..ingest.files import discover_files, is_policy_candidate, make_doc_id
from ..classify.persistence import check_model, model_version
from .worker import DocumentResult, FileTask, RunSettings
from ..records import Failure

#: Wraps the stream of finished documents (e.g. a progress bar); gets the stream and the number of files.
Progress = Callable[[Iterator[DocumentResult], int], Iterator[DocumentResult]]

_TABLES = (
    ("clauses", None, CLAUSE_SCHEMA),
    ("headings", DEFAULT_HEADINGS_NAME, HEADING_SCHEMA),
    ("documents", DEFAULT_DOCUMENTS_NAME, DOCUMENT_SCHEMA),
    ("manifest", DEFAULT_MANIFEST_NAME, MANIFEST_SCHEMA),
)


@dataclass
class RunResult:
    """What one run produced: counts, the files that gave no rows (failed or unsupported), and its four tables.

    The tables (``clauses``, ``headings``, ``document_summaries``,
    ``manifest``) are read from the files the run wrote when it wrote them,
    and kept in memory otherwise.
    """

    run_id: str
    output_path: Path | None = None
    failures: list[Failure] = field(default_factory=list)
    documents: int = 0
    heading_count: int = 0
    furniture_count: int = 0
    counts: dict[str, Counter] = field(
        default_factory=lambda: {"status": Counter(), "languages": Counter(), "labels": Counter(), "unclassified": Counter()}
    )
    _tables: dict[str, Path | pa.Table] = field(default_factory=dict, repr=False)

    def _frame(self, name: str) -> pd.DataFrame:
        table = self._tables[name]
        return pd.read_parquet(table) if isinstance(table, Path) else table.to_pandas()

    @property
    def clauses(self) -> pd.DataFrame:
        return self._frame("clauses")

    @property
    def headings(self) -> pd.DataFrame:
        return self._frame("headings")

    @property
    def document_summaries(self) -> pd.DataFrame:
        return self._frame("documents")

    @property
    def manifest(self) -> pd.DataFrame:
        return self._frame("manifest")

    def summary(self) -> dict[str, object]:
        """Counts for the end-of-run report."""
        return {
            "run_id": self.run_id,
            "documents": self.documents,
            "files": dict(self.counts["status"]),
            "clauses": sum(self.counts["languages"].values()),
            "headings": self.heading_count,
            "furniture_blocks": self.furniture_count,
            "languages": dict(self.counts["languages"]),
            "unclassified": dict(self.counts["unclassified"]),
            "labels": dict(self.counts["labels"].most_common()),
            "failures": [f"{f.source_path}: {f.error}: {f.message}" for f in self.failures],
        }

    def add(self, result: DocumentResult) -> None:
        """Count one finished document."""
        record = result.record
        self.counts["status"][record["status"]] += 1
        if result.failed:
            self.failures.append(Failure(record["source_path"], record["error"], record["message"]))
            return
        self.documents += 1
        kinds = _value_counts(result.headings.column("kind")) if result.headings.num_rows else {}
        self.heading_count += kinds.get("heading", 0)
        self.furniture_count += kinds.get("furniture", 0)
        languages = _value_counts(result.clauses.column("lang"))
        self.counts["languages"].update(languages)
        self.counts["unclassified"].update({lang: n for lang, n in languages.items() if lang not in CLASSIFIED_LANGUAGES})
        self.counts["labels"].update(_value_counts(pc.list_flatten(result.clauses.column("labels"))))


def _value_counts(column) -> dict[str, int]:
    return {row["values"]: row["counts"] for row in pc.value_counts(column).to_pylist()}


class NoPolicyFilesError(ValueError):
    """The input holds no policy file: most likely a wrong or unmounted folder, so nothing is written."""


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a random suffix."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def run_pipeline(
    input_path: str | Path = DEFAULT_INPUT_DIR,
    output_path: str | Path | None = DEFAULT_OUTPUT_PATH,
    model_dir: str | Path | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    allow_empty: bool = False,
    follow_links: bool = False,
) -> RunResult:
    """Process every policy under ``input_path`` and write the tables (unless ``output_path`` is None).

    A file that cannot be read or processed is recorded in ``failures`` and in
    the manifest, and the rest of the batch goes on. Rows come in the order of
    the files (sorted by path), whatever ``engine`` (``local`` or ``dask``) and
    however many ``workers`` (default: the cores, fewer for a small batch)
    process them. With an ``output_path``, each finished document is kept in a
    cache beside it: a re-run reuses the rows of files whose bytes, pipeline
    version and model version are unchanged (status ``skipped_unchanged``),
    and a run killed halfway leaves the previous tables intact and its
    finished documents for the next run.

    Every file under ``input_path`` gets a manifest row, whatever its kind
    (an image or a PDF without the ``pdf`` extra is ``unsupported``). An
    input with no policy file at all raises :class:`NoPolicyFilesError`
    before anything is written, unless ``allow_empty`` (then the tables are
    written empty). A symbolic link whose target is outside ``input_path``
    is not followed (manifest error ``outside_input``) unless ``follow_links``.
    """
    input_path = Path(input_path)
    model_dir = Path(model_dir or DEFAULT_MODEL_DIR).resolve()
    meta = check_model(model_dir)
    output_path = Path(output_path) if output_path is not None else None
    files = discover_files(input_path, exclude=_own_outputs(output_path))
    if not allow_empty and not any(is_policy_candidate(path) for path in files):
        others = f" (only {len(files)} other file{'s' * (len(files) != 1)}, e.g. {files[0].name})" if files else ""
        raise NoPolicyFilesError(
            f"no policy files under {input_path}{others}: policies are .txt, .md, .html, .pdf or .docx files. "
            "Nothing was written; pass --allow-empty to write empty tables anyway"
        )
    root = input_path if input_path.is_dir() else input_path.parent
    cache_dir = output_path.parent / DEFAULT_CACHE_NAME if output_path is not None else None
    links_inside = None if follow_links or not input_path.is_dir() else str(input_path)
    settings = RunSettings(str(model_dir), model_version(meta), new_run_id(), max_bytes, str(cache_dir) if cache_dir else None, links_inside)
    tasks = (FileTask(str(path), make_doc_id(path, root)) for path in files)
    map_files = get_engine(engine)
    workers = workers_for(len(files), workers)

    result = RunResult(settings.run_id, output_path)
    used_keys: set[str] = set()
    with ExitStack() as stack:
        # Entered manifest first so that it is renamed last: a complete manifest names a complete run.
        writers = {
            name: stack.enter_context(TableWriter(_table_path(output_path, name, file_name), schema))
            for name, file_name, schema in reversed(_TABLES)
        }
        results = map_files(tasks, settings, workers=workers, scheduler=scheduler)
        for document in progress(results, len(files)) if progress else results:
            writers["clauses"].write(document.clauses)
            writers["headings"].write(document.headings)
            writers["documents"].write(document.document)
            writers["manifest"].write(pa.Table.from_pylist([document.record], schema=MANIFEST_SCHEMA))
            result.add(document)
            if document.cache_key is not None:
                used_keys.add(document.cache_key)
    result._tables = {name: writer.path if writer.path is not None else writer.table() for name, writer in writers.items()}
    if output_path is not None:
        remove_stale_temporaries(output_path.parent)
        DocumentCache(cache_dir).prune(used_keys)
    return result


def _own_outputs(output_path: Path | None) -> tuple[Path, ...]:
    """The files and folders a run writes (tables, cache, report), never read as input when they sit inside it."""
    if output_path is None:
        return ()
    tables = [_table_path(output_path, name, file_name) for name, file_name, _ in _TABLES]
    return (*tables, output_path.parent / DEFAULT_CACHE_NAME, output_path.with_name(DEFAULT_REPORT_PATH.name))


def _table_path(output_path: Path | None, name: str, file_name: str | None) -> Path | None:
    if output_path is None:
        return None
    return output_path if file_name is None else output_path.with_name(file_name)


def run(
    input_path: str | Path = DEFAULT_INPUT_DIR,
    output_path: str | Path | None = None,
    model_dir: str | Path | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Process a folder of policies and return the clause table.

    Writes nothing unless ``output_path`` is given.
    """
    return run_pipeline(input_path, output_path, model_dir, workers=workers).clauses

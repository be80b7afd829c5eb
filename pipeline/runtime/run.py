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

from .cache import DocumentCache, rows_fingerprint
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
from ..export.output_set import LOCK_FILE, RUNS_DIR, OutputSet, lock_output
from ..export.tables import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, MANIFEST_SCHEMA, TableWriter
from ..config import CLASSIFIED_LANGUAGES
from ..ingest.files import discover_files, is_policy_candidate, make_doc_id
from ..classify.persistence import check_model, model_version
from .worker import INGEST_DETAILS, DocumentResult, FileTask, RunSettings
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
    cache_write_failures: int = 0
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
            "cache_write_failures": self.cache_write_failures,
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


class RunFailedError(ValueError):
    """Every policy file failed for the same internal reason: the pipeline, not the files, is broken; nothing is written."""


class OutputNameError(ValueError):
    """An output path whose name is one the run gives another of its tables."""


class RunInterrupted(KeyboardInterrupt):
    """The run was stopped (Ctrl-C): the previous tables are unchanged and the documents finished are in the cache."""

    def __init__(self, finished: int, total: int, cache_dir: Path | None) -> None:
        super().__init__(finished, total, cache_dir)
        self.finished, self.total, self.cache_dir = finished, total, cache_dir


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
    file_timeout: float | None = None,
    follow_links: bool = False,
) -> RunResult:
    """Process every policy under ``input_path`` and write the tables (unless ``output_path`` is None).

    A file that cannot be read or processed is recorded in ``failures`` and in
    the manifest, and the rest of the batch goes on. Rows come in the order of
    the files (sorted by path), whatever ``engine`` (``local`` or ``dask``) and
    however many ``workers`` (default: the cores, fewer for a small batch)
    process them. ``file_timeout`` (seconds; ``clauses run`` gives
    :data:`pipeline.config.DEFAULT_FILE_TIMEOUT`) bounds the time of each file: a file over
    it fails with ``timeout`` and its worker process is replaced.

    With an ``output_path``, the tables of the run (clauses, headings,
    documents, manifest) are published together when it ends (see
    :mod:`pipeline.export.output_set`): a run that fails, is interrupted or
    killed leaves the previous tables as they were. Each finished document is
    kept in a cache beside them: a re-run reuses the rows of files whose
    bytes, pipeline version and model (file, thresholds, vocabularies) are
    unchanged (status ``skipped_unchanged``), and a run killed halfway leaves
    its finished documents for the next run. A cache that cannot be written
    costs a warning (counted in the summary), never a document.

    Nothing is written, and the previous tables stay, when the model does not
    fit this pipeline (:class:`pipeline.classify.persistence.ModelError`),
    the input holds no policy file (:class:`NoPolicyFilesError`, unless
    ``allow_empty``), another run holds the output folder
    (:class:`pipeline.export.output_set.OutputLockedError`), or every policy
    file failed for the same internal reason (:class:`RunFailedError`).

    Every file under ``input_path`` gets a manifest row, whatever its kind. A
    symbolic link whose target is outside ``input_path`` is not followed
    (manifest error ``outside_input``) unless ``follow_links``.
    """
    input_path = Path(input_path)
    model_dir = Path(model_dir or DEFAULT_MODEL_DIR).resolve()
    meta = check_model(model_dir)
    if file_timeout is not None and not file_timeout > 0:
        raise ValueError(f"the file timeout must be more than 0 seconds, not {file_timeout}")
    output_path = Path(output_path) if output_path is not None else None
    if output_path is not None:
        _refuse_colliding_name(output_path)
    files = discover_files(input_path, exclude=_own_outputs(output_path))
    if not allow_empty and not any(is_policy_candidate(path) for path in files):
        others = f" (only {len(files)} other file{'s' * (len(files) != 1)}, e.g. {files[0].name})" if files else ""
        raise NoPolicyFilesError(
            f"no policy files under {input_path}{others}: policies are .txt, .md, .html, .pdf or .docx files. "
            "Nothing was written; pass --allow-empty to write empty tables anyway"
        )
    if output_path is None:
        return _process(files, input_path, model_dir, meta, None, None, progress, max_bytes, workers, engine, scheduler,
                        file_timeout, follow_links)
    with lock_output(output_path.parent):
        return _process(files, input_path, model_dir, meta, output_path, output_path.parent / DEFAULT_CACHE_NAME,
                        progress, max_bytes, workers, engine, scheduler, file_timeout, follow_links)


def _process(files: list[Path], input_path: Path, model_dir: Path, meta: dict, output_path: Path | None, cache_dir: Path | None,
             progress: Progress | None, max_bytes: int, workers: int | None, engine: str, scheduler: str | None,
             file_timeout: float | None, follow_links: bool) -> RunResult:
    root = input_path if input_path.is_dir() else input_path.parent
    links_inside = None if follow_links or not input_path.is_dir() else str(input_path)
    settings = RunSettings(str(model_dir), model_version(meta), new_run_id(), max_bytes, str(cache_dir) if cache_dir else None,
                           links_inside, fingerprint=rows_fingerprint(model_dir))
    tasks = (FileTask(str(path), make_doc_id(path, root)) for path in files)
    map_files = get_engine(engine)
    workers = workers_for(len(files), workers)
    names = tuple(_table_path(output_path, name, file_name).name for name, file_name, _ in _TABLES) if output_path else ()
    outputs = OutputSet(output_path.parent, settings.run_id, names) if output_path is not None else None
    cache = DocumentCache(cache_dir) if cache_dir is not None else None
    result = RunResult(settings.run_id, output_path)
    used_keys: set[str] = set()
    if outputs is not None:
        outputs.begin()
    try:
        with ExitStack() as stack:
            writers = {
                name: stack.enter_context(TableWriter(outputs.path(names[index]) if outputs else None, schema))
                for index, (name, _, schema) in enumerate(_TABLES)
            }
            results = map_files(tasks, settings, workers=workers, scheduler=scheduler, file_timeout=file_timeout)
            for document in progress(results, len(files)) if progress else results:
                writers["clauses"].write(document.clauses)
                writers["headings"].write(document.headings)
                writers["documents"].write(document.document)
                writers["manifest"].write(pa.Table.from_pylist([document.record], schema=MANIFEST_SCHEMA))
                result.add(document)
                if document.cache_key is not None:
                    used_keys.add(document.cache_key)
                    if cache is not None and document.record["status"] == "ok":
                        details = {name: document.record[name] for name in INGEST_DETAILS}
                        if not cache.put(document.cache_key, document.clauses, document.headings, details):
                            result.cache_write_failures += 1
            _refuse_broken_run(result, files)
    except KeyboardInterrupt:
        if outputs is not None:
            outputs.abort()
        raise RunInterrupted(len(used_keys), len(files), cache_dir) from None
    except BaseException:
        if outputs is not None:
            outputs.abort()
        raise
    finally:
        if cache is not None:
            cache.close()
    if outputs is None:
        result._tables = {name: writer.table() for name, writer in writers.items()}
        return result
    outputs.publish({"summary": result.summary()})
    result._tables = {name: output_path.with_name(names[index]) for index, (name, _, _) in enumerate(_TABLES)}
    if cache is not None:
        cache.prune(used_keys)
        cache.close()
    return result


def _refuse_broken_run(result: RunResult, files: list[Path]) -> None:
    """Raise :class:`RunFailedError` when at least two policy files were tried and all failed with one internal error."""
    internal = [failure for failure in result.failures if failure.error == "internal"]
    policies = sum(1 for path in files if is_policy_candidate(path))
    if result.documents or len(internal) < 2 or len(internal) < policies or len({failure.message for failure in internal}) != 1:
        return
    raise RunFailedError(f"all {len(internal)} policy files failed with the same error ({internal[0].message}): the pipeline or "
                         "its installation is broken, not the files. Nothing was written; the previous tables are unchanged")


def _refuse_colliding_name(output_path: Path) -> None:
    siblings = {file_name: name for name, file_name, _ in _TABLES if file_name is not None}
    if output_path.name in siblings:
        raise OutputNameError(f"--out {output_path}: {output_path.name} is the name of the {siblings[output_path.name]} table "
                              f"a run writes beside the clause table; choose another name, e.g. {output_path.with_name('clauses.parquet')}")
    if output_path.name in (DEFAULT_REPORT_PATH.name, DEFAULT_CACHE_NAME, RUNS_DIR, LOCK_FILE):
        raise OutputNameError(f"--out {output_path}: {output_path.name} is a name the tool uses for its own files; choose another name")


def _own_outputs(output_path: Path | None) -> tuple[Path, ...]:
    """The files and folders a run writes (tables, cache, runs, lock, report), never read as input when they sit inside it."""
    if output_path is None:
        return ()
    tables = [_table_path(output_path, name, file_name) for name, file_name, _ in _TABLES]
    folder = output_path.parent
    return (*tables, folder / DEFAULT_CACHE_NAME, folder / RUNS_DIR, folder / LOCK_FILE, output_path.with_name(DEFAULT_REPORT_PATH.name))


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

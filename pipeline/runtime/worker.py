"""Process one policy file: read, parse, segment, classify, extract attributes; or reuse its cached rows.

:func:`process_file` is the one function every engine maps over the files of
a run, in this process, in a pool of worker processes or on a Dask cluster.
It reads the file itself and returns plain Arrow tables, so a worker needs
nothing from the process that started it but a :class:`RunSettings`. The
model, spaCy and PyThaiNLP are loaded once per process (:func:`worker_model`),
not once per document.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pyarrow as pa

from ..attributes.extract import attribute_columns
from .cache import DocumentCache, cache_key
from ..classify.clauses import score_clauses
from ..config import CLASSIFIED_LANGUAGES, PIPELINE_VERSION
from ..export.tables import CLAUSE_SCHEMA, DOCUMENT_SCHEMA, HEADING_SCHEMA, score_column
from ..ingest.files import IngestError, parse_document, printable_path, read_bytes
from ..classify.estimator import ClauseClassifier
from ..classify.persistence import load_model
from ..text.language import latin_languages
from ..text.normalize import heading_text, normalize_text, table_row_text
from ..records import Document
from ..segment.clauses import segment_clauses
from ..export.documents import summarize_documents


@dataclass(frozen=True)
class FileTask:
    """One input file of a run: where it is and the id its rows get."""

    path: str
    doc_id: str


@dataclass(frozen=True)
class RunSettings:
    """What every worker needs to process files the same way: small and picklable."""

    model_dir: str
    model_version: str
    run_id: str
    max_bytes: int
    cache_dir: str | None = None
    #: The input folder symbolic links must stay inside, or None to follow every link.
    links_inside: str | None = None
    pipeline_version: str = PIPELINE_VERSION
    #: Hash of everything besides a file's bytes that can change its rows (see :func:`pipeline.runtime.cache.rows_fingerprint`).
    fingerprint: str = ""

    def provenance(self) -> dict[str, str]:
        """The columns that say how a row was made."""
        return {"pipeline_version": self.pipeline_version, "model_version": self.model_version, "run_id": self.run_id}


@dataclass
class DocumentResult:
    """What became of one file: its manifest record and, unless it failed, its clause, heading and document rows.

    ``cache_key`` is set for every file that gave rows; the run keeps the rows
    of those with status ``ok`` in its cache.
    """

    record: dict
    clauses: pa.Table
    headings: pa.Table
    document: pa.Table
    cache_key: str | None = None

    @property
    def failed(self) -> bool:
        """True when the file gave no rows: it failed, or is in a format this installation does not read."""
        return self.record["status"] in NOT_PROCESSED_STATUSES


#: Manifest statuses of files that gave no rows.
NOT_PROCESSED_STATUSES = ("failed", "unsupported")


@lru_cache(maxsize=2)
def worker_model(model_dir: str) -> ClauseClassifier:
    """The model of ``model_dir``, loaded once per process, with the segmenters and extractors warmed up."""
    from ..attributes.extract import warm_up_extractors
    from ..classify.lexicon import concepts_of
    from ..segment.english import load_english_pipeline
    from ..segment.thai import warm_up_thai

    model, _ = load_model(model_dir)
    load_english_pipeline()
    warm_up_thai()
    concepts_of("We may share your personal data.")
    warm_up_extractors()
    return model


def process_file(task: FileTask, settings: RunSettings) -> DocumentResult:
    """Process one file, or reuse its cached rows; a file that fails gives a ``failed`` record, never an exception.

    Errors of the model itself (missing, tampered) are raised: they are not
    the file's fault and would fail every file. Nothing is written here: the
    run keeps new rows in the cache, so a cache it cannot write costs a
    warning, never a document.
    """
    model = worker_model(settings.model_dir)
    started = time.perf_counter()
    record = _new_record(task)
    clauses = headings = None
    key = None
    try:
        data = read_bytes(task.path, settings.max_bytes, settings.links_inside)
        record.update(sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))
        key = cache_key(task.doc_id, record["sha256"], settings.pipeline_version, settings.fingerprint)
        cached = DocumentCache(settings.cache_dir).get(key) if settings.cache_dir is not None else None
        if cached is not None:
            clauses, headings, details = cached
            record.update(details)
            record["status"] = "skipped_unchanged"
        else:
            document = parse_document(data, record["source_path"], task.doc_id, sha256=record["sha256"])
            clauses, headings = process_document(document, model, settings.provenance())
            record.update(ingest_details(document, clauses["lang"].to_pylist()))
            record["status"] = "ok"
        summary = summarize_documents(clauses, headings)
    except IngestError as error:
        record.update(status=error.status, error=error.kind, message=error.message)
    except Exception as error:  # one broken file never stops the batch
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        record.update(status="failed", error="internal", message=detail)
    if record["status"] in NOT_PROCESSED_STATUSES:
        return _finish(record, settings, time.perf_counter() - started)
    return _finish(record, settings, time.perf_counter() - started, clauses, headings, summary, key)


def failed_result(task: FileTask, settings: RunSettings, error: str, message: str, seconds: float) -> DocumentResult:
    """The result of a file the run gave up on from outside its worker (``timeout``, a worker that died)."""
    return _finish({**_new_record(task), "status": "failed", "error": error, "message": message}, settings, seconds)


def _new_record(task: FileTask) -> dict:
    return {"doc_id": task.doc_id, "source_path": printable_path(task.path), "sha256": None, "size_bytes": None, "error": None,
            "message": None, "format": None, "encoding": None, "encoding_method": None, "text_source": None, "notes": None}


def _finish(record: dict, settings: RunSettings, seconds: float, clauses: pa.Table | None = None, headings: pa.Table | None = None,
            summary: pa.Table | None = None, key: str | None = None) -> DocumentResult:
    clauses = clauses if clauses is not None else CLAUSE_SCHEMA.empty_table()
    record.update(clauses=clauses.num_rows, seconds=seconds, run_id=settings.run_id,
                  pipeline_version=settings.pipeline_version, model_version=settings.model_version)
    return DocumentResult(record, clauses, headings if headings is not None else HEADING_SCHEMA.empty_table(),
                          summary if summary is not None else DOCUMENT_SCHEMA.empty_table(), key)


#: Manifest columns that say how a document was read; kept with its cached rows.
INGEST_DETAILS = ("format", "encoding", "encoding_method", "text_source", "notes")


def ingest_details(document: Document, languages: list[str]) -> dict[str, str | None]:
    """How a document was read, for the manifest: format, encoding and how it was chosen, text source, notes (``languages``: of its clauses)."""
    notes = list(document.notes)
    unclassified = Counter(lang for lang in languages if lang not in CLASSIFIED_LANGUAGES)
    for lang, count in unclassified.most_common():
        notes.append(f"{count} clause{'s' * (count != 1)} in {lang} not classified (the model reads {', '.join(MODEL_LANGUAGES)})")
    return {"format": document.format, "encoding": document.encoding, "encoding_method": document.encoding_method,
            "text_source": document.text_source, "notes": "; ".join(notes) or None}


def forget_previous_document() -> None:
    """Reset every stage's caches: the per-text caches serve repeats inside one policy.

    Called for every document, so that memory stays flat and a corpus that
    repeats policies is not processed faster than one that does not.
    """
    from .. import attributes, classify, segment, text

    for stage in (text, segment, classify, attributes):
        stage.reset_caches()


#: Languages the category model was trained on (``und``, clauses of numbers and symbols, goes with them).
MODEL_LANGUAGES = tuple(lang for lang in CLASSIFIED_LANGUAGES if lang != "und")


def process_document(document: Document, model: ClauseClassifier, provenance: dict[str, str]) -> tuple[pa.Table, pa.Table]:
    """The finished clause and heading tables of one document: segmented, classified, with attributes.

    Each column is built once, as a list, and the tables once from them: what
    is written, cached and summarized is the same Arrow data. Clauses in a
    language the model was not trained on (French, German, ...) are not
    classified: their labels are empty, their scores NaN, and their ``note``
    says why.
    """
    forget_previous_document()
    rows, heading_rows = document_rows(document)
    columns = {name: [row[name] for row in rows] for name in CLAUSE_ROW_COLUMNS}
    columns.update(category_columns(columns, model))
    columns.update(attribute_columns(columns["text_norm"], columns["section_path"], columns["lead_in"]))
    columns.update({name: [value] * len(rows) for name, value in provenance.items()})
    clauses = pa.Table.from_pydict({name: columns[name] for name in CLAUSE_SCHEMA.names}, schema=CLAUSE_SCHEMA)
    heading_columns = {name: [row[name] for row in heading_rows] for name in HEADING_ROW_COLUMNS}
    heading_columns["run_id"] = [provenance["run_id"]] * len(heading_rows)
    headings = pa.Table.from_pydict({name: heading_columns[name] for name in HEADING_SCHEMA.names}, schema=HEADING_SCHEMA)
    return clauses, headings


def category_columns(columns: dict[str, list], model: ClauseClassifier) -> dict[str, list]:
    """The ``labels``, ``note`` and score columns of a document's clauses; clauses in other languages than the model's are left unlabeled, with NaN scores and a note."""
    languages = columns["lang"]
    known = [index for index, lang in enumerate(languages) if lang in CLASSIFIED_LANGUAGES]
    labels: list[list[str]] = [[] for _ in languages]
    scores = np.full((len(languages), len(model.labels_)), np.float32("nan"), dtype=np.float32)
    notes = list(columns["note"])
    if known:
        known_labels, scores[known] = score_clauses(*([columns[name][index] for index in known] for name in ("text_norm", "section_path", "lead_in")), model)
        for index, decided in zip(known, known_labels):
            labels[index] = decided
    for index, lang in enumerate(languages):
        if lang not in CLASSIFIED_LANGUAGES:
            notes[index] = f"not classified: language {lang} is not one the model was trained on ({', '.join(MODEL_LANGUAGES)})"
    return {"labels": labels, "note": notes, **{score_column(label): scores[:, column] for column, label in enumerate(model.labels_)}}


#: The columns of :func:`document_rows`' clause and heading rows.
CLAUSE_ROW_COLUMNS = ("doc_id", "source_path", "doc_sha256", "encoding", "clause_id", "clause_index", "lang", "section_path",
                      "lead_in", "is_list_item", "text_raw", "text_norm", "char_start", "char_end", "note")
HEADING_ROW_COLUMNS = ("doc_id", "heading_index", "kind", "level", "lang", "text_raw", "text_norm", "char_start", "char_end")


def document_rows(document: Document) -> tuple[list[dict], list[dict]]:
    """Clause and heading rows of one document, before classification."""
    clauses, headings = segment_clauses(document)
    clauses, headings = name_latin_languages(document, clauses, headings)
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
        body = document.view[clause.body_start:clause.end]
        text_norm = table_row_text(body, clause.lang) if clause.kind == "row" else normalize_text(body, clause.lang)
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
                "note": None,
            }
        )
    heading_rows = []
    for index, heading in enumerate(headings):
        char_start, char_end = document.to_text_span(heading.start, heading.end)
        text = document.view[heading.start:heading.end]
        if heading.kind == "heading":
            text_norm = normalize_text(heading_text(text), heading.lang)
        elif heading.kind == "table_header":
            text_norm = table_row_text(text, heading.lang, " | ")
        else:
            text_norm = normalize_text(text, heading.lang)
        heading_rows.append(
            {
                "doc_id": document.doc_id,
                "heading_index": index,
                "kind": heading.kind,
                "level": heading.level,
                "lang": heading.lang,
                "text_raw": document.text[char_start:char_end],
                "text_norm": text_norm,
                "char_start": char_start,
                "char_end": char_end,
            }
        )
    return rows, heading_rows


def name_latin_languages(document: Document, clauses: list, headings: list) -> tuple[list, list]:
    """Clauses and headings with the Latin-script language of their block (``fr``, ``de``, ...) in place of ``en``.

    Segmentation tells Thai from Latin script; which Latin-script language a
    block is in is decided here, per block, by :func:`pipeline.text.language.latin_languages`.
    """
    blocks = document.blocks
    if not blocks or not any(unit.lang == "en" for unit in [*clauses, *headings]):
        return clauses, headings
    languages = latin_languages([document.view[block.body_start:block.end] for block in blocks])
    if all(language in (None, "en") for language in languages):
        return clauses, headings
    starts = [block.start for block in blocks]

    def renamed(unit):
        position = bisect_right(starts, unit.start) - 1
        language = languages[position] if position >= 0 else None
        return replace(unit, lang=language) if unit.lang == "en" and language not in (None, "en") else unit

    return [renamed(clause) for clause in clauses], [renamed(heading) for heading in headings]

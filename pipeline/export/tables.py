"""Export: the clause, heading, document and manifest tables as Parquet, with explicit schemas.

Only this stage writes the output tables, and it writes them atomically: a
temporary file in the same folder, renamed over the target when complete. A
run streams its rows into :class:`TableWriter`, which appends them to that
temporary file in row groups as the run goes, so memory does not grow with
the corpus; the finished file is one Parquet table for pandas, DuckDB or
pyarrow.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .atomic import atomic_path, atomic_write
from ..config import CATEGORIES


def score_column(category: str) -> str:
    """Name of the score column of a category."""
    return f"score_{category}"


_CODES = pa.list_(pa.string())
RETENTION_TYPE = pa.list_(
    pa.struct(
        [
            pa.field("value", pa.string()),
            pa.field("days_min", pa.float64()),
            pa.field("days_max", pa.float64()),
            pa.field("applies_to", pa.string()),
        ]
    )
)
DEADLINE_TYPE = pa.list_(pa.struct([pa.field("value", pa.string()), pa.field("days", pa.float64()), pa.field("bound", pa.string())]))
CONTACT_TYPE = pa.list_(pa.struct([pa.field("kind", pa.string()), pa.field("value", pa.string())]))
ATTRIBUTE_FIELDS = [
    pa.field("retention", RETENTION_TYPE, nullable=False),
    pa.field("deadlines", DEADLINE_TYPE, nullable=False),
    pa.field("rights", _CODES, nullable=False),
    pa.field("data_types", _CODES, nullable=False),
    pa.field("recipients", _CODES, nullable=False),
    pa.field("purposes", _CODES, nullable=False),
    pa.field("laws", _CODES, nullable=False),
    pa.field("transfer_mechanisms", _CODES, nullable=False),
    pa.field("security_measures", _CODES, nullable=False),
    pa.field("age_threshold", pa.list_(pa.int32()), nullable=False),
    pa.field("contacts", CONTACT_TYPE, nullable=False),
]
"""One column per attribute family (see :data:`pipeline.attributes.ATTRIBUTE_FAMILIES`)."""

CLAUSE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("doc_sha256", pa.string(), nullable=False),
        pa.field("encoding", pa.string(), nullable=False),
        pa.field("clause_id", pa.string(), nullable=False),
        pa.field("clause_index", pa.int32(), nullable=False),
        pa.field("lang", pa.string(), nullable=False),
        pa.field("section_path", pa.list_(pa.string()), nullable=False),
        pa.field("lead_in", pa.string()),
        pa.field("is_list_item", pa.bool_(), nullable=False),
        pa.field("text_raw", pa.string(), nullable=False),
        pa.field("text_norm", pa.string(), nullable=False),
        pa.field("char_start", pa.int64(), nullable=False),
        pa.field("char_end", pa.int64(), nullable=False),
        pa.field("labels", pa.list_(pa.string()), nullable=False),
        *[pa.field(score_column(category), pa.float32(), nullable=False) for category in CATEGORIES],
        pa.field("note", pa.string()),
        *ATTRIBUTE_FIELDS,
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("model_version", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)
"""One row per clause. ``note`` says why a clause was not classified (a language the model was not trained on;
its labels are then empty and its scores NaN), and is null otherwise."""

#: Kinds of the rows of the heading table: headings, the header rows of tables, and page furniture.
HEADING_KINDS = ("heading", "table_header", "furniture")

HEADING_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("heading_index", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("level", pa.int32(), nullable=False),
        pa.field("lang", pa.string(), nullable=False),
        pa.field("text_raw", pa.string(), nullable=False),
        pa.field("text_norm", pa.string(), nullable=False),
        pa.field("char_start", pa.int64(), nullable=False),
        pa.field("char_end", pa.int64(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)


DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("doc_sha256", pa.string(), nullable=False),
        pa.field("languages", _CODES, nullable=False),
        pa.field("clauses", pa.int32(), nullable=False),
        pa.field("categories", _CODES, nullable=False),
        pa.field("category_counts", pa.map_(pa.string(), pa.int32()), nullable=False),
        pa.field("furniture_blocks", pa.int32(), nullable=False),
        *ATTRIBUTE_FIELDS,
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("model_version", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)
"""One row per policy: what it covers and the attributes of all its clauses together."""


MANIFEST_SCHEMA = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("sha256", pa.string()),
        pa.field("size_bytes", pa.int64()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("message", pa.string()),
        pa.field("clauses", pa.int32(), nullable=False),
        pa.field("seconds", pa.float64(), nullable=False),
        pa.field("format", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("encoding_method", pa.string()),
        pa.field("text_source", pa.string()),
        pa.field("notes", pa.string()),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("model_version", pa.string(), nullable=False),
    ]
)
"""One row per file under the input, whatever its kind: what became of it in the run.

``status`` is ``ok``, ``skipped_unchanged`` (rows reused from the cache),
``failed`` (a broken file: ``error`` and ``message`` say why) or
``unsupported`` (a format this installation does not read, e.g. a PDF
without the ``pdf`` extra, an image, a FIFO). For documents: ``format``
(text, markdown, html, pdf, docx), ``encoding`` and ``encoding_method``
(how it was chosen: ``bom``, ``utf-8``, ``html-meta``, ``utf-8-replaced``,
``charset-normalizer``, ... or ``extracted``), ``text_source`` (``file``:
offsets point into the decoded file; ``extracted``: into the text extracted
from a PDF or DOCX) and ``notes`` (bytes replaced, page furniture left out,
clauses not classified)."""


def to_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """Convert rows to a table of exactly ``schema`` (columns in schema order).

    Goes through Python lists rather than ``Table.from_pandas``, which is
    several times slower on frames of nested lists and structs.
    """
    return pa.Table.from_pydict({field.name: _column_values(frame[field.name], field) for field in schema}, schema=schema)


def _column_values(column: pd.Series, field: pa.Field) -> list:
    values = column.tolist()
    if field.nullable and not pa.types.is_floating(field.type):
        values = [None if isinstance(value, float) and value != value else value for value in values]  # NaN is pandas' missing
    return values


#: Rows buffered before they are written as one Parquet row group.
DEFAULT_ROW_GROUP_ROWS = 20_000
#: Buffered tables (one per document) merged into one while they wait for a full row group.
DEFAULT_COMPACT_TABLES = 256
PARQUET_COMPRESSION = "zstd"


class TableWriter:
    """Append tables of one schema to a Parquet file as they come; the file appears, whole, when the writer closes.

    Use it as a context manager: on a clean exit the buffered rows are
    flushed and the temporary file is renamed over ``path``; on an error the
    temporary file is removed and whatever was at ``path`` stays as it was.
    With ``path=None`` the rows are kept in memory instead (:meth:`table`).
    """

    def __init__(self, path: str | Path | None, schema: pa.Schema, row_group_rows: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.schema = schema
        self.row_group_rows = row_group_rows or DEFAULT_ROW_GROUP_ROWS
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._kept: list[pa.Table] = []
        self._writer: pq.ParquetWriter | None = None
        self._stack = ExitStack()

    def __enter__(self) -> TableWriter:
        if self.path is not None:
            temporary = self._stack.enter_context(atomic_path(self.path))
            self._writer = pq.ParquetWriter(temporary, self.schema, compression=PARQUET_COMPRESSION)
        return self

    def write(self, table: pa.Table) -> None:
        """Add rows (a table of exactly this writer's schema)."""
        if not table.num_rows:
            return
        if self._writer is None:
            self._kept.append(table)
            return
        self._pending.append(table)
        self._pending_rows += table.num_rows
        if self._pending_rows >= self.row_group_rows:
            self._flush()
        elif len(self._pending) >= DEFAULT_COMPACT_TABLES:
            # Thousands of one-document tables cost far more than their rows: keep one contiguous table.
            self._pending = [pa.concat_tables(self._pending).combine_chunks()]

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(pa.concat_tables(self._pending), row_group_size=self.row_group_rows)
            self._pending, self._pending_rows = [], 0

    def table(self) -> pa.Table:
        """The rows kept in memory (a writer with no path)."""
        return pa.concat_tables(self._kept) if self._kept else self.schema.empty_table()

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if self._writer is not None:
                try:
                    if kind is None:
                        self._flush()
                finally:
                    self._writer.close()
        except BaseException as failure:  # a failed flush (a full disk) discards the temporary file too
            self._stack.__exit__(type(failure), failure, failure.__traceback__)
            raise
        self._stack.__exit__(kind, error, traceback)  # renames the file on success, removes it on failure


def empty_frame(schema: pa.Schema) -> pd.DataFrame:
    """A frame with the columns of ``schema`` and no rows."""
    return schema.empty_table().to_pandas()


class TableReadError(ValueError):
    """A table that exists but cannot be read as Parquet (damaged, truncated, another format)."""


def read_table(path: str | Path, what: str = "table") -> pd.DataFrame:
    """One Parquet table ``clauses run`` wrote; a missing or unreadable file is an error that names it.

    Raises :class:`FileNotFoundError` (with how to make the table) or
    :class:`TableReadError`.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no {what}; run 'clauses run' first")
    try:
        return pd.read_parquet(path)
    except (pa.ArrowException, OSError, ValueError) as error:
        raise TableReadError(f"{path}: the {what} cannot be read as Parquet ({error}); run 'clauses run' again to rewrite it") from error

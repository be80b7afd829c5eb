"""Finished documents kept beside the output, so that re-runs and runs after a crash redo nothing.

Each document's clause and heading rows are written, atomically, as soon as it
is done, under a key made of its id, the SHA-256 of its bytes, the pipeline
version and the model version. A re-run over the same folder finds unchanged
files there and reuses their rows; a run killed halfway leaves the documents
it finished, and the next run picks them up. Entries are spread over 256
sub-folders by the first two characters of their key, so that a corpus of a
million policies does not put two million files in one folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather

from ..export.atomic import atomic_write
from ..export.tables import CLAUSE_SCHEMA, HEADING_SCHEMA

_TABLES = (("clauses", CLAUSE_SCHEMA), ("headings", HEADING_SCHEMA))
#: The table written last: an entry is whole once its file exists.
_LAST_TABLE = _TABLES[-1][0]
_SUFFIX = ".arrow"
_DETAILS_KEY = b"policy_clauses.details"


def cache_key(doc_id: str, sha256: str, pipeline_version: str, model_version: str) -> str:
    """The name under which a document's rows are kept."""
    return hashlib.blake2b("\0".join((doc_id, sha256, pipeline_version, model_version)).encode("utf-8"), digest_size=16).hexdigest()


class DocumentCache:
    """A folder of ``<k0k1>/<key>.clauses.arrow`` and ``<k0k1>/<key>.headings.arrow`` files (Arrow IPC, LZ4).

    Arrow's own file format rather than Parquet: an entry is written once and
    read at most once per run, and Arrow writes several times faster.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def _path(self, key: str, table: str) -> Path:
        return self.directory / key[:2] / f"{key}.{table}{_SUFFIX}"

    def get(self, key: str) -> tuple[pa.Table, pa.Table, dict] | None:
        """The rows kept under ``key`` and the details kept with them, or None when they are missing or unreadable."""
        paths = [self._path(key, table) for table, _ in _TABLES]
        if not all(path.is_file() for path in paths):
            return None
        try:
            clauses, headings = (feather.read_table(path, memory_map=False) for path in paths)
        except (OSError, ValueError, pa.ArrowException):
            return None  # a damaged entry is redone, never trusted
        if not (clauses.schema.equals(CLAUSE_SCHEMA) and headings.schema.equals(HEADING_SCHEMA)):
            return None
        try:
            details = json.loads((headings.schema.metadata or {}).get(_DETAILS_KEY, b"{}"))
        except ValueError:
            return None
        return clauses, headings.replace_schema_metadata(None), details if isinstance(details, dict) else {}

    def put(self, key: str, clauses: pa.Table, headings: pa.Table, details: dict | None = None) -> None:
        """Keep a document's rows and ``details`` (how it was read, for the manifest); the headings file is written last.

        The entry is whole once its headings file exists.

        Entries are not flushed to disk one by one: one that a power cut
        damages reads as missing and is redone.
        """
        headings = headings.replace_schema_metadata({_DETAILS_KEY: json.dumps(details or {}, ensure_ascii=False)})
        for (table, _), rows in zip(_TABLES, (clauses, headings)):
            atomic_write(self._path(key, table), lambda temporary, rows=rows: feather.write_feather(rows, temporary, compression="lz4"), durable=False)

    def entries(self) -> int:
        """How many whole entries the cache holds."""
        return sum(1 for _ in self.directory.glob(f"??/*.{_LAST_TABLE}{_SUFFIX}"))

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in ``keep`` (documents gone or changed) and half-written files; return how many files went."""
        removed = 0
        for folder in self.directory.glob("??"):
            removed += remove_stale_temporaries(folder)
            for path in folder.glob(f"*{_SUFFIX}"):
                if path.name.split(".", 1)[0] not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


def remove_stale_temporaries(directory: Path) -> int:
    """Delete the temporary files a killed run left behind (see :func:`pipeline.export.atomic.atomic_path`)."""
    stale = list(Path(directory).glob(".*.tmp"))
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)

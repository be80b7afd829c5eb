"""Finished documents kept beside the output, so that re-runs and runs after a crash redo nothing.

Each document's clause and heading rows are written, atomically, as soon as it
is done, under a key made of its id, the SHA-256 of its bytes, the pipeline
version and the model version. A re-run over the same folder finds unchanged
files there and reuses their rows; a run killed halfway leaves the documents
it finished, and the next run picks them up.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .export import CLAUSE_SCHEMA, HEADING_SCHEMA, write_parquet

_TABLES = (("clauses", CLAUSE_SCHEMA), ("headings", HEADING_SCHEMA))


def cache_key(doc_id: str, sha256: str, pipeline_version: str, model_version: str) -> str:
    """The name under which a document's rows are kept."""
    return hashlib.blake2b("\0".join((doc_id, sha256, pipeline_version, model_version)).encode("utf-8"), digest_size=16).hexdigest()


class DocumentCache:
    """A folder of ``<key>.clauses.parquet`` and ``<key>.headings.parquet`` files."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def _path(self, key: str, table: str) -> Path:
        return self.directory / f"{key}.{table}.parquet"

    def get(self, key: str) -> tuple[pd.DataFrame, pd.DataFrame] | None:
        """The rows kept under ``key``, or None when they are missing or unreadable."""
        paths = [self._path(key, table) for table, _ in _TABLES]
        if not all(path.is_file() for path in paths):
            return None
        try:
            clauses, headings = (pd.read_parquet(path) for path in paths)
        except (OSError, ValueError):
            return None  # a damaged entry is redone, never trusted
        return clauses, headings

    def put(self, key: str, clauses: pd.DataFrame, headings: pd.DataFrame) -> None:
        """Keep a document's rows; the headings file is written last, so an entry is whole once it exists."""
        write_parquet(clauses, self._path(key, "clauses"), CLAUSE_SCHEMA)
        write_parquet(headings, self._path(key, "headings"), HEADING_SCHEMA)

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in ``keep`` (documents gone or changed) and half-written files; return how many went."""
        removed = remove_stale_temporaries(self.directory)
        for path in self.directory.glob("*.parquet"):
            if path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def remove_stale_temporaries(directory: Path) -> int:
    """Delete the temporary files a killed run left behind (see :func:`pipeline.atomic.atomic_write`)."""
    stale = list(Path(directory).glob(".*.tmp"))
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)

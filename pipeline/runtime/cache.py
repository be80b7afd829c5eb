"""Finished documents kept beside the output, so that re-runs and runs after a crash redo nothing.

Each document's clause and heading rows are kept as soon as it is done, under
a key made of its id, the SHA-256 of its bytes, the pipeline version and a
fingerprint of everything else that can change its rows (:func:`rows_fingerprint`:
the model file, its ``meta.json`` with the thresholds, the attribute
vocabularies and lexicon, the segmenters' library versions). A re-run over
the same folder finds unchanged files there and reuses their rows; a run
killed halfway leaves the documents it finished, and the next run picks them
up.

The cache is one SQLite file (``documents.sqlite3``) holding one row per
document: its two tables as Arrow record batches compressed with zstd, and
how it was read. One file rather than one or two per document: on 10,000
small policies the files of the earlier layout took 136 MB of disk for
0.8 MB of input, nearly all of it file-system blocks and repeated schemas.
Only the run writes it (one transaction per document, so a kill loses at
most the document being written); workers only read it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import sqlite3
import struct
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from ..export.tables import CLAUSE_SCHEMA, HEADING_SCHEMA

log = logging.getLogger(__name__)

#: The SQLite file inside the cache folder.
CACHE_FILE = "documents.sqlite3"
_CODEC = pa.Codec("zstd")
#: Seconds a reader or the writer waits for the other's lock before giving up (the entry is then redone or not kept).
DEFAULT_BUSY_SECONDS = 30.0
#: Source files whose content decides attributes and concepts: their bytes are part of the fingerprint.
_VOCABULARY_MODULES = ("attributes", "classify/lexicon.py", "text/patterns.py")
#: Libraries whose version can change segmentation.
_SEGMENTER_LIBRARIES = ("spacy", "pythainlp", "python-crfsuite")


def cache_key(doc_id: str, sha256: str, pipeline_version: str, fingerprint: str) -> str:
    """The name under which a document's rows are kept."""
    return hashlib.blake2b("\0".join((doc_id, sha256, pipeline_version, fingerprint)).encode("utf-8"), digest_size=16).hexdigest()


def rows_fingerprint(model_dir: str | Path) -> str:
    """A hash of everything besides a file's bytes and the pipeline version that changes its rows.

    The model file and its ``meta.json`` (thresholds, labels, design) byte
    for byte, any other file of the model folder (a segmenter model kept
    there), the sources of the attribute vocabularies and the lexicon, and the
    versions of the segmenters' libraries.
    """
    digest = hashlib.sha256()
    model_dir = Path(model_dir)
    package = Path(__file__).resolve().parent.parent
    sources = sorted(path for path in model_dir.rglob("*") if path.is_file() and path.name != "README.md")
    for name in _VOCABULARY_MODULES:
        sources += sorted((package / name).rglob("*.py")) if (package / name).is_dir() else [package / name]
    for path in sources:
        digest.update(path.name.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for library in _SEGMENTER_LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()


def _pack(table: pa.Table) -> bytes:
    """One table as a zstd-compressed Arrow record batch, its schema left out (it is the known one)."""
    batches = table.combine_chunks().to_batches()
    if not batches:
        return b""
    body = batches[0].serialize()
    return struct.pack("<Q", body.size) + _CODEC.compress(body, asbytes=True)


def _unpack(blob: bytes, schema: pa.Schema) -> pa.Table:
    if not blob:
        return schema.empty_table()
    (size,) = struct.unpack_from("<Q", blob)
    body = _CODEC.decompress(blob[8:], decompressed_size=size)
    table = pa.Table.from_batches([pa.ipc.read_record_batch(body, schema)])
    table.validate(full=True)
    return table


class DocumentCache:
    """The cache folder of a run: ``get`` in any process, ``put``, ``prune`` and ``close`` in the run's."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / CACHE_FILE
        self._writer: sqlite3.Connection | None = None

    def get(self, key: str) -> tuple[pa.Table, pa.Table, dict] | None:
        """The rows kept under ``key`` and the details kept with them, or None when they are missing or unreadable."""
        try:
            row = _reader(str(self.path)).execute("SELECT clauses, headings, details FROM documents WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            clauses, headings = _unpack(row[0], CLAUSE_SCHEMA), _unpack(row[1], HEADING_SCHEMA)
            details = json.loads(row[2])
        except (OSError, EOFError, ValueError, struct.error, pa.ArrowException):
            return None  # a damaged entry is redone, never trusted
        return clauses, headings, details if isinstance(details, dict) else {}

    def _connection(self) -> sqlite3.Connection:
        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=DEFAULT_BUSY_SECONDS)
            try:
                connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                connection.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, clauses BLOB, headings BLOB, details TEXT)")
                connection.commit()
            except sqlite3.Error:
                connection.close()
                raise
            self._writer = connection
        return self._writer

    def put(self, key: str, clauses: pa.Table, headings: pa.Table, details: dict | None = None) -> bool:
        """Keep a document's rows and ``details`` (how it was read, for the manifest); False, with a warning, when it cannot.

        A cache that cannot be written (a full disk, a read-only folder) only
        means the next run redoes the document: the run goes on.
        """
        try:
            connection = self._connection()
            with connection:
                connection.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                                   (key, _pack(clauses), _pack(headings), json.dumps(details or {}, ensure_ascii=False)))
        except (sqlite3.Error, OSError) as error:
            log.warning("cannot keep a document in the cache %s (%s); the next run will redo it", self.path, error)
            return False
        return True

    def entries(self) -> int:
        """How many entries the cache holds."""
        try:
            return _reader(str(self.path)).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            return 0

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in ``keep`` (documents gone or changed); return how many went."""
        if not self.path.is_file():
            return 0
        try:
            connection = self._connection()
            with connection:
                connection.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                connection.execute("DELETE FROM keep")
                connection.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((key,) for key in keep))
                removed = connection.execute("DELETE FROM documents WHERE key NOT IN (SELECT key FROM keep)").rowcount
            connection.execute("PRAGMA incremental_vacuum")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sqlite3.Error, OSError) as error:
            log.warning("cannot prune the cache %s (%s)", self.path, error)
            return 0
        return removed

    def close(self) -> None:
        """Close the run's connection."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None


@lru_cache(maxsize=4)
def _reader(path: str) -> sqlite3.Connection:
    """A read-only connection per process (workers open the cache once, not once per document)."""
    if not Path(path).is_file():
        raise sqlite3.OperationalError(f"no cache at {path}")
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=DEFAULT_BUSY_SECONDS, check_same_thread=False)

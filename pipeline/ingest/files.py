"""Ingest: find policy files, decode them and recover their structure.

Only this stage reads files. Each file becomes a :class:`Document` or an
:class:`IngestError` that names the file and the problem; one bad file never
stops the others.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..config import DEFAULT_MAX_BYTES, DEFAULT_SUFFIXES
from .encoding import DecodeError, decode_bytes
from .filetype import binary_format
from .html_text import extract_html_text
from .main_content import html_block_hints
from .markdown import markdown_hints
from ..records import Document
from .structure import detect_blocks
from ..text.chars import is_blank

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


#: Kinds of :class:`IngestError`, as they appear in the run manifest.
INGEST_ERROR_KINDS = ("missing", "unreadable", "too_large", "binary", "undecodable", "empty")


class IngestError(Exception):
    """A policy file that cannot become a document; ``kind`` (one of :data:`INGEST_ERROR_KINDS`) names the problem."""

    def __init__(self, path: str | Path, kind: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.kind = kind
        self.message = message


def discover_files(root: str | Path, suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> list[Path]:
    """Return the policy files under ``root`` (or ``root`` itself), sorted by path."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    return sorted(
        path
        for path in root.rglob("*")
        if path.suffix.lower() in suffixes and (path.is_file() or path.is_symlink())
    )


def make_doc_id(path: Path, root: Path) -> str:
    """A stable id: the path relative to the input folder, with forward slashes."""
    try:
        return path.relative_to(root).as_posix() if root.is_dir() else path.name
    except ValueError:
        return path.name


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one policy file, or an :class:`IngestError` saying why they cannot be had."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(path, "too_large", f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        if path.is_symlink():
            raise IngestError(path, "missing", f"broken symbolic link to {os.readlink(path)}") from error
        raise IngestError(path, "missing", "file not found (moved or deleted during the run?)") from error
    except IsADirectoryError as error:
        raise IngestError(path, "unreadable", "is a directory, not a file") from error
    except OSError as error:
        raise IngestError(path, "unreadable", f"cannot read file ({error.strerror or error})") from error


def read_document(path: str | Path, root: str | Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and structure one policy file.

    Raises :class:`IngestError` for files that cannot be read, are too large,
    are not text, or hold no text at all.
    """
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    return parse_document(read_bytes(path, max_bytes), str(path), make_doc_id(path, root), is_html=is_html(path))


def is_html(path: str | Path) -> bool:
    """Whether a file is read as HTML (by its suffix)."""
    return Path(path).suffix.lower() in HTML_SUFFIXES


def parse_document(
    data: bytes,
    source_path: str,
    doc_id: str,
    is_html: bool = False,
    sha256: str | None = None,
) -> Document:
    """Build a :class:`Document` from the raw bytes of a policy (``sha256``: their hash, when the caller has it).

    HTML pages are read for their main content (:mod:`pipeline.ingest.main_content`);
    text files for Markdown marks (front matter, tables, rules ...) whatever their suffix.
    """
    if not data.strip():
        raise IngestError(source_path, "empty", "file is empty" if not data else "file holds only whitespace")
    binary = binary_format(data)
    if binary is not None:
        raise IngestError(source_path, "binary", f"not a text file: it is {binary}")
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as error:
        kind = "binary" if "binary" in str(error) else "undecodable"
        raise IngestError(source_path, kind, str(error)) from error
    document = Document(
        doc_id=doc_id,
        source_path=source_path,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        view=text,
    )
    if is_html:
        extracted = extract_html_text(text)
        document.view, document.view_to_text = extracted.view, extracted.view_to_text
    if all(is_blank(ch) for ch in document.view):
        raise IngestError(source_path, "empty", "no text after decoding" + (" and removing markup" if is_html else ""))
    if is_html:
        hints, run_in = html_block_hints(extracted)
        document.blocks = detect_blocks(document.view, hints, run_in, wrapped=False)
    else:
        document.blocks = detect_blocks(document.view, markdown_hints(document.view), wrapped=True)
    return document


def iter_documents(root: str | Path) -> Iterator[Document | IngestError]:
    """Yield a document, or the error that stopped it, for every file under ``root``."""
    root = Path(root)
    for path in discover_files(root):
        try:
            yield read_document(path, root)
        except IngestError as error:
            yield error

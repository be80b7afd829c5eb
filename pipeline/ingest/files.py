"""Ingest: find policy files, decode them and recover their structure.

Only this stage reads files. Each file becomes a :class:`Document` or an
:class:`IngestError` that names the file and the problem; one bad file never
stops the others.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..config import DEFAULT_MAX_BYTES
from .encoding import DecodeError, decode_text
from .extracted import missing_extra
from .filetype import EXTRACTED_FORMATS, FORMAT_EXTRAS, SUFFIX_FORMATS, binary_format, content_format, suffix_format
from .html_text import extract_html_text
from .main_content import html_block_hints
from .markdown import markdown_hints
from ..records import Document
from .structure import detect_blocks
from ..text.chars import is_blank

HTML_SUFFIXES = (".html", ".htm")


#: Kinds of :class:`IngestError`, as they appear in the run manifest's ``error`` column.
INGEST_ERROR_KINDS = (
    "missing", "unreadable", "too_large", "binary", "undecodable", "empty", "corrupt", "unsupported", "not_a_file", "outside_input",
)
#: Kinds that say the file is not something this run reads (manifest status ``unsupported``), not that it is broken.
UNSUPPORTED_KINDS = ("unsupported", "not_a_file", "outside_input")


class IngestError(Exception):
    """A policy file that cannot become a document; ``kind`` (one of :data:`INGEST_ERROR_KINDS`) names the problem."""

    def __init__(self, path: str | Path, kind: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.kind = kind
        self.message = message

    @property
    def status(self) -> str:
        """The manifest status: ``unsupported`` for a format not read here, ``failed`` for a broken file."""
        return "unsupported" if self.kind in UNSUPPORTED_KINDS else "failed"


def discover_files(root: str | Path, exclude: tuple[str | Path, ...] = ()) -> list[Path]:
    """Every file under ``root`` (or ``root`` itself), whatever its suffix, sorted by path; ``exclude``: paths to leave out.

    Nothing is left out silently: files the pipeline does not read get a
    manifest row saying so. Folders and what ``exclude`` names (the run's own
    output tables and cache, when they sit inside the input) are not files
    of the input.
    """
    root = Path(root)
    if root.is_file() or (root.exists() and not root.is_dir()):
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    excluded = {os.path.abspath(path) for path in exclude}
    found = []
    for path in root.rglob("*"):
        absolute = os.path.abspath(path)
        if absolute in excluded or any(absolute.startswith(folder + os.sep) for folder in excluded):
            continue
        if path.is_symlink() or not path.is_dir():
            found.append(path)
    return sorted(found)


def is_policy_candidate(path: str | Path) -> bool:
    """Whether a file's name says it is a policy in a format the pipeline knows (installed extras or not)."""
    return suffix_format(path) is not None


def make_doc_id(path: Path, root: Path) -> str:
    """A stable id: the path relative to the input folder, with forward slashes (see :func:`printable_path`)."""
    try:
        return printable_path(path.relative_to(root).as_posix() if root.is_dir() else path.name)
    except ValueError:
        return printable_path(path.name)


def printable_path(path: str | Path) -> str:
    r"""A file name as text that any table can hold: bytes that are not UTF-8 shown as ``\xNN``.

    POSIX file names are bytes; Python keeps the ones that are not UTF-8 as
    lone surrogates, which Arrow and Parquet cannot store.

    >>> printable_path(b"policy-\xe9t\xe9.txt".decode("utf-8", "surrogateescape"))
    'policy-\\xe9t\\xe9.txt'
    >>> printable_path("นโยบาย.txt")
    'นโยบาย.txt'
    """
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, inside: str | Path | None = None) -> bytes:
    """The bytes of one policy file, or an :class:`IngestError` saying why they cannot be had.

    Only regular files are read: a FIFO, socket or device (or a link to one)
    would block or never end, so it is refused from its metadata, and the
    file is opened without blocking and checked again, so that one swapped
    for a FIFO in between cannot hang the run either. With ``inside`` (the
    input folder), a symbolic link whose target lies outside that folder is
    not followed (``outside_input``).
    """
    path = Path(path)
    try:
        if inside is not None:
            _check_inside(path, inside)
        _check_regular(path, path.stat(), max_bytes)
        with open(path, "rb", opener=_open_without_blocking) as handle:
            _check_regular(path, os.fstat(handle.fileno()), max_bytes)
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew since stat
            raise IngestError(path, "too_large", f"file is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
        return data
    except FileNotFoundError as error:
        if path.is_symlink():
            raise IngestError(path, "missing", f"broken symbolic link to {printable_path(os.readlink(path))}") from error
        raise IngestError(path, "missing", "file not found (moved or deleted during the run?)") from error
    except IngestError:
        raise
    except IsADirectoryError as error:
        raise IngestError(path, "unreadable", "is a directory, not a file") from error
    except OSError as error:
        raise IngestError(path, "unreadable", f"cannot read file ({error.strerror or error})") from error


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_regular(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(path, "not_a_file", f"is {_special_kind(info.st_mode)}, not a regular file: not read")
    if info.st_size > max_bytes:
        raise IngestError(path, "too_large", f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")


def _check_inside(path: Path, folder: str | Path) -> None:
    """Refuse a file whose real location (its links followed) is outside ``folder``: a link must not pull in ``/etc/passwd``."""
    target = os.path.realpath(path)
    root = os.path.realpath(folder)
    if os.path.commonpath([target, root]) != root:
        raise IngestError(path, "outside_input", f"symbolic link to {printable_path(target)}, outside the input folder: "
                                                 "not followed (pass --follow-links to read it)")


def _special_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def read_document(path: str | Path, root: str | Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and structure one policy file.

    Raises :class:`IngestError` for files that cannot be read, are too large,
    are not text, hold no text at all, or are in a format not read here.
    """
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    return parse_document(read_bytes(path, max_bytes), str(path), make_doc_id(path, root))


def is_html(path: str | Path) -> bool:
    """Whether a file is read as HTML (by its suffix)."""
    return suffix_format(path) == "html"


def file_format(source_path: str, data: bytes) -> str:
    """The format a file is read as (``text``, ``markdown``, ``html``, ``pdf``, ``docx``), or an :class:`IngestError`.

    The content decides first: a PDF or Word document is one whatever its
    name; another binary format is refused (``binary`` when the name claims a
    text format, ``unsupported`` otherwise). Then the suffix decides.
    """
    by_content = content_format(data)
    if by_content is not None:
        return by_content
    by_suffix = suffix_format(source_path)
    binary = binary_format(data)
    if binary is not None:
        if by_suffix is None:
            raise IngestError(source_path, "unsupported", f"{binary}, not a policy format ({_KNOWN_SUFFIXES})")
        raise IngestError(source_path, "binary" if by_suffix not in EXTRACTED_FORMATS else "corrupt", f"not a {by_suffix} file: it is {binary}")
    if by_suffix is None:
        suffix = Path(source_path).suffix
        what = f"unknown file type {suffix!r}" if suffix else "no file suffix"
        raise IngestError(source_path, "unsupported", f"{what}: not read as a policy ({_KNOWN_SUFFIXES})")
    if by_suffix in EXTRACTED_FORMATS:
        raise IngestError(source_path, "corrupt", f"not a {by_suffix.upper()} file: its bytes do not start like one")
    return by_suffix


_KNOWN_SUFFIXES = "policies are " + ", ".join(sorted(SUFFIX_FORMATS))


def parse_document(data: bytes, source_path: str, doc_id: str, is_html: bool | None = None, sha256: str | None = None,
                   format: str | None = None) -> Document:  # noqa: A002 - the word users know
    """Build a :class:`Document` from the raw bytes of a policy (``sha256``: their hash, when the caller has it).

    ``format`` (or ``is_html=True``) says how to read the bytes; by default
    :func:`file_format` decides from the content and the file name. HTML
    pages are read for their main content (:mod:`pipeline.ingest.main_content`);
    text files for Markdown marks (front matter, tables, rules ...) whatever
    their suffix.
    """
    if not data.strip():
        raise IngestError(source_path, "empty", "file is empty" if not data else "file holds only whitespace")
    if format is None:
        format = "html" if is_html else ("text" if is_html is False else file_format(source_path, data))
    if format in EXTRACTED_FORMATS:
        return _parse_extracted(data, source_path, doc_id, format, sha256)
    binary = binary_format(data)
    if binary is not None:
        raise IngestError(source_path, "binary", f"not a text file: it is {binary}")
    html = format == "html"
    try:
        decoded = decode_text(data, html=html)
    except DecodeError as error:
        kind = "binary" if "binary" in str(error) else "undecodable"
        raise IngestError(source_path, kind, str(error)) from error
    text = decoded.text
    document = Document(
        doc_id=doc_id,
        source_path=source_path,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        text=text,
        view=text,
        format=format,
        encoding_method=decoded.method,
        notes=list(decoded.notes),
    )
    if html:
        extracted = extract_html_text(text)
        if extracted.separators:
            document.notes.append(f"{extracted.separators} segment separator{'s' * (extracted.separators != 1)} (|||) read as segment breaks")
        document.view, document.view_to_text = extracted.view, extracted.view_to_text
    if all(is_blank(ch) for ch in document.view):
        raise IngestError(source_path, "empty", "no text after decoding" + (" and removing markup" if html else ""))
    if html:
        hints, run_in = html_block_hints(extracted)
        document.blocks = detect_blocks(document.view, hints, run_in, wrapped=False)
    else:
        document.blocks = detect_blocks(document.view, markdown_hints(document.view), wrapped=True)
    return document


def _parse_extracted(data: bytes, source_path: str, doc_id: str, format: str, sha256: str | None) -> Document:  # noqa: A002
    """A PDF or DOCX policy: its extracted text, or ``unsupported`` when the extra that reads it is not installed."""
    extra = FORMAT_EXTRAS[format]
    try:
        if format == "pdf":
            from .pdf import extract_pdf as extract

            import pdfplumber  # noqa: F401 - the extra's library, imported here to tell a missing extra from a bug
        else:
            from .docx import extract_docx as extract

            import docx  # noqa: F401
    except ImportError as error:
        raise IngestError(source_path, "unsupported", missing_extra(format.upper(), extra)) from error
    try:
        extracted = extract(data)
    except ValueError as error:
        raise IngestError(source_path, "corrupt", str(error)) from error
    if all(is_blank(ch) for ch in extracted.view):
        what = "no text layer (a scanned PDF needs OCR first)" if format == "pdf" else "no text"
        raise IngestError(source_path, "empty", what)
    document = Document(
        doc_id=doc_id,
        source_path=source_path,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        encoding="extracted",
        text=extracted.text,
        view=extracted.view,
        view_to_text=extracted.view_to_text,
        format=format,
        encoding_method="extracted",
        notes=list(extracted.notes),
        text_source="extracted",
    )
    document.blocks = detect_blocks(document.view, extracted.hints)
    return document

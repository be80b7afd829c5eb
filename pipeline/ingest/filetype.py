"""What a file is: a policy format the pipeline reads, or something else, whatever its name says.

The content decides first (a PDF saved as ``.txt`` is a PDF, a PNG saved as
``.txt`` is an image), then the suffix.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

# Leading bytes of formats that turn up in scraped policy folders.
MAGIC_NUMBERS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
)

#: Policy formats by file suffix (lower case). ``text`` and ``markdown`` are read alike.
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
#: Formats whose text is extracted from a binary file (offsets point into the extracted text).
EXTRACTED_FORMATS = ("pdf", "docx")
#: The optional extra that reads each extracted format.
FORMAT_EXTRAS = {"pdf": "pdf", "docx": "docx"}


def binary_format(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, or None when it may be text.

    >>> binary_format(b"%PDF-1.7 ..."), binary_format("นโยบาย".encode())
    ('a PDF document', None)
    """
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            return name
    return None


def is_docx(data: bytes) -> bool:
    """True for a ZIP archive that holds a Word document body (``word/document.xml``)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def suffix_format(path: str | Path) -> str | None:
    """The policy format a file name announces, or None for a suffix the pipeline does not read.

    >>> suffix_format("policy.HTM"), suffix_format("นโยบาย.docx"), suffix_format("logo.png")
    ('html', 'docx', None)
    """
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def content_format(data: bytes) -> str | None:
    """``pdf`` or ``docx`` when the bytes are one, whatever the file is called; None otherwise."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if is_docx(data):
        return "docx"
    return None

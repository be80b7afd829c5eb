"""Recognise files that are not text whatever their name says: PDFs, images, archives saved as .txt."""

from __future__ import annotations

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


def binary_format(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, or None when it may be text.

    >>> binary_format(b"%PDF-1.7 ..."), binary_format("นโยบาย".encode())
    ('a PDF document', None)
    """
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            return name
    return None

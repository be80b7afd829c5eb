"""Decoding policy files in the encodings they arrive in."""

from __future__ import annotations

import codecs

import pytest

from pipeline.ingest.encoding import DecodeError, decode_bytes

ENGLISH = "We keep your data for 90 days — “securely”."
THAI = "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านเป็นเวลา ๕ ปี"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(ENGLISH.encode("utf-8"), ENGLISH, "utf-8", id="en-utf8"),
        pytest.param(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8-sig", id="en-utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le", id="en-utf16le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be", id="en-utf16be-bom"),
        pytest.param("Privacy Policy".encode("utf-16-le"), "Privacy Policy", "utf-16-le", id="en-utf16le-no-bom"),
        pytest.param("Caf\u00e9 policy".encode("latin-1"), "Caf\u00e9 policy", "latin-1", id="en-latin1"),
        pytest.param(THAI.encode("utf-8"), THAI, "utf-8", id="th-utf8"),
        pytest.param(THAI.encode("cp874"), THAI, "cp874", id="th-windows-874"),
        pytest.param(THAI.encode("tis-620"), THAI, "cp874", id="th-tis-620"),
        pytest.param(codecs.BOM_UTF16_LE + THAI.encode("utf-16-le"), THAI, "utf-16-le", id="th-utf16le-bom"),
    ],
)
def test_decodes_and_names_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n\x00\x01\x02\x03binary\x00\xff\xfe\x00", id="pdf-with-nul"),
        pytest.param(bytes(range(0, 32)) * 20, id="control-bytes"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfa", id="bad-bytes-after-bom"),
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_bytes(data)

"""Decoding policy files in the encodings they arrive in, and saying how the encoding was chosen."""

from __future__ import annotations

import codecs

import pytest

from pipeline.ingest.encoding import DecodeError, decode_bytes, decode_text

ENGLISH = "We keep your data for 90 days — “securely”."
THAI = "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านเป็นเวลา ๕ ปี"
# Curly quotes, an apostrophe and an ellipsis: 0x91-0x94, 0x85 in Windows-1252, C1 controls in Latin-1.
CP1252_EN = "We don’t sell your data. “Personal data” means any information about you…"
FRENCH = "Nous collectons vos données personnelles lorsque vous créez un compte. Vous pouvez demander l’accès à vos données."
GERMAN = "Wir verarbeiten Ihre Daten gemäß der DSGVO. Sie haben das Recht auf Löschung."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(ENGLISH.encode("utf-8"), ENGLISH, "utf-8", id="en-utf8"),
        pytest.param(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8-sig", id="en-utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le", id="en-utf16le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be", id="en-utf16be-bom"),
        pytest.param("Privacy Policy".encode("utf-16-le"), "Privacy Policy", "utf-16-le", id="en-utf16le-no-bom"),
        # Latin-1 bytes read as Windows-1252, its superset for every printable character (as browsers do).
        pytest.param("Caf\u00e9 policy".encode("latin-1"), "Caf\u00e9 policy", "cp1252", id="en-latin1"),
        pytest.param(THAI.encode("utf-8"), THAI, "utf-8", id="th-utf8"),
        pytest.param(THAI.encode("cp874"), THAI, "cp874", id="th-windows-874"),
        pytest.param(THAI.encode("tis-620"), THAI, "cp874", id="th-tis-620"),
        pytest.param(codecs.BOM_UTF16_LE + THAI.encode("utf-16-le"), THAI, "utf-16-le", id="th-utf16le-bom"),
    ],
)
def test_decodes_and_names_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "html", "text", "encoding", "method"),
    [
        pytest.param(codecs.BOM_UTF8 + THAI.encode(), False, THAI, "utf-8-sig", "bom", id="th-bom"),
        pytest.param(ENGLISH.encode(), False, ENGLISH, "utf-8", "utf-8", id="en-utf8"),
        pytest.param(CP1252_EN.encode("cp1252"), False, CP1252_EN, "cp1252", "charset-normalizer", id="en-cp1252-curly-quotes"),
        pytest.param("We don’t.".encode("cp1252"), False, "We don’t.", "cp1252", "charset-normalizer", id="en-cp1252-short"),
        pytest.param(FRENCH.encode("cp1252"), False, FRENCH, "cp1252", "charset-normalizer", id="fr-cp1252"),
        pytest.param(GERMAN.encode("cp1252"), False, GERMAN, "cp1252", "charset-normalizer", id="de-cp1252"),
        pytest.param(THAI.encode("cp874"), False, THAI, "cp874", "thai-bytes", id="th-cp874"),
        pytest.param(THAI.encode("utf-16-le"), False, THAI, "utf-16-le", "utf-16-pattern", id="th-utf16le-no-bom"),
        pytest.param(THAI.encode("utf-16-be"), False, THAI, "utf-16-be", "utf-16-pattern", id="th-utf16be-no-bom"),
        pytest.param(b'<meta charset="windows-874"><p>' + THAI.encode("cp874"), True,
                     '<meta charset="windows-874"><p>' + THAI, "cp874", "html-meta", id="th-html-meta"),
        pytest.param(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>' + CP1252_EN.encode("cp1252"), True,
                     '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>' + CP1252_EN, "cp1252", "html-meta",
                     id="en-html-meta-latin1-is-windows-1252"),
    ],
)
def test_encoding_and_how_it_was_chosen(data: bytes, html: bool, text: str, encoding: str, method: str) -> None:
    decoded = decode_text(data, html=html)
    assert (decoded.text, decoded.encoding, decoded.method, decoded.notes) == (text, encoding, method, [])


def test_meta_charset_is_ignored_outside_html_and_when_utf8_holds() -> None:
    data = b'<meta charset="windows-874"><p>' + THAI.encode()
    assert decode_text(data, html=True).encoding == "utf-8"


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        pytest.param(ENGLISH * 20, b"\x92", id="en"),
        pytest.param(THAI * 20, b"\xff", id="th"),
    ],
)
def test_utf8_with_a_stray_byte_keeps_its_text_and_says_so(text: str, stray: bytes) -> None:
    middle = len(text) // 2
    decoded = decode_text(text[:middle].encode() + stray + text[middle:].encode())
    assert decoded.text == text[:middle] + "\ufffd" + text[middle:]
    assert (decoded.encoding, decoded.method, decoded.notes) == ("utf-8", "utf-8-replaced", ["1 byte not valid UTF-8 replaced with U+FFFD"])


def test_utf8_mixed_with_windows_874_reads_both() -> None:
    english = "Privacy Policy / นโยบายความเป็นส่วนตัว\n"
    data = english.encode() + THAI.encode("cp874") + b"\n" + THAI.encode()
    decoded = decode_text(data)
    assert decoded.text == english + THAI + "\n" + THAI
    assert (decoded.encoding, decoded.method) == ("utf-8+cp874", "utf-8+cp874")
    assert decoded.notes == ["1 line not valid UTF-8 read as Windows-874 (Thai)"]


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

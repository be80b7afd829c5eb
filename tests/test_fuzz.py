"""A fuzz target on ingest + segmentation: arbitrary bytes either fail with an IngestError or segment cleanly.

CI runs a bounded number of examples (``FUZZ_EXAMPLES``, default 400); for a
longer hunt: ``FUZZ_EXAMPLES=100000 python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import codecs
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest.files import INGEST_ERROR_KINDS, IngestError, parse_document
from tests.segmentation_checks import check_segmentation

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
PREFIXES = [b"", b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"%PDF-", b"<html><body>", b"# ", b"\x00"]
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "cp874", "latin-1"]
POLICY_CHARS = st.sampled_from(list("We keep data. บริษัทเก็บข้อมูล ๓๐ วัน\n\r\t-•1.()<>&;:") + ["\u00a0", "\u200b", "\ufeff", "\x00", "\x85", "\u2028"])


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


payloads = st.one_of(
    st.binary(max_size=600),
    st.builds(encoded, st.text(POLICY_CHARS, max_size=400), st.sampled_from(ENCODINGS)),
    st.builds(encoded, st.text(max_size=200), st.sampled_from(ENCODINGS)),
)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(PREFIXES), payloads, st.booleans())
def test_any_bytes_fail_cleanly_or_segment_cleanly(prefix: bytes, payload: bytes, html: bool) -> None:
    name = "fuzz.html" if html else "fuzz.txt"
    try:
        document = parse_document(prefix + payload, name, name, is_html=html)
    except IngestError as error:
        assert error.kind in INGEST_ERROR_KINDS
        assert error.message and error.path == name
        return
    check_segmentation(document)

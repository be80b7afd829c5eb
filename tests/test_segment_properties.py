"""Property-based tests of ingest + segmentation: for any policy-like text, in English and in Thai."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest.files import IngestError, parse_document
from tests.segmentation_checks import check_segmentation

EXAMPLES_PER_LANGUAGE = 500

EN_WORDS = ["We", "collect", "your", "name", "and", "e-mail", "address", "(", ")", "e.g.", "Inc.", "U.S.", "data", "for", "30",
            "days", ";", ",", ":", ".", "?", "!", "“quoted”", "Privacy", "Policy", "GDPR", "https://example.com/a.b", "privacy@example.com", "3.2"]
TH_WORDS = ["บริษัท", "เก็บรวบรวม", "ข้อมูลส่วนบุคคล", "ของท่าน", "เพื่อ", "ให้บริการ", "และ", "หรือ", "ทั้งนี้", "เว้นแต่", "หาก", "ท่าน",
            "สามารถ", "ขอ", "ลบ", "ได้", "๓๐", "วัน", "(", ")", "“ท่าน”", "พ.ร.บ.", "ฯลฯ", "GDPR", "Cookies", "ๆ", "3.1", "ก)"]
SPACES = [" ", " ", " ", "  ", "\u00a0", "\u200b", "\t"]
MARKERS = ["", "", "", "- ", "* ", "• ", "1. ", "2) ", "(a) ", "ก) ", "3.1 ", "# ", "## ", "   - ", "      - "]
NEWLINES = ["\n", "\n", "\n\n", "\r\n", "\r", "\n \n"]


@st.composite
def policies(draw, words: list[str]) -> str:
    """A policy-like text: lines of words in the given language, with markers, headings, odd spaces and line ends."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        marker = draw(st.sampled_from(MARKERS))
        tokens = draw(st.lists(st.sampled_from(words + EN_WORDS[:4]), min_size=1, max_size=25))
        line = ""
        for token in tokens:
            line += token + draw(st.sampled_from(SPACES))
        lines.append(marker + line + draw(st.sampled_from(NEWLINES)))
    return "".join(lines)


@st.composite
def html_policies(draw) -> str:
    """The same lines as HTML: paragraphs, list items, headings, entities and inline markup."""
    parts = ["<html><body>"]
    for line in draw(policies(EN_WORDS + TH_WORDS)).splitlines():
        tag = draw(st.sampled_from(["p", "li", "h2", "div", "td"]))
        inline = draw(st.sampled_from(["", "<b>", "<a href='x'>"]))
        closing = {"": "", "<b>": "</b>", "<a href='x'>": "</a>"}[inline]
        body = line.replace("&", "&amp;").replace("<", "&lt;")
        parts.append(f"<{tag}>{inline}{body}{closing}&nbsp;</{tag}>")
    return "\n".join(parts) + "</body></html>"


def check_text(text: str, name: str) -> None:
    try:
        document = parse_document(text.encode("utf-8"), name, name, is_html=name.endswith(".html"))
    except IngestError as error:
        assert error.kind == "empty", error
        return
    check_segmentation(document)


@pytest.mark.parametrize("words", [EN_WORDS, TH_WORDS, EN_WORDS + TH_WORDS], ids=["en", "th", "mixed"])
def test_segmentation_invariants_hold_for_any_policy_text(words) -> None:
    @settings(max_examples=EXAMPLES_PER_LANGUAGE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(policies(words))
    def check(text: str) -> None:
        check_text(text, "policy.md")

    check()


@settings(max_examples=300, deadline=None)
@given(html_policies())
def test_segmentation_invariants_hold_for_html(text: str) -> None:
    check_text(text, "policy.html")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc .;:\n\r\t-•()“”") + ["\u00a0", "\u200b", "ก", "ข", "่", "า", "ำ", "๑", "1", "."]), max_size=120))
def test_segmentation_invariants_hold_for_character_soup(text: str) -> None:
    check_text(text, "soup.txt")

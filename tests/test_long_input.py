"""Long inputs cost time in proportion to their length, stage by stage (ingest and the text helpers).

Each case builds an input of ``n`` and of ``4 n`` units and compares the
processor time of the two in the same test: a linear path takes about four
times as long, a quadratic one sixteen. No wall-clock limit: the bound is a
ratio, with generous slack for a busy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pipeline.ingest.encoding import decode_text
from pipeline.ingest.files import IngestError, parse_document
from pipeline.ingest.html_text import extract_html_text
from pipeline.text.language import count_scripts, detect_language
from pipeline.text.normalize import heading_text, normalize_text

#: Growth allowed when the input grows four times: linear is 4, quadratic 16.
MAX_GROWTH = 8.0
#: Timings below this many seconds are read as this much: they are noise, not growth (a quadratic path
#: took seconds at these sizes; a linear one takes milliseconds, where a busy machine's jitter is a factor of two).
TIME_FLOOR = 0.02


def _seconds(function: Callable[[str], object], text: str) -> float:
    start = time.process_time()
    function(text)
    return time.process_time() - start


def growth(function: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """How much longer ``function`` takes on ``make(4 * n)`` than on ``make(n)``.

    The two sizes are timed in turn, five times each, and the least processor
    time of each is kept: a busy machine (or the suite's other process on a
    sibling core) slows both alike instead of one phase more than the other.
    """
    function(make(n // 4))  # lazy imports and caches out of the way
    small_text, large_text = make(n), make(4 * n)
    small = large = float("inf")
    for _ in range(5):
        small = min(small, _seconds(function, small_text))
        large = min(large, _seconds(function, large_text))
    return max(large, TIME_FLOOR) / max(small, TIME_FLOOR)


def _parse(fmt: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return parse_document(text.encode("utf-8"), f"long.{'html' if fmt == 'html' else 'txt'}", "long", format=fmt)
        except IngestError:  # a page of markup alone is empty: the time to find that out is what counts
            return None

    return parse


# A long run without spaces was quadratic in the address pattern (128k characters: 44 s; 64k of Thai: 15 s).
RUNS = [
    pytest.param(lambda n: "a" * n, id="en-letters"),
    pytest.param(lambda n: "ก" * n, id="th-letters"),
    pytest.param(lambda n: "aก" * (n // 2), id="mixed-letters"),
    pytest.param(lambda n: "." * n, id="dots"),
    pytest.param(lambda n: "x@" * (n // 2), id="at-signs"),
]


@pytest.mark.parametrize("make", RUNS)
@pytest.mark.parametrize("function", [detect_language, count_scripts], ids=["detect_language", "count_scripts"])
def test_language_of_a_long_run_is_linear(function, make) -> None:
    assert growth(function, make, 32_000) < MAX_GROWTH


TEXT_FILES = [
    *RUNS,
    pytest.param(lambda n: "[" * n, id="brackets"),
    pytest.param(lambda n: "[a](" * (n // 4), id="link-openers"),
    pytest.param(lambda n: "<" * n, id="angle-brackets"),
    pytest.param(lambda n: "_" * n, id="underscores"),
    pytest.param(lambda n: "*a" * (n // 2), id="stars"),
    pytest.param(lambda n: "Information We Collect\n" * (n // 23), id="en-title-lines"),
    pytest.param(lambda n: "แหล่งที่มาของข้อมูล\n" * (n // 20), id="th-title-lines"),
    pytest.param(lambda n: "ab\n" * (n // 3), id="short-lines"),
    pytest.param(lambda n: "- your name\n" * (n // 12), id="en-items"),
    pytest.param(lambda n: "ก) ชื่อของท่าน\n" * (n // 15), id="th-items"),
    pytest.param(lambda n: "| Data | Period |\n|---|---|\n" + "| Server logs | 90 days |\n" * (n // 25), id="markdown-table"),
    pytest.param(lambda n: "# Title\n" * (n // 8), id="markdown-headings"),
    pytest.param(lambda n: ("We keep logs " * 6 + "\n") * (n // 79), id="en-wrapped"),
]


@pytest.mark.parametrize("make", TEXT_FILES)
def test_text_file_structure_is_linear(make) -> None:
    assert growth(_parse("text"), make, 16_000) < MAX_GROWTH


HTML_PAGES = [
    pytest.param(lambda n: "<p>" + "a" * n + "</p>", id="en-run"),
    pytest.param(lambda n: "<p>" + "ข" * n + "</p>", id="th-run"),
    pytest.param(lambda n: "<div>" * (n // 5) + "We keep logs.", id="deep-nesting"),
    pytest.param(lambda n: "<span>" * (n // 6) + "บริษัทเก็บข้อมูล", id="deep-inline-nesting"),
    pytest.param(lambda n: "<svg>" * (n // 5) + "x", id="nested-svg"),
    pytest.param(lambda n: "<p>We keep logs." * (n // 16), id="unclosed-paragraphs"),
    pytest.param(lambda n: "<ul>" + "<li>ชื่อ</li>" * (n // 13) + "</ul>", id="list-items"),
    pytest.param(lambda n: "<table>" + "<tr><td>Logs</td><td>90 days</td></tr>" * (n // 38) + "</table>", id="huge-table"),
    pytest.param(lambda n: "<p " + "a=b " * (n // 4) + ">x</p>", id="many-attributes"),
    # An unterminated tag, comment or declaration at the end: the stdlib's fallback rescanned the rest for each '<'.
    pytest.param(lambda n: "<p>We keep logs.</p>" + "<b " * (n // 3), id="unterminated-tags"),
    pytest.param(lambda n: "<p>We keep logs.</p>" + "<!-- x>" * (n // 7), id="unterminated-comment"),
    pytest.param(lambda n: "<p>We keep logs.</p>" + "</b " * (n // 4), id="unterminated-end-tags"),
    pytest.param(lambda n: "<!--" + "-" * n, id="comment-of-dashes"),
    # A start tag whose quoted values hold '>' but which never ends: each '<' was rescanned to the end (8,000: 5 s).
    pytest.param(lambda n: "<a b='>'" * (n // 8) + " We keep logs.", id="quoted-gt-tags"),
    pytest.param(lambda n: '<a b=">"' * (n // 8) + " บริษัทเก็บข้อมูล", id="double-quoted-gt-tags"),
    # Marked sections whose closer is not in the page: each one searched the rest of the page again.
    pytest.param(lambda n: "<p>We keep logs.</p>" + "<![CDATA[>" * (n // 10), id="unclosed-cdata"),
    pytest.param(lambda n: "<p>บริษัทเก็บข้อมูล</p>" + "<![if x>" * (n // 8), id="unclosed-conditional"),
    # An "&#" that starts no reference stopped the parser; the end-of-page rules then rescanned the rest for each '<'.
    pytest.param(lambda n: "<p>x &#; y</p>" + "<a b='>'" * (n // 8), id="number-sign-then-quoted-gt-tags"),
    pytest.param(lambda n: "&#;" * (n // 3) + "<p>ท่านมีสิทธิ</p>", id="many-number-signs"),
]


@pytest.mark.parametrize("make", HTML_PAGES)
def test_html_extraction_is_linear(make) -> None:
    assert growth(extract_html_text, make, 16_000) < MAX_GROWTH


@pytest.mark.parametrize("make", [HTML_PAGES[0], HTML_PAGES[1], HTML_PAGES[9]])
def test_html_documents_are_linear(make) -> None:
    assert growth(_parse("html"), make, 16_000) < MAX_GROWTH


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<p>We keep logs.</p><b class='x' ", ["We keep logs."]),
        ("<p>บริษัทเก็บข้อมูล</p><!-- note", ["บริษัทเก็บข้อมูล"]),
        ("<p>We keep logs.</p><![ x y> <p>We delete them.</p>", ["We keep logs.", "We delete them."]),
        ("<p>บริษัทเก็บข้อมูล</p>ท่านมีสิทธิ</p", ["บริษัทเก็บข้อมูล", "ท่านมีสิทธิ"]),
        ("<p>We keep logs.</p><a b='>'<a b='>' We sell nothing.", ["We keep logs."]),
        ("<p>บริษัทเก็บข้อมูล</p><![CDATA[>ท่านมีสิทธิ", ["บริษัทเก็บข้อมูล", "ท่านมีสิทธิ"]),
        ("<p>We keep logs.</p><![CDATA[ x ]]><p>We delete them.</p>", ["We keep logs.", "We delete them."]),
    ],
    ids=["en-unterminated-tag", "th-unterminated-comment", "en-bogus-marked-section", "th-unterminated-end-tag",
         "en-tag-with-quoted-gt", "th-unclosed-cdata", "en-closed-cdata"],
)
def test_unterminated_markup_at_the_end_shows_nothing(page: str, expected: list[str]) -> None:
    assert extract_html_text(page).view.splitlines() == expected


DECODER_INPUTS = [
    pytest.param(lambda n: "a" * n, id="en-ascii"),
    pytest.param(lambda n: "ก" * n, id="th-utf8"),
    pytest.param(lambda n: ("We keep logs.\n" + "บริษัท\n") * (n // 21), id="mixed-lines"),
]


@pytest.mark.parametrize("make", DECODER_INPUTS)
@pytest.mark.parametrize("encode", [lambda text: text.encode("utf-8") + b"\xff", lambda text: text.encode("cp874", "replace")],
                         ids=["utf8-stray-byte", "cp874"])
def test_decoding_is_linear(make, encode) -> None:
    assert growth(lambda text: decode_text(encode(text)), make, 64_000) < MAX_GROWTH


NORMALIZE_INPUTS = [
    pytest.param(lambda n: "*a" * (n // 2), "en", id="en-stars"),
    pytest.param(lambda n: "_a " * (n // 3), "en", id="en-underscores"),
    pytest.param(lambda n: "[b=" * (n // 3), "en", id="en-bbcode-openers"),
    pytest.param(lambda n: "<b " * (n // 3), "en", id="en-tag-openers"),
    pytest.param(lambda n: "**ข" * (n // 3), "th", id="th-emphasis"),
    pytest.param(lambda n: "ข\u200b" * (n // 2), "th", id="th-zero-width"),
]


@pytest.mark.parametrize(("make", "lang"), NORMALIZE_INPUTS)
def test_normalizing_is_linear(make, lang) -> None:
    assert growth(lambda text: normalize_text(text, lang), make, 16_000) < MAX_GROWTH
    assert growth(heading_text, make, 16_000) < MAX_GROWTH

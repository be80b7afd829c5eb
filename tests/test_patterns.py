"""Gated patterns: the literal gates never change what a pattern matches."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.attributes import vocabulary
from pipeline.attributes.matching import compiled, syllable_safe
from pipeline.classify.lexicon import CONCEPTS
from pipeline.text.patterns import GatedPattern, build_literal_index, found_literals, prefix_literals, required_literals

def _unescaped(pattern: str) -> str:
    """A pattern without its escapes (\\b, \\s, ...), so that the words left are words of the vocabulary."""
    return re.sub(r"\\[A-Za-z]", " ", pattern)


TABLE_PATTERNS = sorted(
    {
        syllable_safe(pattern)
        for table in vars(vocabulary).values()
        if isinstance(table, dict)
        for entry in table.values()
        if isinstance(entry, tuple) and len(entry) == 2
        for pattern in entry[1]
    }
)
# Words of the vocabulary itself, so that random texts hit the patterns often.
FRAGMENTS = sorted({word for pattern in TABLE_PATTERNS for word in re.findall(r"[A-Za-z]{3,}|[\u0e00-\u0e7f]{2,}", _unescaped(pattern))})
TEXTS = st.lists(st.sampled_from(FRAGMENTS + [" ", " ", ", ", ". ", "(", ")", "-", "Ü", "ß", "K", "30", "๓๐"]), max_size=30).map("".join)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bright to (?:erasure|be forgotten)\b", {"right to "}),
        (r"\bGDPR\b|general data protection regulation", {"gdpr", "general data protection regulation"}),
        ("ขอลบ|ลบข้อมูล(?:ส่วนบุคคล)?", {"ขอลบ", "ลบข้อมูล"}),
        (r"(?<![เแโใไ])สิทธิ(?![่])", {"สิทธิ"}),
        (r"\d+ days?", {" day"}),
        (r"\d+|x", None),
        (r"[A-Z]{2}\d", None),
    ],
)
def test_required_literals(pattern, literals) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"\bYou (?:may|can)\b", {"you "}),
        (r"(?<![เแโใไ])สิทธิ(?![่])", {"สิทธิ"}),
        ("(?:ขอ|ร้องขอ)ลบ", {"ขอ", "ร้องขอ"}),
        (r"\b(?:data )?processors?", None),
        (r"\d+ days?", None),
    ],
)
def test_prefix_literals(pattern, prefixes) -> None:
    found = prefix_literals(pattern)
    assert (None if found is None else set(found)) == prefixes


@pytest.mark.parametrize(
    ("text", "found"),
    [("Data Protection Act", {"data", "data protection"}), ("the date", set()), ("ข้อมูลส่วนบุคคลของท่าน", {"ข้อมูล", "ข้อมูลส่วนบุคคล"})],
)
def test_the_index_reports_every_literal_even_inside_a_longer_one(text, found) -> None:
    GatedPattern(r"\bdata(?: protection)?\b|ข้อมูล(?:ส่วนบุคคล)?", alternatives=(r"\bdata protection\b", r"\bdata\b", "ข้อมูลส่วนบุคคล", "ข้อมูล"))
    build_literal_index()
    assert found_literals(text) & {"data", "data protection", "ข้อมูล", "ข้อมูลส่วนบุคคล"} == found


@pytest.mark.parametrize("pattern", [r"(?i)data", r"a{,3}b", "(unclosed", r"\N{LATIN SMALL LETTER A}x", "x\\"])
def test_patterns_the_reader_does_not_know_get_no_gate(pattern) -> None:
    assert required_literals(pattern) is None
    assert prefix_literals(pattern) is None


TABLE_ENTRIES = sorted(
    {
        entry[1]
        for table in vars(vocabulary).values()
        if isinstance(table, dict)
        for entry in table.values()
        if isinstance(entry, tuple) and len(entry) == 2
    }
)


@functools.cache
def plain_patterns() -> list[tuple[tuple[str, ...], re.Pattern]]:
    """Every vocabulary pattern with its plain compiled form (compiled once: there are more than re's own cache holds)."""
    return [
        (patterns, re.compile("|".join(f"(?:{syllable_safe(p)})" for p in patterns), re.IGNORECASE))
        for patterns in [(pattern,) for pattern in TABLE_PATTERNS] + TABLE_ENTRIES
    ]


@pytest.mark.parametrize("indexed", [False, True], ids=["substring-gates", "literal-index"])
@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_gated_search_finds_what_the_plain_pattern_finds(indexed, text) -> None:
    if indexed:
        for patterns in TABLE_ENTRIES:
            compiled(patterns)
        build_literal_index()
    for patterns, plain in plain_patterns():
        gated = compiled(patterns)
        assert (gated.search(text) is None) == (plain.search(text) is None) == (not gated.occurs(text)), (patterns, text)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_the_literal_index_finds_every_literal_that_occurs(text) -> None:
    patterns = [GatedPattern(r"\b(?:" + "|".join(re.escape(stem) for stem in english) + ")") for english, _ in CONCEPTS.values()]
    build_literal_index()
    found = found_literals(text)
    lowered = text.casefold()
    for pattern in patterns:
        assert {literal for literal in pattern.gate if literal in lowered} <= found


def test_every_vocabulary_word_is_found_through_the_literal_index() -> None:
    """Each word of the vocabulary, in a sentence of its own, is matched by the gated patterns exactly as by plain ones."""
    for patterns in TABLE_ENTRIES:
        compiled(patterns)
    build_literal_index()
    for patterns in TABLE_ENTRIES:
        gated = compiled(patterns)
        plain = re.compile("|".join(f"(?:{syllable_safe(p)})" for p in patterns), re.IGNORECASE)
        words = {word for pattern in patterns for word in re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{2,})*|[\u0e00-\u0e7f]{2,}", _unescaped(pattern))}
        for word in words:
            for text in (f"We note {word} here.", f"บริษัท{word}ของท่าน", word.upper()):
                assert gated.occurs(text) == (plain.search(text) is not None), (patterns, text)

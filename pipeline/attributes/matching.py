"""Compiled forms of the vocabulary tables and the lookups the extractors share.

Each table entry compiles to one :class:`pipeline.text.patterns.GatedPattern`, so a
clause is scanned only by the patterns whose literals it contains.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.patterns import GatedPattern, GateTable
from .vocabulary import Table

# A Thai term must match whole syllables: not end before a vowel or tone mark
# that belongs to its last consonant ("ข้อมูล|บัตร" is not "ลบ"), nor start
# after a leading vowel that belongs to its first ("เชื่อ" is not "ชื่อ").
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_THAI_CONSONANT = re.compile("[ก-ฮ]")


def syllable_safe(pattern: str) -> str:
    """``pattern`` with syllable guards where it starts or ends with a Thai consonant."""
    if _THAI_CONSONANT.match(pattern):
        pattern = f"(?<![เแโใไ]){pattern}"
    if _THAI_CONSONANT.match(pattern[-1:]):
        pattern = f"{pattern}(?![{_THAI_MARKS}])"
    return pattern


@lru_cache(maxsize=None)
def compiled(patterns: tuple[str, ...]) -> GatedPattern:
    """One case-insensitive pattern matching any of ``patterns``, Thai terms guarded by :func:`syllable_safe`."""
    alternatives = tuple(syllable_safe(pattern) for pattern in patterns)
    return GatedPattern("|".join(f"(?:{alternative})" for alternative in alternatives), alternatives=alternatives)


def mentions(text: str, patterns: tuple[str, ...]) -> bool:
    """True when any of ``patterns`` occurs in ``text``."""
    return compiled(patterns).occurs(text)


def codes_in(text: str, table: Table) -> list[str]:
    """The codes of ``table`` whose wording occurs in ``text``, in table order.

    >>> from .vocabulary import LAWS
    >>> codes_in("Under the GDPR and พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล", LAWS)
    ['gdpr', 'pdpa_th']
    """
    candidates = _gate_table(table).candidates(text)
    return [code for code, (_, patterns) in table.items() if code in candidates and mentions(text, patterns)]


#: Table id -> (the table, its gates). Each entry holds its table, so no other table can take that id while the entry exists.
_GATE_TABLES: dict[int, tuple[Table, GateTable]] = {}


def _gate_table(table: Table) -> GateTable:
    """The gates of every code of ``table`` (tables are dicts, so unhashable: found by the id its entry keeps valid)."""
    if id(table) not in _GATE_TABLES:
        _GATE_TABLES[id(table)] = (table, GateTable({code: compiled(patterns).gate for code, (_, patterns) in table.items()}))
    return _GATE_TABLES[id(table)][1]

"""Compiled forms of the vocabulary tables and the lookups the extractors share."""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import Table


@lru_cache(maxsize=None)
def compiled(patterns: tuple[str, ...]) -> re.Pattern:
    """One case-insensitive pattern matching any of ``patterns``."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def mentions(text: str, patterns: tuple[str, ...]) -> bool:
    """True when any of ``patterns`` occurs in ``text``."""
    return compiled(patterns).search(text) is not None


def codes_in(text: str, table: Table) -> list[str]:
    """The codes of ``table`` whose wording occurs in ``text``, in table order.

    >>> from .vocabulary import LAWS
    >>> codes_in("Under the GDPR and พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล", LAWS)
    ['gdpr', 'pdpa_th']
    """
    return [code for code, (_, patterns) in table.items() if mentions(text, patterns)]

"""Normalization of what clauses say into language-independent attribute codes (see DESIGN.md)."""

from .durations import Duration, DurationMention, find_durations, parse_duration
from .extract import (
    ATTRIBUTE_FAMILIES,
    EXTRACTORS,
    extract_attributes,
    extract_clause_attributes,
)



def reset_caches() -> None:
    """Empty the per-text caches of the extractors (the durations found in a clause)."""
    find_durations.cache_clear()


__all__ = [
    "ATTRIBUTE_FAMILIES",
    "EXTRACTORS",
    "Duration",
    "DurationMention",
    "extract_attributes",
    "extract_clause_attributes",
    "find_durations",
    "parse_duration",
    "reset_caches",
]

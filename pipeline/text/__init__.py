"""Character-level text helpers shared by every stage: blank characters and spans, language identification, normalization, literal-gated patterns."""


def reset_caches() -> None:
    """Empty the per-text caches of the literal-gated patterns (case-folded texts, literals found in a text)."""
    from .patterns import folded, found_literals

    folded.cache_clear()
    found_literals.cache_clear()

"""Clause classification: the scikit-learn estimator, its features, saving and loading models, and training."""


def reset_caches() -> None:
    """Empty the per-text caches of the features: word tokens, lexicon concepts and sentence embeddings."""
    from .embeddings import forget_embeddings
    from .features import word_tokens
    from .lexicon import concept_text

    word_tokens.cache_clear()
    concept_text.cache_clear()
    forget_embeddings()

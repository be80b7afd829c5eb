"""Segmentation: split a structured document into clauses (English with spaCy, Thai with PyThaiNLP) and keep headings as context."""

#: Strings spaCy's vocabulary may hold before its pipeline is built again: the vocabulary keeps
#: every new word it sees, which over a million policies would grow without bound.
DEFAULT_MAX_SPACY_STRINGS = 500_000


def reset_caches(max_spacy_strings: int = DEFAULT_MAX_SPACY_STRINGS) -> None:
    """Drop the shared spaCy pipeline once its vocabulary holds more than ``max_spacy_strings`` strings.

    Rebuilding it takes a fifth of a second, so it is rebuilt when its
    vocabulary is large, not for every document; the clauses do not depend
    on what the vocabulary has seen.
    """
    from .english import load_english_pipeline

    if load_english_pipeline.cache_info().currsize and len(load_english_pipeline().vocab.strings) > max_spacy_strings:
        load_english_pipeline.cache_clear()

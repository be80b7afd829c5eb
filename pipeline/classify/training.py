"""Train the clause classifier on labeled rows and save it as a model directory."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..config import DEFAULT_LABELED_DIR, DEFAULT_MODEL_NAME, DEFAULT_MODEL_VERSION
from ..evaluation.categories import compare_designs, cross_validate
from .features import ORDER_COLUMNS, labeled_inputs
from ..datasets.corpus import CORPUS_SOURCE_PREFIX, corpus_frame, load_corpus
from ..datasets.labeled import LABELED_COLUMNS, frame_sha256, load_labeled, source_fingerprints, split_labels
from .estimator import DEFAULT_DESIGN, OPTIONAL_DESIGNS, ClauseClassifier, available_designs
from .persistence import save_model


def training_frame(
    labeled: Iterable[str | Path] = (DEFAULT_LABELED_DIR,),
    opp115: str | Path | None = None,
    corpora: Iterable[str | Path] = (),
) -> pd.DataFrame:
    """Labeled rows from files and folders, the gold clauses of corpus folders, and OPP-115 when its folder is given."""
    frames = []
    labeled = list(labeled)
    if labeled:
        frames.append(load_labeled(labeled))
    for corpus in corpora:
        frames.append(corpus_frame(load_corpus(corpus)).loc[:, [*LABELED_COLUMNS, *ORDER_COLUMNS]])
    if opp115 is not None:
        from ..datasets.opp115 import load_opp115

        frames.append(load_opp115(opp115))
    if not frames:
        raise ValueError("nothing to train on: give labeled files, a corpus folder or an OPP-115 folder")
    return pd.concat(frames, ignore_index=True)


def fit_classifier(frame: pd.DataFrame, design: str = DEFAULT_DESIGN) -> ClauseClassifier:
    """Fit on every row, with thresholds tuned on folds grouped by ``source``."""
    model = ClauseClassifier(design=design)
    return model.fit(labeled_inputs(frame), [split_labels(labels) for labels in frame["labels"]], groups=list(frame["source"]))


def real_rows(frame: pd.DataFrame) -> pd.Series:
    """Which rows are gold clauses of real documents (a corpus folder), the rows models are scored on."""
    return frame["source"].str.startswith(CORPUS_SOURCE_PREFIX)


#: Designs within this micro-F1 of the best count as tied; the tie goes to cross-lingual transfer.
DEFAULT_DESIGN_TOLERANCE = 0.005


def choose_design(comparison: dict[str, dict]) -> str:
    """The design with the best cross-validated micro-F1, preferring better English-to-Thai transfer among near-ties.

    Designs that need an optional package are measured but never chosen: a
    model must run on the default install.
    """
    candidates = {name: scores for name, scores in comparison.items() if name not in OPTIONAL_DESIGNS}
    best = max(scores["all_micro_f1"] for scores in candidates.values())
    tied = [name for name, scores in candidates.items() if scores["all_micro_f1"] >= best - DEFAULT_DESIGN_TOLERANCE]
    return max(tied, key=lambda name: candidates[name]["en_to_th_micro_f1"])


def train_model(
    labeled: Iterable[str | Path] = (DEFAULT_LABELED_DIR,),
    out_dir: str | Path | None = None,
    folds: int = 5,
    opp115: str | Path | None = None,
    corpora: Iterable[str | Path] = (),
    design: str | None = None,
    compare: bool = False,
    name: str = DEFAULT_MODEL_NAME,
    version: str = DEFAULT_MODEL_VERSION,
) -> tuple[ClauseClassifier, dict]:
    """Fit on every labeled row, measure, save; return the model and its metrics.

    Scores come from grouped cross-validation (``folds``; 0 skips it): on the
    gold clauses of the ``corpora`` when there are any (real documents, a
    policy and its translation in the same fold, every other row joining each
    training fold), on all rows otherwise. ``compare`` first scores every
    design this installation can train (:func:`pipeline.classify.estimator.available_designs`) the same way, keeps the
    one :func:`choose_design` picks, and records the comparison. ``out_dir``
    None trains and measures without saving.
    """
    frame = training_frame(labeled, opp115, corpora)
    real = real_rows(frame)
    scored, extra = (frame[real], frame[~real]) if real.any() else (frame, None)
    metrics: dict = {
        "training_rows": len(frame),
        "rows_per_language": {str(k): int(v) for k, v in frame["lang"].value_counts().items()},
        "rows_per_kind": {str(k): int(v) for k, v in frame["source"].str.split(":").str[0].value_counts().items()},
        "scored_on": "gold clauses of real documents, document-grouped" if real.any() else "all rows, grouped by source",
    }
    design = design or DEFAULT_DESIGN
    if compare:
        comparison = compare_designs(scored, available_designs(), folds or 5, extra_training=extra)
        design = choose_design(comparison)
        metrics["design_comparison"] = comparison
    metrics["design"] = design
    if folds:
        metrics["cross_validation"] = cross_validate(scored, folds, design, extra_training=extra)
    model = fit_classifier(frame, design)
    if out_dir is not None:
        save_model(model, out_dir, frame_sha256(frame), len(frame), metrics, name, version, source_fingerprints(frame))
    return model, metrics

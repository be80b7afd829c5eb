"""Train the clause classifier on labeled rows and save it as a model directory."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..config import DEFAULT_LABELED_DIR, DEFAULT_MODEL_DIR
from ..evaluation.categories import compare_designs, cross_validate
from .features import labeled_inputs
from ..datasets.labeled import frame_sha256, load_labeled, split_labels
from .model import DEFAULT_DESIGN, DESIGNS, ClauseClassifier, save_model


def training_frame(labeled: Iterable[str | Path] = (DEFAULT_LABELED_DIR,), opp115: str | Path | None = None) -> pd.DataFrame:
    """Labeled rows from files and folders, plus the OPP-115 corpus when its folder is given."""
    frames = []
    labeled = list(labeled)
    if labeled:
        frames.append(load_labeled(labeled))
    if opp115 is not None:
        from ..datasets.opp115 import load_opp115

        frames.append(load_opp115(opp115))
    if not frames:
        raise ValueError("nothing to train on: give labeled files or an OPP-115 folder")
    return pd.concat(frames, ignore_index=True)


def fit_classifier(frame: pd.DataFrame, design: str = DEFAULT_DESIGN) -> ClauseClassifier:
    """Fit on every row, with thresholds tuned on folds grouped by ``source``."""
    model = ClauseClassifier(design=design)
    return model.fit(labeled_inputs(frame), [split_labels(labels) for labels in frame["labels"]], groups=list(frame["source"]))


#: Designs within this micro-F1 of the best count as tied; the tie goes to cross-lingual transfer.
DEFAULT_DESIGN_TOLERANCE = 0.005


def choose_design(comparison: dict[str, dict]) -> str:
    """The design with the best cross-validated micro-F1, preferring better English-to-Thai transfer among near-ties."""
    best = max(scores["all_micro_f1"] for scores in comparison.values())
    tied = [name for name, scores in comparison.items() if scores["all_micro_f1"] >= best - DEFAULT_DESIGN_TOLERANCE]
    return max(tied, key=lambda name: comparison[name]["en_to_th_micro_f1"])


def train_model(
    labeled: Iterable[str | Path] = (DEFAULT_LABELED_DIR,),
    out_dir: str | Path = DEFAULT_MODEL_DIR,
    folds: int = 5,
    opp115: str | Path | None = None,
    design: str = DEFAULT_DESIGN,
    compare: bool = False,
) -> tuple[ClauseClassifier, dict]:
    """Fit on every labeled row, measure, save; return the model and its metrics.

    ``folds=0`` skips the cross-validation. ``compare`` first scores every
    design in :data:`pipeline.classify.model.DESIGNS`, keeps the one
    :func:`choose_design` picks, and records the comparison in the metrics.
    """
    frame = training_frame(labeled, opp115)
    metrics: dict = {
        "training_rows": len(frame),
        "rows_per_language": {str(k): int(v) for k, v in frame["lang"].value_counts().items()},
    }
    if compare:
        comparison = compare_designs(frame, list(DESIGNS), folds or 5)
        design = choose_design(comparison)
        metrics["design_comparison"] = comparison
    metrics["design"] = design
    if folds:
        metrics["cross_validation"] = cross_validate(frame, folds, design)
    model = fit_classifier(frame, design)
    save_model(model, out_dir, frame_sha256(frame), len(frame), metrics)
    return model, metrics

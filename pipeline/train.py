"""Train the clause classifier on labeled rows and save it as a model directory."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .config import DEFAULT_LABELED_DIR, DEFAULT_MODEL_DIR
from .evaluate import cross_validate
from .features import labeled_inputs
from .labeled import frame_sha256, load_labeled, split_labels
from .model import ClauseClassifier, save_model


def train_model(
    labeled: Iterable[str | Path] = (DEFAULT_LABELED_DIR,),
    out_dir: str | Path = DEFAULT_MODEL_DIR,
    folds: int = 5,
) -> tuple[ClauseClassifier, dict]:
    """Fit on every labeled row, measure by grouped cross-validation, save, return model and metrics.

    ``folds=0`` skips the cross-validation (metrics then hold only row counts).
    """
    frame = load_labeled(labeled)
    metrics: dict = {
        "training_rows": len(frame),
        "rows_per_language": frame["lang"].value_counts().to_dict(),
    }
    if folds:
        metrics["cross_validation"] = cross_validate(frame, folds)
    model = ClauseClassifier().fit(labeled_inputs(frame), [split_labels(labels) for labels in frame["labels"]])
    save_model(model, out_dir, frame_sha256(frame), len(frame), metrics)
    return model, metrics

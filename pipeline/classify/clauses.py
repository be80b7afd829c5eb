"""Classify: multi-label category scores and labels for each clause."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..config import DEFAULT_MODEL_DIR
from ..export.tables import score_column
from .features import model_inputs
from .model import ClauseClassifier, load_model


def classify_clauses(frame: pd.DataFrame, model: ClauseClassifier) -> pd.DataFrame:
    """Return ``frame`` with a ``labels`` column and one ``score_<category>`` column per category.

    ``frame`` needs ``text_norm``, ``section_path`` and ``lead_in`` columns.
    """
    inputs = model_inputs(frame["text_norm"], frame["section_path"], frame["lead_in"])
    scores = model.predict_proba(inputs)
    result = frame.copy()
    result["labels"] = model.decide(scores)
    for column, label in enumerate(model.labels_):
        result[score_column(label)] = scores[:, column].astype("float32")
    return result


def load_default_model(model_dir: str | Path | None = None) -> tuple[ClauseClassifier, dict]:
    """Load the model in ``model_dir``, or the shipped default model."""
    return load_model(model_dir or DEFAULT_MODEL_DIR)

"""Classify: multi-label category scores and labels for each clause."""

from __future__ import annotations

import pandas as pd

from ..export.tables import score_column
from .features import clause_inputs
from .estimator import ClauseClassifier


def classify_clauses(frame: pd.DataFrame, model: ClauseClassifier) -> pd.DataFrame:
    """Return ``frame`` with a ``labels`` column and one ``score_<category>`` column per category.

    ``frame`` holds the clauses of one policy in order, with ``text_norm``,
    ``section_path`` and ``lead_in`` columns; the model may also read each
    clause's neighbours and its position in the policy.
    """
    scores = model.predict_proba(clause_inputs(frame))
    result = frame.copy()
    result["labels"] = model.decide(scores)
    for column, label in enumerate(model.labels_):
        result[score_column(label)] = scores[:, column].astype("float32")
    return result

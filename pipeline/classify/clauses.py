"""Classify: multi-label category scores and labels for each clause."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
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
    labels, scores = score_clauses(frame["text_norm"], frame["section_path"], frame["lead_in"], model)
    columns = {"labels": labels, **{score_column(label): scores[:, column] for column, label in enumerate(model.labels_)}}
    return pd.concat([frame.drop(columns=[name for name in columns if name in frame.columns]), pd.DataFrame(columns, index=frame.index)], axis=1)


def score_clauses(
    texts: Iterable[str], section_paths: Iterable[Iterable[str]], lead_ins: Iterable[str | None], model: ClauseClassifier
) -> tuple[list[list[str]], np.ndarray]:
    """The labels of the clauses of one policy, in order, and their scores (float32, one column per label in ``model.labels_`` order)."""
    scores = model.predict_proba(clause_inputs({"text_norm": list(texts), "section_path": list(section_paths), "lead_in": list(lead_ins)}))
    return model.decide(scores), scores.astype("float32")

"""Active learning: export the clauses the model is least sure about, for a person to label."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..export.atomic import atomic_write
from ..export.tables import score_column
from ..datasets.labeled import LABELED_COLUMNS, SECTION_SEPARATOR
from ..classify.estimator import ClauseClassifier

DEFAULT_EXPORT_ROWS = 50


def threshold_margins(clauses: pd.DataFrame, model: ClauseClassifier) -> np.ndarray:
    """For each clause and category (in ``model.labels_`` order), how far its score is from the threshold."""
    scores = clauses[[score_column(label) for label in model.labels_]].to_numpy(dtype=float)
    return np.abs(scores - model.thresholds_)


def uncertainty_margins(clauses: pd.DataFrame, model: ClauseClassifier) -> np.ndarray:
    """For each clause, how close its closest category score is to that category's threshold."""
    return threshold_margins(clauses, model).min(axis=1)


def least_certain(clauses: pd.DataFrame, model: ClauseClassifier, rows: int = DEFAULT_EXPORT_ROWS) -> pd.DataFrame:
    """The ``rows`` least certain clauses as labeled-corpus rows, predicted labels pre-filled.

    Identical texts are exported once.
    """
    order = np.argsort(uncertainty_margins(clauses, model), kind="stable")
    chosen = clauses.iloc[order].drop_duplicates("text_norm").head(rows)
    return pd.DataFrame(
        {
            "text": chosen["text_norm"].to_numpy(),
            "lang": chosen["lang"].to_numpy(),
            "labels": ["|".join(labels) for labels in chosen["labels"]],
            "section_path": [SECTION_SEPARATOR.join(path) for path in chosen["section_path"]],
            "lead_in": chosen["lead_in"].fillna("").to_numpy(),
            "source": [f"label-export:{doc_id}" for doc_id in chosen["doc_id"]],
        },
        columns=list(LABELED_COLUMNS),
    )


def export_for_labeling(table: str | Path, out: str | Path, model: ClauseClassifier, rows: int = DEFAULT_EXPORT_ROWS) -> pd.DataFrame:
    """Read a clause table, pick its least certain clauses and write them as a labeled CSV."""
    frame = least_certain(pd.read_parquet(table), model, rows)
    atomic_write(out, lambda temporary: frame.to_csv(temporary, index=False, encoding="utf-8"))
    return frame

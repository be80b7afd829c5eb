"""Active learning: export the clauses the model is least sure about, for a person to label."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..export.atomic import atomic_write
from ..export.tables import read_table, score_column
from ..datasets.labeled import LABELED_COLUMNS, SECTION_SEPARATOR
from ..classify.estimator import ClauseClassifier
from ..classify.features import ORDER_COLUMNS, document_order

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

    Identical texts are exported once. Each row carries the clauses before and
    after it and its position in its policy (:data:`ORDER_COLUMNS`), so that a
    model retrained on the correction sees the inputs it sees at run time.
    """
    clauses = clauses.join(_order_columns(clauses))
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
            **{column: chosen[column].to_numpy() for column in ORDER_COLUMNS},
        },
        columns=[*LABELED_COLUMNS, *ORDER_COLUMNS],
    )


def _order_columns(clauses: pd.DataFrame) -> pd.DataFrame:
    """:data:`ORDER_COLUMNS` of every clause, from the clauses of its document in table order."""
    parts = []
    for _, document in clauses.groupby("doc_id", sort=False):
        parts.append(pd.DataFrame(document_order(list(document["text_norm"])), index=document.index))
    return pd.concat(parts) if parts else pd.DataFrame(columns=list(ORDER_COLUMNS), index=clauses.index)


def export_for_labeling(table: str | Path, out: str | Path, model: ClauseClassifier, rows: int = DEFAULT_EXPORT_ROWS) -> pd.DataFrame:
    """Read a clause table, pick its least certain clauses and write them as a labeled CSV."""
    frame = least_certain(read_table(table, "clause table"), model, rows)
    atomic_write(out, lambda temporary: frame.to_csv(temporary, index=False, encoding="utf-8"))
    return frame

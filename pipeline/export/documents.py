"""Per-document summary: one row per policy with what it covers and what it states."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..attributes import ATTRIBUTE_FAMILIES
from ..config import CATEGORIES
from .tables import DOCUMENT_SCHEMA, empty_frame

def summarize_documents(clauses: pd.DataFrame, headings: pd.DataFrame | None = None) -> pd.DataFrame:
    """The document table of a clause table (with labels and attribute columns), one row per ``doc_id``.

    Attribute lists are the distinct values of the document's clauses, in the
    order the policy states them. ``furniture_blocks`` counts the blocks of page
    furniture (menus, banners, footers, front matter) of the heading table
    ``headings`` (0 without it): text of the file that is neither clause nor heading.
    """
    if clauses.empty:
        return empty_frame(DOCUMENT_SCHEMA)
    furniture: Counter = Counter()
    if headings is not None and not headings.empty and "kind" in headings:
        furniture.update(headings.loc[headings["kind"] == "furniture", "doc_id"])
    rows = []
    for doc_id, document in clauses.sort_values(["doc_id", "clause_index"]).groupby("doc_id", sort=True):
        counts = Counter(label for labels in document["labels"] for label in labels)
        first = document.iloc[0]
        row = {
            "doc_id": doc_id,
            "source_path": first["source_path"],
            "doc_sha256": first["doc_sha256"],
            "languages": [lang for lang, _ in Counter(document["lang"]).most_common()],
            "clauses": len(document),
            "categories": [category for category in CATEGORIES if counts[category]],
            "category_counts": [(category, counts[category]) for category in CATEGORIES if counts[category]],
            "furniture_blocks": furniture[doc_id],
            "pipeline_version": first["pipeline_version"],
            "model_version": first["model_version"],
            "run_id": first["run_id"],
        }
        for family in ATTRIBUTE_FAMILIES:
            row[family] = _distinct(value for values in document[family] for value in values)
        rows.append(row)
    return pd.DataFrame(rows, columns=DOCUMENT_SCHEMA.names)


def _distinct(values) -> list:
    seen, kept = set(), []
    for value in values:
        key = tuple(sorted(value.items())) if isinstance(value, dict) else value
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept

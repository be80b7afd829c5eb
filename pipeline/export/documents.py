"""Per-document summary: one row per policy with what it covers and what it states."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from ..attributes import ATTRIBUTE_FAMILIES
from ..config import CATEGORIES
from .tables import DOCUMENT_SCHEMA


def summarize_documents(clauses: pa.Table, headings: pa.Table | None = None) -> pa.Table:
    """The document table of a clause table (with labels and attribute columns), one row per ``doc_id``.

    Attribute lists are the distinct values of the document's clauses, in the
    order the policy states them. ``furniture_blocks`` counts the blocks of page
    furniture (menus, banners, footers, front matter) of the heading table
    ``headings`` (0 without it): text of the file that is neither clause nor heading.
    Computed from the same Arrow tables that are written and cached, so a
    fresh and a reused document give the same row.
    """
    furniture: Counter = Counter()
    if headings is not None and headings.num_rows and "kind" in headings.column_names:
        furniture.update(doc_id for doc_id, kind in zip(headings["doc_id"].to_pylist(), headings["kind"].to_pylist()) if kind == "furniture")
    names = ["doc_id", "clause_index", "source_path", "doc_sha256", "lang", "labels", *ATTRIBUTE_FAMILIES, "pipeline_version", "model_version", "run_id"]
    columns = {name: clauses[name].to_pylist() for name in names}
    by_document: dict[str, list[int]] = {}
    for position, doc_id in sorted(enumerate(columns["doc_id"]), key=lambda item: (item[1], columns["clause_index"][item[0]])):
        by_document.setdefault(doc_id, []).append(position)
    rows = []
    for doc_id, positions in by_document.items():
        counts = Counter(label for position in positions for label in columns["labels"][position])
        first = positions[0]
        row = {
            "doc_id": doc_id,
            "source_path": columns["source_path"][first],
            "doc_sha256": columns["doc_sha256"][first],
            "languages": [lang for lang, _ in Counter(columns["lang"][position] for position in positions).most_common()],
            "clauses": len(positions),
            "categories": [category for category in CATEGORIES if counts[category]],
            "category_counts": [(category, counts[category]) for category in CATEGORIES if counts[category]],
            "furniture_blocks": furniture[doc_id],
            "pipeline_version": columns["pipeline_version"][first],
            "model_version": columns["model_version"][first],
            "run_id": columns["run_id"][first],
        }
        for family in ATTRIBUTE_FAMILIES:
            row[family] = _distinct(value for position in positions for value in columns[family][position])
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def _distinct(values) -> list:
    seen, kept = set(), []
    for value in values:
        key = tuple(sorted(value.items())) if isinstance(value, dict) else value
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept

"""Per-document summary: one row per policy with what it covers and what it states."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..attributes import ATTRIBUTE_FAMILIES
from ..attributes.durations import describe_value
from ..config import CATEGORIES
from .tables import DOCUMENT_SCHEMA, empty_frame

_SHOWN = (
    ("rights", "Rights"),
    ("laws", "Laws"),
    ("data_types", "Data types"),
    ("recipients", "Recipients"),
    ("purposes", "Purposes"),
    ("transfer_mechanisms", "Transfer mechanisms"),
    ("security_measures", "Security measures"),
)


def summarize_documents(clauses: pd.DataFrame) -> pd.DataFrame:
    """The document table of a clause table (with labels and attribute columns), one row per ``doc_id``.

    Attribute lists are the distinct values of the document's clauses, in the
    order the policy states them.
    """
    if clauses.empty:
        return empty_frame(DOCUMENT_SCHEMA)
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


def format_summary(document: dict) -> str:
    """A document row as readable text, as ``clauses show`` prints it."""
    lines = [
        f"{document['doc_id']}  ({document['source_path']})",
        f"  {document['clauses']} clauses; languages: {', '.join(document['languages'])}",
        "  Categories: " + ", ".join(f"{category} ({count})" for category, count in _pairs(document["category_counts"])),
        "  Retention:",
    ]
    lines += [f"    - {describe_value(item['value'])}" + (f" ({item['applies_to']})" if item["applies_to"] else "") for item in document["retention"]] or ["    (none stated)"]
    lines.append("  Deadlines:")
    lines += [f"    - {describe_value(item['value'])}: {item['bound'].replace('_', ' ')}" for item in document["deadlines"]] or ["    (none stated)"]
    for family, title in _SHOWN:
        values = list(document[family])
        lines.append(f"  {title}: " + (", ".join(values) if values else "(none stated)"))
    ages = list(document["age_threshold"])
    lines.append("  Age thresholds: " + (", ".join(str(age) for age in ages) if ages else "(none stated)"))
    lines.append("  Contacts:")
    lines += [f"    - {item['kind']}: {item['value']}" for item in document["contacts"]] or ["    (none stated)"]
    return "\n".join(lines)


def _pairs(mapping) -> list[tuple[str, int]]:
    """Category counts whether they come from pandas (a dict) or from Parquet (a list of pairs)."""
    return list(mapping.items()) if isinstance(mapping, dict) else [tuple(pair) for pair in mapping]


def find_document(documents: pd.DataFrame, key: str) -> dict:
    """The document whose id, id prefix, file name or path is ``key``; KeyError naming the choices otherwise."""
    for column in ("doc_id", "source_path"):
        exact = documents[documents[column] == key]
        if len(exact) == 1:
            return exact.iloc[0].to_dict()
    matches = documents[documents["doc_id"].str.startswith(key) | documents["source_path"].str.endswith(key)]
    if len(matches) == 1:
        return matches.iloc[0].to_dict()
    known = ", ".join(documents["doc_id"])
    reason = "matches several documents" if len(matches) > 1 else "matches no document"
    raise KeyError(f"{key!r} {reason}; documents: {known}")

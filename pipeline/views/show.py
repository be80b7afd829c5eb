"""The one-policy summary ``clauses show`` prints: find a document in the documents table and format its row."""

from __future__ import annotations

import pandas as pd

from ..attributes.durations import describe_value

#: How many candidates an ambiguous or unknown document key lists.
DEFAULT_SHOWN_CANDIDATES = 5

_SHOWN = (
    ("rights", "Rights"),
    ("laws", "Laws"),
    ("data_types", "Data types"),
    ("recipients", "Recipients"),
    ("purposes", "Purposes"),
    ("transfer_mechanisms", "Transfer mechanisms"),
    ("security_measures", "Security measures"),
)


def format_summary(document: dict) -> str:
    """A document row as readable text, as ``clauses show`` prints it."""
    lines = [
        f"{document['doc_id']}  ({document['source_path']})",
        f"  {document['clauses']} clauses; languages: {', '.join(document['languages'])}",
        "  Categories: " + ", ".join(f"{category} ({count})" for category, count in category_pairs(document["category_counts"])),
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


def category_pairs(mapping) -> list[tuple[str, int]]:
    """Category counts whether they come from pandas (a dict) or from Parquet (a list of pairs)."""
    return list(mapping.items()) if isinstance(mapping, dict) else [tuple(pair) for pair in mapping]


def find_document(documents: pd.DataFrame, key: str, shown: int = DEFAULT_SHOWN_CANDIDATES) -> dict:
    """The document whose id, id prefix, file name or path is ``key``.

    Otherwise a KeyError that names at most ``shown`` of the candidates (or
    of the documents, when nothing matches).
    """
    for column in ("doc_id", "source_path"):
        exact = documents[documents[column] == key]
        if len(exact) == 1:
            return exact.iloc[0].to_dict()
    matches = documents[documents["doc_id"].str.startswith(key) | documents["source_path"].str.endswith(key)]
    if len(matches) == 1:
        return matches.iloc[0].to_dict()
    several = len(matches) > 1
    candidates = list((matches if several else documents)["doc_id"])
    listed = ", ".join(candidates[:shown]) + (f" and {len(candidates) - shown} more" if len(candidates) > shown else "")
    reason = f"matches {len(candidates)} documents: {listed}" if several else f"matches no document; documents: {listed}"
    raise KeyError(f"{key!r} {reason}")

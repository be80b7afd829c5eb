"""Views for notebooks and reports: tables, plots, the HTML report and the one-policy summary.

The table views are importable from here (``from pipeline import views;
views.label_counts(clauses)``); plots are in :mod:`pipeline.views.plots`.
"""

from .tables import (
    MISSED,
    NONE_STATED,
    category_confusion,
    category_coverage,
    compare_scores,
    describe_attribute,
    documents_path_for,
    label_counts,
    least_confident,
    load_tables,
    policy_attributes,
    read_tables,
    schema_table,
    scores_table,
    select_clauses,
)

__all__ = [
    "MISSED",
    "NONE_STATED",
    "category_confusion",
    "category_coverage",
    "compare_scores",
    "describe_attribute",
    "documents_path_for",
    "label_counts",
    "least_confident",
    "load_tables",
    "policy_attributes",
    "read_tables",
    "schema_table",
    "scores_table",
    "select_clauses",
]

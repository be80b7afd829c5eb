"""Views of the clause and document tables: the small DataFrames that notebooks and the report show.

Every view takes the tables ``clauses run`` writes (or :func:`pipeline.runtime.run`
returns) and returns a new frame. Only :func:`read_tables` and
:func:`load_tables` touch files.

>>> from pipeline import views
>>> clauses, documents = views.load_tables()                 # doctest: +SKIP
>>> views.category_coverage(clauses).round(2)                # doctest: +SKIP
>>> views.select_clauses(clauses, label="data_retention", lang="th")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..attributes.durations import describe_value
from ..config import CATEGORIES, DEFAULT_DOCUMENTS_NAME, DEFAULT_INPUT_DIR, DEFAULT_OUTPUT_PATH
from ..export.tables import read_table, score_column
from ..evaluation.active_learning import threshold_margins
from ..classify.estimator import ClauseClassifier

#: What a table shows for a policy that states nothing of an attribute family.
NONE_STATED = "(none stated)"
#: Column of :func:`category_confusion` counting the clauses whose gold category was not predicted.
MISSED = "missed"


def documents_path_for(clauses_path: str | Path) -> Path:
    """The document table written beside a clause table."""
    return Path(clauses_path).with_name(DEFAULT_DOCUMENTS_NAME)


def read_tables(
    clauses_path: str | Path = DEFAULT_OUTPUT_PATH, documents_path: str | Path | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a clause table and its document table (by default the ``documents.parquet`` beside it).

    Raises :class:`FileNotFoundError` or :class:`TableReadError` naming the table (see :func:`read_table`).
    """
    clauses_path = Path(clauses_path)
    documents_path = Path(documents_path) if documents_path is not None else documents_path_for(clauses_path)
    return read_table(clauses_path, "clause table"), read_table(documents_path, "document table")


def load_tables(
    clauses_path: str | Path = DEFAULT_OUTPUT_PATH,
    input_path: str | Path = DEFAULT_INPUT_DIR,
    model_dir: str | Path | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The clause and document tables, running the pipeline over ``input_path`` first when either is missing."""
    clauses_path = Path(clauses_path)
    if not (clauses_path.is_file() and documents_path_for(clauses_path).is_file()):
        from ..runtime.run import run_pipeline  # the run stage is only needed on a fresh checkout

        run_pipeline(input_path, clauses_path, model_dir)
    return read_tables(clauses_path)


def schema_table(source: str | Path | pa.Schema) -> pd.DataFrame:
    """The columns of a Parquet file (or an Arrow schema): name, Arrow type and whether nulls are allowed."""
    schema = source if isinstance(source, pa.Schema) else pq.read_schema(source)
    return pd.DataFrame(
        {
            "column": schema.names,
            "type": [str(field.type) for field in schema],
            "nullable": [field.nullable for field in schema],
        }
    )


def label_counts(clauses: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Clauses per category for each value of ``by``: one row per policy (``doc_id``) or language (``lang``).

    Columns are the ten categories in :data:`pipeline.config.CATEGORIES` order,
    zeros included, so tables of different corpora line up.
    """
    groups = sorted(clauses[by].unique())
    exploded = clauses[[by, "labels"]].explode("labels").dropna(subset=["labels"])
    table = pd.crosstab(exploded[by], exploded["labels"]) if len(exploded) else pd.DataFrame()
    table = table.reindex(index=groups, columns=list(CATEGORIES), fill_value=0).astype(int)
    table.index.name, table.columns.name = by, "category"
    return table


def category_coverage(clauses: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Share of each group's clauses that carry each category, in [0, 1] (rows as in :func:`label_counts`)."""
    counts = label_counts(clauses, by)
    return counts.div(clauses.groupby(by).size().reindex(counts.index), axis=0)


def describe_attribute(family: str, value) -> str:
    """One attribute value in words, as the tables and the report show it.

    >>> describe_attribute("retention", {"value": "P7Y", "applies_to": "Closed accounts"})
    '7 years (Closed accounts)'
    >>> describe_attribute("retention", {"value": "P10Y", "applies_to": "ข้อมูลการทำธุรกรรม"})
    '10 years (ข้อมูลการทำธุรกรรม)'
    >>> describe_attribute("deadlines", {"value": "PT72H", "bound": "breach_notification"})
    '72 hours: breach notification'
    >>> describe_attribute("contacts", {"kind": "email", "value": "dpo@example.co.th"})
    'email: dpo@example.co.th'
    >>> describe_attribute("rights", "withdraw_consent"), describe_attribute("laws", "pdpa_th")
    ('withdraw consent', 'PDPA TH')
    """
    if family == "retention":
        words = describe_value(value["value"])
        return f"{words} ({value['applies_to']})" if value.get("applies_to") else words
    if family == "deadlines":
        return f"{describe_value(value['value'])}: {value['bound'].replace('_', ' ')}"
    if family == "contacts":
        return f"{value['kind']}: {value['value']}"
    if family == "laws":
        return str(value).replace("_", " ").upper()
    return str(value).replace("_", " ")


def policy_attributes(documents: pd.DataFrame, families: Iterable[str] = ("retention", "rights")) -> pd.DataFrame:
    """One row per policy (index ``doc_id``), one column per attribute family: its values in words, joined by ``; ``.

    >>> documents = pd.DataFrame({
    ...     "doc_id": ["en.txt", "th.txt"],
    ...     "retention": [[{"value": "P90D", "applies_to": "Server logs"}], [{"value": "P10Y", "applies_to": "ข้อมูลการทำธุรกรรม"}]],
    ...     "rights": [["access", "opt_out_sale"], []],
    ... })
    >>> policy_attributes(documents).to_dict("index")
    {'en.txt': {'retention': '90 days (Server logs)', 'rights': 'access; opt out sale'}, 'th.txt': {'retention': '10 years (ข้อมูลการทำธุรกรรม)', 'rights': '(none stated)'}}
    """
    families = list(families)
    rows = {
        row["doc_id"]: [
            "; ".join(describe_attribute(family, value) for value in row[family]) or NONE_STATED for family in families
        ]
        for _, row in documents.iterrows()
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=families).rename_axis("doc_id")


def least_confident(clauses: pd.DataFrame, model: ClauseClassifier, rows: int = 10) -> pd.DataFrame:
    """The ``rows`` clauses whose score is closest to a category's threshold, least certain first.

    ``category`` is the category whose threshold is nearest, ``score`` and
    ``threshold`` are its score and threshold, ``margin`` the distance between
    them (the same measure ``clauses label-export`` picks clauses by).
    """
    margins = threshold_margins(clauses, model)
    nearest = margins.argmin(axis=1) if len(clauses) else np.zeros(0, dtype=int)
    scores = clauses[[score_column(label) for label in model.labels_]].to_numpy(dtype=float)
    picked = np.arange(len(clauses))
    frame = clauses[["doc_id", "clause_id", "lang", "text_norm", "labels"]].assign(
        category=[model.labels_[i] for i in nearest],
        score=scores[picked, nearest],
        threshold=np.asarray(model.thresholds_, dtype=float)[nearest],
        margin=margins[picked, nearest],
    )
    return frame.sort_values("margin", kind="stable").head(rows).reset_index(drop=True)


def select_clauses(clauses: pd.DataFrame, label: str | Iterable[str] | None = None, **codes) -> pd.DataFrame:
    """The clauses that carry ``label`` and, for every keyword, the given code (or one of the given codes).

    A keyword names a column: a list column (``rights``, ``laws``, ``data_types``...)
    matches when it holds the code, a list of records (``retention``,
    ``deadlines``, ``contacts``) when one record has it as a field value, and
    a plain column (``lang``, ``doc_id``) when it equals it.

    >>> select_clauses(clauses, label="data_retention", lang="th")   # doctest: +SKIP
    >>> select_clauses(clauses, rights=["erasure", "rectification"])  # doctest: +SKIP
    >>> select_clauses(clauses, retention="P7Y", contacts="email")    # doctest: +SKIP
    """
    mask = np.ones(len(clauses), dtype=bool)
    if label is not None:
        mask &= np.fromiter((_holds(labels, _wanted(label)) for labels in clauses["labels"]), bool, len(clauses))
    for column, wanted in codes.items():
        if column not in clauses.columns:
            raise KeyError(f"no column {column!r} to select on; columns: {list(clauses.columns)}")
        wanted = _wanted(wanted)
        mask &= np.fromiter((_holds(cell, wanted) for cell in clauses[column]), bool, len(clauses))
    return clauses[mask]


def _wanted(codes) -> set:
    return {codes} if isinstance(codes, (str, int)) else set(codes)


def _holds(cell, wanted: set) -> bool:
    if isinstance(cell, (list, tuple, np.ndarray)):
        return any(
            any(field in wanted for field in item.values() if isinstance(field, str)) if isinstance(item, dict) else item in wanted
            for item in cell
        )
    return cell in wanted


def category_confusion(
    gold: list[list[str]], predicted: list[list[str]], labels: tuple[str, ...] = CATEGORIES
) -> pd.DataFrame:
    """Which categories the model gives the clauses of each gold category.

    Rows are gold categories, columns predicted categories plus ``missed``.
    Cell (g, g) counts clauses of category g labeled g (hits); cell (g, p)
    counts clauses of category g labeled p although p is not one of their
    gold categories (confusions); ``missed`` counts clauses of category g not
    labeled g.

    >>> gold = [["data_retention"], ["data_retention", "data_security"], ["other"]]
    >>> predicted = [["data_retention"], ["data_security"], ["data_retention"]]
    >>> table = category_confusion(gold, predicted, ("data_retention", "data_security", "other"))
    >>> table.loc["data_retention"].tolist(), table.loc["other"].tolist()
    ([1, 0, 0, 1], [1, 0, 0, 1])
    """
    index = {label: i for i, label in enumerate(labels)}
    counts = np.zeros((len(labels), len(labels) + 1), dtype=int)
    for gold_labels, predicted_labels in zip(gold, predicted):
        for g in gold_labels:
            if g not in index:
                continue
            if g not in predicted_labels:
                counts[index[g], -1] += 1
            for p in predicted_labels:
                if p in index and (p == g or p not in gold_labels):
                    counts[index[g], index[p]] += 1
    table = pd.DataFrame(counts, index=list(labels), columns=[*labels, MISSED])
    table.index.name, table.columns.name = "gold", "predicted"
    return table


def scores_table(report: Mapping) -> pd.DataFrame:
    """A :func:`pipeline.evaluation.categories.score_labels` report as a table: a row per category, then micro and macro."""
    rows = {category: dict(scores) for category, scores in report["per_category"].items()}
    support = sum(scores["support"] for scores in report["per_category"].values())
    rows["micro"] = {**report["micro"], "support": support}
    rows["macro"] = {**report["macro"], "support": support}
    table = pd.DataFrame.from_dict(rows, orient="index")[["precision", "recall", "f1", "support"]]
    table["support"] = table["support"].astype(int)
    return table.rename_axis("category")


def compare_scores(reports: Mapping[str, Mapping], metric: str = "f1") -> pd.DataFrame:
    """One metric of several score reports side by side (a column each), with the change from the first to the last.

    ``support`` is that of the last report: compare reports on the same test rows.
    """
    if not reports:
        raise ValueError("compare_scores needs at least one report")
    tables = {name: scores_table(report) for name, report in reports.items()}
    names = list(tables)
    comparison = pd.DataFrame({name: table[metric] for name, table in tables.items()})
    comparison["change"] = comparison[names[-1]] - comparison[names[0]]
    comparison["support"] = tables[names[-1]]["support"]
    return comparison

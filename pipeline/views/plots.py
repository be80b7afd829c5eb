"""Matplotlib figures of the views in :mod:`pipeline.views.tables`: label distributions, heatmaps, score comparisons.

matplotlib is imported inside each function, so the package works without it
(``pip install -e ".[notebooks]"`` brings it). Each function returns a
``matplotlib.figure.Figure`` built without pyplot: a notebook shows the
returned figure once, and no global figure state piles up.

>>> from pipeline import views
>>> from pipeline.views import plots
>>> plots.plot_label_counts(views.label_counts(clauses, by="lang"))   # doctest: +SKIP
>>> plots.plot_heatmap(views.category_coverage(clauses), "{:.0%}")    # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from ..config import CATEGORY_TITLES

#: Inches per bar row and per heatmap cell; figures grow with the table so labels never overlap.
DEFAULT_ROW_INCHES = 0.28
DEFAULT_CELL_INCHES = 0.75


def _title(name) -> str:
    return CATEGORY_TITLES.get(name, str(name))


def _new_figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def plot_label_counts(counts: pd.DataFrame, title: str = "Clauses per category"):
    """Horizontal grouped bars of a :func:`pipeline.views.tables.label_counts` table: a bar group per category, a bar per row."""
    groups = list(counts.index)
    categories = list(counts.columns)
    figure = _new_figure(9, 1.2 + DEFAULT_ROW_INCHES * len(categories) * max(1, len(groups)) ** 0.5)
    axes = figure.add_subplot()
    height = 0.8 / max(1, len(groups))
    for offset, group in enumerate(groups):
        positions = [i + (offset - (len(groups) - 1) / 2) * height for i in range(len(categories))]
        axes.barh(positions, counts.loc[group].to_numpy(), height=height, label=str(group))
    axes.set_yticks(range(len(categories)), [_title(category) for category in categories])
    axes.invert_yaxis()
    axes.set_xlabel("clauses")
    axes.set_title(title)
    axes.legend(title=counts.index.name, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    axes.grid(axis="x", alpha=0.3)
    return figure


def plot_heatmap(table: pd.DataFrame, value_format: str = "{:.0%}", title: str = "", cmap: str = "Blues"):
    """A heatmap of a numeric table (rows x columns) with each cell's value written in it.

    For :func:`pipeline.views.tables.category_coverage` (shares, ``"{:.0%}"``) and
    :func:`pipeline.views.tables.category_confusion` (counts, ``"{:d}"``).
    """
    values = table.to_numpy(dtype=float)
    figure = _new_figure(2.5 + DEFAULT_CELL_INCHES * table.shape[1], 1.8 + 0.45 * table.shape[0])
    axes = figure.add_subplot()
    image = axes.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    axes.set_xticks(range(table.shape[1]), [_title(column) for column in table.columns], rotation=40, ha="right")
    axes.set_yticks(range(table.shape[0]), [_title(row) for row in table.index])
    top = values.max() if values.size else 0
    for (row, column), value in pd.DataFrame(values).stack().items():
        shown = value_format.format(int(value) if value_format.endswith("d}") else value)
        axes.text(column, row, shown, ha="center", va="center", fontsize="small", color="white" if top and value > top * 0.6 else "black")
    axes.set_xlabel(table.columns.name or "")
    axes.set_ylabel(table.index.name or "")
    axes.set_title(title)
    figure.colorbar(image, ax=axes, shrink=0.8)
    return figure


def plot_score_comparison(comparison: pd.DataFrame, metric: str = "F1", title: str = ""):
    """Horizontal bars of a :func:`pipeline.views.tables.compare_scores` table: a bar per report for each category."""
    reports = [column for column in comparison.columns if column not in ("change", "support")]
    figure = plot_label_counts(comparison[reports].T.rename_axis("model"), title or f"{metric} per category")
    axes = figure.axes[0]
    for bars in axes.containers:
        axes.bar_label(bars, fmt="%.2f", fontsize="x-small", padding=2)
    axes.set_xlabel(metric)
    axes.set_xlim(0, 1.1)
    return figure

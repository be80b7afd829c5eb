"""Matplotlib figures of the views: what each draws, and that the package never needs matplotlib to import."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from pipeline import views
from pipeline.views import plots
from pipeline.config import CATEGORIES, CATEGORY_TITLES
from pipeline.evaluation.categories import score_labels
from tests.conftest import THAI_SEED

pytest.importorskip("matplotlib")


def png_bytes(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def test_the_package_imports_without_matplotlib() -> None:
    code = "import sys, pipeline, pipeline.views.tables, pipeline.views.plots, pipeline.views.report, pipeline.cli; print('matplotlib' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


def test_label_count_bars_are_the_counts(seed_run) -> None:
    counts = views.label_counts(seed_run.clauses, by="lang")
    figure = plots.plot_label_counts(counts)
    axes = figure.axes[0]
    assert [text.get_text() for text in axes.get_yticklabels()] == [CATEGORY_TITLES[c] for c in CATEGORIES]
    assert [text.get_text() for text in axes.get_legend().get_texts()] == ["en", "th"]
    for group, bars in zip(counts.index, axes.containers):
        assert [bar.get_width() for bar in bars] == counts.loc[group].tolist()
    assert png_bytes(figure).startswith(b"\x89PNG")


def test_heatmap_writes_each_cell(seed_run) -> None:
    coverage = views.category_coverage(seed_run.clauses)
    figure = plots.plot_heatmap(coverage, "{:.0%}", title="coverage")
    axes = figure.axes[0]
    cells = [text.get_text() for text in axes.texts]
    assert len(cells) == coverage.size
    row = list(coverage.index).index(THAI_SEED.name)
    column = list(coverage.columns).index("first_party_collection_use")
    assert cells[row * coverage.shape[1] + column] == f"{coverage.iloc[row, column]:.0%}"
    assert [text.get_text() for text in axes.get_yticklabels()] == list(coverage.index)


def test_heatmap_of_counts_and_score_comparison() -> None:
    gold = [["data_retention"], ["other"], ["data_retention"]]
    predicted = [["data_retention"], ["data_retention"], ["other"]]
    confusion = views.category_confusion(gold, predicted, ("data_retention", "other"))
    figure = plots.plot_heatmap(confusion, "{:d}")
    assert [text.get_text() for text in figure.axes[0].texts] == ["1", "1", "1", "1", "0", "1"]
    comparison = views.compare_scores({"before": score_labels(gold, gold), "after": score_labels(gold, predicted)})
    figure = plots.plot_score_comparison(comparison)
    axes = figure.axes[0]
    assert [text.get_text() for text in axes.get_legend().get_texts()] == ["before", "after"]
    assert axes.get_xlim() == (0, 1.1)
    shown = [text.get_text() for text in axes.texts]  # the values at the bar ends, report by report
    assert shown == [f"{value:.2f}" for name in ("before", "after") for value in comparison[name]]
    assert shown[list(comparison.index).index("data_retention")] == "1.00"
    assert len(png_bytes(figure)) > 1000

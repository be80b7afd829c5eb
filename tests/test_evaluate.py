"""Scoring functions, designs and the evaluate command."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, EXIT_OK, app
from tests.paths import LABELED_DIR, REPO
from pipeline.evaluation.categories import compare_designs, score_labels
from pipeline.classify.lexicon import concepts_of
from pipeline.classify.estimator import DESIGNS, best_threshold, build_classifier

runner = CliRunner()
DEV_GOLD = REPO / "data" / "dev" / "segmentation"


def test_score_labels_micro_and_macro() -> None:
    gold = [["other"], ["data_retention", "other"], ["data_security"]]
    predicted = [["other"], ["data_retention"], ["other"]]
    scores = score_labels(gold, predicted)
    assert scores["micro"]["precision"] == pytest.approx(2 / 3)
    assert scores["micro"]["recall"] == pytest.approx(2 / 4)
    assert scores["per_category"]["data_retention"]["f1"] == 1.0
    assert scores["per_category"]["data_security"]["support"] == 1
    assert scores["macro"]["f1"] == pytest.approx((0.5 + 1.0 + 0.0) / 3)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("We retain your data for 7 years.", "retention"),
        ("บริษัทจะเก็บรักษาข้อมูลของท่านไว้ 7 ปี", "retention"),
        ("Our site does not respond to Do Not Track signals.", "do_not_track"),
        ("เว็บไซต์ไม่รองรับสัญญาณ Do Not Track", "do_not_track"),
        ("We do not knowingly collect data from children under 13.", "children"),
        ("บริษัทจะไม่เก็บข้อมูลของผู้เยาว์โดยไม่ได้รับความยินยอมจากผู้ปกครอง", "children"),
    ],
)
def test_lexicon_maps_both_languages_to_one_concept(text: str, concept: str) -> None:
    assert concept in concepts_of(text)


def test_unknown_design_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown design 'bert'"):
        build_classifier("bert")
    assert len(DESIGNS) >= 3


def test_threshold_tuning_prefers_the_separating_cut() -> None:
    import numpy as np

    truth = np.array([1] * 30 + [0] * 30)
    scores = np.array([0.3] * 30 + [0.2] * 30)
    assert best_threshold(truth, scores, 0.5) == pytest.approx(0.3)
    assert best_threshold(truth[:10], scores[:10], 0.5) == 0.5  # too few positives to tune


def test_compare_designs_on_a_small_corpus() -> None:
    frame = pd.read_csv(LABELED_DIR / "written" / "en_a.csv", dtype=str, keep_default_na=False).head(150)
    thai = pd.read_csv(LABELED_DIR / "written" / "th_a.csv", dtype=str, keep_default_na=False).head(150)
    comparison = compare_designs(pd.concat([frame, thai], ignore_index=True), ["text", "text+context+lexicon"], folds=3)
    assert set(comparison) == {"text", "text+context+lexicon"}
    for scores in comparison.values():
        assert 0.2 < scores["all_micro_f1"] <= 1.0
        assert 0.0 <= scores["en_to_th_micro_f1"] <= 1.0


def test_evaluate_shipped_model_json() -> None:
    result = runner.invoke(app, ["evaluate", "--labels", str(DEV_GOLD), "--json"])
    assert result.exit_code == EXIT_OK, result.output
    report = json.loads(result.output)
    assert {"all", "en", "th"} <= set(report)
    assert report["th"]["micro"]["f1"] > 0.6
    assert set(report["en"]["per_category"]) >= {"data_retention", "other"}


def test_evaluate_cross_validation_table() -> None:
    result = runner.invoke(app, ["evaluate", "--labels", str(DEV_GOLD), "--cv", "3"])
    assert result.exit_code == EXIT_OK, result.output
    assert result.output.startswith("all:")
    assert "\nen:" in result.output and "\nth:" in result.output
    assert "data_retention" in result.output


def test_evaluate_needs_data() -> None:
    result = runner.invoke(app, ["evaluate"])
    assert result.exit_code == EXIT_FATAL
    assert "--labels" in result.output

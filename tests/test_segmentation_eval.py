"""Boundary scores against the gold segmentations of the seeds."""

from __future__ import annotations

from pipeline.evaluation.segmentation import BoundaryScore, evaluate_segmentation
from tests.paths import DEV_DIR, GOLD_SEGMENTATION_DIR, RAW_DIR


def test_boundary_score_counts() -> None:
    score = BoundaryScore()
    score.add(predicted=[(0, 10, "en"), (11, 20, "en")], gold=[(0, 20, "en")])
    summary = score.summary()["en"]
    assert (summary["gold"], summary["predicted"]) == (2, 4)
    assert summary["precision"] == 0.5 and summary["recall"] == 1.0


def test_pipeline_beats_line_baselines_on_seed_gold() -> None:
    report = evaluate_segmentation(RAW_DIR, GOLD_SEGMENTATION_DIR)
    assert len(report["documents"]) == 5
    pipeline, baseline = report["pipeline"], report["baseline"]
    assert pipeline["en"]["f1"] >= 0.95
    assert pipeline["th"]["f1"] >= 0.90
    assert pipeline["en"]["f1"] > baseline["en"]["f1"]
    assert pipeline["th"]["f1"] > baseline["th"]["f1"]


def test_dev_policies_in_other_layouts_stay_above_targets() -> None:
    """Markdown, hard-wrapped, HTML, Thai and bilingual policies written with their gold."""
    report = evaluate_segmentation(DEV_DIR / "raw", DEV_DIR / "segmentation")
    assert len(report["documents"]) == 6
    assert report["pipeline"]["en"]["f1"] >= 0.95
    assert report["pipeline"]["th"]["f1"] >= 0.90

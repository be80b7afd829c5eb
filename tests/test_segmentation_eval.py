"""Boundary scores against the gold segmentations of the seeds and the dev policies, every system in one run."""

from __future__ import annotations

from pipeline.evaluation.segmentation import SYSTEMS, BoundaryScore, GroupedScore, evaluate_segmentation
from tests.paths import DEV_DIR, GOLD_SEGMENTATION_DIR, RAW_DIR


def test_boundary_score_counts() -> None:
    score = BoundaryScore()
    score.add(predicted=[(0, 10, "en"), (11, 20, "en")], gold=[(0, 20, "en")])
    summary = score.summary()["en"]
    assert (summary["gold"], summary["predicted"]) == (2, 4)
    assert summary["precision"] == 0.5 and summary["recall"] == 1.0


def test_grouped_score_counts_each_boundary_once_in_all() -> None:
    score = GroupedScore()
    score.add([(0, 10, "en"), (11, 20, "en")], [(0, 20, "en")], "md")
    score.add([(0, 5, "th")], [(0, 5, "th")], "txt")
    summary = score.summary()
    assert summary["all"]["gold"] == 4 and summary["all"]["predicted"] == 6
    assert summary["md"] == summary["en/md"] == summary["en/txt+md"] == summary["en"]
    assert summary["th/txt"]["f1"] == summary["txt"]["f1"] == 1.0


def test_pipeline_beats_raw_references_on_seed_gold() -> None:
    report = evaluate_segmentation(RAW_DIR, GOLD_SEGMENTATION_DIR)
    assert len(report["documents"]) == 5
    assert set(SYSTEMS) | {"lines"} <= set(report) and set(report["systems"]) == set(SYSTEMS) | {"lines"}
    pipeline = report["pipeline"]
    assert pipeline["en"]["f1"] >= 0.99
    assert pipeline["th"]["f1"] >= 0.99
    for lang in ("en", "th"):
        assert pipeline[lang]["f1"] >= report["baseline"][lang]["f1"]
        assert pipeline[lang]["f1"] >= report["raw"][lang]["f1"]
        assert pipeline[lang]["f1"] > report["lines"][lang]["f1"]
    assert pipeline["th"]["f1"] > report["raw"]["th"]["f1"]
    assert {"txt", "en/txt", "th/txt"} <= set(pipeline)


def test_dev_policies_in_other_layouts_stay_above_targets() -> None:
    """Markdown, hard-wrapped, HTML, Thai and bilingual policies written with their gold."""
    report = evaluate_segmentation(DEV_DIR / "raw", DEV_DIR / "segmentation")
    assert len(report["documents"]) == 6
    assert report["pipeline"]["en"]["f1"] >= 0.98
    assert report["pipeline"]["th"]["f1"] >= 0.98
    assert {"html", "md", "txt", "en/html"} <= set(report["pipeline"])

"""Evaluation on a corpus of real documents: every stage, grouped cross-validation, and refusing a model's own training data."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.classify.features import labeled_inputs
from pipeline.classify.estimator import ClauseClassifier
from pipeline.classify.persistence import save_model
from pipeline.cli import EXIT_FATAL, app
from pipeline.datasets.corpus import corpus_frame, load_corpus
from pipeline.datasets.labeled import frame_sha256, source_fingerprints, split_labels
from pipeline.evaluation.corpus import TrainedOnTestDataError, corpus_agreement, evaluate_corpus
from tests.paths import REAL_DIR
from tests.real_subset import copy_real_documents

#: Small documents of both languages and all three formats, two of them a translation pair.
SMALL = ("en_txt_04", "th_txt_03", "en_html_07", "th_html_03", "en_md_07", "th_md_04")
runner = CliRunner()


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return copy_real_documents(tmp_path_factory.mktemp("corpus"), SMALL)


@pytest.fixture(scope="module")
def trained_on_corpus(small_corpus, tmp_path_factory):
    """A model trained on the small corpus itself, saved with the fingerprints of its sources."""
    frame = corpus_frame(load_corpus(small_corpus))
    model = ClauseClassifier(tune_thresholds=False).fit(labeled_inputs(frame), [split_labels(x) for x in frame["labels"]])
    directory = tmp_path_factory.mktemp("model") / "own"
    save_model(model, directory, frame_sha256(frame), len(frame), {}, "own", "1.0", source_fingerprints(frame))
    return model, json.loads((directory / "meta.json").read_text()), directory


def test_cross_validated_report_has_every_stage_per_language_and_format(small_corpus) -> None:
    report = evaluate_corpus(small_corpus, folds=2)
    segmentation, categories, attributes = report["segmentation"], report["categories"], report["attributes"]
    assert {"en", "th", "txt", "html", "md", "en/txt", "th/html", "all"} <= set(segmentation["pipeline"])
    assert 0.5 < segmentation["pipeline"]["en"]["f1"] <= 1.0
    assert set(segmentation["baseline"]) == set(segmentation["pipeline"])
    assert set(segmentation["boilerplate_clauses"]["all"]) == {"clauses", "of_predicted"}
    assert categories["method"].startswith("document-grouped 2-fold")
    assert {"all", "en", "th", "txt", "html", "md"} <= set(categories)
    assert set(categories["en"]["per_category"]) >= {"first_party_collection_use", "other"}
    assert categories["all"]["rows"] == sum(report["clauses"].values())
    assert {"data_types", "purposes", "contacts"} <= set(attributes["families"])
    assert "developed on this corpus" in attributes["note"]


def test_a_model_is_not_scored_on_its_own_training_documents(small_corpus, trained_on_corpus) -> None:
    model, meta, _ = trained_on_corpus
    with pytest.raises(TrainedOnTestDataError, match="was trained on 5 of the sources"):
        evaluate_corpus(small_corpus, model, meta)


def test_the_command_refuses_and_says_what_to_do(small_corpus, trained_on_corpus) -> None:
    _, _, directory = trained_on_corpus
    result = runner.invoke(app, ["evaluate", "--corpus", str(small_corpus), "--model", str(directory)])
    assert result.exit_code == EXIT_FATAL
    assert "was trained on" in result.output and "--cv K" in result.output


def test_the_command_prints_json_for_cross_validation(small_corpus) -> None:
    result = runner.invoke(app, ["evaluate", "--corpus", str(small_corpus), "--cv", "2", "--without-default-labels", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # stderr may carry log lines (labels no training clause has)
    assert set(report) >= {"segmentation", "categories", "attributes", "documents"}
    assert report["documents"] == {"en/txt": 1, "th/txt": 1, "en/html": 1, "th/html": 1, "en/md": 1, "th/md": 1}


def test_the_shipped_model_refuses_its_own_labeled_data() -> None:
    from tests.paths import LABELED_DIR

    result = runner.invoke(app, ["evaluate", "--labels", str(LABELED_DIR / "written")])
    assert result.exit_code == EXIT_FATAL
    assert "was trained on" in result.output


def test_blind_double_annotation_covers_a_fifth_and_agrees() -> None:
    report = corpus_agreement(REAL_DIR)
    gold_clauses = sum(len(doc.clauses) for doc in load_corpus(REAL_DIR))
    assert sum(report["clauses_annotated_twice"].values()) >= 0.2 * gold_clauses
    assert set(report["clauses_annotated_twice"]) == {"en", "th"}
    assert report["boundaries"]["all"]["f1"] >= 0.9
    assert report["categories"]["micro"]["f1"] >= 0.85

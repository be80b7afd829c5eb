"""The DataFrame views the notebooks and the report show, on the seeds' real clause table."""

from __future__ import annotations

import doctest
import shutil

import numpy as np
import pandas as pd
import pytest

from pipeline import views
from pipeline.config import CATEGORIES, DEFAULT_MODEL_DIR
from tests.paths import DEV_GOLD_DIR
from pipeline.evaluation.categories import predict_labeled, score_labels
from pipeline.export.tables import CLAUSE_SCHEMA, score_column
from pipeline.evaluation.active_learning import uncertainty_margins
from pipeline.classify.persistence import load_model
from pipeline.classify.training import training_frame
from tests.conftest import SEED_FILES, THAI_SEED


@pytest.fixture(scope="module")
def tables(seed_run) -> tuple[pd.DataFrame, pd.DataFrame]:
    return views.read_tables(seed_run.output_path)


@pytest.fixture(scope="module")
def model():
    return load_model(DEFAULT_MODEL_DIR)[0]


def test_docstring_examples() -> None:
    assert doctest.testmod(views).failed == 0


def test_read_tables_names_the_missing_table(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"clauses\.parquet: no clause table; run 'clauses run' first"):
        views.read_tables(tmp_path / "clauses.parquet")


def test_load_tables_runs_the_pipeline_when_the_tables_are_missing(tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(THAI_SEED, raw / THAI_SEED.name)
    out = tmp_path / "processed" / "clauses.parquet"
    clauses, documents = views.load_tables(out, raw)
    assert out.is_file() and views.documents_path_for(out).is_file()
    assert list(documents["doc_id"]) == [THAI_SEED.name]
    assert set(clauses["lang"]) == {"th"}
    written = out.stat().st_mtime_ns
    views.load_tables(out, tmp_path / "no such folder")  # present now: read, not re-run
    assert out.stat().st_mtime_ns == written


def test_schema_table_lists_the_clause_columns(seed_run) -> None:
    schema = views.schema_table(seed_run.output_path)
    assert list(schema["column"]) == CLAUSE_SCHEMA.names
    assert schema.set_index("column").loc["labels", "type"] == "list<element: string>"
    assert not schema.set_index("column").loc["text_norm", "nullable"]


@pytest.mark.parametrize(("by", "groups"), [("doc_id", [path.name for path in SEED_FILES]), ("lang", ["en", "th"])])
def test_label_counts_count_clauses_per_category(tables, by, groups) -> None:
    clauses, _ = tables
    counts = views.label_counts(clauses, by)
    assert list(counts.index) == groups
    assert list(counts.columns) == list(CATEGORIES)
    for group in groups:
        labels = [label for labels in clauses.loc[clauses[by] == group, "labels"] for label in labels]
        assert counts.loc[group].to_dict() == {category: labels.count(category) for category in CATEGORIES}


def test_coverage_is_the_share_of_a_policys_clauses(tables) -> None:
    clauses, _ = tables
    coverage = views.category_coverage(clauses)
    thai = clauses[clauses["doc_id"] == THAI_SEED.name]
    retention = sum("data_retention" in labels for labels in thai["labels"])
    assert coverage.loc[THAI_SEED.name, "data_retention"] == pytest.approx(retention / len(thai))
    assert ((coverage >= 0) & (coverage <= 1)).all().all()
    assert (coverage.sum(axis=1) >= 1).all()  # every clause has at least one label


@pytest.mark.parametrize(
    ("prefix", "family", "shown"),
    [
        ("004", "retention", "7 years (Closed accounts)"),
        ("004", "retention", "30 days to 90 days (Backup data)"),
        ("000", "retention", "2 years (Communication Records)"),
        ("001", "rights", "withdraw consent"),
        ("003", "rights", "restriction"),
        ("003", "laws", "PDPA TH"),
        ("003", "contacts", "email: contact@opencloud.co.th"),
    ],
)
def test_policy_attributes_in_words(tables, prefix, family, shown) -> None:
    _, documents = tables
    table = views.policy_attributes(documents, ["retention", "rights", "laws", "contacts"])
    assert len(table) == len(SEED_FILES)
    row = table[table.index.str.startswith(prefix)].iloc[0]
    assert shown in row[family].split("; ")


def test_policy_attributes_says_when_nothing_is_stated() -> None:
    documents = pd.DataFrame({"doc_id": ["a.txt"], "retention": [[]], "rights": [["access"]]})
    assert views.policy_attributes(documents).loc["a.txt"].tolist() == [views.NONE_STATED, "access"]


def test_least_confident_clauses_are_nearest_a_threshold(tables, model) -> None:
    clauses, _ = tables
    table = views.least_confident(clauses, model, rows=8)
    assert len(table) == 8
    assert table["margin"].is_monotonic_increasing
    assert table["margin"].iloc[0] == pytest.approx(uncertainty_margins(clauses, model).min())
    thresholds = dict(zip(model.labels_, model.thresholds_))
    for row in table.itertuples():
        clause = clauses[clauses["clause_id"] == row.clause_id].iloc[0]
        assert row.score == pytest.approx(clause[score_column(row.category)])
        assert row.threshold == thresholds[row.category]
        assert row.margin == pytest.approx(abs(row.score - row.threshold))


@pytest.mark.parametrize(
    ("selection", "lang", "expected_text"),
    [
        ({"label": "data_retention", "lang": "th"}, "th", "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้ในระหว่างที่ท่านเป็นลูกค้าของบริษัท"),
        ({"rights": "withdraw_consent", "lang": "th"}, "th", "ท่านมีสิทธิขอถอนความยินยอมที่ท่านได้ให้ไว้กับบริษัทเมื่อใดก็ได้"),
        ({"rights": ["erasure"], "doc_id": "001_3cfcdba55c36bcda.txt"}, "en", "Right to Erasure (Right to be Forgotten)"),
        ({"retention": "P7Y"}, "en", "Closed accounts: Basic information retained for 7 years"),
        ({"contacts": "email", "lang": "en"}, "en", "dpo@infuze.cloud"),
        ({"contacts": "email", "lang": "th"}, "th", "contact@opencloud.co.th"),
    ],
)
def test_select_clauses_by_label_and_attribute(tables, selection, lang, expected_text) -> None:
    clauses, _ = tables
    chosen = views.select_clauses(clauses, **selection)
    assert 0 < len(chosen) < len(clauses)
    assert set(chosen["lang"]) == {lang}
    assert any(expected_text in text for text in chosen["text_norm"])
    if "label" in selection:
        assert all(selection["label"] in labels for labels in chosen["labels"])
    for family in ("rights", "retention"):
        if family in selection:
            assert all(len(values) for values in chosen[family])


def test_select_clauses_refuses_an_unknown_column(tables) -> None:
    with pytest.raises(KeyError, match="no column 'colour'"):
        views.select_clauses(tables[0], colour="red")


def test_confusion_agrees_with_the_scores_on_the_dev_policies(model) -> None:
    test = training_frame([DEV_GOLD_DIR])
    gold, predicted = predict_labeled(model, test)
    confusion = views.category_confusion(gold, predicted)
    report = score_labels(gold, predicted)
    assert list(confusion.index) == list(CATEGORIES)
    assert list(confusion.columns) == [*CATEGORIES, views.MISSED]
    for category, scores in report["per_category"].items():
        hits = confusion.loc[category, category]
        assert hits + confusion.loc[category, views.MISSED] == scores["support"]
        if scores["support"]:
            assert hits / scores["support"] == pytest.approx(scores["recall"])
    assert np.diag(confusion[list(CATEGORIES)].to_numpy()).sum() < sum(len(labels) for labels in gold)
    assert confusion.drop(columns=views.MISSED).to_numpy().sum() > np.trace(confusion[list(CATEGORIES)].to_numpy())


def test_scores_table_and_comparison() -> None:
    gold = [["data_retention"], ["data_security"], ["data_retention", "other"]]
    before = score_labels(gold, [["data_security"], ["data_security"], ["other"]])
    after = score_labels(gold, [["data_retention"], ["data_security"], ["data_retention"]])
    table = views.scores_table(after)
    assert table.loc["data_retention", "f1"] == pytest.approx(1.0)
    assert table.loc["other", "support"] == 1 and table.loc["other", "recall"] == 0.0
    assert table.loc["micro", "f1"] == pytest.approx(after["micro"]["f1"])
    comparison = views.compare_scores({"before": before, "after": after})
    assert list(comparison.columns) == ["before", "after", "change", "support"]
    assert comparison.loc["data_retention", "change"] == pytest.approx(1.0)
    assert comparison.loc["micro", "change"] == pytest.approx(after["micro"]["f1"] - before["micro"]["f1"])

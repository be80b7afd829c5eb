"""Active learning loop: export uncertain clauses, label them, retrain, see the change."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import EXIT_OK, app
from pipeline.config import DEFAULT_MODEL_DIR
from pipeline.evaluation.active_learning import least_certain, uncertainty_margins
from pipeline.datasets.labeled import LABELED_COLUMNS, read_labeled_file
from pipeline.classify.features import ORDER_COLUMNS, document_order
from pipeline.classify.persistence import load_model

runner = CliRunner()


def test_least_certain_orders_by_margin(seed_run) -> None:
    model, _ = load_model(DEFAULT_MODEL_DIR)
    margins = uncertainty_margins(seed_run.clauses, model)
    exported = least_certain(seed_run.clauses, model, rows=5)
    assert list(exported.columns) == [*LABELED_COLUMNS, *ORDER_COLUMNS]
    assert len(exported) == 5
    chosen = seed_run.clauses.set_index("text_norm").loc[exported["text"]]
    assert uncertainty_margins(chosen.reset_index(), model).max() <= sorted(margins)[len(margins) // 2]


def test_exported_rows_carry_their_neighbours_and_position(seed_run) -> None:
    model, _ = load_model(DEFAULT_MODEL_DIR)
    exported = least_certain(seed_run.clauses, model, rows=10)
    for row in exported.itertuples(index=False):
        document = seed_run.clauses[seed_run.clauses["doc_id"] == row.source.removeprefix("label-export:")]
        texts = list(document["text_norm"])
        order = document_order(texts)
        at = texts.index(row.text)
        assert (row.prev_text, row.next_text, row.position) == (order["prev_text"][at], order["next_text"][at], order["position"][at])


def test_export_label_retrain_changes_predictions(seed_run, tmp_path) -> None:
    exported_csv = tmp_path / "to_label.csv"
    result = runner.invoke(app, ["label-export", str(seed_run.output_path), "--out", str(exported_csv), "-n", "8"])
    assert result.exit_code == EXIT_OK, result.output
    exported = read_labeled_file(exported_csv)
    assert len(exported) == 8
    before = dict(zip(seed_run.clauses["text_norm"], seed_run.clauses["labels"]))
    assert all("do_not_track" not in before[text] for text in exported["text"])

    # The person's correction: these clauses are (deliberately) about Do Not Track.
    exported["labels"] = "do_not_track"
    exported.to_csv(exported_csv, index=False)
    model_dir = tmp_path / "retrained"
    result = runner.invoke(app, ["train", "--labels", str(exported_csv), "--out", str(model_dir), "--cv", "0"])
    assert result.exit_code == EXIT_OK, result.output

    out = tmp_path / "after.parquet"
    result = runner.invoke(app, ["run", "--model", str(model_dir), "--out", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    after = pd.read_parquet(out)
    relabeled = after[after["text_norm"].isin(set(exported["text"]))]
    assert len(relabeled) >= 8
    assert all("do_not_track" in labels for labels in relabeled["labels"])

"""The ``clauses`` command line, through Typer's test runner."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, app
from pipeline.config import DEFAULT_CACHE_NAME, DEFAULT_MODEL_DIR
from pipeline.export.output_set import LOCK_FILE, RUNS_DIR
from tests.conftest import SEED_FILES, THAI_SEED
from tests.paths import GOLD_SEGMENTATION_DIR, RAW_DIR

runner = CliRunner()
#: Click's exit code for a bad option value: the command never starts.
EXIT_USAGE = 2


def all_commands() -> list[str]:
    return sorted(get_command(app).commands)


def test_commands_exist() -> None:
    assert {"run", "train", "score-segmentation"} <= set(all_commands())


@pytest.mark.parametrize("command", all_commands())
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    help_text = get_command(app).commands[command].help
    assert help_text and len(help_text.strip()) > 20
    assert "Usage" in result.output


def test_run_writes_table_and_reports_failures(tmp_path) -> None:
    policies = tmp_path / "policies"
    (policies / "nested").mkdir(parents=True)
    shutil.copy(SEED_FILES[4], policies / "rexgen.txt")
    shutil.copy(THAI_SEED, policies / "nested" / "thai.txt")
    (policies / "empty.txt").write_bytes(b"")
    (policies / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01\x02\x03" * 50)
    out = tmp_path / "out" / "clauses.parquet"

    result = runner.invoke(app, ["run", str(policies), "--out", str(out)])

    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert "2 documents" in result.output
    assert "empty.txt: empty" in result.output
    assert "scan.txt: corrupt" in result.output  # read as the PDF it starts like, and found damaged
    assert "th " in result.output and "en " in result.output
    table = pd.read_parquet(out)
    assert set(table["doc_id"]) == {"rexgen.txt", "nested/thai.txt"}
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(
        [DEFAULT_CACHE_NAME, LOCK_FILE, RUNS_DIR, "clauses.parquet", "documents.parquet", "headings.parquet", "manifest.parquet"]
    )


def test_run_on_clean_folder_exits_zero(tmp_path) -> None:
    policies = tmp_path / "p"
    policies.mkdir()
    shutil.copy(SEED_FILES[1], policies / "infuze.txt")
    result = runner.invoke(app, ["run", str(policies), "-o", str(tmp_path / "c.parquet")])
    assert result.exit_code == EXIT_OK, result.output
    assert "failures: 0" in result.output


def test_run_on_missing_folder_is_fatal(tmp_path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "c.parquet")])
    assert result.exit_code == EXIT_FATAL
    assert "input folder not found" in result.output
    assert not (tmp_path / "c.parquet").exists()


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--engine", "spark"], EXIT_USAGE, "'spark' is not one of 'local', 'dask'"),
        (["--workers", "0"], EXIT_USAGE, "--workers"),
        (["--max-bytes", "-1"], EXIT_USAGE, "--max-bytes"),
        (["--scheduler", "tcp://127.0.0.1:1"], EXIT_FATAL, "--scheduler goes with --engine dask"),
    ],
)
def test_run_with_bad_options_writes_nothing(tmp_path, options, code, message) -> None:
    policies = tmp_path / "p"
    policies.mkdir()
    shutil.copy(THAI_SEED, policies / "thai.txt")
    result = runner.invoke(app, ["run", str(policies), "-o", str(tmp_path / "c.parquet"), *options])
    assert result.exit_code == code, result.output
    assert message in " ".join(result.output.replace("│", " ").split())
    assert not (tmp_path / "c.parquet").exists()


def test_run_with_two_workers_matches_one(tmp_path) -> None:
    policies = tmp_path / "p"
    policies.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, policies / seed.name)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / workers / "clauses.parquet"
        result = runner.invoke(app, ["run", str(policies), "-o", str(out), "--workers", workers])
        assert result.exit_code == EXIT_OK, result.output
        outputs.append(pd.read_parquet(out).drop(columns=["run_id"]))
    pd.testing.assert_frame_equal(*outputs)


def test_train_on_user_labels_only(tmp_path) -> None:
    labels = tmp_path / "mine.csv"
    rows = [
        ("We keep logs for 30 days.", "en", "data_retention"),
        ("Logs are deleted after one year.", "en", "data_retention"),
        ("We encrypt all traffic with TLS.", "en", "data_security"),
        ("Access to data is restricted to staff.", "en", "data_security"),
        ("บริษัทเก็บข้อมูลไว้ 5 ปี", "th", "data_retention"),
        ("บริษัทเข้ารหัสข้อมูลของท่าน", "th", "data_security"),
    ]
    pd.DataFrame(
        [{"text": t, "lang": l, "labels": y, "section_path": "", "lead_in": "", "source": f"s{i % 3}"}
         for i, (t, l, y) in enumerate(rows)]
    ).to_csv(labels, index=False)
    model_dir = tmp_path / "model"
    result = runner.invoke(app, ["train", "--no-default-labels", "--labels", str(labels), "--out", str(model_dir), "--cv", "0"])
    assert result.exit_code == EXIT_OK, result.output
    assert "6 labeled clauses" in result.output
    assert (model_dir / "model.skops").is_file() and (model_dir / "meta.json").is_file()


def test_train_refuses_bad_labels(tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,lang\nx,en\n", encoding="utf-8")
    result = runner.invoke(app, ["train", "--no-default-labels", "--labels", str(bad), "--out", str(tmp_path / "m")])
    assert result.exit_code == EXIT_FATAL
    assert "missing columns" in result.output


def test_score_segmentation_prints_both_languages() -> None:
    result = runner.invoke(app, ["score-segmentation", "--raw", str(RAW_DIR), "--gold", str(GOLD_SEGMENTATION_DIR)])
    assert result.exit_code == 0, result.output
    lines = {tuple(line.split()[:2]) for line in result.output.splitlines()}
    assert ("pipeline", "en") in lines and ("pipeline", "th") in lines and ("baseline", "th") in lines


def test_evaluate_attributes_prints_precision_and_recall_per_family_and_language(tmp_path) -> None:
    rows = tmp_path / "attrs.jsonl"
    rows.write_text(
        '{"id": "e1", "lang": "en", "text": "We keep server logs for 90 days.", "expected": {"retention": [{"value": "P90D", "applies_to": "server logs"}]}}\n'
        '{"id": "t1", "lang": "th", "text": "ติดต่อ dpo@example.co.th", "expected": {"contacts": [{"kind": "email", "value": "dpo@example.co.th"}]}}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["evaluate", "--attributes", "--labels", str(rows)])
    assert result.exit_code == EXIT_OK, result.output
    lines = {tuple(line.split()[:2]): line.split()[2:] for line in result.output.splitlines()[2:]}
    assert lines[("retention", "en")][:2] == ["1.000", "1.000"]
    assert lines[("contacts", "th")][:2] == ["1.000", "1.000"]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "lang": "fr", "text": "Bonjour"}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--attributes", "--labels", str(broken)])
    assert result.exit_code == EXIT_FATAL
    assert "broken.jsonl:1" in result.output


@pytest.mark.parametrize("damage", [b"not parquet at all", b"PAR1" + b"\0" * 40 + b"PAR1"], ids=["garbage", "truncated"])
@pytest.mark.parametrize("command", ["report", "show", "label-export"])
def test_commands_on_an_unreadable_table_exit_4_naming_the_file(tmp_path, damage, command) -> None:
    clauses, documents = tmp_path / "clauses.parquet", tmp_path / "documents.parquet"
    clauses.write_bytes(damage)
    documents.write_bytes(damage)
    arguments = {
        "report": ["report", "--clauses", str(clauses), "--out", str(tmp_path / "r.html")],
        "show": ["show", "000", "--table", str(documents)],
        "label-export": ["label-export", str(clauses), "--out", str(tmp_path / "l.csv")],
    }[command]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_FATAL, result.output
    assert "cannot be read as Parquet" in result.output and str(tmp_path) in result.output
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "l.csv").exists()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda meta: meta.pop("name"), "name must be a non-empty string"),
        (lambda meta: meta.update(thresholds=["high"]), "thresholds must be one number"),
        (lambda meta: [meta], "must be a JSON object"),
    ],
    ids=["no-name", "text-thresholds", "meta-is-a-list"],
)
def test_run_with_a_broken_model_meta_is_fatal_with_a_message(tmp_path, edit, message) -> None:
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    edited = edit(meta)
    (model / "meta.json").write_text(json.dumps(edited if isinstance(edited, list) else meta), encoding="utf-8")
    result = runner.invoke(app, ["run", "--model", str(model), "--out", str(tmp_path / "out" / "clauses.parquet")])
    assert result.exit_code == EXIT_FATAL, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out" / "clauses.parquet").exists()

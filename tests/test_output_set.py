"""The tables of a run appear together or not at all; nothing is wiped by a run that cannot do its job; outputs never collide."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, EXIT_OK, app
from pipeline.config import DEFAULT_MODEL_DIR
from pipeline.export.output_set import LOCK_FILE, RUNS_DIR, lock_output, published_run
from pipeline.runtime.run import RunFailedError, run_pipeline
from pipeline.runtime.worker import worker_model

runner = CliRunner()
EN = "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days.\n"
TH = "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้\n"
TABLES = ("clauses.parquet", "headings.parquet", "documents.parquet", "manifest.parquet")
#: File-system calls of a run that change what is on disk; a kill is tried just before each of them.
MUTATIONS = ((os, "replace"), (os, "rename"), (os, "symlink"), (os, "link"), (os, "unlink"), (os, "mkdir"), (os, "fsync"),
             (shutil, "rmtree"))


def policies(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def shown_set(out: Path) -> dict:
    """What the folder shows: the bytes of each table, the folders they are read from, the manifest's run and the run record."""
    paths = [out.parent / name for name in TABLES]
    return {
        "bytes": [path.read_bytes() if path.exists() else None for path in paths],
        "folders": {os.path.dirname(os.path.realpath(path)) for path in paths},
        "manifest_run": set(pq.read_table(paths[-1], columns=["run_id"]).column("run_id").to_pylist()) if paths[-1].exists() else None,
        "record": (published_run(out.parent) or {}).get("run_id"),
    }


def assert_old_or_new(before: dict, after: dict) -> None:
    """The folder shows the tables it showed before, or one whole new run: every table from one run folder, its record naming it."""
    if after["bytes"] == before["bytes"]:
        return
    assert None not in after["bytes"] and len(after["folders"]) == 1, f"a mixed set of tables: {after['folders']}"
    assert after["record"] != before["record"] and after["manifest_run"] == {after["record"]}
    assert Path(after["folders"].pop()).name == after["record"]


def run_in_child(folder: Path, out: Path, kill_before: int | None = None, kill_after_seconds: float | None = None) -> int:
    """Run the pipeline in a forked copy of this process (the model already loaded) and kill it; return its wait status."""
    worker_model(str(DEFAULT_MODEL_DIR.resolve()))
    pid = os.fork()
    if pid == 0:  # the child: count the mutations and die with SIGKILL before the chosen one
        if kill_before is not None:
            calls = [0]
            for module, name in MUTATIONS:
                original = getattr(module, name)

                def counted(*args, original=original, **kwargs):
                    if calls[0] == kill_before:
                        os.kill(os.getpid(), signal.SIGKILL)
                    calls[0] += 1
                    return original(*args, **kwargs)

                setattr(module, name, counted)
        try:
            run_pipeline(folder, out, workers=1)
        finally:
            os._exit(0)
    if kill_after_seconds is not None:
        time.sleep(kill_after_seconds)
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 120
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            pytest.fail("the run in the child process hung")
        time.sleep(0.01)


def test_a_kill_before_any_file_system_change_leaves_the_old_set_or_the_new_one(tmp_path) -> None:
    folder, out = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH}), tmp_path / "out" / "clauses.parquet"
    run_pipeline(folder, out, workers=1)
    point = 0
    while True:
        (folder / "en.txt").write_text(EN + f"We may change this policy ({point}).\n", encoding="utf-8")
        before = shown_set(out)
        status = run_in_child(folder, out, kill_before=point)
        after = shown_set(out)
        assert_old_or_new(before, after)
        if os.WIFEXITED(status):  # no mutation left to kill before: the run finished
            assert after["bytes"] != before["bytes"]
            break
        point += 1
    assert point >= 8, f"only {point} kill points: the run's writes were not seen"
    finished = run_pipeline(folder, out, workers=1)
    assert shown_set(out)["manifest_run"] == {finished.run_id}
    assert sorted(path.name for path in (out.parent / RUNS_DIR).iterdir()) == sorted(["current", finished.run_id])


def test_sigkill_at_random_times_leaves_a_consistent_set(tmp_path) -> None:
    folder = policies(tmp_path / "in", {f"{index}.txt": (EN if index % 2 else TH) * (index + 1) for index in range(6)})
    out = tmp_path / "out" / "clauses.parquet"
    started = time.monotonic()
    assert os.WIFEXITED(run_in_child(folder, out))
    duration = time.monotonic() - started
    randomness = random.Random(16)
    for trial in range(24):
        (folder / "0.txt").write_text(TH + f"บริษัทอาจปรับปรุงนโยบายนี้ ({trial})\n", encoding="utf-8")
        before = shown_set(out)
        run_in_child(folder, out, kill_after_seconds=randomness.uniform(0, duration * 1.2))
        assert_old_or_new(before, shown_set(out))


@pytest.mark.parametrize("labels", [["first_party_collection_use", "other"], ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]])
def test_a_model_with_other_labels_is_refused_before_anything_is_touched(tmp_path, labels) -> None:
    folder, out = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH}), tmp_path / "out" / "clauses.parquet"
    run_pipeline(folder, out, workers=1)
    before = {name: (out.parent / name).read_bytes() for name in TABLES}
    cache = sorted(path.name for path in (out.parent / ".cache").iterdir())
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["labels"], meta["thresholds"] = labels, [0.5] * len(labels)
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--model", str(model)])
    assert result.exit_code == EXIT_FATAL, result.output
    assert "are not this pipeline's categories" in result.output
    assert {name: (out.parent / name).read_bytes() for name in TABLES} == before
    assert sorted(path.name for path in (out.parent / ".cache").iterdir()) == cache


@pytest.mark.parametrize("texts", [{"en.txt": EN, "en2.md": EN}, {"th.txt": TH, "th2.md": TH}], ids=["en", "th"])
def test_a_run_where_every_file_fails_alike_is_fatal_and_keeps_the_previous_tables(tmp_path, monkeypatch, texts) -> None:
    folder, out = policies(tmp_path / "in", texts), tmp_path / "out" / "clauses.parquet"
    run_pipeline(folder, out, workers=1)
    before = {name: (out.parent / name).read_bytes() for name in TABLES}
    for path in folder.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # changed: not from the cache

    def broken(*args, **kwargs):
        raise RuntimeError("the classifier does not fit")

    monkeypatch.setattr("pipeline.runtime.worker.score_clauses", broken)
    with pytest.raises(RunFailedError, match="all 2 policy files failed with the same error"):
        run_pipeline(folder, out, workers=1)
    assert {name: (out.parent / name).read_bytes() for name in TABLES} == before
    assert sorted(path.name for path in (out.parent / RUNS_DIR).iterdir()) == sorted(["current", published_run(out.parent)["run_id"]])


@pytest.mark.parametrize("name", ["headings.parquet", "documents.parquet", "manifest.parquet"])
def test_an_output_name_that_collides_with_a_sibling_table_is_refused(tmp_path, name) -> None:
    folder = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH})
    result = runner.invoke(app, ["run", str(folder), "-o", str(tmp_path / "out" / name)])
    assert result.exit_code == EXIT_FATAL, result.output
    assert f"{name} is the name of the" in result.output and "choose another name" in result.output
    assert not (tmp_path / "out").exists()


def test_a_second_run_on_a_locked_folder_is_refused_and_touches_nothing(tmp_path) -> None:
    folder, out = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH}), tmp_path / "out" / "clauses.parquet"
    run_pipeline(folder, out, workers=1)
    before = {name: (out.parent / name).read_bytes() for name in TABLES}
    with lock_output(out.parent):
        other = out.parent / RUNS_DIR / "20990101T000000Z-other"  # the holder's tables being written
        other.mkdir()
        (other / "clauses.parquet").write_bytes(b"half written")
        result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--no-file-timeout", "--workers", "1"])
        assert result.exit_code == EXIT_FATAL, result.output
        assert "is being written by another run (pid" in result.output
        assert (other / "clauses.parquet").read_bytes() == b"half written"
    assert {name: (out.parent / name).read_bytes() for name in TABLES} == before


def test_a_lock_left_by_a_dead_run_is_taken_over(tmp_path) -> None:
    folder, out = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH}), tmp_path / "out" / "clauses.parquet"
    out.parent.mkdir(parents=True)
    (out.parent / LOCK_FILE).write_text("pid 999999 on elsewhere, started 2020-01-01T00:00:00+00:00\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--no-file-timeout", "--workers", "1"])
    assert result.exit_code == EXIT_OK, result.output
    assert f"pid {os.getpid()}" in (out.parent / LOCK_FILE).read_text(encoding="utf-8")


def test_tables_written_by_an_earlier_version_are_kept_until_the_new_set_is_published(tmp_path) -> None:
    folder, out = policies(tmp_path / "in", {"en.txt": EN, "th.txt": TH}), tmp_path / "out" / "clauses.parquet"
    first = run_pipeline(folder, out, workers=1)
    for name in TABLES:  # plain files, as versions before the linked layout wrote them
        data = (out.parent / name).read_bytes()
        (out.parent / name).unlink()
        (out.parent / name).write_bytes(data)
    shutil.rmtree(out.parent / RUNS_DIR)
    before = shown_set(out)
    point = 0
    while True:
        status = run_in_child(folder, out, kill_before=point)
        after = shown_set(out)
        assert_old_or_new(before, after)
        if os.WIFEXITED(status):
            break
        point += 1
    assert len(pd.read_parquet(out)) == len(first.clauses)

"""Worker processes the run watches: a time limit per file, stopped workers replaced, no worker outliving its run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import psutil
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_SOME_FAILED, app
from pipeline.config import DEFAULT_MANIFEST_NAME, DEFAULT_MODEL_DIR
from pipeline.runtime.processes import WorkerPool
from pipeline.runtime.worker import FileTask, RunSettings
from tests.conftest import SEED_FILES
from tests.paths import REPO

runner = CliRunner()
EN = "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days.\n"
TH = "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้\n"
#: Copies of the five seeds in one file: about 1.6 MB of real policy text, several seconds of honest work
#: on any machine (about 10 s on the two cores this was written on), far over a limit of one second.
SLOW_COPIES = 30
BUSY_CPU_SECONDS = 10


def write_slow_policy(path, copies: int = SLOW_COPIES) -> None:
    path.write_text("".join(seed.read_text(encoding="utf-8") for seed in SEED_FILES) * copies, encoding="utf-8")


@pytest.mark.parametrize("small", [EN, TH], ids=["en", "th"])
def test_a_file_over_the_time_limit_times_out_and_the_batch_goes_on(tmp_path, small) -> None:
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    folder.mkdir()
    write_slow_policy(folder / "a_slow.txt")
    (folder / "b_policy.txt").write_text(small, encoding="utf-8")
    (folder / "c_policy.md").write_text(small, encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--workers", "1", "--file-timeout", "1"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    manifest = pd.read_parquet(out.with_name(DEFAULT_MANIFEST_NAME)).set_index("doc_id")
    assert manifest.loc["a_slow.txt", ["status", "error"]].tolist() == ["failed", "timeout"]
    assert "time limit of 1 s" in manifest.loc["a_slow.txt", "message"]
    assert manifest.loc[["b_policy.txt", "c_policy.md"], "status"].tolist() == ["ok", "ok"]
    assert "a_slow.txt: timeout: not done within the time limit of 1 s" in result.output
    clauses = pd.read_parquet(out)
    assert set(clauses["doc_id"]) == {"b_policy.txt", "c_policy.md"}


def test_a_stopped_worker_is_timed_out_and_replaced(tmp_path) -> None:
    for name, text in (("en.txt", EN), ("th.txt", TH), ("en2.txt", EN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = RunSettings(str(DEFAULT_MODEL_DIR), "test", "run", 1_000_000)
    task = lambda name: FileTask(str(tmp_path / name), name)  # noqa: E731
    pool = WorkerPool(1, str(DEFAULT_MODEL_DIR), file_timeout=2)
    try:
        assert [r.record["status"] for r in pool.map([task("en.txt")], settings)] == ["ok"]
        stopped = pool.workers[0].process
        os.kill(stopped.pid, signal.SIGSTOP)
        results = list(pool.map([task("th.txt"), task("en2.txt")], settings))
        assert [(r.record["doc_id"], r.record["status"], r.record["error"]) for r in results] == [
            ("th.txt", "failed", "timeout"), ("en2.txt", "ok", None)]
        assert not stopped.is_alive()
        assert pool.workers[0].process.pid != stopped.pid
    finally:
        pool.close()


def test_a_slow_first_file_holding_the_window_does_not_stop_the_batch(tmp_path) -> None:
    """One worker on a slow file while the other finishes the rest of the window: the tasks after it still go out.

    The pool sends at most four tasks per worker past the first result not yet
    handed back; the run crashed (``min() arg is an empty sequence``) when
    every worker was idle, waiting on that window, at the moment the slow
    result came in (a 10,000-file run).
    """
    write_slow_policy(tmp_path / "slow.txt", copies=2)
    names = ["slow.txt"]
    for index in range(11):
        names.append(f"small_{index:02d}.txt")
        (tmp_path / names[-1]).write_text(EN if index % 2 else TH, encoding="utf-8")
    settings = RunSettings(str(DEFAULT_MODEL_DIR), "test", "run", 1_000_000)
    pool = WorkerPool(2, str(DEFAULT_MODEL_DIR), file_timeout=None)
    try:
        results = list(pool.map([FileTask(str(tmp_path / name), name) for name in names], settings))
    finally:
        pool.close()
    assert [(r.record["doc_id"], r.record["status"]) for r in results] == [(name, "ok") for name in names]


@pytest.mark.parametrize("workers", [0, -1])
def test_a_pool_without_workers_is_refused(workers) -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        WorkerPool(workers, str(DEFAULT_MODEL_DIR), file_timeout=5)


def test_workers_die_with_a_killed_run_even_while_busy(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_slow_policy(folder / "slow.txt")
    code = ("from pipeline.runtime.run import run_pipeline; "
            f"run_pipeline({str(folder)!r}, {str(tmp_path / 'out' / 'c.parquet')!r}, workers=1, file_timeout=600)")
    process = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(REPO)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    run = psutil.Process(process.pid)
    # Busy: it has spent more CPU time than importing the pipeline and loading the model take (about 5 s).
    while not any(child.cpu_times().user > BUSY_CPU_SECONDS for child in run.children()):
        assert process.poll() is None and time.monotonic() < deadline, "the worker never got busy"
        time.sleep(0.2)
    children = run.children(recursive=True)
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(children, timeout=15)
    for child in alive:
        child.kill()
    assert not alive, f"worker processes outlived the killed run: {alive}"

"""What a user sees while a run goes: progress with files, clauses and an ETA; Ctrl-C that says what was kept."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import psutil
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_INTERRUPTED, EXIT_OK, app
from pipeline.config import DEFAULT_CACHE_NAME
from pipeline.export.output_set import RUNS_DIR
from pipeline.runtime.cache import DocumentCache
from pipeline.runtime.run import run_pipeline
from tests.paths import REPO
from tests.test_processes import EN, TH, write_slow_policy

runner = CliRunner()


@pytest.mark.parametrize("text", [EN, TH], ids=["en", "th"])
def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path, monkeypatch, text) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr("pipeline.cli.DEFAULT_PROGRESS_MIN_FILES", 0)
    monkeypatch.setattr("pipeline.cli.DEFAULT_PROGRESS_LOG_SECONDS", 0)
    result = runner.invoke(app, ["run", str(folder), "-o", str(tmp_path / "out" / "c.parquet"), "--workers", "1", "--no-file-timeout"])
    assert result.exit_code == EXIT_OK, result.output
    lines = re.findall(r"progress: (\d+)/3 files, (\d+) clauses, [\d.]+ files/s, about [0-9hms]+ left", result.output)
    clauses = run_pipeline(folder, None, workers=1).summary()["clauses"]
    assert [int(done) for done, _ in lines] == [1, 2, 3]
    assert int(lines[-1][1]) == clauses and int(lines[0][1]) == clauses // 3


def test_ctrl_c_stops_cleanly_keeps_the_previous_tables_and_says_how_to_resume(tmp_path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out" / "clauses.parquet"
    folder.mkdir()
    (folder / "d_previous.txt").write_text(EN + TH, encoding="utf-8")
    run_pipeline(folder, out, workers=1)
    before = {path.name: path.read_bytes() for path in out.parent.glob("*.parquet")}
    cache = DocumentCache(out.parent / DEFAULT_CACHE_NAME)
    (folder / "a_en.txt").write_text(EN, encoding="utf-8")
    (folder / "b_th.txt").write_text(TH, encoding="utf-8")
    write_slow_policy(folder / "c_slow.txt")
    command = [sys.executable, "-m", "pipeline.cli", "run", str(folder), "-o", str(out), "--workers", "1"]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    run = psutil.Process(process.pid)
    deadline = time.monotonic() + 300
    while cache.entries() < 3:  # a_en and b_th are done (d_previous, last in order, was kept before): c_slow is being processed
        assert process.poll() is None and time.monotonic() < deadline, process.stderr.read() if process.poll() is not None else "no progress"
        time.sleep(0.2)
    time.sleep(1)
    children = run.children(recursive=True)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole foreground group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == EXIT_INTERRUPTED, stderr
    assert "interrupted: the tables at" in stderr and "are unchanged" in stderr
    assert "2 of 4 files finished and are kept in" in stderr and "Run the same command again to resume" in stderr
    assert "Traceback" not in stderr
    assert {path.name: path.read_bytes() for path in out.parent.glob("*.parquet")} == before
    assert len(list((out.parent / RUNS_DIR).iterdir())) == 2  # the published run and its link; nothing half-written
    _, alive = psutil.wait_procs(children, timeout=15)
    for child in alive:
        child.kill()
    assert not alive

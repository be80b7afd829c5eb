"""Paths as they come: only regular files are read, links stay inside the input folder unless asked, odd names are kept."""

from __future__ import annotations

import os
import pathlib
import stat
import threading

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_OK, EXIT_SOME_FAILED, app
from pipeline.ingest.files import IngestError, read_bytes
from pipeline.runtime.run import run_pipeline

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this OS has no FIFOs")
runner = CliRunner()

POLICIES = {
    "en": "Privacy Policy\n\nWe collect your name and e-mail address. We keep server logs for 90 days.\n",
    "th": "นโยบายความเป็นส่วนตัว\n\nบริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเพื่อให้บริการ ท่านมีสิทธิขอให้ลบข้อมูลได้\n",
}


def _error(path, **options) -> IngestError:
    with pytest.raises(IngestError) as caught:
        read_bytes(path, **options)
    return caught.value


@needs_fifo
@pytest.mark.parametrize("via_link", [False, True], ids=["fifo", "link-to-fifo"])
def test_a_fifo_is_refused_without_blocking(tmp_path, via_link) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    path = tmp_path / "pipe.txt"
    if via_link:
        (tmp_path / "link.md").symlink_to(path)
        path = tmp_path / "link.md"
    error = _error(path)
    assert (error.kind, error.status) == ("not_a_file", "unsupported")
    assert "FIFO" in error.message


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_device_is_refused(tmp_path) -> None:
    (tmp_path / "null.txt").symlink_to("/dev/null")
    assert _error(tmp_path / "null.txt").kind == "not_a_file"


@needs_fifo
def test_a_file_swapped_for_a_fifo_after_its_check_is_refused_not_read(tmp_path, monkeypatch) -> None:
    """The metadata said regular file, then a FIFO stood there: opening it must not wait for a writer."""
    pipe = tmp_path / "swapped.txt"
    os.mkfifo(pipe)
    regular = os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    real_stat = pathlib.Path.stat
    monkeypatch.setattr(pathlib.Path, "stat", lambda self, **kw: regular if self == pipe else real_stat(self, **kw))
    outcome: list = []

    def read() -> None:
        try:
            read_bytes(pipe)
        except IngestError as error:
            outcome.append(error.kind)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=60)
    if reader.is_alive():  # blocked in open(): a writer lets it go, so that the test run itself can end
        os.close(os.open(pipe, os.O_WRONLY))
        reader.join()
    assert outcome == ["not_a_file"]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_link_that_leaves_the_input_folder_is_not_followed(tmp_path, lang) -> None:
    folder, outside = tmp_path / "in", tmp_path / "secret.txt"
    folder.mkdir()
    outside.write_text(POLICIES[lang], encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    (folder / "sub").mkdir()
    (folder / "inside.txt").write_text(POLICIES[lang], encoding="utf-8")
    (folder / "sub" / "link_inside.txt").symlink_to(folder / "inside.txt")
    (folder / "sub" / "relative_escape.txt").symlink_to(os.path.join("..", "..", "secret.txt"))

    for name in ("link.txt", "sub/relative_escape.txt"):
        error = _error(folder / name, inside=folder)
        assert (error.kind, error.status) == ("outside_input", "unsupported")
        assert str(outside) in error.message and "--follow-links" in error.message
    assert read_bytes(folder / "sub" / "link_inside.txt", inside=folder) == POLICIES[lang].encode()
    assert read_bytes(folder / "link.txt") == POLICIES[lang].encode()  # no folder given: links are followed


def test_a_folder_reached_through_a_link_counts_as_inside(tmp_path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "en.txt").write_text(POLICIES["en"], encoding="utf-8")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    assert read_bytes(tmp_path / "alias" / "en.txt", inside=tmp_path / "alias") == POLICIES["en"].encode()


def _folder_with_links(tmp_path) -> pathlib.Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for lang, text in POLICIES.items():
        (folder / f"{lang}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "elsewhere.md").write_text(POLICIES["en"], encoding="utf-8")
    (folder / "escape.md").symlink_to(tmp_path / "elsewhere.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        (folder / "link_to_pipe.txt").symlink_to(folder / "pipe.txt")
    return folder


def test_run_lists_links_that_leave_and_special_files_and_reads_the_rest(tmp_path) -> None:
    folder = _folder_with_links(tmp_path)
    result = run_pipeline(folder, tmp_path / "out" / "clauses.parquet", workers=1)
    manifest = result.manifest.set_index("doc_id")
    assert sorted(manifest.index) == sorted(path.name for path in folder.iterdir())
    assert manifest.loc[["en.txt", "th.txt"], "status"].tolist() == ["ok", "ok"]
    assert manifest.loc["escape.md", ["status", "error"]].tolist() == ["unsupported", "outside_input"]
    assert "outside the input folder" in manifest.loc["escape.md", "message"]
    if hasattr(os, "mkfifo"):
        for name in ("pipe.txt", "link_to_pipe.txt"):
            assert manifest.loc[name, ["status", "error"]].tolist() == ["unsupported", "not_a_file"]
    assert "escape.md" not in set(result.clauses["doc_id"])


def test_follow_links_reads_links_that_leave_the_input_folder(tmp_path) -> None:
    folder = _folder_with_links(tmp_path)
    result = run_pipeline(folder, tmp_path / "out" / "clauses.parquet", workers=1, follow_links=True)
    manifest = result.manifest.set_index("doc_id")
    assert manifest.loc["escape.md", "status"] == "ok"
    escaped = result.clauses[result.clauses["doc_id"] == "escape.md"]["text_raw"].tolist()
    assert escaped == ["We collect your name and e-mail address.", "We keep server logs for 90 days."]


def test_cli_follow_links_option(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "th.txt").write_text(POLICIES["th"], encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text(POLICIES["en"], encoding="utf-8")
    (folder / "escape.txt").symlink_to(tmp_path / "elsewhere.txt")
    out = ["--out", str(tmp_path / "out" / "clauses.parquet"), "--workers", "1"]
    refused = runner.invoke(app, ["run", str(folder), *out])
    assert refused.exit_code == EXIT_SOME_FAILED, refused.output
    assert "outside_input" in refused.output
    followed = runner.invoke(app, ["run", str(folder), *out, "--follow-links"])
    assert followed.exit_code == EXIT_OK, followed.output

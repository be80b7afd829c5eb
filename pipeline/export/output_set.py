"""The tables of one run become visible together: written aside, then switched in with one rename.

A run writes its tables into its own folder, ``.runs/<run_id>/`` beside the
clause table, with a ``run.json`` record written last. The names users read
(``clauses.parquet``, ``headings.parquet``, ...) are symbolic links through
``.runs/current``, itself a link to one run's folder; a run is published by
renaming a new ``current`` link over the old one, which the file system does
in one step. A run killed at any point therefore leaves the previous set or
the new one, never a mix: readers (pandas, DuckDB, ``clauses report``) open
the usual names and follow the links.

A folder written by an earlier version (plain files) is first turned into
this layout without changing what it shows: its files are linked into a run
folder of their own before the names become links.

One run at a time may write a folder: :func:`lock_output` holds a lock file
there for the run (``fcntl.flock``, released by the kernel when the process
ends, so a lock left by a killed run is taken over without asking).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .atomic import atomic_write_text

#: Folder beside the tables holding one folder per published run and the ``current`` link.
RUNS_DIR = ".runs"
CURRENT_LINK = "current"
#: The record a run writes into its folder, last, before it is published.
RUN_RECORD = "run.json"
#: Lock file in the output folder, held for the whole of a run.
LOCK_FILE = ".clauses-run.lock"
_LEGACY_RUN = "before-runs"


class OutputLockedError(RuntimeError):
    """Another run is writing the same output folder."""


@contextmanager
def lock_output(folder: str | Path) -> Iterator[Path]:
    """Hold the output folder's lock for the block; a clear error naming the other run when it is held."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputLockedError(f"{folder} is being written by another run ({holder}); wait for it to finish "
                                    "or choose another --out folder") from None
        handle.seek(0)
        handle.truncate()
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n")
        handle.flush()
        yield path
    finally:
        handle.close()  # releases the lock


class OutputSet:
    """The tables of one run, written under ``.runs/<run_id>/`` and published together by :meth:`publish`.

    ``names`` are the file names of the tables beside each other in
    ``folder``. Use :meth:`path` for where to write each table during the run.
    """

    def __init__(self, folder: str | Path, run_id: str, names: tuple[str, ...]) -> None:
        self.folder = Path(folder)
        self.runs = self.folder / RUNS_DIR
        self.run_id = run_id
        self.names = names
        self.staging = self.runs / run_id

    def path(self, name: str) -> Path:
        """Where the run writes the table ``name`` before it is published."""
        return self.staging / name

    def begin(self) -> None:
        """Remove what killed runs left (their unpublished folders), make this run's folder and the links of the names.

        The links exist before the first run is published (dangling until
        then, as if the tables were missing), so that publishing is one rename.
        """
        self._adopt_plain_files()
        for name in self.names:
            self._link_name(name)
        current = self._current_run()
        if self.runs.is_dir():
            for entry in self.runs.iterdir():
                if entry.name not in (current, CURRENT_LINK) and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                elif entry.is_symlink() and entry.name != CURRENT_LINK:
                    entry.unlink()
        self.staging.mkdir(parents=True)

    def abort(self) -> None:
        """Drop this run's folder: the published set stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def publish(self, record: dict) -> None:
        """Write the run record, then make this run's tables the ones every name shows, in one rename."""
        atomic_write_text(self.staging / RUN_RECORD, json.dumps({"run_id": self.run_id, "tables": list(self.names), **record},
                                                                ensure_ascii=False, indent=2) + "\n")
        _fsync_folder(self.staging)
        previous = self._current_run()
        self._link(self.runs / CURRENT_LINK, self.run_id)
        if previous not in (None, self.run_id):
            shutil.rmtree(self.runs / previous, ignore_errors=True)

    def _current_run(self) -> str | None:
        link = self.runs / CURRENT_LINK
        return os.readlink(link) if link.is_symlink() else None

    def _link(self, link: Path, target: str) -> None:
        """Point ``link`` at ``target`` in one rename (a new link beside it, renamed over it)."""
        link.parent.mkdir(parents=True, exist_ok=True)
        temporary = link.with_name(f".{link.name}.{self.run_id}.tmp")
        temporary.unlink(missing_ok=True)
        os.symlink(target, temporary)
        os.replace(temporary, link)
        _fsync_folder(link.parent)

    def _link_name(self, name: str) -> None:
        target = f"{RUNS_DIR}/{CURRENT_LINK}/{name}"
        link = self.folder / name
        if not (link.is_symlink() and os.readlink(link) == target):
            self._link(link, target)

    def _adopt_plain_files(self) -> None:
        """Turn tables an earlier version wrote as plain files into the linked layout, showing the same tables at every step."""
        plain = [name for name in self.names if (self.folder / name).exists() and not (self.folder / name).is_symlink()]
        if not plain:
            return
        legacy = self.runs / _LEGACY_RUN
        legacy.mkdir(parents=True, exist_ok=True)  # kept: names adopted by a killed attempt read through it
        for name in plain:
            (legacy / name).unlink(missing_ok=True)  # no name reads it: this one is still a plain file
            try:
                os.link(self.folder / name, legacy / name)
            except OSError:
                shutil.copy2(self.folder / name, legacy / name)
        self._link(self.runs / CURRENT_LINK, _LEGACY_RUN)
        for name in plain:
            self._link_name(name)


def _fsync_folder(folder: Path) -> None:
    """Make renames and new entries in ``folder`` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def published_run(folder: str | Path) -> dict | None:
    """The record of the run whose tables ``folder`` shows, or None for a folder without one."""
    record = Path(folder) / RUNS_DIR / CURRENT_LINK / RUN_RECORD
    try:
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None

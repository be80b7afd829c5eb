"""Worker processes that the run watches from outside: a time limit per file, and no worker outlives its run.

A file may take far longer than it should (a pattern that is slow on some
input, a C extension stuck in a loop) or its worker may be stopped
(``kill -STOP``). Neither is visible from inside the worker while it holds the
GIL, so the run keeps the clock itself: each worker gets one file at a time
over its own pipe, and when a file is not done within ``file_timeout``
seconds the run kills that worker (SIGKILL works on a stopped process too),
records the file as ``failed`` / ``timeout`` and starts a fresh worker.

Workers die with the run even when it is killed with SIGKILL: they are its
own children (started with ``spawn``, not from a fork server, which was seen
to outlive a killed run with its workers), and on Linux the kernel kills them
when it exits (``PR_SET_PDEATHSIG``), which needs no Python thread to run;
elsewhere a thread watches the run's pid. The kernel ties a worker to the
thread that started it: start the pool from a thread that lives as long as
the run (the main thread, as the CLI and a notebook do).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from .worker import DocumentResult, FileTask, RunSettings, failed_result, process_file, worker_model

#: Documents a run has in flight or finished but waiting for an earlier one, per worker: bounds memory.
DEFAULT_TASKS_PER_WORKER = 4
#: How often a worker checks that its run is alive where the kernel cannot do it for it (not Linux).
DEFAULT_ORPHAN_CHECK_SECONDS = 1.0
#: Seconds a worker gets to load the model and say it is ready.
DEFAULT_START_TIMEOUT = 300.0
_PR_SET_PDEATHSIG = 1


class WorkerStartError(RuntimeError):
    """A worker process died or hung before it could load the model."""


def _die_with(owner: int) -> None:
    """Make this worker end when the run (pid ``owner``, its parent) ends, or now if it already has.

    A run killed while the worker was still importing the pipeline is seen
    here, as soon as the imports are done.
    """
    if os.getppid() != owner:
        os._exit(1)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != owner:  # the parent died before the request took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading

    def exit_when_orphaned() -> None:
        while True:
            time.sleep(DEFAULT_ORPHAN_CHECK_SECONDS)
            if os.getppid() != owner:
                os._exit(1)

    threading.Thread(target=exit_when_orphaned, name="orphan-watch", daemon=True).start()


def serve(connection: Connection, model_dir: str, run_pid: int) -> None:
    """A worker's life: load the model, say ``ready``, then process one task at a time until the pipe closes.

    Ctrl-C is the run's business: the run stops the workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(run_pid)
    # One process per core already: BLAS threads of their own would only fight over the cores.
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    try:
        worker_model(model_dir)
    except Exception as error:  # noqa: BLE001 - sent to the run, which raises it
        connection.send(("error", error))
        return
    connection.send(("ready", None))
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        task, settings = message
        try:
            connection.send(("done", process_file(task, settings)))
        except Exception as error:  # noqa: BLE001 - a model error: not the file's fault, the run stops
            connection.send(("error", error))
            return


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    ready: bool = False
    index: int | None = None
    task: FileTask | None = None
    deadline: float = float("inf")


class WorkerPool:
    """Worker processes the run starts, feeds one task at a time, times and kills; see the module docstring."""

    def __init__(self, workers: int, model_dir: str, file_timeout: float | None) -> None:
        if workers < 1:
            raise ValueError(f"a worker pool needs at least one worker, not {workers}")
        # A clean interpreter rather than a fork of the run, which may hold threads (the progress display) and open files.
        self._context = multiprocessing.get_context("spawn")
        self.model_dir = model_dir
        self.file_timeout = file_timeout
        self.workers = [self._start() for _ in range(workers)]

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=serve, args=(theirs, self.model_dir, os.getpid()), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours, deadline=time.monotonic() + DEFAULT_START_TIMEOUT)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        self.workers[self.workers.index(worker)] = self._start()

    @staticmethod
    def _stop(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()

    def close(self) -> None:
        """Kill every worker (they hold nothing worth keeping: the run writes the output and the cache)."""
        for worker in self.workers:
            self._stop(worker)

    def map(self, tasks: Iterable[FileTask], settings: RunSettings) -> Iterator[DocumentResult]:
        """Process ``tasks`` and yield their results in task order."""
        remaining = enumerate(tasks)
        upcoming: tuple[int, FileTask] | None = next(remaining, None)
        finished: dict[int, DocumentResult] = {}
        next_index = 0
        window = len(self.workers) * DEFAULT_TASKS_PER_WORKER
        while True:
            # The results due go out of the window before new tasks are handed out (a task held back by the window may
            # go once the results before it are out), and are yielded after, so the workers are busy meanwhile.
            due = []
            while next_index in finished:
                due.append(finished.pop(next_index))
                next_index += 1
            for worker in self.workers:
                if upcoming is not None and worker.ready and worker.task is None and upcoming[0] < next_index + window:
                    worker.index, worker.task = upcoming
                    worker.deadline = time.monotonic() + (self.file_timeout if self.file_timeout is not None else float("inf"))
                    worker.connection.send((worker.task, settings))
                    upcoming = next(remaining, None)
            yield from due
            busy = [worker for worker in self.workers if worker.task is not None]
            if upcoming is None and not busy:
                return
            watched = [worker for worker in self.workers if worker.task is not None or not worker.ready]
            wait_for = min(worker.deadline for worker in watched) - time.monotonic()
            ready = wait([worker.connection for worker in watched], timeout=max(0.0, wait_for) if wait_for != float("inf") else None)
            for worker in [worker for worker in watched if worker.connection in ready]:
                self._receive(worker, settings, finished)
            now = time.monotonic()
            for worker in [worker for worker in self.workers if worker.deadline <= now]:
                if worker.task is None:
                    raise WorkerStartError(f"a worker process did not load the model {self.model_dir} within {DEFAULT_START_TIMEOUT:.0f} s")
                message = (f"not done within the time limit of {self.file_timeout:g} s (--file-timeout); "
                           "its worker process was stopped and replaced")
                finished[worker.index] = failed_result(worker.task, settings, "timeout", message, self.file_timeout)
                self._replace(worker)

    def _receive(self, worker: _Worker, settings: RunSettings, finished: dict[int, DocumentResult]) -> None:
        try:
            kind, payload = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(5)
            if worker.task is None:
                raise WorkerStartError(f"a worker process died while loading the model {self.model_dir} "
                                       f"(exit code {worker.process.exitcode})") from None
            message = f"its worker process died (exit code {worker.process.exitcode}) while processing it"
            finished[worker.index] = failed_result(worker.task, settings, "internal", message, 0.0)
            self._replace(worker)
            return
        if kind == "error":
            raise payload
        if kind == "done":
            finished[worker.index] = payload
        worker.ready, worker.index, worker.task, worker.deadline = True, None, None, float("inf")


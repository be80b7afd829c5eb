"""Engines: how the files of a run are mapped over :func:`pipeline.runtime.worker.process_file`.

Each engine is registered by name in :data:`ENGINES` and imports what it needs
only when called. Every engine yields the results in the order of the tasks,
whatever order the workers finish them in, and keeps only a bounded number
of documents in flight, so that the output is the same for any engine and
any number of workers, and memory does not grow with the corpus.

- ``local``: this process (one worker) or a pool of worker processes, each
  loading the model once.
- ``dask``: ``dask.bag`` partitions of the same tasks on a Dask cluster (a
  ``LocalCluster`` of this machine's cores when no scheduler is given). The
  workers read the input files and write the cache themselves, so on a real
  cluster both folders must be on a file system every worker sees, under the
  same paths.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from .worker import DocumentResult, FileTask, RunSettings, process_file, worker_model

#: Documents queued per worker: enough to keep every worker busy, few enough to bound memory.
DEFAULT_TASKS_PER_WORKER = 4
#: Documents per Dask partition (one task of the Dask graph).
DEFAULT_PARTITION_SIZE = 16
#: A worker process costs seconds to start (it loads the model); small batches get fewer of them.
DEFAULT_MIN_FILES_PER_WORKER = 32
#: How often a pool worker checks that the run that started it is still alive.
DEFAULT_ORPHAN_CHECK_SECONDS = 1.0

Engine = Callable[..., Iterator[DocumentResult]]


class EngineError(ValueError):
    """An unknown engine, or one whose libraries are not installed."""


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(files: int, workers: int | None = None) -> int:
    """How many workers a run over ``files`` files uses: ``workers``, or by default the cores, fewer for a small batch."""
    if workers is not None:
        if workers < 1:
            raise EngineError(f"workers must be at least 1, not {workers}")
        return max(1, min(workers, files))
    return max(1, min(default_workers(), -(-files // DEFAULT_MIN_FILES_PER_WORKER)))


def _start_worker(model_dir: str, owner: int) -> None:
    """Pool worker start-up: load the model once, and exit if the run that owns the pool (pid ``owner``) dies.

    A pool worker blocks on its task queue, whose write end it holds itself,
    and so does the fork server it came from: killed with SIGKILL, the run
    would leave them waiting for ever. The worker watches the run instead.
    """
    import threading
    import time

    def exit_when_orphaned() -> None:
        while True:
            time.sleep(DEFAULT_ORPHAN_CHECK_SECONDS)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass  # alive, under another user

    threading.Thread(target=exit_when_orphaned, name="orphan-watch", daemon=True).start()
    # One process per core already: BLAS threads of their own would only fight over the cores.
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    worker_model(model_dir)


def run_local(tasks: Iterable[FileTask], settings: RunSettings, workers: int = 1, scheduler: str | None = None) -> Iterator[DocumentResult]:
    """Process the tasks here (``workers=1``) or in a pool of ``workers`` processes."""
    if scheduler is not None:
        raise EngineError("--scheduler goes with --engine dask")
    if workers <= 1:
        for task in tasks:
            yield process_file(task, settings)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Workers start from a clean server process rather than a fork of this one (which may hold
    # threads and open files); the server imports the pipeline once for all of them.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["pipeline.runtime.worker"])
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(settings.model_dir, os.getpid()))
    try:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(process_file, task, settings))
            if len(pending) >= workers * DEFAULT_TASKS_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _process_partition(tasks: list[FileTask], settings: RunSettings) -> list[DocumentResult]:
    return [process_file(task, settings) for task in tasks]


def run_dask(tasks: Iterable[FileTask], settings: RunSettings, workers: int = 1, scheduler: str | None = None) -> Iterator[DocumentResult]:
    """Process the tasks as ``dask.bag`` partitions on the cluster at ``scheduler``, or on a new LocalCluster."""
    try:
        import dask.bag as bag
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise EngineError("the dask engine needs dask and distributed: pip install 'policy-clauses[dask]'") from error

    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
            )
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        # One small bag per partition, submitted as the run goes: the graph, the scheduler and
        # this process hold a bounded window of documents, never the whole corpus.
        window = max(1, len(client.scheduler_info()["workers"])) * 2
        pending: deque = deque()
        remaining = iter(tasks)
        for chunk in iter(lambda: list(islice(remaining, DEFAULT_PARTITION_SIZE)), []):
            partition = bag.from_sequence(chunk, npartitions=1).map_partitions(_process_partition, settings)
            pending.append(client.compute(partition))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: Engines by name.
ENGINES: dict[str, Engine] = {"local": run_local, "dask": run_dask}


def get_engine(name: str) -> Engine:
    """The engine called ``name``, or a clear error naming the known ones."""
    try:
        return ENGINES[name]
    except KeyError:
        raise EngineError(f"unknown engine {name!r}; known: {sorted(ENGINES)}") from None

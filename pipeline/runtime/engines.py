"""Engines: how the files of a run are mapped over :func:`pipeline.runtime.worker.process_file`.

Each engine is registered by name in :data:`ENGINES` and imports what it needs
only when called. Every engine yields the results in the order of the tasks,
whatever order the workers finish them in, and keeps only a bounded number
of documents in flight, so that the output is the same for any engine and
any number of workers, and memory does not grow with the corpus.

- ``local``: this process (one worker, no time limit) or worker processes
  the run starts, feeds, times and kills (:mod:`pipeline.runtime.processes`),
  each loading the model once.
- ``dask``: ``dask.bag`` partitions of the same tasks on a Dask cluster (a
  ``LocalCluster`` of this machine's cores when no scheduler is given). The
  workers read the input files and write the cache themselves, so on a real
  cluster both folders must be on a file system every worker sees, under the
  same paths.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from .worker import DocumentResult, FileTask, RunSettings, process_file

#: Documents per Dask partition (one task of the Dask graph).
DEFAULT_PARTITION_SIZE = 16
#: A worker process costs seconds to start (it loads the model); small batches get fewer of them.
DEFAULT_MIN_FILES_PER_WORKER = 32

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


def run_local(tasks: Iterable[FileTask], settings: RunSettings, workers: int = 1, scheduler: str | None = None,
              file_timeout: float | None = None) -> Iterator[DocumentResult]:
    """Process the tasks in ``workers`` processes the run watches (:class:`pipeline.runtime.processes.WorkerPool`).

    With one worker and no ``file_timeout`` they are processed here, in this
    process (as ``pipeline.run`` does in a notebook); a time limit needs a
    process that can be killed.
    """
    if scheduler is not None:
        raise EngineError("--scheduler goes with --engine dask")
    if workers <= 1 and file_timeout is None:
        for task in tasks:
            yield process_file(task, settings)
        return
    from .processes import WorkerPool

    pool = WorkerPool(workers, settings.model_dir, file_timeout)
    try:
        yield from pool.map(tasks, settings)
    finally:
        pool.close()


def _process_partition(tasks: list[FileTask], settings: RunSettings) -> list[DocumentResult]:
    return [process_file(task, settings) for task in tasks]


def run_dask(tasks: Iterable[FileTask], settings: RunSettings, workers: int = 1, scheduler: str | None = None,
             file_timeout: float | None = None) -> Iterator[DocumentResult]:
    """Process the tasks as ``dask.bag`` partitions on the cluster at ``scheduler``, or on a new LocalCluster.

    ``file_timeout`` is not enforced per file here: Dask cannot stop one task
    of a partition; the cluster's own limits apply.
    """
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

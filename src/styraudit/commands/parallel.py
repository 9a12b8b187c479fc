"""Judging many files on all cores, with output in input order whatever the parallelism.

Where the system can fork (Linux, macOS), workers are forked and inherit the loaded criteria pack
instead of loading it again. Where it cannot (Windows), workers are spawned: each gets the job
pickled once, and the criteria pack rebuilds itself from how it was made (engine/criteria/);
a job that cannot be pickled runs in one process. At most a few chunks per worker are in flight
at once: memory stays flat in the number of files.

Workers never outlive the run. On Linux each asks the kernel for SIGKILL when its parent dies
(prctl PR_SET_PDEATHSIG); elsewhere a forked worker watches a pipe whose other end only the
parent holds, and leaves when the pipe closes (a spawned one inherits no such pipe, and ends
when its task queue closes). When the run stops early (an error, Ctrl-C, SIGTERM) the parent
kills its workers rather than waiting for their queued work. Ctrl-C is the parent's to handle:
workers ignore it, so the terminal shows one message, not one traceback per worker. There are
never more workers than cores, nor than chunks of work.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import Location, Problem, UsageError

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 16
IN_FLIGHT_PER_WORKER = 4
_PR_SET_PDEATHSIG = 1
_JOB: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_count(jobs: int, items: int) -> int:
    """How many workers `jobs` asks for, capped at the cores and at one per chunk of work."""
    return max(1, min(jobs, default_jobs(), math.ceil(items / CHUNK)))


def _work(items: list[Any]) -> list[Any]:
    assert _JOB is not None
    function, extra = _JOB
    return [function(item, *extra) for item in items]


def _start(job: bytes, parent: int, watch_fd: int, parent_fd: int) -> None:
    """Worker start-up: the pickled job (spawned workers only), then end when the parent ends."""
    global _JOB
    if job:
        _JOB = pickle.loads(job)
    _die_with_parent(parent, watch_fd, parent_fd)


def _die_with_parent(parent: int, watch_fd: int, parent_fd: int) -> None:
    """End when the parent ends, however it ends; leave Ctrl-C to the parent. A spawned worker
    inherits no pipe (its descriptors are -1): it relies on the kernel's signal where there is one."""
    if parent_fd >= 0:
        os.close(parent_fd)  # only the parent may hold the writing end, or the pipe never closes
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux") and _pdeathsig():
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)
        return
    if watch_fd >= 0:
        threading.Thread(target=_watch, args=(watch_fd,), daemon=True).start()


def _pdeathsig() -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(fd: int) -> None:
    with contextlib.suppress(OSError):
        while os.read(fd, 1):
            pass
    os._exit(1)  # the parent's end of the pipe closed: it is gone


# Allocations between two collections of the youngest generation (Python's default: 700).
YOUNG_COLLECTION_AFTER = 10_000


@contextlib.contextmanager
def settled_heap() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a long run's way; as it was again afterwards.

    What is loaded before the files are judged (the modules, the criteria pack) lives for the whole
    run, yet each full collection walked all of it again; frozen, it is never walked (and forked
    workers share its pages). Judging a case allocates thousands of short-lived objects, which
    reference counting frees, and collecting the youngest generation every 700 allocations was
    most of the rest: together about 5 % of judging 1,000 cases, in time the collector reports."""
    previous = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(previous[0], YOUNG_COLLECTION_AFTER), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


def start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def ordered_map(
    function: Callable[..., R], items: Sequence[T], extra: tuple[Any, ...], jobs: int, method: str | None = None
) -> Iterator[R]:
    """Yield function(item, *extra) for each item, in order; in worker processes when it pays."""
    global _JOB
    method = method or start_method()
    workers = worker_count(jobs, len(items))
    job = _pickled((function, extra)) if method != "fork" else b""
    if workers <= 1 or len(items) < 2 * CHUNK or job is None:
        for item in items:
            yield function(item, *extra)
        return
    _JOB = (function, extra)
    read_end, write_end = os.pipe() if method == "fork" else (-1, -1)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start,
        initargs=(job, os.getpid(), read_end, write_end),
    )
    finished = False
    try:
        yield from _in_order(pool, [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)], workers)
        finished = True
    finally:
        _JOB = None
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)


def _in_order(pool: ProcessPoolExecutor, chunks: list[list[Any]], workers: int) -> Iterator[Any]:
    pending: deque[Future[list[Any]]] = deque()
    queue = iter(chunks)
    for chunk in queue:
        pending.append(pool.submit(_work, chunk))
        if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            break
    while pending:
        try:
            done = pending.popleft().result()
        except BrokenProcessPool:
            raise UsageError(
                [
                    Problem(
                        Location("--jobs"),
                        "a worker process ended unexpectedly",
                        "run again with -j 1 to see which file",
                        "usage",
                    )
                ]
            ) from None
        nxt = next(queue, None)
        if nxt is not None:
            pending.append(pool.submit(_work, nxt))
        yield from done


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers at once: their queued work is no longer wanted.

    ProcessPoolExecutor has no public way to do this before Python 3.14 (`kill_workers`);
    its `_processes` table is the documented-by-source fallback.
    """
    kill = getattr(pool, "kill_workers", None)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if kill is not None:
        with contextlib.suppress(Exception):
            kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    _end_the_wait_for_results(results, manager)


def _end_the_wait_for_results(results: Any, manager: threading.Thread | None) -> None:
    """A worker killed while it sent a result leaves half a message in the result pipe, and the
    pool's manager thread waits for the rest for ever: the interpreter joins that thread at exit,
    so the run would hang after its message. The workers are dead and the parent holds the pipe's
    last writing end; closing it ends that wait with end-of-file, which the pool takes as broken."""
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    if manager is not None:
        manager.join(timeout=5)


def _pickled(job: tuple[Callable[..., Any], tuple[Any, ...]]) -> bytes | None:
    try:
        return pickle.dumps(job)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # not every job can travel to a spawned worker; it then runs here

"""Judging many files on all cores, with output in input order whatever the parallelism.

Where the system can fork (Linux, macOS), workers are forked and inherit the loaded criteria pack
instead of loading it again. Where it cannot (Windows), workers are spawned: each gets the job
pickled once, and the criteria pack rebuilds itself from how it was made (engine/criteria.py);
a job that cannot be pickled runs in one process. At most a few chunks per worker are in flight
at once: memory stays flat in the number of files.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 16
IN_FLIGHT_PER_WORKER = 4
_JOB: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _work(items: list[Any]) -> list[Any]:
    assert _JOB is not None
    function, extra = _JOB
    return [function(item, *extra) for item in items]


def _receive(job: bytes) -> None:
    """A spawned worker's start: the job the parent pickled."""
    global _JOB
    _JOB = pickle.loads(job)


def start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def ordered_map(
    function: Callable[..., R], items: Sequence[T], extra: tuple[Any, ...], jobs: int, method: str | None = None
) -> Iterator[R]:
    """Yield function(item, *extra) for each item, in order; in worker processes when it pays."""
    global _JOB
    method = method or start_method()
    job = _pickled((function, extra)) if method != "fork" else b""
    if jobs <= 1 or len(items) < 2 * CHUNK or job is None:
        for item in items:
            yield function(item, *extra)
        return
    _JOB = (function, extra)
    chunks = [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
    context = multiprocessing.get_context(method)
    setup: dict[str, Any] = {} if method == "fork" else {"initializer": _receive, "initargs": (job,)}
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, **setup) as pool:
            pending: deque[Future[list[R]]] = deque()
            queue = iter(chunks)
            for chunk in queue:
                pending.append(pool.submit(_work, chunk))
                if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                    break
            while pending:
                done = pending.popleft().result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.append(pool.submit(_work, nxt))
                yield from done
    finally:
        _JOB = None


def _pickled(job: tuple[Callable[..., Any], tuple[Any, ...]]) -> bytes | None:
    try:
        return pickle.dumps(job)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # not every job can travel to a spawned worker; it then runs here

"""Judging many files on all cores, with output in input order whatever the parallelism.

Workers are forked, so they inherit the loaded criteria pack instead of loading it again. At
most a few chunks per worker are in flight at once: memory stays flat in the number of files.
"""

from __future__ import annotations

import multiprocessing
import os
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


def ordered_map(function: Callable[..., R], items: Sequence[T], extra: tuple[Any, ...], jobs: int) -> Iterator[R]:
    """Yield function(item, *extra) for each item, in order; in worker processes when it pays."""
    global _JOB
    if jobs <= 1 or len(items) < 2 * CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            yield function(item, *extra)
        return
    _JOB = (function, extra)
    chunks = [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
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

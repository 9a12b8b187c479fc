"""A progress bar on stderr for long runs, and only where a person watches it.

Shown when stderr is a terminal and the run has already taken a second; never in CI logs or
when stderr is piped. The bar is transient (gone when the run ends). When standard output is the
same terminal, it is printed above the bar while the bar runs, so findings stay readable; a
piped standard output is left alone.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..text.i18n import _

T = TypeVar("T")
AFTER_SECONDS = 1.0


def wanted() -> bool:
    """A person is watching stderr: it is a terminal, not a dumb one."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


def progress(items: Iterable[T], total: int, after: float = AFTER_SECONDS) -> Iterator[T]:
    """Yield `items`; past `after` seconds, with a terminal on stderr, show how many of `total` are done."""
    if total < 2 or not wanted():
        yield from items
        return
    start = time.monotonic()
    bar: Any = None
    task: Any = None
    try:
        for done, item in enumerate(items, 1):
            if bar is None and time.monotonic() - start >= after:
                bar, task = _start(total)
            if bar is not None:
                bar.update(task, completed=done)
            yield item
    finally:
        if bar is not None:
            bar.stop()


def _start(total: int) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn(_("checking")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
        redirect_stdout=_same_terminal(),
        redirect_stderr=False,
    )
    bar.start()
    return bar, bar.add_task("check", total=total)


def _same_terminal() -> bool:
    try:
        return sys.stdout.isatty() and os.path.samestat(os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno()))
    except (OSError, ValueError, AttributeError):
        return False

"""One time bound per judged case instead of two timer calls per rendered text.

Every criterion text must stop within MAX_RENDER_SECONDS (a loop that writes nothing runs for
hours). Arming SIGALRM around each render cost two system calls and a handler swap per text, a
seventh of rendering. Instead `case_bound` arms one interval timer around judging a case; a
render only notes when it started, and the timer's handler stops the render under way once it
has run past the bound. Outside a case (or where there is no SIGALRM) a render falls back to its
own deadline (text/jinja.py), so no render is ever unbounded where a timer exists.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from .jinja import TimeLimitExceeded, deadline

TICK = 0.05  # after the first bound has passed, how often the handler looks again (the bound's precision)


class _Clock:
    armed = False
    seconds = 0.0
    started: float | None = None  # when the render under way began (time.monotonic), None between renders


_CLOCK = _Clock()


def _expire(signum: int, frame: Any) -> None:
    started = _CLOCK.started
    if started is not None and time.monotonic() - started >= _CLOCK.seconds:
        _CLOCK.started = None
        raise TimeLimitExceeded(f"the template ran longer than {_CLOCK.seconds:g} seconds")


@contextlib.contextmanager
def case_bound(seconds: float) -> Iterator[None]:
    """Bound every render inside the block by `seconds`, with one timer for the whole block."""
    if _CLOCK.armed or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield  # already bounded, or renders keep their own deadline
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, TICK)  # nothing can run past the bound before it has passed once
    _CLOCK.armed, _CLOCK.seconds, _CLOCK.started = True, seconds, None
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _CLOCK.armed, _CLOCK.started = False, None


class rendering:  # lower case: it is used as the function it replaces was
    """A render bounded by `seconds`: by the case's timer when one is armed, else by its own.

    A class rather than a generator: it is entered for every text rendered, and a generator's
    context manager cost as much as the note it takes."""

    __slots__ = ("fallback", "outer", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds, self.outer, self.fallback = seconds, None, None

    def __enter__(self) -> None:
        if not _CLOCK.armed:
            self.fallback = deadline(self.seconds)
            self.fallback.__enter__()
            return
        self.outer, _CLOCK.started = _CLOCK.started, time.monotonic()

    def __exit__(self, *exc: Any) -> bool | None:
        if self.fallback is not None:
            return self.fallback.__exit__(*exc)
        _CLOCK.started = self.outer
        return None

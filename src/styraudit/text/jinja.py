"""One Jinja2 sandbox for every template: criteria texts and report templates alike.

The sandbox stops attribute escapes but not resource bombs (NOTES.md: `'a' * 10**9` ran 33 s),
so the arithmetic operators are intercepted and bounded, and undefined names are errors.
"""

from __future__ import annotations

import contextlib
import operator
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import StrictUndefined, select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_RESULT_LENGTH = 100_000
MAX_POWER = 1_000
MAX_NUMBER = 10**12
MAX_RENDER_SECONDS = 2.0  # a criterion text is a sentence or two; nested loops can run for hours

_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}


class BoundedSandbox(SandboxedEnvironment):
    """A sandbox whose operators refuse to build huge strings, lists or numbers."""

    intercepted_binops = frozenset(_OPERATORS)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**" and isinstance(right, int | float) and abs(right) > MAX_POWER:
            raise SecurityError(f"the power {right} is larger than {MAX_POWER}")
        if operator_name == "*" and _sized(left, right) and _product(left, right) > MAX_RESULT_LENGTH:
            raise SecurityError(f"a repetition longer than {MAX_RESULT_LENGTH} is refused")
        result = _OPERATORS[operator_name](left, right)
        if isinstance(result, str | list | tuple) and len(result) > MAX_RESULT_LENGTH:
            raise SecurityError(f"a result longer than {MAX_RESULT_LENGTH} is refused")
        if isinstance(result, int) and abs(result) > MAX_NUMBER:
            raise SecurityError(f"a number larger than {MAX_NUMBER} is refused")
        return result


def _sized(left: Any, right: Any) -> bool:
    return any(isinstance(x, str | list | tuple) for x in (left, right)) and any(isinstance(x, int) for x in (left, right))


def _product(left: Any, right: Any) -> int:
    length = len(left) if isinstance(left, str | list | tuple) else len(right)
    count = right if isinstance(right, int) else left
    return length * max(count, 0)


class TimeLimitExceeded(SecurityError):
    """A template ran past its deadline."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise SecurityError when the block runs longer than `seconds`.

    The operator caps above bound sizes, not time: `{% for i in range(99999) %}{% for j in
    range(99999) %}{% endfor %}{% endfor %}` writes nothing and never ends. A real-time timer
    (SIGALRM) interrupts it. Where no timer is available (Windows, a thread other than the
    main one) the block runs unbounded.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"the template ran longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def environment(*, html: bool = False, loader: Any = None) -> BoundedSandbox:
    """A bounded sandbox with strict undefined; autoescaping for HTML templates."""
    autoescape = select_autoescape(["html", "htm", "xml"], default_for_string=html, default=html)
    env = BoundedSandbox(
        undefined=StrictUndefined,
        autoescape=autoescape,
        loader=loader,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from .swedish import FILTERS

    env.filters.update(FILTERS)
    return env

"""Pre-checks for Jinja's filters that can build far more than they are given (text/bounds.py
says why): each reads the filter's arguments by name and refuses, before the filter runs, a
result past MAX_RESULT_LENGTH. `join` and `sum` first turn a generator into a list, so that
what they would join is counted, not guessed."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from .bounds import TooLarge, check_percent, number, padded, refuse_over, replaced, weight

MAX_JSON_INDENT = 8


def _f_center(a: dict[str, Any]) -> None:
    padded(str(a["value"]), a["width"])


def _f_indent(a: dict[str, Any]) -> None:
    text, width = str(a["s"]), a["width"]
    per_line = len(width) if isinstance(width, str) else number(width)
    refuse_over(len(text) + (text.count("\n") + 1) * per_line, "an indented text")


def _f_wordwrap(a: dict[str, Any]) -> None:
    text, width, wrap = str(a["s"]), max(number(a["width"]), 1), a["wrapstring"] or "\n"
    breaks = len(text) // width + text.count(" ") + text.count("\n") + 1
    refuse_over(len(text) + breaks * len(str(wrap)), "a wrapped text")


def _f_replace(a: dict[str, Any]) -> None:
    replaced(str(a["s"]), a["old"], a["new"], a["count"])


def _f_format(a: dict[str, Any]) -> None:
    check_percent(str(a["value"]), a["kwargs"] or a["args"])


def _f_counts(a: dict[str, Any]) -> None:
    for name in ("linecount", "slices"):
        if name in a:
            refuse_over(number(a[name]), f"a {name}")


def _f_tojson(a: dict[str, Any]) -> None:
    if number(a["indent"]) > MAX_JSON_INDENT:
        raise TooLarge(f"tojson indents by at most {MAX_JSON_INDENT}")


FILTER_CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "center": _f_center,
    "indent": _f_indent,
    "wordwrap": _f_wordwrap,
    "replace": _f_replace,
    "format": _f_format,
    "batch": _f_counts,
    "slice": _f_counts,
    "tojson": _f_tojson,
}
_MATERIALISE = {"join": ("value", "d"), "sum": ("iterable", "start")}


def _materialised(a: dict[str, Any], name: str) -> None:
    items_key, extra_key = _MATERIALISE[name]
    items = a[items_key] = list(a[items_key])
    joiner = a.get(extra_key)
    size = sum(weight(i) for i in items) + weight(joiner) * (len(items) if name == "join" else 1)
    refuse_over(size, "a joined result")


def bounded_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters with a pre-check in front of each amplifying one."""
    return {name: _guard(name, f) if name in FILTER_CHECKS or name in _MATERIALISE else f for name, f in filters.items()}


def _guard(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(function)  # of the plain filter, behind Jinja's async wrapper
    # Jinja passes a filter marked pass_eval_context (its async wrapper is) the context first;
    # the plain filter's signature may not name it.
    passed = getattr(function, "jinja_pass_arg", None) is not None
    skip = int(passed and next(iter(signature.parameters), "") not in ("eval_ctx", "environment", "context"))

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args[skip:], **kwargs)
        bound.apply_defaults()
        if name in _MATERIALISE:
            _materialised(bound.arguments, name)
        else:
            FILTER_CHECKS[name](bound.arguments)
        return function(*args[:skip], *bound.args, **bound.kwargs)

    return guarded

"""Size bounds for everything a user's template computes, checked before the memory is taken.

Jinja's sandbox bounds `range` and stops attribute escapes, but not what filters, string
methods and operators build (NOTES.md): `'a'|center(10**11)`, `'%1000000000s'|format('a')`,
`s|indent(10**9)`, `s|replace('a', 'a'*100000)`, `items|join(sep)` each allocate gigabytes
before any check could look at the result. So every way to build a value is bounded *ahead*:

- the amplifying filters get a pre-check from the sizes of their arguments (text/filter_bounds.py);
- string methods (center, ljust, zfill, expandtabs, replace, join, format) get the same
  (`check_call`); a method that mutates a list or dict is checked right after it ran;
- operators, `~` and list, tuple and dict literals are checked by the code generator's hooks.

A value's size (`weight`) counts characters of text and one per item, nested items expanded:
`[s, s]` weighs twice `s`. Every value a template makes stays within MAX_RESULT_LENGTH, so a
doubling loop stops at the first step past it.
"""

from __future__ import annotations

import inspect
import re
import string
from collections.abc import Iterable
from typing import Any

from jinja2.exceptions import SecurityError

MAX_RESULT_LENGTH = 1_000_000
MAX_POWER = 1_000
MAX_NUMBER = 10**12
_SIZED = (str, bytes, list, tuple)
_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TooLarge(SecurityError):
    """A template would build a value past the bound."""


def weight(value: Any, limit: int = MAX_RESULT_LENGTH) -> int:
    """Characters of text plus one per item, nested items expanded; stops counting past `limit`."""
    total, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset):
            total += 1
            stack.extend(item)
        elif isinstance(item, dict):
            total += 1
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            total += 1
        if total > limit:
            return total
    return total


def refuse_over(size: int, what: str) -> None:
    if size > MAX_RESULT_LENGTH:
        raise TooLarge(f"{what} longer than {MAX_RESULT_LENGTH} is refused")


def checked(value: Any, what: str = "a result") -> Any:
    """`value`, if it is within the bounds; else TooLarge."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TooLarge(f"a number larger than {MAX_NUMBER} is refused")
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        refuse_over(weight(value), what)
    return value


def number(value: Any) -> int:
    """`value` if it is a whole number (not a bool), else 0: sizes count only what is a count."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before computing it."""
    if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_POWER:
        raise TooLarge(f"the power {right} is larger than {MAX_POWER}")
    if operator == "*" and isinstance(left, _SIZED) != isinstance(right, _SIZED):
        sequence, count = (left, right) if isinstance(left, _SIZED) else (right, left)
        refuse_over(weight(sequence) * max(number(count), 0), "a repetition")
    if operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
        refuse_over(weight(left) + weight(right), "a result")
    if operator == "%" and isinstance(left, str):
        check_percent(left, right)


def check_percent(template: str, arguments: Any) -> None:
    """`template % arguments`: widths and precisions within the bound, none taken from the arguments."""
    count = 0
    for match in _PERCENT.finditer(template):
        count += 1
        for number in match.groups():
            if number == "*":
                raise TooLarge("a width or precision taken from the arguments (*) is refused")
            if number and (len(number) > 7 or int(number) > MAX_RESULT_LENGTH):
                raise TooLarge(f"a width or precision over {MAX_RESULT_LENGTH} is refused")
    refuse_over(len(template) + count * weight(arguments), "a formatted text")


def check_format(template: str, arguments: Any) -> None:
    """`template.format(...)`: the same bounds, and no field nested inside a format spec."""
    count = 0
    for _, field, spec, _ in string.Formatter().parse(template):
        if field is None:
            continue
        count += 1
        if spec and "{" in spec:
            raise TooLarge("a field inside a format specification is refused")
        for number in re.findall(r"\d+", spec or ""):
            if len(number) > 7 or int(number) > MAX_RESULT_LENGTH:
                raise TooLarge(f"a width or precision over {MAX_RESULT_LENGTH} is refused")
    refuse_over(len(template) + count * weight(arguments), "a formatted text")


def padded(text: str, width: Any) -> None:
    """Refuse padding `text` to a width past the bound (center, ljust, zfill)."""
    refuse_over(max(len(text), number(width)), "a padded text")


def _str_method(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Pre-check a string method call; returns the arguments to call it with (join's, materialised)."""
    first = args[0] if args else next(iter(kwargs.values()), None)
    if name in ("center", "ljust", "rjust", "zfill"):
        padded(text, first)
    elif name == "expandtabs":
        refuse_over(len(text) + text.count("\t") * number(first if first is not None else 8), "a text")
    elif name == "replace" and len(args) >= 2:
        replaced(text, args[0], args[1], args[2] if len(args) > 2 else None)
    elif name == "join" and args:
        items = list(args[0])
        refuse_over(sum(weight(i) for i in items) + len(text) * max(len(items) - 1, 0), "a joined text")
        return (items, *args[1:])
    elif name in ("format", "format_map"):
        check_format(text, (args, kwargs))
    return args


def replaced(text: str, old: Any, new: Any, count: Any) -> None:
    """Refuse a replacement whose result would pass the bound, counted from the occurrences."""
    if isinstance(old, str) and isinstance(new, str):
        times = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            times = min(times, count)
        refuse_over(len(text) + times * len(new), "a replaced text")


def check_call(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Pre-check a call from a template; returns the positional arguments to call with."""
    wrapped = getattr(function, "__wrapped__", function)  # the sandbox wraps str.format
    owner = getattr(wrapped, "__self__", None)
    if isinstance(owner, str) and not getattr(type(owner), "named_fields_only", False):
        return _str_method(owner, getattr(wrapped, "__name__", ""), args, kwargs)
    return args


def check_after_call(function: Any, result: Any) -> Any:
    """A mutating method (list.extend, dict.update) checked on what it changed; builtins' results checked."""
    owner = getattr(function, "__self__", None)
    if isinstance(owner, list | dict | set):
        checked(owner, "a collection")
    if inspect.isbuiltin(function) or hasattr(function, "__wrapped__"):
        checked(result)
    return result


def literal(items: Iterable[Any]) -> Any:
    """A list, tuple or dict written in a template, checked as it is made."""
    return checked(items, "a literal")

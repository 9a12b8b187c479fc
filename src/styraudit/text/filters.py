"""Jinja filters of the report templates: Markdown escaping, source-number runs, CSS strings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from .markdown import md_escape


def ranges(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 11, 12] -> [(3, 5), (11, 12)]: runs of consecutive source numbers, for "[3–5, 11–12]"."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def css_string(value: Any) -> Markup:
    """A quoted CSS string: everything but letters, digits and spaces as a CSS escape.

    Inside <style>, HTML entities are not decoded, so HTML escaping would show "&#34;"; and a
    "</style>" must never appear. CSS escapes avoid both.
    """
    # The space after each hex escape ends it (and is not shown), so a real space after it survives.
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(value))
    return Markup(f'"{escaped}"')


FILTERS = {"md_escape": md_escape, "ranges": ranges, "css_string": css_string}

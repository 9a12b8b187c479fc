"""Plain, linter-style messages for people: `file:line:col: error: message` and a hint."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from ..errors import Problem


def format_problem(problem: Problem) -> str:
    text = f"{problem.location}: error: {problem.message}"
    return f"{text}\n  hint: {problem.hint}" if problem.hint else text


def print_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print every problem to stderr (or `stream`), one block each."""
    out = stream or sys.stderr
    for problem in problems:
        print(format_problem(problem), file=out)


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural_form or word + 's'}"

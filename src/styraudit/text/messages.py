"""Plain, linter-style messages for people: `file:line:col: error: message` and a hint."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from ..errors import Problem
from .i18n import _


def format_problem(problem: Problem) -> str:
    text = _("{location}: error: {message}").format(location=problem.location, message=problem.message)
    return text + "\n  " + _("hint: {hint}").format(hint=problem.hint) if problem.hint else text


def print_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print every problem to stderr (or `stream`), one block each."""
    out = stream or sys.stderr
    for problem in problems:
        print(format_problem(problem), file=out)


def print_warnings(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print problems that do not stop the run (a FIFO found in a folder) to stderr."""
    out = stream or sys.stderr
    for problem in problems:
        text = _("{location}: warning: {message}").format(location=problem.location, message=problem.message)
        print(text, file=out)

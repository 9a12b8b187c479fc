"""Plain, linter-style messages for people: `file:line:col: error: message` and a hint."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from ..errors import Problem
from ..load.printable import printable, shown_name
from .i18n import _

MAX_MESSAGE_CHARS = 1_000  # a message quoting a whole unparseable file helps no one


def format_problem(problem: Problem) -> str:
    """The problem as people read it; control characters shown, bad file-name bytes as \\xNN."""
    message = problem.message if len(problem.message) <= MAX_MESSAGE_CHARS else problem.message[:MAX_MESSAGE_CHARS] + "…"
    location = shown_name(str(problem.location))
    text = _("{location}: error: {message}").format(location=location, message=printable(message))
    return text + "\n  " + _("hint: {hint}").format(hint=printable(problem.hint)) if problem.hint else text


def print_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print every problem to stderr (or `stream`), one block each."""
    out = stream or sys.stderr
    for problem in problems:
        print(format_problem(problem), file=out)


def print_warnings(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print problems that do not stop the run (a FIFO found in a folder) to stderr."""
    out = stream or sys.stderr
    for problem in problems:
        location = shown_name(str(problem.location))
        text = _("{location}: warning: {message}").format(location=location, message=printable(problem.message))
        print(text, file=out)

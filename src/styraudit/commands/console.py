"""Plain, linter-style messages for people: `file:line:col: error: message` and a hint."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable
from typing import TextIO

from ..errors import Location, Problem
from ..text.control import printable, shown_name

MAX_MESSAGE_CHARS = 1_000  # a message quoting a whole unparseable file helps no one


def format_problem(problem: Problem) -> str:
    """The problem as people read it; control characters shown, bad file-name bytes as \\xNN."""
    message = problem.message if len(problem.message) <= MAX_MESSAGE_CHARS else problem.message[:MAX_MESSAGE_CHARS] + "…"
    text = f"{shown_name(str(problem.location))}: error: {printable(message)}"
    return f"{text}\n  hint: {printable(problem.hint)}" if problem.hint else text


def print_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print every problem to stderr (or `stream`), one block each."""
    out = stream or sys.stderr
    for problem in problems:
        print(format_problem(problem), file=out)


def stdout_failed(error: OSError) -> int:
    """Standard output could not be written (a full disk, a closed pipe): say so, exit code 2.
    (An OSError that names its file is about that file instead.)

    What is left in its buffer goes to the null device, so that Python's own flush at exit
    does not fail a second time with a message of its own.
    """
    if error.filename is not None:
        where = Location(shown_name(str(error.filename)))
        print_problems(
            [Problem(where, f"cannot use the file: {error.strerror or error}", "check the path and its permissions", "io")]
        )
        return 2
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    hint = "the disk behind it is full" if error.errno == errno.ENOSPC else "check where standard output goes"
    print_problems([Problem(Location("<stdout>"), f"cannot write: {error.strerror or error}", hint, "output")])
    return 2


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural_form or word + 's'}"

"""`styraudit validate`: schema and references only, every file, every problem; never writes.

It selects files exactly as `check` does (the configuration's exclude and include, --exclude),
and reads the same configuration (limits). Problems go to stderr, the summary to stdout."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..i18n import _, ngettext
from ..load.case import load_case
from . import effective
from .console import print_problems
from .files import select_for


def run(
    paths: Sequence[str],
    limits: list[str] | None = None,
    quiet: bool = False,
    exclude: list[str] | None = None,
    config: Path | None = None,
) -> int:
    """Validate the case files under `paths`; returns the exit code (0 valid, 2 invalid)."""
    line = effective.CommandLine(paths=list(paths), config=config, limits=limits, exclude=exclude)
    options, _origins = effective.resolve(line, os.environ, date.today())
    files = select_for(options).files
    invalid = problems = 0
    for path in files:
        try:
            load_case(str(path), limits=options.limits)
        except InputError as error:
            invalid += 1
            problems += len(error.problems)
            print_problems(error.problems)
    if not quiet or invalid:
        print(summary(len(files), invalid, problems))
    return 2 if invalid else 0


def summary(files: int, invalid: int, problems: int) -> str:
    text = ngettext("{n} file validated", "{n} files validated", files).format(n=files)
    text += _(": {valid} valid, {invalid} invalid").format(valid=files - invalid, invalid=invalid)
    if problems:
        text += " (" + ngettext("{n} problem", "{n} problems", problems).format(n=problems) + ")"
    return text

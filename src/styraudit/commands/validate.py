"""`styraudit validate`: schema and references only, every file, every problem; never writes."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InputError
from ..load.case import load_case
from ..load.discover import case_files
from ..load.limits import Limits
from .console import plural, print_problems


def run(paths: Iterable[str], limits: Limits, quiet: bool = False) -> int:
    """Validate the case files under `paths`; returns the exit code (0 valid, 2 invalid)."""
    files = case_files(paths)
    invalid = problems = 0
    for path in files:
        try:
            load_case(str(path), limits=limits)
        except InputError as error:
            invalid += 1
            problems += len(error.problems)
            print_problems(error.problems)
    if not quiet or invalid:
        summary = f"{plural(len(files), 'file')} validated: {len(files) - invalid} valid, {invalid} invalid"
        print(summary + (f" ({plural(problems, 'problem')})" if problems else ""))
    return 2 if invalid else 0

"""`styraudit validate`: schema and references only, every file, every problem; never writes."""

from __future__ import annotations

from ..engine.session import Session
from ..errors import InputError
from ..text.messages import plural, print_problems


def run(session: Session, quiet: bool = False) -> int:
    """Validate the session's case files; returns the exit code (0 valid, 2 invalid)."""
    files = session.files()
    invalid = problems = 0
    for path in files:
        try:
            session.load(path)
        except InputError as error:
            invalid += 1
            problems += len(error.problems)
            print_problems(error.problems)
    if not quiet or invalid:
        summary = f"{plural(len(files), 'file')} validated: {len(files) - invalid} valid, {invalid} invalid"
        print(summary + (f" ({plural(problems, 'problem')})" if problems else ""))
    return 2 if invalid else 0

"""`styraudit validate`: schema and references only, every file, every problem; never writes.

It selects files exactly as `check` does (the configuration's exclude and include, --exclude),
and reads the same configuration (limits). Problems go to stderr, the summary to stdout."""

from __future__ import annotations

from ..engine.session import Session
from ..errors import InputError
from ..load.self_citation import self_citations
from ..text.i18n import _, ngettext
from ..text.messages import print_problems, print_warnings
from .files import select_for


def run(session: Session, quiet: bool = False) -> int:
    """Validate the session's case files; returns the exit code (0 valid, 2 invalid)."""
    files = select_for(session).files
    invalid = problems = 0
    for path in files:
        try:
            loaded = session.load(path)
        except InputError as error:
            invalid += 1
            problems += len(error.problems)
            print_problems(error.problems)
            continue
        print_warnings(self_citations(loaded))
    if not quiet or invalid:
        print(summary(len(files), invalid, problems))
    return 2 if invalid else 0


def summary(files: int, invalid: int, problems: int) -> str:
    text = ngettext("{n} file validated", "{n} files validated", files).format(n=files)
    text += _(": {valid} valid, {invalid} invalid").format(valid=files - invalid, invalid=invalid)
    if problems:
        text += " (" + ngettext("{n} problem", "{n} problems", problems).format(n=problems) + ")"
    return text

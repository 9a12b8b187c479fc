"""`styraudit overview`: many cases at once for the audit office, as HTML, Excel or JSON.

Each file is loaded and judged through the session in a worker process and reduced there to a
small summary (report/overview.py); the summaries are folded in file order as they come, so the
run streams. A file that does not load is reported on stderr and in the overview, and the rest
are still read; the exit code is then 2, as with `check`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.session import Session
from ..errors import InputError
from ..text.messages import print_problems
from .files import select_for
from .output import AtomicTextFile, refuse_existing
from .parallel import ordered_map


@dataclass(frozen=True)
class OverviewOptions:
    outputs: tuple[Path, ...]
    force: bool = False


def _summarise(path: str, session: Session) -> tuple[str, Any]:
    """One file's summary, or its problems when it does not load (in the worker)."""
    from ..report.overview import summarise

    try:
        loaded = session.load(path)
        return "ok", summarise(loaded, session.judge(loaded))
    except InputError as error:
        return "invalid", (str(path), error.problems)


def _fold(overview: Any, files: list[str], session: Session) -> None:
    """Add each file's summary in file order; a file that does not load is printed and listed."""
    for kind, value in ordered_map(_summarise, files, (session,), session.jobs):
        if kind == "ok":
            overview.add(value)
        else:
            file, problems = value
            print_problems(problems)
            located = [{"line": p.location.line, "column": p.location.column, "message": p.message} for p in problems]
            overview.add_invalid(file, located)


def run(session: Session, options: OverviewOptions) -> int:
    """Fold every selected case into the overview and write each output; exit 2 if some file did not load."""
    from ..report.labels import load_labels
    from ..report.overview import Overview
    from ..report.overview_out import overview_writer

    writers = [(path, overview_writer(path)) for path in options.outputs]  # an unknown extension fails first
    for path in options.outputs:
        refuse_existing(path, options.force)
    files = select_for(session).files
    _pack = session.pack  # loaded once, before any worker is forked
    with Overview() as overview:
        _fold(overview, files, session)
        data, labels = overview.as_dict(), load_labels()
        for path, write in writers:
            with AtomicTextFile(path, options.force, binary=True) as handle:
                write(data, labels, handle.write_bytes)
            print(f"wrote {path}", file=sys.stderr)
    return 2 if overview.invalid else 0

"""`styraudit report`: the Swedish draft audit report of one case, in the format of the output file's extension."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.criteria import default_pack_dir, load_pack
from ..engine.results import CaseResult
from ..load.limits import DEFAULT_LIMITS, Limits
from ..text.control import scrub, shown_name
from .output import refuse_existing, write_atomic


@dataclass
class ReportOptions:
    case: Path
    output: Path
    force: bool = False
    templates: Path | None = None
    criteria: list[Path] = field(default_factory=list)
    as_of: date | None = None
    limits: Limits = DEFAULT_LIMITS


def run(options: ReportOptions) -> int:
    """Load, judge, build, render, then write atomically; any failure leaves no file behind."""
    from ..engine.run import evaluate
    from ..load.case import load_case
    from ..report.build import build_report
    from ..report.labels import load_labels
    from ..report.render import renderer

    render = renderer(options.output)  # an unknown extension is refused before any work
    inputs = _inputs(options)
    refuse_existing(options.output, options.force, inputs=inputs)
    pack = load_pack([default_pack_dir(), *options.criteria], options.limits)
    loaded = load_case(str(options.case), shown_name(str(options.case)), limits=options.limits)
    labels = load_labels(options.templates)
    # Every text of the report made printable: no control character reaches Markdown, HTML or Word.
    report = scrub(build_report(loaded, _waived(loaded, evaluate(loaded, pack, options.as_of)), pack, labels))
    write_atomic(options.output, render(report, labels, options.templates), force=options.force, inputs=inputs)
    print(f"wrote {shown_name(str(options.output))}", file=sys.stderr)
    return 0


def _inputs(options: ReportOptions) -> tuple[Path, ...]:
    """The files the report is made from, which the report must never replace."""
    folders = [f for f in (options.templates, *options.criteria) if f is not None and f.is_dir()]
    files: list[Path] = []
    for folder in folders:
        with contextlib.suppress(OSError):  # a folder that cannot be listed is reported when it is read
            files += folder.iterdir()
    return (options.case, *files, *(c for c in options.criteria if c.is_file()))


def _waived(loaded: Any, result: CaseResult) -> CaseResult:
    """The case's waivers applied as of the reference date, never today's date, so the report stays reproducible."""
    from ..engine.waivers import apply_waivers, case_waivers

    as_of = date.fromisoformat(result.as_of) if result.as_of else date.min  # no date: no waiver counts as expired
    return apply_waivers(result, case_waivers(loaded), as_of)

"""`styraudit report`: the Swedish draft audit report of one case, in the format of the output file's extension."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine.session import Session
from ..errors import Location, Problem, UsageError
from ..load.printable import scrub, shown_name
from ..text.i18n import _
from .output import refuse_existing, write_atomic

PARTS = ("report", "summary", "missiv")  # what is written; the output's extension chooses the format


@dataclass(frozen=True)
class ReportOptions:
    case: Path
    output: Path
    force: bool = False
    templates: Path | None = None
    part: str = "report"
    verify: bool = True  # the points to verify: an appendix in HTML and Markdown, review comments in Word


def run(session: Session, options: ReportOptions) -> int:
    """Load and judge through the session, build, render, then write atomically; any failure leaves no file behind.

    The session is made without today's date, so waivers expire against the case's reference
    date and the same case gives the same report whenever it is made.
    """
    from ..report.build import build_report
    from ..report.labels import load_labels

    render = _renderer(options)  # an unknown part or extension is refused before any work
    inputs = _inputs(session, options)
    refuse_existing(options.output, options.force, inputs=inputs)
    # The pack is loaded to judge the case: its ids are looked up there, not read first on their own.
    # Not with a folder of templates, whose labels, read next, could fail and must say so before the pack.
    loaded = session.load(options.case, judged=options.templates is None)
    labels = load_labels(options.templates)
    # Every text of the report made printable: no control character reaches Markdown, HTML or Word.
    report = scrub(build_report(loaded, session.judge(loaded), session.pack, labels))
    if not options.verify:
        from dataclasses import replace

        report = replace(report, verify=())
    write_atomic(options.output, render(report, labels, options.templates), force=options.force, inputs=inputs)
    print(f"wrote {shown_name(str(options.output))}", file=sys.stderr)
    return 0


def _inputs(session: Session, options: ReportOptions) -> tuple[Path, ...]:
    """The files the report is made from, which the report must never replace."""
    files: list[Path] = []
    if options.templates is not None and options.templates.is_dir():
        with contextlib.suppress(OSError):  # a folder that cannot be listed is reported when it is read
            files += options.templates.iterdir()
    return (*session.inputs([options.case]), *files)


def _renderer(options: ReportOptions) -> Callable[..., bytes]:
    """The renderer of the part asked for, in the format of the output's extension."""
    if options.part not in PARTS:
        hint = _("write {choices}").format(choices=" or ".join(f"--part {p}" for p in PARTS))
        raise UsageError([Problem(Location("--part"), _("unknown part {part!r}").format(part=options.part), hint, "usage")])
    if options.part == "summary":
        from ..report.summary import summary_renderer

        return summary_renderer(options.output)
    if options.part == "missiv":
        from ..report.missiv import missiv_renderer

        return missiv_renderer(options.output)
    from ..report.render import renderer

    return renderer(options.output)

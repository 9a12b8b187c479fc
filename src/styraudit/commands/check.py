"""`styraudit check`: judge case files through the session; one line per finding for people, formats for machines."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine.config_waivers import ConfigWaiverUse
from ..engine.results import CaseResult
from ..engine.session import Session
from ..errors import InputError, Location, Problem, UsageError
from ..reporters import Summary, needs_result, prepare_all, reporter, write_case
from ..text.i18n import _
from ..text.messages import print_problems, print_warnings
from .files import select_for
from .output import AtomicTextFile, check_target, write_atomic
from .parallel import ordered_map, settled_heap
from .progress import progress


@dataclass(frozen=True)
class CheckOutputs:
    """What `check` writes beyond what the session judges: formats and targets, the baseline to record."""

    outputs: list[tuple[str, Path | None]] = field(default_factory=lambda: [("text", None)])
    quiet: bool = False
    write_baseline: Path | None = None


def default_outputs(environ: Mapping[str, str]) -> list[tuple[str, Path | None]]:
    """Inside GitHub Actions the annotations format, elsewhere the text format."""
    return [("github", None)] if environ.get("GITHUB_ACTIONS") == "true" else [("text", None)]


@dataclass(frozen=True)
class Judged:
    """What the process writing the outputs needs of one judged case, and no more: a worker sends
    this instead of the whole result, whose pickling and unpickling cost more than writing it."""

    file: str
    counts: Summary
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    prepared: tuple[Any, ...]
    keys: tuple[str, ...]  # the baseline's keys, when one is written
    used: tuple[str, ...]  # the configuration's waivers the case used
    result: CaseResult | None  # only for a reporter that writes from the result itself


def _judge_and_prepare(path: str, session: Session, reporters: list[Any], with_keys: bool = False) -> Judged:
    """Judge a file and let the reporters format it, in the same (worker) process; with the case's warnings."""
    from ..engine.baseline import baseline_keys
    from ..engine.config_waivers import used_waivers
    from ..load.self_citation import self_citations

    try:
        loaded = session.load(path)
        result, warnings = session.judge(loaded), tuple(self_citations(loaded))
    except InputError:
        result, warnings = session.judge_file(path), ()  # judged again to carry its problems as a result
    return Judged(
        file=result.file,
        counts=Summary(session.fail_on).of(result),
        problems=tuple(result.problems),
        warnings=warnings,
        prepared=prepare_all(reporters, result),
        keys=tuple(baseline_keys(result)) if with_keys else (),
        used=used_waivers(result),
        result=result if needs_result(reporters) else None,
    )


def run(session: Session, outputs: CheckOutputs, root: Path | None = None) -> int:
    """Judge the selected files and write every output; `root` makes machine-format paths relative to it."""
    from ..engine.baseline import baseline_text

    files = select_for(session).files  # file selection: commands/files.py
    inputs = session.inputs(files)
    _check_outputs(outputs, inputs)  # before any work: nothing is judged for an output that cannot be written
    pack, _ = session.pack, session.baseline  # loaded once, before any worker is forked
    config_waivers = ConfigWaiverUse(session.config, session.waiver_date())
    summary = Summary(session.fail_on)
    keys: list[str] = []
    with ExitStack() as stack:
        stack.enter_context(settled_heap())  # the pack, loaded above, is not walked again by the collector
        reporters = [_open(stack, name, target, session, outputs, pack, root, inputs) for name, target in outputs.outputs]
        for each in reporters:
            each.begin()
        extra = (session, reporters, outputs.write_baseline is not None)
        for judged in progress(ordered_map(_judge_and_prepare, files, extra, session.jobs), len(files)):
            summary.merge(judged.counts)
            print_problems(judged.problems)  # input problems always go to stderr, whatever the format
            print_warnings(judged.warnings)
            keys += judged.keys
            write_case(reporters, judged.result, judged.prepared)
            config_waivers.see_file(judged.file, judged.used)
        leftover = config_waivers.leftover()  # the configuration's own findings: expired or unused waivers
        if leftover is not None:
            summary.add(leftover)
            write_case(reporters, leftover, prepare_all(reporters, leftover))
        for each in reporters:
            each.end(summary)
    if outputs.write_baseline:
        write_atomic(outputs.write_baseline, baseline_text(keys), force=True, inputs=inputs, replace_link=False)
    return summary.exit_code


def _check_outputs(outputs: CheckOutputs, inputs: tuple[Path, ...]) -> None:
    """Refuse, before any work, outputs that cannot be written, and two outputs to one file.

    `check` has no --force: its outputs are replaced by design, but never a symbolic link."""
    targets = [t for _, t in outputs.outputs if t is not None] + ([outputs.write_baseline] if outputs.write_baseline else [])
    seen: set[str] = set()
    for target in targets:
        check_target(target, force=True, inputs=inputs, replace_link=False)
        key = os.path.realpath(target)
        if key in seen:
            problem = Problem(
                Location(str(target)), _("two outputs go to this file"), _("give each output its own file"), "usage"
            )
            raise UsageError([problem])
        seen.add(key)


def _open(
    stack: ExitStack,
    name: str,
    target: Path | None,
    session: Session,
    outputs: CheckOutputs,
    pack: Any,
    root: Path | None,
    inputs: tuple[Path, ...],
) -> Any:
    stream = sys.stdout if target is None else stack.enter_context(AtomicTextFile(target, inputs=inputs, replace_link=False))
    options = {
        "quiet": outputs.quiet,
        "fail_on": session.fail_on,
        "help_uri": session.help_uri,
        "information_uri": session.information_uri,
        "criteria": pack,
        "step_summary": session.environ.get("GITHUB_STEP_SUMMARY"),
        "root": str(root) if root else None,
    }
    return reporter(name, stream, options)

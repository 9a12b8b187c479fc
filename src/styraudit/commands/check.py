"""`styraudit check`: judge case files through the session; a table for people, formats for machines."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine.results import CaseResult
from ..engine.session import Session
from ..reporters import Summary, prepare_all, reporter, write_case
from .output import AtomicTextFile, write_atomic
from .parallel import ordered_map


@dataclass(frozen=True)
class CheckOutputs:
    """What `check` writes beyond what the session judges: formats and targets, the baseline to record."""

    outputs: list[tuple[str, Path | None]] = field(default_factory=lambda: [("text", None)])
    quiet: bool = False
    write_baseline: Path | None = None


def default_outputs(environ: Mapping[str, str]) -> list[tuple[str, Path | None]]:
    """Inside GitHub Actions the annotations format, elsewhere the text table."""
    return [("github", None)] if environ.get("GITHUB_ACTIONS") == "true" else [("text", None)]


def _judge_and_prepare(path: Path, session: Session, reporters: list[Any]) -> tuple[CaseResult, tuple[Any, ...]]:
    """Judge a file and let the reporters format it, in the same (worker) process."""
    result = session.judge_file(path)
    return result, prepare_all(reporters, result)


def run(session: Session, outputs: CheckOutputs) -> int:
    from ..engine.baseline import baseline_keys, baseline_text

    files = session.files()
    pack, _ = session.pack, session.baseline  # loaded once, before any worker is forked
    summary = Summary(session.fail_on)
    keys: list[str] = []
    with ExitStack() as stack:
        reporters = [_open(stack, name, target, session, outputs, pack) for name, target in outputs.outputs]
        for each in reporters:
            each.begin()
        for result, prepared in ordered_map(_judge_and_prepare, files, (session, reporters), session.jobs):
            summary.add(result)
            keys += baseline_keys(result) if outputs.write_baseline else []
            write_case(reporters, result, prepared)
        for each in reporters:
            each.end(summary)
    if outputs.write_baseline:
        write_atomic(outputs.write_baseline, baseline_text(keys), force=True)
    return summary.exit_code


def _open(stack: ExitStack, name: str, target: Path | None, session: Session, outputs: CheckOutputs, pack: Any) -> Any:
    stream = sys.stdout if target is None else stack.enter_context(AtomicTextFile(target))
    options = {"quiet": outputs.quiet, "criteria": pack, "step_summary": session.environ.get("GITHUB_STEP_SUMMARY")}
    return reporter(name, stream, options)

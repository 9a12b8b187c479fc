"""`styraudit check`: judge case files against the criteria; a table for people, formats for machines."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..discover import case_files
from ..engine.criteria import CriteriaPack, default_pack_dir, load_pack
from ..engine.outcome import Severity
from ..engine.results import CaseResult
from ..errors import InputError
from ..limits import Limits
from ..output import AtomicTextFile
from ..reporters import Summary, reporter


@dataclass
class CheckOptions:
    paths: list[str]
    criteria: list[Path] = field(default_factory=list)
    replace_default_criteria: bool = False
    as_of: date | None = None
    fail_on: Severity = Severity.low
    outputs: list[tuple[str, Path | None]] = field(default_factory=lambda: [("text", None)])
    limits: Limits = field(default_factory=Limits)
    quiet: bool = False


def load_criteria(options: CheckOptions) -> CriteriaPack:
    directories = ([] if options.replace_default_criteria else [default_pack_dir()]) + list(options.criteria)
    return load_pack(directories, options.limits)


def judge_file(path: Path, pack: CriteriaPack, as_of: date | None, limits: Limits) -> CaseResult:
    """Load and judge one file; a file that fails to load becomes a result carrying its problems."""
    from ..engine.run import evaluate
    from ..loading import load_case

    try:
        return evaluate(load_case(str(path), limits=limits), pack, as_of)
    except InputError as error:
        return CaseResult(file=str(path), problems=tuple(error.problems))


def results(files: list[Path], pack: CriteriaPack, options: CheckOptions) -> Iterator[CaseResult]:
    for path in files:
        yield judge_file(path, pack, options.as_of, options.limits)


def run(options: CheckOptions) -> int:
    files = case_files(options.paths)
    pack = load_criteria(options)
    summary = Summary(options.fail_on)
    with ExitStack() as stack:
        reporters = [_open(stack, name, target, options) for name, target in options.outputs]
        for each in reporters:
            each.begin()
        for result in results(files, pack, options):
            summary.add(result)
            for each in reporters:
                each.case(result)
        for each in reporters:
            each.end(summary)
    return summary.exit_code


def _open(stack: ExitStack, name: str, target: Path | None, options: CheckOptions) -> Any:
    stream = sys.stdout if target is None else stack.enter_context(AtomicTextFile(target))
    return reporter(name, stream, {"quiet": options.quiet})

"""`styraudit check`: judge case files against the criteria; a table for people, formats for machines."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Config
from ..engine.criteria import CriteriaPack, customise, default_pack_dir, load_pack
from ..engine.outcome import Severity
from ..engine.results import CaseResult
from ..errors import InputError, Location, Problem, UsageError
from ..load.discover import case_files
from ..load.limits import Limits
from ..reporters import Summary, prepare_all, reporter, write_case
from ..text.control import shown_name
from .output import AtomicTextFile, check_target, write_atomic
from .parallel import ordered_map


@dataclass
class CheckOptions:
    paths: list[str]
    criteria: list[Path] = field(default_factory=list)
    replace_default_criteria: bool = False
    as_of: date | None = None
    today: date | None = None
    fail_on: Severity = Severity.low
    outputs: list[tuple[str, Path | None]] = field(default_factory=lambda: [("text", None)])
    limits: Limits = field(default_factory=Limits)
    quiet: bool = False
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1
    baseline: Path | None = None
    write_baseline: Path | None = None
    config: Config = field(default_factory=Config)
    reporter_options: dict[str, Any] = field(default_factory=dict)


def load_criteria(options: CheckOptions) -> CriteriaPack:
    directories = ([] if options.replace_default_criteria else [default_pack_dir()]) + list(options.criteria)
    pack = load_pack(directories, options.limits)
    settings = options.config.settings
    return customise(pack, settings.severity, settings.params, options.config.locate)


def judge_file(path: Path, pack: CriteriaPack, options: CheckOptions, baseline: frozenset[str] = frozenset()) -> CaseResult:
    """Load and judge one file; a file that fails to load becomes a result carrying its problems."""
    from ..engine.baseline import apply_baseline
    from ..engine.run import evaluate
    from ..engine.waivers import apply_waivers, case_waivers, config_waivers
    from ..load.case import load_case

    try:
        loaded = load_case(str(path), shown_name(str(path)), limits=options.limits)
        result = evaluate(loaded, pack, options.as_of)
    except InputError as error:
        return CaseResult(file=shown_name(str(path)), problems=tuple(error.problems))
    waivers = case_waivers(loaded) + config_waivers(options.config, path.as_posix())
    result = apply_waivers(result, waivers, options.today or date.today())
    return apply_baseline(result, baseline)


def _judge_and_prepare(
    path: Path, pack: CriteriaPack, options: CheckOptions, baseline: frozenset[str], reporters: list[Any]
) -> tuple[CaseResult, tuple[Any, ...]]:
    """Judge a file and let the reporters format it, in the same (worker) process."""
    result = judge_file(path, pack, options, baseline)
    return result, prepare_all(reporters, result)


def selected_files(options: CheckOptions) -> list[Path]:
    return case_files(options.paths, options.exclude)


def run(options: CheckOptions) -> int:
    from ..engine.baseline import baseline_keys, baseline_text, load_baseline

    files = selected_files(options)
    inputs = _inputs(files, options)
    _check_outputs(options, inputs)
    pack = load_criteria(options)
    baseline = load_baseline(options.baseline, options.limits) if options.baseline else frozenset()
    summary = Summary(options.fail_on)
    keys: list[str] = []
    with ExitStack() as stack:
        reporters = [_open(stack, name, target, options, pack, inputs) for name, target in options.outputs]
        for each in reporters:
            each.begin()
        for result, prepared in ordered_map(_judge_and_prepare, files, (pack, options, baseline, reporters), options.jobs):
            summary.add(result)
            keys += baseline_keys(result) if options.write_baseline else []
            write_case(reporters, result, prepared)
        for each in reporters:
            each.end(summary)
        if options.write_baseline:
            write_atomic(options.write_baseline, baseline_text(keys), force=True, inputs=inputs, replace_link=False)
    return summary.exit_code


def _inputs(files: list[Path], options: CheckOptions) -> tuple[Path, ...]:
    """Every file the run reads, which no output may replace."""
    packs = [p for d in options.criteria for p in ([d] if d.is_file() else d.glob("*.y*ml") if d.is_dir() else [])]
    extra = [p for p in (options.baseline, options.config.file) if p is not None]
    return (*files, *packs, *extra)


def _check_outputs(options: CheckOptions, inputs: tuple[Path, ...]) -> None:
    """Refuse, before any work, outputs that cannot be written, and two outputs to one file.

    `check` has no --force: its outputs are replaced by design, but never a symbolic link."""
    targets = [t for _, t in options.outputs if t is not None] + ([options.write_baseline] if options.write_baseline else [])
    seen: set[str] = set()
    for target in targets:
        check_target(target, force=True, inputs=inputs, replace_link=False)
        key = os.path.realpath(target)
        if key in seen:
            raise UsageError(
                [Problem(Location(str(target)), "two outputs go to this file", "give each output its own file", "usage")]
            )
        seen.add(key)


def _open(
    stack: ExitStack, name: str, target: Path | None, options: CheckOptions, pack: CriteriaPack, inputs: tuple[Path, ...]
) -> Any:
    if target is None:
        stream: Any = sys.stdout
    else:
        stream = stack.enter_context(AtomicTextFile(target, inputs=inputs, replace_link=False))
    return reporter(name, stream, {"quiet": options.quiet, "criteria": pack, **options.reporter_options})

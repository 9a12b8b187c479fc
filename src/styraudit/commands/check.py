"""`styraudit check`: judge case files against the criteria; a table for people, formats for machines."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Config
from ..engine.config_waivers import ConfigWaiverUse
from ..engine.criteria import CriteriaPack, customise, default_pack_dir, load_pack
from ..engine.outcome import Severity
from ..engine.results import CaseResult
from ..errors import InputError
from ..load.limits import Limits
from ..reporters import Summary, prepare_all, reporter, write_case
from .console import print_problems
from .files import select_for
from .output import AtomicTextFile, write_atomic
from .parallel import ordered_map
from .progress import progress


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
    include: list[str] = field(default_factory=list)
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
        loaded = load_case(str(path), limits=options.limits)
        result = evaluate(loaded, pack, options.as_of)
    except InputError as error:
        return CaseResult(file=str(path), problems=tuple(error.problems))
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
    return select_for(options).files


def run(options: CheckOptions) -> int:
    from ..engine.baseline import baseline_keys, baseline_text, load_baseline

    files = selected_files(options)  # file selection: commands/files.py
    pack = load_criteria(options)
    config_waivers = ConfigWaiverUse(options.config, options.today or date.today())
    baseline = load_baseline(options.baseline) if options.baseline else frozenset()
    summary = Summary(options.fail_on)
    keys: list[str] = []
    with ExitStack() as stack:
        reporters = [_open(stack, name, target, options, pack) for name, target in options.outputs]
        for each in reporters:
            each.begin()
        judged = ordered_map(_judge_and_prepare, files, (pack, options, baseline, reporters), options.jobs)
        for result, prepared in progress(judged, len(files)):
            summary.add(result)
            print_problems(result.problems)  # input problems always go to stderr, whatever the format
            keys += baseline_keys(result) if options.write_baseline else []
            write_case(reporters, result, prepared)
            config_waivers.see(result)
        leftover = config_waivers.leftover()  # the configuration's own findings: expired or unused waivers
        if leftover is not None:
            summary.add(leftover)
            write_case(reporters, leftover, prepare_all(reporters, leftover))
        for each in reporters:
            each.end(summary)
    if options.write_baseline:
        write_atomic(options.write_baseline, baseline_text(keys), force=True)
    return summary.exit_code


def _open(stack: ExitStack, name: str, target: Path | None, options: CheckOptions, pack: CriteriaPack) -> Any:
    stream = sys.stdout if target is None else stack.enter_context(AtomicTextFile(target))
    return reporter(name, stream, {"quiet": options.quiet, "criteria": pack, **options.reporter_options})

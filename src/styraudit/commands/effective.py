"""Merging the command line with the configuration file: the command line wins, and every
effective setting remembers where it came from (for `--show-config`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..config import find_config, load_config
from ..engine.outcome import Severity
from ..errors import Location, Problem, UsageError
from ..load.limits import DEFAULT_LIMITS
from .check import CheckOptions
from .parallel import default_jobs


@dataclass(frozen=True)
class CommandLine:
    """What the user typed; None means "not given"."""

    paths: list[str]
    config: Path | None = None
    criteria: list[Path] | None = None
    no_default_criteria: bool | None = None
    as_of: date | None = None
    fail_on: str | None = None
    outputs: list[tuple[str, Path | None]] | None = None
    limits: list[str] | None = None
    quiet: bool = False
    exclude: list[str] | None = None
    jobs: int | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None


def resolve(line: CommandLine, environ: Mapping[str, str], today: date) -> tuple[CheckOptions, dict[str, tuple[Any, str]]]:
    """The effective options and, per setting, (value, origin)."""
    config_file = line.config or find_config(Path.cwd())
    if line.config is not None and not line.config.is_file():
        raise UsageError([Problem(Location(str(line.config)), "no such configuration file", "check the --config path", "usage")])
    config = load_config(config_file)
    settings, origin_file = config.settings, str(config_file) if config_file else "default"
    origins: dict[str, tuple[Any, str]] = {}
    written = set(config.doc.data or {}) if config.doc else set()  # the settings the file itself names

    def pick(name: str, given: Any, configured: Any, default: Any) -> Any:
        key = name.replace("_", "-")
        if given is not None:
            value, origin = given, "command line"
        elif key in written:
            value, origin = configured, origin_file
        else:
            value, origin = default, "default"
        origins[key] = (value, origin)
        return value

    criteria = [Path(p) for p in line.criteria] if line.criteria is not None else [config.resolve(p) for p in settings.criteria]
    pick("criteria", line.criteria, criteria, [])
    no_default = pick(
        "default_criteria",
        None if line.no_default_criteria is None else not line.no_default_criteria,
        settings.default_criteria,
        True,
    )
    fail_on = pick("fail_on", line.fail_on, settings.fail_on.value, "low")
    if fail_on not in Severity.__members__:
        raise UsageError([Problem(Location("--fail-on"), f"unknown severity {fail_on!r}", "choose low, medium or high", "usage")])
    limit_pairs = [f"{k}={v}" for k, v in settings.limits.items()]
    limits = DEFAULT_LIMITS.with_overrides(limit_pairs, origin_file).with_overrides(line.limits or [])
    origins["limits"] = (limits, "command line" if line.limits else origin_file if settings.limits else "default")
    exclude = pick("exclude", line.exclude, settings.exclude, [])
    include = pick("include", None, settings.include, [])
    jobs = pick("jobs", line.jobs, settings.jobs, default_jobs())
    outputs = line.outputs or ([("github", None)] if environ.get("GITHUB_ACTIONS") == "true" else [("text", None)])
    origins["format"] = (
        outputs,
        "command line" if line.outputs else "GitHub Actions" if outputs[0][0] == "github" else "default",
    )
    origins["waivers"] = (len(settings.waivers), origin_file if settings.waivers else "default")
    options = CheckOptions(
        paths=line.paths,
        criteria=criteria,
        replace_default_criteria=not no_default,
        as_of=line.as_of,
        today=line.as_of or today,
        fail_on=Severity(fail_on),
        outputs=outputs,
        limits=limits,
        quiet=line.quiet,
        exclude=exclude,
        include=include,
        jobs=max(1, int(jobs)),
        baseline=line.baseline,
        write_baseline=line.write_baseline,
        config=config,
        reporter_options={"step_summary": environ.get("GITHUB_STEP_SUMMARY")},
    )
    return options, origins


def show(origins: dict[str, tuple[Any, str]]) -> int:
    for name, (value, origin) in sorted(origins.items()):
        print(f"{name} = {_plain(value)}    # {origin}")
    return 0


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "=".join(str(v) for v in value if v is not None)
    return str(value)

"""One run of styraudit: the configuration and the command line resolved once, and the one path
from a case file to its judged result that every command takes.

`validate`, `check`, `report` and `criteria` all build a Session and ask it for what they need,
so the same case with the same configuration gets the same outcomes, texts and severities in
every output. Parts are loaded lazily: `validate` loads the criteria pack only for a case with an
audit section, whose questions name criteria.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config, find_config, load_config
from ..errors import InputError, Location, Problem, UsageError
from ..load.limits import DEFAULT_LIMITS, Limits
from ..load.printable import shown_name
from .outcome import Severity

if TYPE_CHECKING:
    from .results import CaseResult


@dataclass(frozen=True)
class CommandLine:
    """What the user typed; None means "not given", so the configuration or the default applies."""

    paths: tuple[str, ...] = ()
    config: Path | None = None
    criteria: tuple[Path, ...] | None = None
    no_default_criteria: bool | None = None
    as_of: date | None = None
    fail_on: str | None = None
    limits: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    jobs: int | None = None
    baseline: Path | None = None


@dataclass(frozen=True)
class Setting:
    """One effective setting: its value and where it came from (a file, the command line, a default)."""

    value: Any
    origin: str


class Session:
    """The effective settings of a run, and loading and judging under them.

    `today` is the date waivers expire against: the CLI passes today's date for `check` (the
    one clock the tool reads) and None for `report`, which then uses each case's reference
    date so that the report is reproducible.
    """

    def __init__(self, line: CommandLine, environ: Mapping[str, str] | None = None, today: date | None = None) -> None:
        self.line = line
        self.environ = dict(environ or {})
        self.today = line.as_of or today
        self.config = _config(line.config)
        self.settings: dict[str, Setting] = {}
        self._resolve()

    def _pick(self, key: str, given: Any, default: Any) -> Any:
        """The command line wins over the configuration file, which wins over the default."""
        written = set(self.config.doc.data or {}) if self.config.doc else set()
        if given is not None:
            setting = Setting(given, "command line")
        elif key in written:
            setting = Setting(getattr(self.config.settings, key.replace("-", "_")), self.config_name)
        else:
            setting = Setting(default, "default")
        self.settings[key] = setting
        return setting.value

    def _resolve(self) -> None:
        line, settings = self.line, self.config.settings
        given = list(line.criteria) if line.criteria is not None else None
        self.criteria = [Path(p) if given else self.config.resolve(p) for p in self._pick("criteria", given, [])]
        no_default = None if line.no_default_criteria is None else not line.no_default_criteria
        self.default_criteria = bool(self._pick("default-criteria", no_default, True))
        fail_on = self._pick("fail-on", line.fail_on, "low")
        fail_on = fail_on.value if isinstance(fail_on, Severity) else fail_on
        if fail_on not in Severity.__members__:
            raise UsageError(
                [Problem(Location("--fail-on"), f"unknown severity {fail_on!r}", "choose low, medium or high", "usage")]
            )
        self.fail_on = Severity(fail_on)
        self.settings["fail-on"] = Setting(fail_on, self.settings["fail-on"].origin)
        self.exclude = list(self._pick("exclude", list(line.exclude) if line.exclude is not None else None, []))
        self.include = list(self._pick("include", None, []))
        self.jobs = max(1, int(self._pick("jobs", line.jobs, _default_jobs())))
        self.help_uri: str | None = self._pick("help-uri", None, None)
        self.information_uri: str | None = self._pick("information-uri", None, None)
        # A limit written in the file is named as its messages name it: relative to the working folder.
        origin = self.config.locate("limits").file if self.config.doc else self.config_name
        self.limits = _limits(settings.limits, origin, line.limits)

    @property
    def paths(self) -> list[str]:
        """The files, folders and globs the command line names (file selection reads them)."""
        return list(self.line.paths)

    def waiver_date(self, result: CaseResult | None = None) -> date:
        """The date waivers expire against: today for `check`, else the case's reference date."""
        if self.today:
            return self.today
        return date.fromisoformat(result.as_of) if result is not None and result.as_of else date.min

    def __getstate__(self) -> dict[str, Any]:
        """A spawned worker (no fork: Windows) gets the settings and loads the pack itself;
        compiled criteria texts do not pickle."""
        return {k: v for k, v in self.__dict__.items() if k not in ("pack", "baseline")}

    @property
    def config_name(self) -> str:
        return str(self.config.file) if self.config.file else "default"

    @cached_property
    def pack(self) -> Any:
        """The criteria pack: shipped criteria unless replaced, the extra packs, then the configuration's
        severities and parameters."""
        from ..load.lasting import lasting
        from .criteria import customise, load_pack

        with lasting():  # the pack lasts the run (its ~140 compiled texts): no collections while it is made
            pack = load_pack(self._pack_directories(), self.limits)
            settings = self.config.settings
            return customise(pack, settings.severity, settings.params, self.config.locate)

    def _pack_directories(self) -> list[Path]:
        from .criteria.files import default_pack_dir

        return ([default_pack_dir()] if self.default_criteria else []) + self.criteria

    def _names_known(self, idents: list[str], judged: bool = False) -> bool:
        """Whether the pack resolves every one of these ids, read cheaply while the pack is not loaded
        (validate). False when unsure: the caller then asks the full pack, which says why."""
        if judged or "pack" in self.__dict__:
            return all(self.pack.resolve(i) is not None for i in idents)
        names = self._pack_names
        configured = [*self.config.settings.severity, *self.config.settings.params]
        return names is not None and all(names.knows(i) for i in [*idents, *configured])

    @cached_property
    def _pack_names(self) -> Any:
        """The pack's names (criteria/names.py), read once a run as the pack is: every case with
        an audit asked them again, 8 ms of each file `validate` read."""
        from .criteria.names import pack_names

        return pack_names(self._pack_directories(), self.limits)

    @cached_property
    def baseline(self) -> frozenset[str]:
        from .baseline import load_baseline, retired_keys

        keys = load_baseline(self.line.baseline, self.limits) if self.line.baseline else frozenset()
        if keys and self.line.baseline and (problems := retired_keys(keys, self.pack, self.line.baseline)):
            raise InputError(problems)
        return keys

    def load(self, path: str | Path, *, text: str | None = None, judged: bool = False) -> Any:
        """Load and validate one case file (a LoadedCase), and the criterion ids its audit questions
        name against the pack (loaded only for a case with an audit); raises InputError.

        `text`: the case's YAML, not yet written to `path` (import checks a case before writing it).
        `judged`: the caller judges the case next, so the pack is loaded anyway; the ids are looked
        up in it, not read cheaply first (report read the pack's files twice)."""
        from ..load.case import load_case, validate_document
        from ..load.yamldoc import load_bytes
        from .question_criteria import unknown_criteria, with_criteria_named

        try:
            if text is None:
                loaded = load_case(str(path), shown_name(str(path)), limits=self.limits)
            else:
                loaded = validate_document(load_bytes(text.encode("utf-8"), shown_name(str(path)), self.limits))
        except InputError as error:
            if any(p.code == "no-criteria" for p in error.problems):
                raise InputError(with_criteria_named(error.problems, self.pack)) from None
            raise
        audit = loaded.case.audit
        named = [ident for question in audit.questions for ident in question.criteria] if audit is not None else []
        if named and not self._names_known(named, judged) and (problems := unknown_criteria(loaded, self.pack)):
            raise InputError(problems)
        return loaded

    def judge(self, loaded: Any) -> CaseResult:
        """Evaluate a loaded case against the pack, then apply waivers (case and configuration) and the baseline."""
        from .baseline import apply_baseline
        from .run import evaluate
        from .waivers import apply_waivers, case_waivers, config_waivers

        if any(e.case_file for e in loaded.case.earlier_audits):  # a follow-up names the audit it follows up
            from .followup import earlier_case_problems

            earlier = earlier_case_problems(
                loaded, self.load, lambda case: evaluate(case, self.pack)
            )  # judged as of its own date
            if earlier:
                raise InputError(earlier)
        result = evaluate(loaded, self.pack, self.line.as_of)
        waivers = case_waivers(loaded) + config_waivers(self.config, Path(loaded.file).as_posix())
        retired = [self.pack.unknown(w.criterion, w.location, "waiver") for w in waivers if w.criterion in self.pack.retired]
        if retired:  # a waiver of a dissolved criterion would silently waive nothing
            raise InputError(retired)
        return apply_baseline(apply_waivers(result, waivers, self.waiver_date(result)), self.baseline)

    def judge_file(self, path: str | Path) -> CaseResult:
        """Load and judge one file; a file that fails to load becomes a result carrying its problems."""
        from .results import CaseResult

        try:
            return self.judge(self.load(path))
        except InputError as error:
            return CaseResult(file=shown_name(str(path)), problems=tuple(error.problems))

    def inputs(self, files: Sequence[str | Path] = ()) -> tuple[str | Path, ...]:
        """Every file the run reads (the cases, criteria packs, baseline, configuration), which no output may replace."""
        packs: list[Path] = []
        for folder in self.criteria:
            with contextlib.suppress(OSError):  # a folder that cannot be listed is reported when it is read
                packs += [folder] if folder.is_file() else folder.glob("*.y*ml") if folder.is_dir() else []
        extra = [p for p in (self.line.baseline, self.config.file) if p is not None]
        return (*files, *packs, *extra)


def _config(path: Path | None) -> Config:
    if path is not None and not path.is_file():
        raise UsageError([Problem(Location(str(path)), "no such configuration file", "check the --config path", "usage")])
    return load_config(path or find_config(Path.cwd()))


def _limits(configured: Mapping[str, int], origin: str, given: tuple[str, ...] | None) -> Limits:
    pairs = [f"{name}={value}" for name, value in configured.items()]
    return DEFAULT_LIMITS.with_overrides(pairs, origin).with_overrides(list(given or ()))


def _default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

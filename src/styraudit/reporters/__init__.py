"""Machine and terminal output of `styraudit check`: reporters in one registry by format name.

A reporter streams: `begin` once, `case` per case result in input order, `end` with the run's
summary. Nothing is kept per case beyond what the summary counts, so memory stays flat.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Protocol, TextIO

from ..engine.outcome import Outcome, Severity
from ..engine.results import CaseResult

FORMATS = {
    "text": "styraudit.reporters.text:TextReporter",
    "json": "styraudit.reporters.json_out:JsonReporter",
    "sarif": "styraudit.reporters.sarif:SarifReporter",
    "junit": "styraudit.reporters.junit:JunitReporter",
    "github": "styraudit.reporters.github:GithubReporter",
}


@dataclass
class Summary:
    """Counts over a run, and whether it passes the failure threshold."""

    fail_on: Severity
    files: int = 0
    invalid: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    failing: int = 0
    waived: int = 0
    check_failures: int = 0  # checks that raised: their criteria could not be judged, so the run is not clean

    def add(self, result: CaseResult) -> None:
        self.files += not result.extra.get("configuration")  # the configuration's own findings are not a case file
        if not result.loaded:
            self.invalid += 1
            return
        for criterion in result.criteria:
            self.outcomes[criterion.outcome.value] += 1
            self.waived += criterion.waiver is not None
            self.failing += self.fails(criterion)
            self.check_failures += len(criterion.check_failures)

    def of(self, result: CaseResult) -> Summary:
        """One case's counts, under this summary's threshold: what a worker sends for `merge`."""
        counts = Summary(self.fail_on)
        counts.add(result)
        return counts

    def merge(self, counts: Summary) -> None:
        """Add the counts `of` one case made (in a worker process, say)."""
        self.files += counts.files
        self.invalid += counts.invalid
        self.failing += counts.failing
        self.waived += counts.waived
        self.check_failures += counts.check_failures
        for outcome, count in counts.outcomes.items():
            self.outcomes[outcome] += count

    def fails(self, criterion: Any) -> bool:
        return bool(criterion.failing and criterion.severity.rank >= self.fail_on.rank)

    @property
    def exit_code(self) -> int:
        return 2 if self.invalid or self.check_failures else 1 if self.failing else 0


class WorkerCopy:
    """What a reporter sends to a spawned worker (no fork on Windows): itself without its open
    stream or spool, since workers only `prepare` and never write."""

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("stream", "spool", "console")}


class Reporter(Protocol):
    """`prepare`, when a reporter has it, turns a case result into its output in the worker
    process that judged the case; `case` then only writes it, in input order."""

    def begin(self) -> None: ...
    def case(self, result: CaseResult) -> None: ...
    def end(self, summary: Summary) -> None: ...


def prepare_all(reporters: list[Any], result: CaseResult) -> tuple[Any, ...]:
    """What each reporter can prepare for a case ahead of writing it (None where it cannot)."""
    return tuple(each.prepare(result) if hasattr(each, "prepare") else None for each in reporters)


def needs_result(reporters: list[Any]) -> bool:
    """Whether a reporter writes from the case result itself rather than from what it prepared."""
    return not all(hasattr(each, "prepare") for each in reporters)


def write_case(reporters: list[Any], result: CaseResult | None, prepared: tuple[Any, ...]) -> None:
    """Write one case to every reporter; `result` may be None when every reporter prepared it."""
    for each, ready in zip(reporters, prepared, strict=True):
        if ready is None:
            each.case(result)
        else:
            each.case(result, ready)


def reporter(name: str, stream: TextIO, options: dict[str, Any]) -> Reporter:
    """Build the reporter registered under `name`."""
    module, _sep, attribute = FORMATS[name].partition(":")
    target = LiveStdout() if stream is sys.stdout else stream
    return getattr(import_module(module), attribute)(target, options)  # type: ignore[no-any-return]


class LiveStdout:
    """Standard output looked up at every write, so that a progress bar redirecting it while it
    runs (commands/progress.py) gets what the reporters print, above the bar."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", None) or "utf-8"

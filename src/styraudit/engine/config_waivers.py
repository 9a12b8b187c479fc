"""The configuration's waivers: which case files their `files` globs match, and, over a whole run,
which of them expired or went unused (once per run, at the waiver's own line, not once per case)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..load.discover import CASE_SUFFIXES
from ..load.walk import glob_files, match_segments
from .outcome import Severity
from .results import CaseResult
from .waivers import Waiver, waiver_finding


def matching(config: Any, file: str) -> list[Waiver]:
    """The configuration's waivers whose `files` globs match this case file."""
    return [_config_waiver(config, i) for i, w in enumerate(config.settings.waivers) if waiver_matches(config, w.files, file)]


def _config_waiver(config: Any, index: int) -> Waiver:
    w = config.settings.waivers[index]
    return Waiver(w.criterion, w.motivation, w.decided_by, w.expires, config.locate("waivers", index), "config")


def waiver_matches(config: Any, patterns: list[str], file: str) -> bool:
    """A waiver's `files` globs are relative to the configuration's folder, whatever the working directory."""
    relative = _relative(config, file)
    return any(
        (relative is not None and match_segments(Path(p).parts, relative)) or fnmatch.fnmatch(Path(file).as_posix(), p)
        for p in patterns
    )


def _relative(config: Any, file: str) -> tuple[str, ...] | None:
    base = os.path.abspath(config.file.parent if config.file else ".")
    relative = os.path.relpath(os.path.abspath(file), base)
    return None if relative.startswith("..") else Path(relative).parts


def used_waivers(result: CaseResult) -> tuple[str, ...]:
    """Where the waivers a case's results used were written: all a run needs of them (`see_file`)."""
    return tuple(c.waiver.origin for c in result.criteria if c.waiver)


@dataclass
class ConfigWaiverUse:
    """The configuration's waivers over a whole run: each is expired, unused or fine once, not once per case.

    A waiver is unused when no case used it and the run judged every case file its globs match on
    disk (a glob matching nothing included); a partial run (pre-commit passes only changed files)
    cannot know, and says nothing."""

    config: Any
    today: date
    judged: set[tuple[str, ...]] = field(default_factory=set)
    matched: set[int] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    def see(self, result: CaseResult) -> None:
        self.see_file(result.file, used_waivers(result))

    def see_file(self, file: str, used: tuple[str, ...]) -> None:
        """A case judged: its file, and the origins of the waivers its results used (`used_waivers`)."""
        relative = _relative(self.config, file)
        if relative is not None:
            self.judged.add(relative)
        for i, w in enumerate(self.config.settings.waivers):
            if waiver_matches(self.config, w.files, file):
                self.matched.add(i)
        self.used.update(used)

    def leftover(self) -> CaseResult | None:
        """The configuration's own findings as one result for its file, or None."""
        found = []
        for i, w in enumerate(self.config.settings.waivers):
            waiver = _config_waiver(self.config, i)
            on_disk = _on_disk(self.config, w.files)
            if waiver.expires.latest() < self.today:
                if i in self.matched or not on_disk:
                    found.append(waiver_finding("expired", waiver, Severity.high))
            elif str(waiver.location) not in self.used and on_disk <= self.judged:
                found.append(waiver_finding("unused", waiver, Severity.low))
        if not found:
            return None
        file = self.config.doc.file if self.config.doc is not None else str(self.config.file)  # as messages name it
        return CaseResult(file=file, criteria=tuple(found), extra={"configuration": True})


def _on_disk(config: Any, patterns: list[str]) -> set[tuple[str, ...]]:
    """The case files (by their path below the configuration's folder) that the globs match."""
    base = config.file.parent if config.file else Path(".")
    found: set[tuple[str, ...]] = set()
    for pattern in patterns:
        for path in glob_files(str(base / pattern)):
            relative = _relative(config, str(path))
            if path.suffix in CASE_SUFFIXES and relative is not None:
                found.add(relative)
    return found

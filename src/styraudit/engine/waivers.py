"""Waivers: an accepted deviation from a criterion, with motivation, decision-maker and expiry.

A waived result is still reported, marked as waived. A waiver that has expired, or that no
deficient result uses, is itself reported as a finding, so waivers cannot silently outlive
their reason.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import Location
from ..load.discover import CASE_SUFFIXES
from ..load.resources import data_dir
from ..load.walk import glob_files, match_segments
from ..load.yamldoc import load_file
from ..model.base import PartialDate
from .outcome import Outcome, Severity
from .results import CaseResult, CriterionResult, FactRef, Observation, WaiverUse


@dataclass(frozen=True)
class Waiver:
    criterion: str
    motivation: str
    decided_by: str
    expires: PartialDate
    location: Location
    scope: str = "case"  # "config": judged once per run (ConfigWaiverUse), not in every case it matches


def case_waivers(loaded: Any) -> list[Waiver]:
    """The waivers written in a case file, with their locations."""
    return [
        Waiver(w.criterion, w.motivation, w.decided_by, w.expires, loaded.doc.locate(("waivers", i)))
        for i, w in enumerate(loaded.case.waivers)
    ]


def config_waivers(config: Any, file: str) -> list[Waiver]:
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


def apply_waivers(result: CaseResult, waivers: list[Waiver], today: date) -> CaseResult:
    """Mark waived results, and add a finding for each expired or unused waiver of the case file itself."""
    if not waivers or not result.loaded:
        return result
    used: set[int] = set()
    criteria = []
    for criterion in result.criteria:
        match = next((i for i, w in enumerate(waivers) if w.criterion == criterion.criterion and criterion.deficient), None)
        if match is not None:
            used.add(match)
            waiver = waivers[match]
            if waiver.expires.latest() >= today:
                origin = str(waiver.location)
                use = WaiverUse(waiver.motivation, waiver.decided_by, str(waiver.expires), origin, waiver.location)
                criterion = replace(criterion, waiver=use)
        criteria.append(criterion)
    for i, waiver in enumerate(waivers):
        if waiver.scope != "case":
            continue
        if waiver.expires.latest() < today:
            criteria.append(_meta("expired", waiver, Severity.high))
        elif i not in used:
            criteria.append(_meta("unused", waiver, Severity.low))
    return replace(result, criteria=tuple(criteria))


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
        relative = _relative(self.config, result.file)
        if relative is not None:
            self.judged.add(relative)
        for i, w in enumerate(self.config.settings.waivers):
            if waiver_matches(self.config, w.files, result.file):
                self.matched.add(i)
        self.used.update(c.waiver.origin for c in result.criteria if c.waiver)

    def leftover(self) -> CaseResult | None:
        """The configuration's own findings as one result for its file, or None."""
        found = []
        for i, w in enumerate(self.config.settings.waivers):
            waiver = _config_waiver(self.config, i)
            on_disk = _on_disk(self.config, w.files)
            if waiver.expires.latest() < self.today:
                if i in self.matched or not on_disk:
                    found.append(_meta("expired", waiver, Severity.high))
            elif str(waiver.location) not in self.used and on_disk <= self.judged:
                found.append(_meta("unused", waiver, Severity.low))
        if not found:
            return None
        return CaseResult(file=str(self.config.file), criteria=tuple(found), extra={"configuration": True})


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


@cache
def _texts() -> dict[str, Any]:
    from ..text.jinja import environment

    env = environment()
    data = load_file(str(data_dir("templates") / "messages" / "waivers.yaml")).data
    return {kind: {key: env.from_string(text) for key, text in parts.items()} for kind, parts in data.items()}


def _meta(kind: str, waiver: Waiver, severity: Severity) -> CriterionResult:
    texts = _texts()[kind]
    values = {
        "criterion": waiver.criterion,
        "motivation": waiver.motivation,
        "decided_by": waiver.decided_by,
        "expires": str(waiver.expires),
    }
    text = " ".join(texts["text"].render(**values).split())
    fact = FactRef("waivers", waiver.location, (), False)
    observation = Observation("waivers", kind, Outcome.not_fulfilled, text, (fact,))
    return CriterionResult(
        criterion=f"waiver-{kind}",
        title=texts["title"].render(),
        theme=texts["title"].render(),
        severity=severity,
        outcome=Outcome.not_fulfilled,
        observations=(observation,),
        assessment=" ".join(texts["assessment"].render().split()),
        recommendation=None,
        location=waiver.location,
    )

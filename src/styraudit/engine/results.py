"""What a check returns, and what the engine makes of it: plain data for every renderer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problem
from ..model.paths import YamlPath
from .outcome import Answer, Outcome, Severity


@dataclass(frozen=True)
class Finding:
    """One thing a check found. `code` selects the criterion's Swedish text; `values` fill it.

    `facts` are paths into the case (e.g. ("reporting", 3)) of the facts the finding rests on;
    the engine turns them into locations and sources.
    """

    code: str
    outcome: Outcome
    values: Mapping[str, Any] = field(default_factory=dict)
    facts: tuple[YamlPath, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """A check's verdict: its overall outcome and the findings behind it, in a stable order."""

    outcome: Outcome
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class FactRef:
    """A fact as reports show it: where it is, what it rests on."""

    path: str
    location: Location
    sources: tuple[str, ...]
    interview_only: bool


@dataclass(frozen=True)
class Observation:
    """A rendered finding (iakttagelse): Swedish text with its facts and sources."""

    check: str
    code: str
    outcome: Outcome
    text: str
    facts: tuple[FactRef, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for fact in self.facts for s in fact.sources))


@dataclass(frozen=True)
class Recommendation:
    text: str
    addressees: tuple[str, ...]


@dataclass(frozen=True)
class WaiverUse:
    motivation: str
    decided_by: str
    expires: str
    origin: str
    location: Location | None = None  # where the waiver is written, for outputs that relativise paths


@dataclass(frozen=True)
class CriterionResult:
    criterion: str
    title: str
    theme: str
    severity: Severity
    outcome: Outcome
    observations: tuple[Observation, ...]
    assessment: str
    recommendation: Recommendation | None
    location: Location
    composed_of: tuple[str, ...] = ()
    waiver: WaiverUse | None = None
    baselined: bool = False

    @property
    def deficient(self) -> bool:
        """Not fulfilled or partly fulfilled, whatever waivers or baselines say."""
        return self.outcome in (Outcome.not_fulfilled, Outcome.partly_fulfilled)

    @property
    def failing(self) -> bool:
        """Deficient, and neither waived nor accepted in the baseline."""
        return self.deficient and self.waiver is None and not self.baselined

    @property
    def key_path(self) -> str:
        """The YAML path of the first fact behind the decisive finding: stable when lines move."""
        decisive = [o for o in self.observations if o.outcome is self.outcome] or list(self.observations)
        for observation in decisive:
            if observation.facts:
                return observation.facts[0].path
        return ""


@dataclass(frozen=True)
class QuestionAnswer:
    question: str
    text: str
    drafted: Answer
    final: Answer
    motivation: str | None
    criteria: tuple[str, ...]

    @property
    def overridden(self) -> bool:
        return self.motivation is not None


@dataclass(frozen=True)
class CaseResult:
    """Everything the engine concluded about one case file, or why it could not load."""

    file: str
    case_id: str | None = None
    title: str | None = None
    as_of: str | None = None
    criteria: tuple[CriterionResult, ...] = ()
    answers: tuple[QuestionAnswer, ...] = ()
    problems: tuple[Problem, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def loaded(self) -> bool:
        return not self.problems

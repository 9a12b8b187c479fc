"""What a check returns, and what the engine makes of it: plain data for every renderer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problem
from ..model.paths import YamlPath
from .outcome import Answer, Outcome, Severity


@dataclass(frozen=True)
class Finding:
    """One thing a check found. `code` selects the criterion's Swedish text; `values` fill it.

    Made by calling the check's declared `Code` (engine.codes), which gives the outcome.
    `facts` are paths into the case (e.g. ("reporting", 3)) of the facts the finding rests on;
    the engine turns them into locations and sources.
    """

    code: str
    outcome: Outcome
    values: Mapping[str, Any] = field(default_factory=dict)
    facts: tuple[YamlPath, ...] = ()


@dataclass(frozen=True)
class Found:
    """What a check function returns when it has more than findings: named `data` for renderers
    (plain values, lists and mappings), which the engine gathers into `CaseResult.data`."""

    findings: Sequence[Finding]
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult:
    """A check's verdict: the outcome its rule derives from its findings, the findings in a
    stable order, and its data for renderers. Made by `Check.judge`, never by a check itself."""

    outcome: Outcome
    findings: tuple[Finding, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)


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
class AuditRecommendation:
    """A recommendation of the audit with its stable id (engine/recommendations.py): drafted from the
    criteria it names, then kept, rephrased or dropped by the auditor, or added by the auditor.
    `status` is drafted, kept, rephrased, dropped or added; `motivation` is the auditor's, when edited."""

    id: str
    text: str
    addressees: tuple[str, ...]
    criteria: tuple[str, ...] = ()
    status: str = "drafted"
    drafted_text: str | None = None
    motivation: str | None = None

    @property
    def shown(self) -> bool:
        """Whether the report makes this recommendation (the auditor did not drop it)."""
        return self.status != "dropped"


@dataclass(frozen=True)
class FollowUpRow:
    """A followed-up recommendation of an earlier audit: the status derived from the facts, and the
    auditor's, with the motivation, when overridden (engine/followup.py)."""

    recommendation: str
    audit: str
    drafted: str  # implemented, partly_implemented, not_implemented or cannot_assess
    final: str
    motivation: str | None = None

    @property
    def overridden(self) -> bool:
        return self.motivation is not None


@dataclass(frozen=True)
class WaiverUse:
    motivation: str
    decided_by: str
    expires: str
    origin: str
    location: Location | None = None  # where the waiver is written, for outputs that relativise paths


@dataclass(frozen=True)
class CheckFailure:
    """A check that raised instead of judging: which one, what it raised, and where in its code.

    The case's other criteria are still judged; this criterion cannot be assessed, and the run
    exits 2, since a result the tool could not reach is not a pass."""

    check: str
    error: str
    message: str
    where: str

    @classmethod
    def of(cls, check: str, exc: BaseException) -> CheckFailure:
        import traceback
        from pathlib import PurePath

        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{PurePath(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
        return cls(check, type(exc).__name__, str(exc), where)

    def __str__(self) -> str:
        return f"check {self.check} failed: {self.error}: {self.message}" + (f" ({self.where})" if self.where else "")


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
    aliases: tuple[str, ...] = ()  # the criterion's old ids: waivers and baselines written with them still match
    check_failures: tuple[CheckFailure, ...] = ()
    data: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # its checks' data for renderers, merged
    subject: str | None = None  # set when the criterion was judged once for each question subject
    # The steering documents it was judged on, when a question names what it examines; () = all of the subject's.
    documents: tuple[str, ...] = ()
    # Partly fulfilled with its main part holding: something it judged is in order beside the shortfall,
    # or the shortfall is only a part of what was examined (rule 2's "Ja, i huvudsak" needs it).
    main_part_holds: bool = False

    @property
    def label(self) -> str:
        """The id, with the subject and documents it was judged for when it was judged more than once
        ("styrdokument-finns-tillampas [reglemente]"), so CI outputs name each result apart."""
        scope = [s for s in (self.subject, *self.documents) if s]
        return f"{self.criterion} [{', '.join(scope)}]" if scope else self.criterion

    def named(self, ident: str) -> bool:
        """Whether `ident` names this criterion: its id, or one of its old ids."""
        return ident == self.criterion or ident in self.aliases

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
    remarks: tuple[str, ...] = ()  # the criteria that make a Ja "Ja, i huvudsak"
    parts: tuple[str, ...] = ()  # the sub-questions (delfrågor) an overall question's answer rests on
    # For each of `criteria`, the (subject, documents) of the result it was answered from, as that
    # CriterionResult carries them: one criterion may be judged for several subjects or documents.
    scopes: tuple[tuple[str | None, tuple[str, ...]], ...] = ()

    def result(self, criterion: str, results: Iterable[CriterionResult]) -> CriterionResult | None:
        """The result of `criterion` this answer rests on, among a case's results."""
        scope = dict(zip(self.criteria, self.scopes, strict=False)).get(criterion)
        matching = [r for r in results if r.criterion == criterion]
        return next((r for r in matching if scope is None or (r.subject, r.documents) == scope), None) or next(
            iter(matching), None
        )

    @property
    def hedged(self) -> bool:
        return self.final is Answer.yes and bool(self.remarks) and not self.overridden

    @property
    def overridden(self) -> bool:
        return self.motivation is not None


@dataclass(frozen=True)
class PointToVerify:
    """Something the auditor should confirm before the report is final: a doubt the tool resolved
    in the body's favour (dates known only to the month or year), a deficiency resting on interviews
    alone, or an inference. `reason` is imprecise_date, interview_only or inference; the Swedish
    lead-in for each is in templates/messages/verify.yaml."""

    criterion: str
    text: str
    facts: tuple[FactRef, ...]
    reason: str


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
    # What the checks found for renderers (reporting gaps, silent bodies, the parameters in force),
    # merged over every criterion judged, so a renderer reads it without naming a criterion.
    data: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    verify: tuple[PointToVerify, ...] = ()  # the auditor's points to verify, in criterion order
    recommendations: tuple[AuditRecommendation, ...] = ()  # with stable ids, the auditor's edits applied
    follow_up: tuple[FollowUpRow, ...] = ()  # the earlier recommendations followed up, in the case's order

    @property
    def loaded(self) -> bool:
        return not self.problems


def merge_data(parts: Iterable[Mapping[str, Any]]) -> dict[str, tuple[Any, ...]]:
    """Named data from several checks as one mapping: a list or tuple adds its items, any other
    value adds itself; each item once, in the order first given (the same for every run)."""
    import json

    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for key, value in part.items():
            items = value if isinstance(value, list | tuple) else [value]
            seen = merged.setdefault(key, {})
            for item in items:
                seen.setdefault(json.dumps(item, sort_keys=True, default=str), item)
    return {key: tuple(items.values()) for key, items in merged.items()}

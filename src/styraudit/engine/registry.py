"""The one registry of checks. Built-ins and third-party packs register through the same
entry-point group, `styraudit.checks`; each entry point names a `Check` object.

Writing a check: declare its parameters (a `Params` model), its finding codes (a `Codes` table
of `Code(outcome, description, values=...)`), and one pure function that returns the findings
it makes from those codes (or `Found(findings, data=...)` to give renderers named data). The
check's outcome is derived from its findings by its `rule`, by default rule 1 (`worst`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict

from .codes import CheckContractError, Code, Codes
from .context import CheckContext
from .outcome import Outcome, combine
from .results import CheckResult, Finding, Found

ENTRY_POINT_GROUP = "styraudit.checks"

Rule = Callable[[Sequence[Finding]], Outcome]


class Params(BaseModel):
    """Base of every check's parameter model: unknown parameters are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def worst(findings: Sequence[Finding]) -> Outcome:
    """Rule 1 over the findings: not fulfilled if any is, else partly if any is, fulfilled only
    if every one is, otherwise (or with no findings) cannot be assessed."""
    return combine(f.outcome for f in findings)


@dataclass(frozen=True)
class Check:
    """A named, parameterised, pure function over a case, with its finding codes declared once.

    `codes` (a `Codes` table, or a mapping of names to `Code`) is every finding the check can
    make; a criterion must have a Swedish text for each, its own or the check's shipped default.
    `rule` derives the check's outcome from its findings; a check whose judgement is a balance
    rather than the worst of its parts (some committees involved: partly) gives its own.
    """

    id: str
    summary: str
    params: type[Params]
    codes: Codes
    run: Callable[[CheckContext, Any], Iterable[Finding] | Found] = field(repr=False)
    doc: str = ""
    rule: Rule = field(default=worst, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.codes, Codes):
            object.__setattr__(self, "codes", Codes(**dict(self.codes)))

    def judge(self, ctx: CheckContext, params: Any) -> CheckResult:
        """Run the check and derive its outcome; a finding outside its declaration is a CheckContractError."""
        returned = self.run(ctx, params)
        found = returned if isinstance(returned, Found) else Found(tuple(returned))
        for finding in found.findings:
            declared = self.codes.get(finding.code)
            if declared is None or finding.outcome not in declared.outcomes:
                raise CheckContractError(f"check {self.id} made an undeclared finding {finding.code} ({finding.outcome.value})")
        findings = tuple(found.findings)
        return CheckResult(self.rule(findings), findings, MappingProxyType(dict(found.data)))

    @property
    def documentation(self) -> str:
        """The check's docstring followed by its rule and its finding codes, from their declarations."""
        rule = " ".join((self.rule.__doc__ or "").split())
        parts = [self.doc.strip(), f"Outcome: {rule}" if rule else "", "Finding codes:\n" + self.codes.documentation()]
        return "\n\n".join(part for part in parts if part) + "\n"


_REGISTRY: dict[str, Check] = {}
_LOADED = False


def register(check: Check) -> Check:
    """Add a check to the registry (tests and plugins may call this directly)."""
    _REGISTRY[check.id] = check
    return check


def _load_entry_points() -> None:
    global _LOADED
    if _LOADED:
        return
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        check = entry.load()
        if not isinstance(check, Check) or check.id != entry.name:
            raise TypeError(f"entry point {entry.name!r} in {ENTRY_POINT_GROUP} must name a Check with that id")
        _REGISTRY.setdefault(check.id, check)
    _LOADED = True


def checks() -> dict[str, Check]:
    """Every registered check by id, sorted."""
    _load_entry_points()
    return dict(sorted(_REGISTRY.items()))


__all__ = ["Check", "CheckContractError", "Code", "Codes", "Found", "Params", "Rule", "checks", "register", "worst"]

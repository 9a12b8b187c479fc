"""directive_completeness: the directive has every section a directive needs, each with content.

PASS: background, effect and mission goals, prerequisites, delimitations, dependencies, decision
points, milestones, budget (costs and financing), risks, organisation (owner, leader, recipient),
sub-activities, communication, reporting and handover are all present and say something.
PARTLY: some sections are missing or empty; each is named. A section that only says "N/A",
"Inte tillämplig" or "-" counts as empty, and the finding quotes what it says.
FAIL: most sections (more than `min_share` of them) are missing; or the case has no directive
and records that none was found (an `absences` entry of kind `directive`).
CANNOT ASSESS: the case has no directive and says nothing either way about one; or a mandate
names a directive document whose sections the case does not write out (a directive referred to
is a directive that exists, as clear_mandate counts it, never "no directive").
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.directive import Directive

SECTIONS = (
    "background", "effect_goals", "mission_goals", "prerequisites", "delimitations", "dependencies",
    "decision_points", "milestones", "budget", "risks", "organisation", "sub_activities",
    "communication", "reporting", "handover",
)  # fmt: skip
# A section made of parts is complete only when each part is: a budget needs costs AND financing.
PARTS = {"budget": ("costs", "financing"), "organisation": ("owner", "leader", "recipient")}
EMPTY_MARKERS = ("N/A", "NA", "Inte tillämplig", "Inte tillämpligt", "Ej tillämplig", "Ej tillämpligt", "-", "–", "—", "Saknas")

DEFICIENT = (Outcome.partly_fulfilled, Outcome.not_fulfilled)

CODES = Codes(
    directive_unknown=Code(Outcome.cannot_assess, "the case has no directive and records no absence of one"),
    directive_not_written_out=Code(
        Outcome.cannot_assess, "a mandate names a directive, but its sections are not in the case", ("mandate", "document")
    ),
    no_directive=Code(Outcome.not_fulfilled, "the case records that no directive was found (absence of kind directive)"),
    complete=Code(Outcome.fulfilled, "every required section has content", ("sections",)),
    mostly_missing=Code(
        Outcome.not_fulfilled, "more than min_share of the sections are missing", ("missing", "missing_count", "total")
    ),
    section_missing=Code(
        DEFICIENT,
        "one section (e.g. budget.financing) is missing or empty; written: what it says instead, e.g. N/A, or null; "
        "not fulfilled when most sections are missing",
        ("section", "written"),
    ),
)


class DirectiveCompletenessParams(Params):
    required: list[str] = Field(
        default=list(SECTIONS),
        description="Sections the directive must have; `budget` and `organisation` expand to their parts, "
        "a part may also be named alone (`budget.financing`).",
    )
    empty_markers: list[str] = Field(
        default=list(EMPTY_MARKERS), description="Texts that count as an empty section (compared without case)."
    )
    min_share: float = Field(
        default=0.5, ge=0, le=1, description="When more than this share of the sections is missing, not fulfilled."
    )

    @field_validator("required")
    @classmethod
    def _known_sections(cls, required: list[str]) -> list[str]:
        for name in required:
            section, _, part = name.partition(".")
            if section not in Directive.model_fields or (part and part not in PARTS.get(section, ())):
                raise ValueError(f"unknown directive section {name!r}; sections: {', '.join(SECTIONS)}")
        return required


def run(ctx: CheckContext, params: DirectiveCompletenessParams) -> list[Finding]:
    directive = ctx.case.directive
    if directive is None:
        named = [(("mandates", i), m) for i, m in enumerate(ctx.case.mandates) if m.directive]
        if named:
            path, mandate = named[0]
            return [CODES.directive_not_written_out({"mandate": mandate.id, "document": mandate.directive}, [path])]
        absent = ctx.absences("directive")
        if absent:
            return [CODES.no_directive(facts=[path for path, _ in absent])]
        return [CODES.directive_unknown(facts=[("initiative",)])]
    units = _units(params.required)
    emptiness = [(unit, *_emptiness(directive, unit, params.empty_markers)) for unit in units]
    missing = [(unit, written) for unit, empty, written in emptiness if empty]
    if not missing:
        return [CODES.complete({"sections": units}, [("directive",)])]
    outcome = Outcome.not_fulfilled if len(missing) > params.min_share * len(units) else Outcome.partly_fulfilled
    findings = [_missing_finding(directive, unit, written, outcome) for unit, written in missing]
    if outcome is Outcome.not_fulfilled:
        summary = {"missing": [unit for unit, _ in missing], "missing_count": len(missing), "total": len(units)}
        findings.insert(0, CODES.mostly_missing(summary, [("directive",)]))
    return findings


def _units(required: list[str]) -> list[str]:
    """The required sections with the composite ones expanded into their parts, once each, in order."""
    units: list[str] = []
    for name in required:
        units += [f"{name}.{part}" for part in PARTS[name]] if name in PARTS else [name]
    return list(dict.fromkeys(units))


def _value(directive: Directive, unit: str) -> Any:
    """The value of a section or a dotted part of one (`budget.financing`); None when absent."""
    node: Any = directive
    for key in unit.split("."):
        node = getattr(node, key, None) if node is not None else None
    return node


def _emptiness(directive: Directive, unit: str, markers: list[str]) -> tuple[bool, str | None]:
    """Whether the section is empty, and what it says instead ("N/A"), if anything."""
    value = _value(directive, unit)
    texts = value if isinstance(value, list) else [value]
    if any(not isinstance(t, str) and t is not None for t in texts):
        return not value, None  # structured content: decision points, activities, a cover sheet
    written = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
    folded = {m.strip().casefold().rstrip(".") for m in markers}
    if any(t.casefold().rstrip(".") not in folded for t in written):
        return False, None
    return True, written[0] if written else None


def _missing_finding(directive: Directive, unit: str, written: str | None, outcome: Outcome) -> Finding:
    """Cites the empty field (or the nearest part of it the case writes out) first, then the directive for its source."""
    keys = unit.split(".")
    facts: list[tuple[str | int, ...]] = [("directive",)]
    for depth in range(len(keys), 0, -1):
        if _value(directive, ".".join(keys[:depth])) is not None:
            facts.insert(0, ("directive", *keys[:depth]))
            break
    return CODES.section_missing({"section": unit, "written": written}, facts, outcome=outcome)


CHECK = Check(
    id="directive_completeness",
    summary="The directive has every section a directive needs (goals, scope, time, budget, risks, roles, reporting, "
    "handover), each with content.",
    params=DirectiveCompletenessParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

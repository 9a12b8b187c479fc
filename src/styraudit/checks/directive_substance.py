"""directive_substance: the directive's sections say enough to steer by, as a careful reader checks them.

Six aspects, each judged only when its section is written out (a missing section is
directive_completeness's finding, never this check's):
  reporting   the reporting section names a cadence ("kvartalsvis", "varje månad") and a body to report to;
  checklist   the decision checklist is answered yes throughout, the decision itself included, and signed;
  risks       every listed risk has an owner and a measure;
  sponsors    every sponsor is a named role or a body, not a group ("Direktörer och områdeschefer");
  recipient   the recipient of the result is someone other than the owner who delivers it;
  budget      the costs carry an amount, and the financing is stated ("inom befintliga ramar" and "N/A" are not).
PASS: every aspect judged is usable.
PARTLY: one or more aspects are not, each its own finding with the section's location.
FAIL: more than `min_share` of the aspects judged are not usable.
CANNOT ASSESS: the case has no directive, or none of the six sections is written out.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from . import _directive_aspects as aspects
from .directive_completeness import EMPTY_MARKERS

DEFICIENT = (Outcome.partly_fulfilled, Outcome.not_fulfilled)
ASPECTS = ("reporting", "checklist", "risks", "sponsors", "recipient", "budget")

CODES = Codes(
    no_directive=Code(Outcome.cannot_assess, "the case has no directive"),
    nothing_to_judge=Code(Outcome.cannot_assess, "none of the sections this check reads is written out"),
    usable=Code(Outcome.fulfilled, "every aspect judged is usable; judged: their names", ("judged",)),
    reporting_vague=Code(
        DEFICIENT, "the reporting section names no cadence or no body to report to", ("written", "cadence", "recipient")
    ),
    checklist_open=Code(
        DEFICIENT,
        "the decision checklist has unanswered or declined items, or is unsigned; decision: the decision items left open",
        ("decision_point", "unanswered", "declined", "total", "decision", "unsigned"),
    ),
    risks_unowned=Code(DEFICIENT, "listed risks lack an owner or a measure", ("total", "without_owner", "without_measure")),
    sponsor_not_a_role=Code(DEFICIENT, "a sponsor is a group, not a named role or a body", ("sponsors", "kinds")),
    recipient_is_owner=Code(DEFICIENT, "the recipient of the result is the owner itself", ("recipient",)),
    budget_unquantified=Code(
        DEFICIENT,
        "the costs carry no amount, or the financing is given only as N/A or the like",
        ("costs", "financing", "unquantified", "unfunded"),
    ),
)
_CODE = dict(zip(ASPECTS, ("reporting_vague", "checklist_open", "risks_unowned", "sponsor_not_a_role",
                           "recipient_is_owner", "budget_unquantified"), strict=True))  # fmt: skip


class DirectiveSubstanceParams(Params):
    aspects: list[str] = Field(default=list(ASPECTS), description=f"Aspects to judge, of: {', '.join(ASPECTS)}.")
    cadence_words: list[str] = Field(
        default=["varje", "kvartal", "månad", "tertial", "halvår", "årlig", "vecka", "gång per", "gånger per", "per år"],
        description="Words (compared without case, as parts of words) that give the reporting a cadence.",
    )
    body_words: list[str] = Field(
        default=["styrelse", "nämnd", "fullmäktige"],
        description="Nouns that name a body as a whole word (besides the case's own names for its bodies).",
    )
    decision_words: list[str] = Field(
        default=["beslut att"], description="A checklist item containing one of these is the decision itself."
    )
    role_kinds: list[str] = Field(default=["role", "body"], description="Kinds of actor a sponsor may be.")
    empty_markers: list[str] = Field(default=list(EMPTY_MARKERS), description="Texts that state no financing.")
    min_share: float = Field(
        default=0.5, ge=0, le=1, description="When more than this share of the judged aspects fails, not fulfilled."
    )

    @field_validator("aspects")
    @classmethod
    def _known_aspects(cls, names: list[str]) -> list[str]:
        unknown = [n for n in names if n not in ASPECTS]
        if unknown:
            raise ValueError(f"unknown aspect {unknown[0]!r}; aspects: {', '.join(ASPECTS)}")
        return names


def run(ctx: CheckContext, params: DirectiveSubstanceParams) -> list[Finding]:
    d = ctx.case.directive
    if d is None:
        return [CODES.no_directive(facts=[("initiative",)])]
    judge = {
        "reporting": lambda: aspects.reporting(ctx, d, params.cadence_words, params.body_words),
        "checklist": lambda: aspects.checklist(d, params.decision_words),
        "risks": lambda: aspects.risks(d),
        "sponsors": lambda: aspects.sponsors(ctx, d, params.role_kinds),
        "recipient": lambda: aspects.recipient(d),
        "budget": lambda: aspects.budget(d, params.empty_markers),
    }
    seen = {name: judge[name]() for name in ASPECTS if name in params.aspects}
    judged = {name: s for name, s in seen.items() if s is not None}
    if not judged:
        return [CODES.nothing_to_judge(facts=[("directive",)])]
    bad = {name: s for name, s in judged.items() if not s.usable}
    if not bad:
        return [CODES.usable({"judged": list(judged)}, [("directive",)])]
    outcome = Outcome.not_fulfilled if len(bad) > params.min_share * len(judged) else Outcome.partly_fulfilled
    # The sections carry no sources of their own; citing the directive last names its source.
    return [CODES[_CODE[name]](s.values, [*s.facts, ("directive",)], outcome=outcome) for name, s in bad.items()]


CHECK = Check(
    id="directive_substance",
    summary="The directive's sections say enough to steer by: reporting with cadence and recipient, an answered and "
    "signed checklist, risks with owners and measures, named sponsors, a recipient other than the owner, a budget.",
    params=DirectiveSubstanceParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

"""sample_tests: the sample tests (stickprov) of the area, the auditors' own or the body's, show the routines followed.

A sample test is evidence on the internal control whoever made it: it shows whether what the
controls should secure holds in the sampled items. Each sample that concerns the question's subject
is judged by the share found in order when the case gives counts, else by what the source says the
test found (`found`): in order, minor deviations, or significant deficiencies. With `subject_kinds`
only samples drawn from subjects of those kinds count (a criterion about projects reads the samples
of projects, not a sample of procurements).
PASS: every judged sample has a share in order of at least `fulfilled_share`, or found the items in order.
PARTLY: a judged sample has a share of at least `partly_share`, or found minor deviations; such a
sample is a shortfall of a part only (the main part of what it tested holds).
FAIL: a judged sample has a share below `partly_share`, or found significant deficiencies.
CANNOT ASSESS: the case records no sample test of the subject, or only samples with neither counts
nor a stated finding; those are named, and left aside when others decide.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.execution import SampleFinding
from ..model.subjects import SubjectKind
from ._scope import decided_worst, grade_share, in_scope, ordered_shares

SAMPLE = ("sample", "population", "by", "result")
GRADES = (Outcome.fulfilled, Outcome.partly_fulfilled, Outcome.not_fulfilled)
FOUND = {
    SampleFinding.in_order: Outcome.fulfilled,
    SampleFinding.minor_deviations: Outcome.partly_fulfilled,
    SampleFinding.significant_deficiencies: Outcome.not_fulfilled,
}

CODES = Codes(
    # Partly fulfilled, a sample is a part only: at least `partly_share` of it in order, or minor deviations.
    share_in_order=Code(
        GRADES,
        "the share of a sample found in order, against the two thresholds",
        (*SAMPLE, "in_order", "sampled", "share"),
        part=True,
    ),
    stated_finding=Code(
        GRADES, "what the source says a sample test found, where it gives no counts", (*SAMPLE, "found"), part=True
    ),
    sample_unjudged=Code(Outcome.cannot_assess, "a sample test with neither counts nor a stated finding", SAMPLE),
    no_samples=Code(Outcome.cannot_assess, "the case records no sample test of the subject"),
)


class SampleTestsParams(Params):
    fulfilled_share: float = Field(default=0.9, ge=0, le=1, description="The share in order that counts as fulfilled.")
    partly_share: float = Field(default=0.5, ge=0, le=1, description="The share in order that counts as partly fulfilled.")
    subject_kinds: list[SubjectKind] = Field(
        default_factory=list, description="Only samples of subjects of these kinds count; empty: every sample."
    )

    @model_validator(mode="after")
    def _ordered(self) -> SampleTestsParams:
        return ordered_shares(self)


def run(ctx: CheckContext, params: SampleTestsParams) -> list[Finding]:
    findings = []
    for index, sample in enumerate(ctx.case.samples):
        if not in_scope(ctx, sample.subject) or not _of_kinds(ctx, sample.subject, params.subject_kinds):
            continue
        values = {"sample": sample.id, "population": sample.population, "by": sample.by, "result": sample.result}
        path = [("samples", index)]
        if sample.sampled and sample.in_order is not None:
            share = sample.in_order / sample.sampled
            counts = {"in_order": sample.in_order, "sampled": sample.sampled, "share": round(share, 3)}
            findings.append(CODES.share_in_order(values | counts, path, outcome=grade_share(share, params)))
        elif sample.found is not None:
            findings.append(CODES.stated_finding(values | {"found": sample.found.value}, path, outcome=FOUND[sample.found]))
        else:
            findings.append(CODES.sample_unjudged(values, path))
    return findings or [CODES.no_samples(facts=[("samples",)])]


def _of_kinds(ctx: CheckContext, subject: str | None, kinds: list[SubjectKind]) -> bool:
    """Whether a sample's subject is of the wanted kinds; a sample tied to no subject is of none."""
    if not kinds:
        return True
    return bool(subject) and ctx.kind(subject) == "subject" and ctx.get(subject).kind in kinds


CHECK = Check(
    id="sample_tests",
    summary="The sample tests of the area (the auditors' own or the body's) show the routines followed, by counts or by their stated finding.",
    params=SampleTestsParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=decided_worst,
)
__doc__ = CHECK.documentation

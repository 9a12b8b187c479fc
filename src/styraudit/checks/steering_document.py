"""steering_document: a steering document or routine exists, adopted by the right body, documented, known and applied.

Each steering document of the chosen kinds that concerns the question's subject is judged on what
the case knows of it; a question that names what it examines (`documents`) has only those judged,
and only the recorded absences it names. Yes/no facts may be unknown; an unknown fact never counts against it.
PASS: a document with at least one confirmed quality (adopted, documented or stated content, known,
applied, up to date) and none that is known to be wanting.
PARTLY: a document is known not to be documented or known, is applied only in part (`applied: partly`:
with departures, or varying between units), was adopted by another body
than the one required, or lacks something it should contain; or a recorded absence says a part is
missing (`part_absences`, e.g. no benefit plan in a project model). A document known only not to be
up to date is partly fulfilled too, but as a part only: it exists and still steers, and what is out
of date (an amount no longer current) is a part of it.
FAIL: a document is known not to be applied (`applied: false`): it exists on paper but does not steer,
and with no other document in order the steering is not in place. Or a recorded absence says the
document itself is missing (`absences`), and no document of the kinds exists, in order or deficient. Some in order and some missing (one company of six without an
owner directive) is partly; so are documents that exist but are deficient beside a missing one (plans
written down but unlinked, beside a process the council never decided): they hold in part.
CANNOT ASSESS: the case records no such document and no absence, or only documents of which it knows
nothing, or a document adopted so lately that it has not yet had time to be applied (`applied: not_yet`):
what it will steer cannot be judged yet, so it neither holds up nor excuses what steered before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ..model.common import Application
from ..model.org import BodyKind
from ..model.steering import SteeringKind
from ._scope import absences, balance, steering_documents

QUALITIES = ("adopted", "documented", "known", "applied", "up_to_date")
Quality = Literal["adopted", "documented", "known", "applied", "up_to_date"]
# `inferred`: the qualities confirmed only by inference (documented, from stated content), which a text
# should not state as seen.
DOC = ("document", "title", "adopted_by", "confirmed", "wanting", "lacks", "unknown", "inferred")

CODES = Codes(
    document_in_order=Code(Outcome.fulfilled, "a document with confirmed qualities and none wanting", DOC),
    document_outdated=Code(
        Outcome.partly_fulfilled,
        "a document of which the only quality known to be wanting is that it is up to date",
        DOC,
        part=True,
    ),
    document_deficient=Code(Outcome.partly_fulfilled, "a document with a quality known to be wanting, or content it lacks", DOC),
    document_not_applied=Code(
        Outcome.not_fulfilled, "a document known not to be applied: it exists, but does not steer what it should", DOC
    ),
    document_too_new=Code(Outcome.cannot_assess, "a document adopted so lately that it has not yet had time to be applied", DOC),
    document_unconfirmed=Code(Outcome.cannot_assess, "a document of which the case confirms none of the required qualities", DOC),
    part_missing=Code(
        Outcome.partly_fulfilled,
        "a recorded absence of a part the documents should hold",
        ("absence", "kind", "statement"),
        part=True,
    ),
    document_missing=Code(Outcome.not_fulfilled, "a recorded absence of the document itself", ("absence", "kind", "statement")),
    nothing_known=Code(Outcome.cannot_assess, "the case records neither such a document nor its absence", ("kinds",)),
)


class SteeringDocumentParams(Params):
    kinds: list[SteeringKind] = Field(default_factory=list, description="Kinds of steering document judged; empty: every kind.")
    absences: list[AbsenceKind] = Field(
        default=[AbsenceKind.steering_document, AbsenceKind.routine],
        description="Absence kinds that mean the document itself is missing.",
    )
    part_absences: list[AbsenceKind] = Field(default_factory=list, description="Absence kinds that mean a part of it is missing.")
    adopted_by: list[BodyKind] = Field(
        default_factory=list, description="Kinds of body that must adopt it (e.g. council); empty: any body."
    )
    require: list[Quality] = Field(
        default_factory=list, description=f"Qualities that must be confirmed, of {', '.join(QUALITIES)}; empty: any one."
    )


def run(ctx: CheckContext, params: SteeringDocumentParams) -> Iterable[Finding]:
    findings = [_judge(ctx, params, path, d) for path, d in steering_documents(ctx) if not params.kinds or d.kind in params.kinds]
    for path, absence in absences(ctx, [*params.absences, *params.part_absences]):
        code = CODES.document_missing if absence.kind in params.absences else CODES.part_missing
        findings.append(code({"absence": absence.id, "kind": absence.kind.value, "statement": absence.statement}, [path]))
    return findings or [CODES.nothing_known({"kinds": [k.value for k in params.kinds]}, [("steering_documents",)])]


def _judge(ctx: CheckContext, params: SteeringDocumentParams, path: tuple, doc: Any) -> Finding:
    adopted = True if (doc.adopted_by or doc.decision or doc.adopted) else None
    if adopted and params.adopted_by and doc.adopted_by and not ctx.is_body(doc.adopted_by, *params.adopted_by):
        adopted = False  # adopted, but by a body that may not adopt it
    documented = doc.documented if doc.documented is not None else (True if doc.document or doc.requires else None)
    applied = {Application.yes: True, Application.partly: False, Application.no: False}.get(doc.applied)
    qualities = {"adopted": adopted, "documented": documented, "known": doc.known, "applied": applied}
    qualities["up_to_date"] = doc.up_to_date
    confirmed = [q for q, v in qualities.items() if v is True]
    wanting = [q for q, v in qualities.items() if v is False]
    unknown = [q for q, v in qualities.items() if v is None]
    values = {"document": doc.id, "title": doc.title, "adopted_by": doc.adopted_by, "confirmed": confirmed}
    values |= {"wanting": wanting, "lacks": list(doc.lacks), "unknown": unknown}
    values["inferred"] = ["documented"] if doc.documented is None and not doc.document and doc.requires else []
    if doc.applied is Application.no:
        return CODES.document_not_applied(values, [path])
    if wanting == ["up_to_date"] and not doc.lacks:
        return CODES.document_outdated(values, [path])
    if wanting or doc.lacks:
        return CODES.document_deficient(values, [path])
    if doc.applied is Application.not_yet:
        return CODES.document_too_new(values, [path])
    required = params.require or QUALITIES
    met = all(qualities.get(q) for q in params.require) if params.require else any(qualities[q] for q in required)
    return (CODES.document_in_order if met else CODES.document_unconfirmed)(values, [path])


def rule(findings: Sequence[Finding]) -> Outcome:
    """Balance, with a document that exists but is deficient counted as a part that holds."""
    seen = {f.code for f in findings}
    if "document_missing" in seen and seen & {"document_deficient", "document_outdated"}:
        return Outcome.partly_fulfilled
    return balance(findings)


CHECK = Check(
    id="steering_document",
    summary="A steering document or routine exists, adopted by the right body, documented, known and applied; unknown never fails.",
    params=SteeringDocumentParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=rule,
)
__doc__ = CHECK.documentation

"""replies: each body the missiv asks for a reply has replied by the due date, has answered every
recommendation addressed to it, and has given each promised measure an owner and a date.

A reply is overdue when the body has none (or none with a received date) and the reference date is
after the missiv's reply due date; before that date, or with no due date or reference date, it is not
yet due. A received reply is then read per recommendation of the audit addressed to the body
(`ctx.recommendations`, the audit's recommendations with their stable ids): one it does not answer is
unanswered; a measure it promises with no one responsible, or no due date, is incomplete.
PASS: every reply in, every recommendation answered, every measure owned and dated. FAIL: a reply
overdue, or a recommendation unanswered. PARTLY: a measure lacks an owner or a date.
CANNOT ASSESS: no missiv, or only replies not yet due.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding, Found
from ._scope import decided_worst

BODY = ("body", "due", "received")
REC = ("body", "recommendation", "text")
CODES = Codes(
    reply_received=Code(Outcome.fulfilled, "the body's reply is received", BODY),
    reply_overdue=Code(Outcome.not_fulfilled, "no reply received, and the reply due date has passed", BODY),
    reply_not_due=Code(Outcome.cannot_assess, "no reply yet, and the due date has not passed (or is not known)", BODY),
    recommendation_answered=Code(Outcome.fulfilled, "the reply answers the recommendation", (*REC, "accepts")),
    recommendation_unanswered=Code(
        Outcome.not_fulfilled, "the reply does not answer a recommendation addressed to the body", REC
    ),
    measure_without_owner=Code(Outcome.partly_fulfilled, "a promised measure names no one responsible", (*REC, "measure")),
    measure_without_date=Code(Outcome.partly_fulfilled, "a promised measure has no due date", (*REC, "measure")),
    no_missiv=Code(Outcome.cannot_assess, "the case records no missiv asking for replies", ()),
)


class RepliesParams(Params):
    pass


def run(ctx: CheckContext, params: RepliesParams) -> Iterable[Finding] | Found:
    missiv = ctx.case.missiv
    if missiv is None:
        return [CODES.no_missiv()]
    findings: list[Finding] = []
    rows = []  # each addressee's reply for the office's overview: received, overdue or not yet due
    for body in missiv.addressees:
        found = [(i, r) for i, r in enumerate(ctx.case.replies) if r.body == body and r.received is not None]
        values = {"body": body, "due": str(missiv.reply_due) if missiv.reply_due else None}
        if not found:
            findings.append(_missing(ctx, values))
            rows.append({**values, "status": "overdue" if findings[-1].code == "reply_overdue" else "not_due"})
            continue
        index, reply = found[0]
        findings.append(CODES.reply_received({**values, "received": str(reply.received)}, [("replies", index)]))
        rows.append({**values, "status": "received", "received": str(reply.received)})
        findings += _answers(ctx, body, index, reply)
    return Found(findings, {"replies": rows})


def _missing(ctx: CheckContext, values: dict[str, Any]) -> Finding:
    missiv = ctx.case.missiv
    due: date | None = missiv.reply_due.latest() if missiv and missiv.reply_due else None
    today = ctx.reference_date
    if due is not None and today is not None and today > due:
        return CODES.reply_overdue(values, [("missiv",)])
    return CODES.reply_not_due(values, [("missiv",)])


def _answers(ctx: CheckContext, body: str, index: int, reply: Any) -> list[Finding]:
    """Per recommendation addressed to the body: answered or not, and each measure's owner and date."""
    findings = []
    answers = {a.recommendation: (i, a) for i, a in enumerate(reply.recommendations)}
    for rec in ctx.recommendations:
        if body not in rec.addressees or not rec.shown:
            continue
        values = {"body": body, "recommendation": rec.id, "text": rec.text}
        if rec.id not in answers:
            findings.append(CODES.recommendation_unanswered(values, [("replies", index)]))
            continue
        ai, answer = answers[rec.id]
        path = ("replies", index, "recommendations", ai)
        findings.append(CODES.recommendation_answered({**values, "accepts": answer.accepts}, [path]))
        for mi, measure in enumerate(answer.measures):
            where = [(*path, "measures", mi)]
            if measure.responsible is None:
                findings.append(CODES.measure_without_owner({**values, "measure": measure.description}, where))
            if measure.due is None:
                findings.append(CODES.measure_without_date({**values, "measure": measure.description}, where))
    return findings


CHECK = Check(
    id="replies",
    summary="The bodies' replies (yttranden): received by the due date, every recommendation answered, measures owned and dated.",
    params=RepliesParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=decided_worst,
)
__doc__ = CHECK.documentation

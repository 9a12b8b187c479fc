"""follow_up_cadence: the owner and each affected committee got regular, written reports and acted on deviations.

Each responsible body (the owner, the committees whose administrations change) is judged from
the initiative's start to its end or the reference date; overall: the worst (engine.outcome rule 1).

PASS: reports at least every `max_gap_months`, each calendar year one written with status against
goals, not only overviews, and a decision within `act_within_months` after each reported deviation.
PARTLY: a gap certain on the most favourable reading of the dates ("at least"); only overview
depth (some reports' depth may be unknown, none is detailed); a calendar year without written status; no decision after a deviation, by a
recorded absence or a decision only noting it.
FAIL: a body got no reports, and the case records that (absence of kind `reporting`).
CANNOT ASSESS: no period (neither the subject's own nor the audit's examined period, which a
standing process is judged by), or neither end nor reference date; no owner or committee; no
reports and no absence; no report's depth recorded; a deviation and nothing known about a decision.
A gap that only some reading of month- or year-precision dates opens ("kan ha överstigit", see
_timeline.py) is no finding against the body: the imprecision is the source's, so it counts as
met and goes on the auditor's points to verify (CaseResult.verify).

A decision acts on a deviation when it names the report in `acts_on`, or cannot precede the report
and may fall within `act_within_months` after it; a decision dated only by year may precede it.

A body that has no dated reports, or a subject with no period at all (a strategy followed up in
the annual cycle), is judged by the applied reporting routines to it (a routine with `reports_to`
and `reports_per_year`, see _routines.py): PASS when the routine reports at least every
`max_gap_months` (what its reports contain goes on the points to verify), PARTLY when less often or
when the routine is recorded as not applied, CANNOT ASSESS when its application or cadence is unknown.
A recorded absence of reporting outweighs a routine: it says what happened, the routine what should.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding, Found
from ..model.base import PartialDate
from ..model.common import Application
from ..model.facts import DecisionKind, ReportDepth, ReportForm, ReportingEvent
from ..model.paths import YamlPath
from ._routines import months_between, reporting_routines
from ._timeline import Mark, add_months, gaps, overlaps

Reports = list[tuple[YamlPath, ReportingEvent]]
Dated = list[tuple[date, Finding]]
PERIOD: YamlPath = ("initiative", "period")
GAP = ("body", "from", "to", "months", "max_gap_months", "from_start", "to_end")
DEVIATION = ("body", "report", "date", "covered", "noted", "absences", "act_within_months")
ROUTINE = ("body", "routine", "title", "reports_per_year", "months", "max_gap_months", "missing", "applied")

CODES = Codes(
    no_period=Code(
        Outcome.cannot_assess, "the initiative has no start date, or neither an end nor a reference date", ("start", "end")
    ),
    no_bodies=Code(Outcome.cannot_assess, "the case names neither an owner nor an affected committee"),
    reports_unknown=Code(Outcome.cannot_assess, "no report to the body and no recorded absence of reporting", ("body",)),
    no_reports=Code(Outcome.not_fulfilled, "no report to the body, recorded as absent", ("body", "absences")),
    reporting_gap=Code(Outcome.partly_fulfilled, "a certain gap; months is at least the gap", GAP),
    possible_gap=Code(
        Outcome.fulfilled,
        "a gap only some readings of partial dates open; months is at most the gap. The source is imprecise, so the "
        "body has the benefit of the doubt and the gap goes on the points to verify",
        GAP,
        verify="imprecise_date",
    ),
    overview_only=Code(Outcome.partly_fulfilled, "no report recorded as detailed", ("body", "count", "overview", "unknown")),
    depth_unknown=Code(Outcome.cannot_assess, "no report's depth is recorded: unknown is not overview", ("body", "count")),
    no_written_status=Code(Outcome.partly_fulfilled, "years without a written status report against goals", ("body", "years")),
    written_status_unrecorded=Code(
        Outcome.fulfilled,
        "years whose reports do not record their form or whether they gave the status against the goals: unknown is "
        "no deficiency, so the body has the benefit of the doubt and the years go on the points to verify",
        ("body", "years"),
        verify="inference",
    ),
    deviation_not_acted=Code(Outcome.partly_fulfilled, "no decision after a reported deviation", DEVIATION),
    deviation_action_unknown=Code(
        Outcome.cannot_assess, "a reported deviation, and nothing recorded about a decision", DEVIATION
    ),
    reporting_regular=Code(
        Outcome.fulfilled, "the body's reporting met every requirement", ("body", "count", "first", "last", "written_required")
    ),
    routine_regular=Code(
        Outcome.fulfilled,
        "an applied reporting routine reports to the body at least every max_gap_months; what its reports "
        "contain is not recorded, so it goes on the points to verify",
        ROUTINE,
        verify="inference",
    ),
    routine_sparse=Code(Outcome.partly_fulfilled, "an applied reporting routine reports less often than required", ROUTINE),
    routine_not_applied=Code(Outcome.partly_fulfilled, "a reporting routine to the body, recorded as not applied", ROUTINE),
    routine_unknown=Code(
        Outcome.cannot_assess, "a reporting routine whose application or cadence the case does not record", ROUTINE
    ),
)


class FollowUpCadenceParams(Params):
    max_gap_months: int = Field(default=6, ge=1, description="Longest allowed time between two reports to a body.")
    written_status_per_year: bool = Field(default=True, description="Require a written status report against goals each year.")
    act_within_months: int = Field(default=3, ge=0, description="Months a body has to decide after a reported deviation.")


def run(ctx: CheckContext, params: FollowUpCadenceParams) -> Found:
    """The findings, and for renderers (a timeline) the data behind them: `reporting_gaps`, the
    certain gaps per body ({body, start, end, months}: the last day a report can have been before
    the gap, the first day the next can be, whole months between); `silent_bodies`, the bodies
    recorded as getting no reports; `max_gap_months`, the limit in force."""
    data: dict[str, Any] = {"reporting_gaps": [], "silent_bodies": [], "max_gap_months": params.max_gap_months}
    owner = ctx.case.initiative.owner
    bodies = list(dict.fromkeys([owner, *ctx.affected_committees] if owner else ctx.affected_committees))
    period, end = ctx.case.examined_period(), ctx.period_end()
    if period is None or end is None:
        values = {"start": str(period.start) if period else None, "end": end.isoformat() if end else None}
        judged = {body: _by_routine(ctx, params, body) for body in bodies}
        # Without a period only a routine's cadence can be judged; a body without one is not judged.
        found = [f for findings in judged.values() for f in findings]
        if not found or not all(judged.values()):
            found.append(CODES.no_period(values, [("initiative",)]))
        return Found(found, data)
    if not bodies:
        return Found([CODES.no_bodies(facts=[("initiative",)])], data)
    own = ctx.case.initiative.period is not None  # else the audit's examined period: a standing process has none
    where: YamlPath = (*ctx.case.subject_path(), "period") if own else ("audit", "period")
    gaps_found: list[dict[str, Any]] = data["reporting_gaps"]
    findings = [f for body in bodies for f in _judge_body(ctx, params, body, period.start, end, where, gaps_found)]
    data["silent_bodies"] = [f.values["body"] for f in findings if f.code == "no_reports"]
    return Found(findings, data)


def _judge_body(
    ctx: CheckContext,
    params: FollowUpCadenceParams,
    body: str,
    start: PartialDate,
    end: date,
    where: YamlPath,
    certain: list[dict[str, Any]],
) -> list[Finding]:
    """The findings for one body, in date order; its certain gaps are added to `certain` for renderers."""
    reports = [
        (("reporting", i), r)
        for i, r in enumerate(ctx.case.reporting)
        if r.to == body and r.date.earliest() <= end and r.date.latest() >= start.earliest()
    ]
    if not reports:
        absent = ctx.absences("reporting", body)
        if not absent:
            return _by_routine(ctx, params, body) or [CODES.reports_unknown({"body": body}, [("initiative",)])]
        return [CODES.no_reports({"body": body, "absences": [a.id for _, a in absent]}, [p for p, _ in absent])]
    dated = _gap_findings(body, reports, start, end, params.max_gap_months, where, certain) + _depth(body, reports, start)
    if params.written_status_per_year:
        dated += _written_status(body, reports, start, end, where)
    dated += _deviations(ctx, body, reports, params.act_within_months)
    if not dated:
        first, last = min(r.date for _, r in reports), max(r.date for _, r in reports)
        values = {"body": body, "count": len(reports), "first": str(first), "last": str(last)}
        values["written_required"] = params.written_status_per_year
        dated = [(first.earliest(), CODES.reporting_regular(values, [p for p, _ in reports]))]
    return [finding for _, finding in sorted(dated, key=lambda pair: pair[0])]


def _gap_findings(
    body: str, reports: Reports, start: PartialDate, end: date, limit: int, where: YamlPath, certain: list[dict[str, Any]]
) -> Dated:
    first, last = Mark.of(start, where, "start"), Mark.of(end, where, "end")
    found: Dated = []
    for gap in gaps(first, [Mark.of(r.date, path) for path, r in reports], last, limit):
        if gap.certain:
            start_day, end_day = gap.start.latest.isoformat(), gap.end.earliest.isoformat()
            certain.append({"body": body, "start": start_day, "end": end_day, "months": gap.months})
        code = CODES.reporting_gap if gap.certain else CODES.possible_gap
        values = {"body": body, "from": gap.start.label, "to": gap.end.label, "months": gap.months, "max_gap_months": limit}
        values |= {"from_start": gap.start.kind == "start", "to_end": gap.end.kind == "end"}
        found.append((gap.start.earliest, code(values, dict.fromkeys((gap.start.path, gap.end.path)))))
    return found


def _depth(body: str, reports: Reports, start: PartialDate) -> Dated:
    """Overview-only reporting: no report is recorded as detailed."""
    if any(r.depth == ReportDepth.detailed for _, r in reports):
        return []
    overview = sum(r.depth == ReportDepth.overview for _, r in reports)
    facts = [p for p, _ in reports]
    if not overview:  # nothing is known of how detailed the reports were: never counted as "none detailed"
        return [(start.earliest(), CODES.depth_unknown({"body": body, "count": len(reports)}, facts))]
    values = {"body": body, "count": len(reports), "overview": overview, "unknown": len(reports) - overview}
    return [(start.earliest(), CODES.overview_only(values, facts))]


def _written_status(body: str, reports: Reports, start: PartialDate, end: date, where: YamlPath = PERIOD) -> Dated:
    """Calendar years of the period without a written report of the status against the goals; a year
    whose reports leave the form or the status unrecorded is not counted missing, but is to verify."""
    covered = {r.date.year for _, r in reports if r.form == ReportForm.written and r.status_against_goals}
    # A report that may be one, for all the case says: its form and its status are each written or unrecorded.
    possible = {r.date.year for _, r in reports if r.form in (ReportForm.written, None) and r.status_against_goals is not False}
    unrecorded = possible - covered
    years = [year for year in range(start.year, end.year + 1) if year not in covered]
    missing, unknown = [y for y in years if y not in unrecorded], [y for y in years if y in unrecorded]
    found: Dated = []
    for code, chosen in ((CODES.no_written_status, missing), (CODES.written_status_unrecorded, unknown)):
        if chosen:
            facts = [p for p, r in reports if r.date.year in chosen] or [where]
            found.append((date(chosen[0], 1, 1), code({"body": body, "years": chosen}, facts)))
    return found


def _deviations(ctx: CheckContext, body: str, reports: Reports, within: int) -> Dated:
    """Deviations reported to the body that no decision of its own followed within `within` months."""
    found: Dated = []
    for path, report in (pair for pair in reports if pair[1].deviation):
        deadline = add_months(report.date.latest(), within)
        responses = [
            (("decisions", i), d)
            for i, d in enumerate(ctx.case.decisions)
            if d.by == body
            and d.about_initiative
            and (report.id in d.acts_on or report.date.earliest() <= d.date.earliest() <= deadline)
        ]
        if any(d.kind != DecisionKind.information_noted for _, d in responses):
            continue  # the body acted; noting the information alone is not acting
        absent = [(p, a) for p, a in ctx.absences("decision", body) if overlaps(a.period, report.date.earliest(), deadline)]
        values = {"body": body, "report": report.id, "date": str(report.date), "covered": report.covered.strip()}
        values |= {"noted": [d.id for _, d in responses], "absences": [a.id for _, a in absent], "act_within_months": within}
        facts = (path, *(p for p, _ in responses), *(p for p, _ in absent))
        known = len(facts) > 1  # a decision only noting it, or a recorded absence of decisions
        code = CODES.deviation_not_acted if known else CODES.deviation_action_unknown
        found.append((report.date.earliest(), code(values, facts)))
    return found


def _by_routine(ctx: CheckContext, params: FollowUpCadenceParams, body: str) -> list[Finding]:
    """The body's reporting routines, each judged by its cadence against `max_gap_months`."""
    found = []
    for path, doc in reporting_routines(ctx, body):
        per_year = doc.reports_per_year
        months = months_between(per_year) if per_year else None
        applied = {Application.yes: True, Application.no: False}.get(doc.applied)  # in part or not yet: unknown cadence
        missing = [name for name, value in (("applied", applied), ("reports_per_year", per_year)) if value is None]
        values = {"body": body, "routine": doc.id, "title": doc.title, "reports_per_year": per_year, "months": months}
        values |= {"max_gap_months": params.max_gap_months, "missing": missing, "applied": doc.applied}
        if applied is False:
            code = CODES.routine_not_applied
        elif months is None or applied is None:
            code = CODES.routine_unknown
        else:
            code = CODES.routine_sparse if months > params.max_gap_months else CODES.routine_regular
        found.append(code(values, [path]))
    return found


CHECK = Check(
    id="follow_up_cadence",
    summary="The owner and the affected committees received reports often enough, in writing with status against goals, and acted on deviations.",
    params=FollowUpCadenceParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

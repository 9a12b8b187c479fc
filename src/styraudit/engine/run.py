"""Judging one case: run every applicable criterion's checks, render the Swedish texts, answer the questions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..errors import InputError, Location, Problem
from ..load.case import LoadedCase
from ..model.paths import dotted
from ..text.clock import case_bound
from ..text.jinja import MAX_RENDER_SECONDS
from .answers import answers as question_answers
from .context import CheckContext
from .criteria import BoundCheck, CriteriaPack, Criterion
from .followup import follow_up
from .lifecycle import after_report, check_replies, with_recommendations
from .outcome import Outcome, combine
from .recommendations import recommendations as audit_recommendations
from .render import render
from .results import (
    CaseResult,
    CheckFailure,
    CriterionResult,
    FactRef,
    Finding,
    Observation,
    PointToVerify,
    Recommendation,
    merge_data,
)
from .scopes import Key, Scope, criterion_scopes, lookup, result_key


def evaluate(loaded: LoadedCase, pack: CriteriaPack, as_of: date | None = None) -> CaseResult:
    """Judge one loaded case against a criteria pack; every text rendered within the time bound."""
    with case_bound(MAX_RENDER_SECONDS):  # one timer for the case, not two timer calls per text
        return _evaluate(loaded, pack, as_of)


def _evaluate(loaded: LoadedCase, pack: CriteriaPack, as_of: date | None) -> CaseResult:
    ctx = CheckContext(loaded.case, as_of)
    selected = _selected(loaded, pack)
    scopes = criterion_scopes(loaded.case.audit, pack)
    # One context per scope, shared by its criteria, so that the lookups it caches are built once.
    contexts: dict[Scope, CheckContext] = {(None, ()): ctx}
    results: dict[Key, CriterionResult] = {}
    for criterion in pack.ordered():
        if criterion.id not in selected or criterion.spec.after_report:
            continue
        named = scopes.get(criterion.id, ((None, ()),))
        for scope in named:
            if scope not in contexts:
                contexts[scope] = ctx.narrowed(subject=scope[0], documents=frozenset(scope[1]) if scope[1] else None)
            key = result_key(criterion.id, scope, named)
            judged = _judge(criterion, contexts[scope], loaded, _parts(results, scope))
            results[key] = replace(judged, subject=key[1], documents=key[2])
    recommendations = audit_recommendations(loaded, results.values())
    check_replies(loaded, recommendations)
    for criterion in after_report(pack, loaded):  # the replies to the recommendations, once they are known
        results[(criterion.id, None, ())] = _judge(criterion, with_recommendations(ctx, recommendations), loaded, {})
    answers = question_answers(loaded, pack, results)
    reference = ctx.reference_date
    data = merge_data(c.data for c in results.values())
    return CaseResult(
        file=loaded.file,
        case_id=loaded.case.id,
        title=loaded.case.title,
        as_of=reference.isoformat() if reference else None,
        criteria=tuple(results.values()),
        answers=answers,
        data=data,
        verify=tuple(_points_to_verify(loaded, pack, results)),
        recommendations=recommendations,
        follow_up=follow_up(loaded, data),
    )


def _points_to_verify(loaded: LoadedCase, pack: CriteriaPack, results: dict[Key, CriterionResult]) -> list[PointToVerify]:
    """Doubts given in the body's favour (a code that says so), and deficiencies resting on interviews
    only; each once, though a criterion judged on several questions' documents may find it twice."""
    points: dict[tuple[str, str, str], PointToVerify] = {}
    for (ident, *_scope), result in results.items():
        codes = {b.check.id: b.check.codes for b in pack.criteria[ident].checks}
        for o in result.observations:
            code = codes.get(o.check, {}).get(o.code)
            reason = code.verify if code else None
            if reason is None and o.outcome in (Outcome.not_fulfilled, Outcome.partly_fulfilled):
                reason = "interview_only" if o.facts and all(f.interview_only for f in o.facts) else None
            if reason:
                points.setdefault((ident, o.text, reason), PointToVerify(ident, o.text, o.facts, reason))
    return list(points.values())


def _selected(loaded: LoadedCase, pack: CriteriaPack) -> set[str]:
    """An audit's own yardsticks are the criteria its questions name (and what those are composed of);
    a case without an audit section is judged by every criterion whose `applies_if` sections it has."""
    case = loaded.case
    if case.audit is None:
        return {c.id for c in pack.criteria.values() if all(getattr(case, section, None) for section in c.spec.applies_if)}
    named: set[str] = set()
    problems: list[Problem] = []
    for qi, question in enumerate(case.audit.questions):
        for ci, ident in enumerate(question.criteria):
            canonical = pack.resolve(ident)  # an audit written before a criterion was renamed still names it
            if canonical is None:
                where = loaded.doc.locate(("audit", "questions", qi, "criteria", ci))
                problems.append(pack.unknown(ident, where, "unknown-id"))
            else:
                named.add(canonical)
    if problems:
        raise InputError(problems)
    return named | {part for ident in named for part in pack.criteria[ident].spec.composed_of}


def _parts(results: dict[Key, CriterionResult], scope: Scope) -> dict[str, CriterionResult]:
    """The results a composite criterion judged in `scope` is made of: those in the same scope, else the plainer ones."""
    return {ident: found for ident in {k[0] for k in results} if (found := lookup(results, ident, scope)) is not None}


def _judge(criterion: Criterion, ctx: CheckContext, loaded: LoadedCase, done: dict[str, CriterionResult]) -> CriterionResult:
    spec = criterion.spec
    if spec.composed_of:
        parts = [done[p] for p in spec.composed_of if p in done]
        outcome, observations, failures, data = combine(p.outcome for p in parts), [], [], {}
        holds = any(p.outcome is Outcome.fulfilled or p.main_part_holds for p in parts)
    else:
        outcome, observations, failures, data = _run_checks(criterion, ctx, loaded)
        holds = _main_part_holds(criterion, observations)
    values = {"outcome": outcome.value, "parts": [(p, done[p].outcome.value) for p in spec.composed_of if p in done]}
    values["params"] = criterion.text_params
    # The codes of the findings that fall short, so an assessment says what it rests on and no more
    # (a sample with minor deviations is not "parts of the oversight missing").
    values["found"] = sorted({o.code for o in observations if o.outcome in (Outcome.partly_fulfilled, Outcome.not_fulfilled)})
    # The body responsible for the subject, so that an assessment can name it ("Regionstyrelsen har
    # inte gett ...") rather than say "the responsible body"; None when the case names none.
    values["owner"] = getattr(ctx.case.initiative, "owner", None)
    recommendation = None
    if criterion.recommendation and outcome in (Outcome.not_fulfilled, Outcome.partly_fulfilled):
        addressees = tuple(_addressees(spec.recommendation.addressees, ctx))  # type: ignore[union-attr]
        where = criterion.doc.locate(("recommendation", "text"))
        text = render(criterion.recommendation, {**values, "addressees": addressees}, where, ctx.name)
        recommendation = Recommendation(text, addressees)
    return CriterionResult(
        criterion=spec.id,
        title=spec.title,
        theme=spec.theme,
        severity=spec.severity,
        outcome=outcome,
        observations=tuple(observations),
        assessment=render(criterion.assessment[outcome], values, criterion.doc.locate(("assessment", outcome.value)), ctx.name),
        recommendation=recommendation,
        location=criterion.doc.locate(()),
        composed_of=tuple(spec.composed_of),
        aliases=tuple(spec.aliases),
        check_failures=tuple(failures),
        data=data,
        main_part_holds=outcome is Outcome.partly_fulfilled and holds,
    )


def _main_part_holds(criterion: Criterion, observations: list[Observation]) -> bool:
    """Whether a shortfall leaves the main part standing: at least as much of what was judged is in
    order as falls short, a shortfall that says only a part of the whole is missing (its code is
    declared `part`) weighing on neither side; with nothing in order, only such partial shortfalls."""
    codes = {b.check.id: b.check.codes for b in criterion.checks}
    holding = short = 0
    for o in observations:
        code = codes.get(o.check, {}).get(o.code)
        if o.outcome is Outcome.fulfilled:
            holding += 1
        elif o.outcome is Outcome.not_fulfilled or (o.outcome is Outcome.partly_fulfilled and not (code and code.part)):
            short += 1
    return short <= holding


def _run_checks(
    criterion: Criterion, ctx: CheckContext, loaded: LoadedCase
) -> tuple[Outcome, list[Observation], list[CheckFailure], dict[str, tuple[Any, ...]]]:
    """Run the criterion's checks; one that raises is recorded, and the criterion cannot be assessed."""
    outcomes, observations, failures, data = [], [], [], []
    for index, bound in enumerate(criterion.checks):
        try:
            result = bound.check.judge(ctx, bound.params)
        except Exception as exc:  # a bug in a check must not take the case down: the result says it failed
            failures.append(CheckFailure.of(bound.check.id, exc))
            continue
        outcomes.append(result.outcome)
        data.append(result.data)
        for f in result.findings:
            where = criterion.doc.locate(("checks", index, "texts", f.code))
            observations.append(_observe(bound, f, ctx, loaded, where))
    if criterion.spec.combine == "decided":
        # Alternative evidence: a check without the facts does not stop another from deciding.
        outcomes = [o for o in outcomes if o is not Outcome.cannot_assess] or outcomes
    outcome = Outcome.cannot_assess if failures else combine(outcomes)
    return outcome, observations, failures, merge_data(data)


def _observe(bound: BoundCheck, finding: Finding, ctx: CheckContext, loaded: LoadedCase, where: Location) -> Observation:
    facts = tuple(_fact(path, ctx, loaded) for path in finding.facts)
    values = {**finding.values, "outcome": finding.outcome.value, "params": bound.text_params}
    text = render(bound.texts[finding.code], values, where, ctx.name)
    return Observation(bound.check.id, finding.code, finding.outcome, text, facts)


def _fact(path: tuple[str | int, ...], ctx: CheckContext, loaded: LoadedCase) -> FactRef:
    """Where a fact is and what it rests on, made once for each fact a case's findings cite."""
    found = ctx.fact_refs.get(path)
    if found is None:
        found = ctx.fact_refs[path] = _new_fact(path, ctx, loaded)
    return found


def _new_fact(path: tuple[str | int, ...], ctx: CheckContext, loaded: LoadedCase) -> FactRef:
    """Where a fact is and what it rests on; a value without sources of its own (a date in a
    directive, an id in a list) rests on the sources of the nearest fact that contains it."""
    node: Any = ctx.case
    sources: tuple[str, ...] = ()
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, part)
        sources = tuple(getattr(node, "sources", None) or ()) or sources
    interview_only = bool(sources) and all(ctx.kind(s) == "interview" for s in sources)
    return FactRef(dotted(path), loaded.doc.locate(path), sources, interview_only)


def _addressees(symbols: list[str], ctx: CheckContext) -> list[str]:
    """Resolve `owner`, `lead`, `affected_committees`, `council` or plain ids to ids, in order, once each."""
    initiative = ctx.case.initiative
    resolved: list[str] = []
    for symbol in symbols:
        if symbol == "owner":
            resolved += [initiative.owner] if initiative.owner else []
        elif symbol == "lead":
            resolved += [initiative.lead] if initiative.lead else []
        elif symbol == "affected_committees":
            resolved += list(ctx.affected_committees)
        elif symbol == "council":
            resolved += [b.id for b in ctx.case.bodies if b.kind == "council"]
        else:
            resolved.append(symbol)
    return list(dict.fromkeys(resolved))

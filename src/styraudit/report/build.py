"""Building the report model from a loaded case, the engine's result and the criteria pack.

The order of the seed report: 1 summary (observations, assessment, recommendations), 2
background, 3 how the audit was done, 4 the observations by theme ending in "Vår kommentar",
5 answers to the audit questions, 6 recommendations. Sources are numbered as the reader meets
them: first the summary, then chapter 4.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..engine.context import CheckContext  # the case's names and kinds for the timeline's rows
from ..engine.criteria import CriteriaPack
from ..engine.outcome import Outcome
from ..engine.results import CaseResult, CriterionResult, Observation
from ..load.case import LoadedCase
from ..text.names import Names, actor_names
from ..text.swedish import join_sv, lower_first
from .abbreviate import abbreviated, group_abbreviations
from .confined import confined_to_lead
from .followup import follow_up_items
from .front import audit_fields
from .labels import load_labels
from .missiv import missiv_letter
from .model import AnswerRow, Report, Statement, Theme, VerifyPoint
from .narrative import Told, assign, fact_key, fact_statements, facts_of, woven, yaml_path
from .recommendations import recommendation_items
from .sources import SourceBook
from .statements import by_date, fact_date, merged, statement
from .synthesis import aggregated, assessment, bare, condensed, more_of
from .timeline import build_timeline

DEFICIENT = (Outcome.not_fulfilled, Outcome.partly_fulfilled)
# Points to verify that leave the body for the auditor's list; claims on interviews alone stay in the text too.
DOUBTS = ("inference", "imprecise_date")
# Chapter 1 says this many findings of one kind, then how many more chapter 4 tells (a goal chain's eighty).
SAID_IN_FULL = 3


def build_report(loaded: LoadedCase, result: CaseResult, pack: CriteriaPack, labels: dict[str, Any] | None = None) -> Report:
    """The whole report model; `labels` default to the shipped templates/report/labels.yaml."""
    labels = labels or load_labels()
    case = loaded.case
    name = Names(case)
    book = SourceBook(case, labels)
    parts = [c for c in result.criteria if not c.composed_of]
    composed = [c for c in result.criteria if c.composed_of]
    deficient = [c for c in parts if c.outcome in DEFICIENT]
    doubtful = {p.text for p in result.verify if p.reason in DOUBTS}
    # What the evidence does not show, where the criterion was judged on other findings, is the auditor's to settle.
    unknown = [
        o for c in parts if c.outcome != Outcome.cannot_assess for o in c.observations if o.outcome == Outcome.cannot_assess
    ]
    doubtful |= {o.text for o in unknown}
    # A report with no shortfall still tells what it found: the observations in order (Sollentuna 2017).
    fulfilled = [c for c in parts if c.outcome is Outcome.fulfilled]
    paragraphs = _summary(deficient, DEFICIENT, book, case, labels, doubtful) or _summary(
        fulfilled, (Outcome.fulfilled,), book, case, labels, doubtful
    )
    themes = _themes(parts, book, loaded, labels, doubtful)
    followed = follow_up_items(result, book, loaded, labels)  # cites after chapter 4, before the list is made
    verify = _verify(result, book, labels) + _unknown(unknown, book, labels)
    report = Report(
        **audit_fields(case, result, pack, name),
        summary_observations=tuple(s for paragraph in paragraphs for s in paragraph),
        summary_paragraphs=paragraphs,
        summary_assessment=_assessment(result, case, composed, deficient, name, labels),
        recommendations=recommendation_items(result, name, labels),
        themes=themes,
        answers=_answers(result, labels),
        sources=book.sources(),
        timeline=build_timeline(CheckContext(case, _as_of(result)), result.data, labels),
        case_file=Path(loaded.file).name,
        tool_version=__version__,
        purposes=tuple(purpose.text for purpose in case.initiative.purposes),
        missiv=missiv_letter(case, name),
        follow_up=followed,
        verify=verify,
    )
    return abbreviated(report, group_abbreviations(case))


def _summary(
    criteria: list[CriterionResult],
    outcomes: tuple[Outcome, ...],
    book: SourceBook,
    case: Any,
    labels: dict[str, Any],
    doubtful: set[str],
) -> tuple[tuple[Statement, ...], ...]:
    """Chapter 1's observations: the criteria's findings of `outcomes`, one paragraph per theme, the same
    finding for several actors said once."""
    grouped: dict[str, list[Observation]] = {}
    for criterion in criteria:
        kept = [o for o in criterion.observations if o.outcome in outcomes and o.text not in doubtful]
        grouped.setdefault(criterion.theme, []).extend(kept)
    actors = actor_names(case)
    words = labels["synthesis"]
    paragraphs = []
    for found in grouped.values():
        kept, rest = condensed(found, SAID_IN_FULL, lambda group: len(aggregated(bare(group), actors, words)) > SAID_IN_FULL)
        said = list(aggregated(merged(statement(o, book, case) for o in kept), actors, words))
        for last, group in reversed(rest):  # each count right after the last finding of its kind said in full
            at = next((i + 1 for i, s in enumerate(said) if s.text == statement(last, book, case).text), len(said))
            said.insert(at, more_of([statement(o, book, case) for o in group], words))
        if said:
            paragraphs.append(tuple(said))
    return tuple(paragraphs)


def _assessment(
    result: CaseResult,
    case: Any,
    composed: list[CriterionResult],
    deficient: list[CriterionResult],
    name: Any,
    labels: dict[str, Any],
) -> tuple[str, ...]:
    """The Bedömning: the overall judgement naming the bodies and the lead, the themes' assessments, the purposes at risk."""
    words = labels["synthesis"]
    intro = confined = ""
    answers = {a.final.value for a in result.answers}
    worst = next((a for a in ("no", "partly", "yes", "cannot_assess") if a in answers), None)
    if worst and case.audit is not None and case.audit.audited_bodies:
        intro = words["intro"][worst].format(bodies=join_sv(lower_first(name(b)) for b in case.audit.audited_bodies))
        confined = confined_to_lead(case, name, words) if worst != "yes" else ""
    by_theme: dict[str, list[str]] = {}
    for criterion in [*composed, *deficient]:
        texts = by_theme.setdefault(criterion.theme, [])
        if criterion.assessment and criterion.assessment not in texts:
            texts.append(criterion.assessment)
    purposes = [p.text for p in case.initiative.purposes] if case.initiative else []
    # Whether the work was confined to its lead is said on its own, after the overall judgement (seed 000).
    return assessment(intro, [[confined], *by_theme.values()], purposes, words)


def _verify(result: CaseResult, book: SourceBook, labels: dict[str, Any]) -> tuple[VerifyPoint, ...]:
    """The engine's points to verify, each once, with its lead-in and its sources numbered after the text's."""
    reasons = labels["verify_reasons"]
    points: dict[tuple[str, str], VerifyPoint] = {}
    for point in result.verify:
        sources = book.cite(s for f in point.facts for s in f.sources)
        locations = tuple(dict.fromkeys(str(f.location) for f in point.facts))
        lead = " ".join(str(reasons.get(point.reason, "")).split())
        points.setdefault((point.reason, point.text), VerifyPoint(lead, point.text, sources, locations))
    return tuple(points.values())


def _unknown(observations: list[Observation], book: SourceBook, labels: dict[str, Any]) -> tuple[VerifyPoint, ...]:
    """Points to verify for what the evidence does not show, each once, after the engine's own."""
    lead = labels["text"]["verify_unknown"]
    points: dict[str, VerifyPoint] = {}
    for o in observations:
        sources = book.cite(s for f in o.facts for s in f.sources)
        points.setdefault(o.text, VerifyPoint(lead, o.text, sources, tuple(dict.fromkeys(str(f.location) for f in o.facts))))
    return tuple(points.values())


def _as_of(result: CaseResult) -> date | None:
    """The reference date the engine judged by, so the timeline ends where the findings do."""
    return date.fromisoformat(result.as_of) if result.as_of else None


def _themes(
    parts: list[CriterionResult], book: SourceBook, loaded: LoadedCase, labels: dict[str, Any], doubtful: set[str]
) -> tuple[Theme, ...]:
    """Criteria grouped by theme, themes in the order of their first criterion; every fact of the case told in one of them."""
    grouped: dict[str, list[CriterionResult]] = {}
    for criterion in parts:
        grouped.setdefault(criterion.theme, []).append(criterion)
    cited_in: dict[str, str] = {}
    for title, members in grouped.items():
        for observation in (o for c in members for o in c.observations):
            for fact in observation.facts:
                cited_in.setdefault(fact_key(fact.path), title)
    told = assign(
        facts_of(loaded, labels), cited_in, list(grouped), labels["narrative"]["other_theme"], labels["narrative"]["themes"]
    )
    themes = []
    for title, facts in told.items():
        members = grouped.get(title, [])
        kept = woven((o for c in members for o in c.observations), facts, doubtful)
        themes.append(
            Theme(
                title=title,
                statements=_narrated(facts, kept, book, loaded),
                comment=_unique([c.assessment for c in members] + [_waiver(c, labels) for c in members if c.waiver]),
                criteria=tuple(c.criterion for c in members),
            )
        )
    return tuple(t for t in themes if t.statements or t.comment)


def _narrated(facts: list[Told], observations: list[Observation], book: SourceBook, loaded: LoadedCase) -> tuple[Statement, ...]:
    """Facts and findings in one date order (undated last), sources numbered as the reader meets them."""
    case = loaded.case
    interviews = {i.id for i in case.evidence.interviews}
    items: list[tuple[tuple[bool, str], int, Told | Observation]] = []
    for fact in facts:
        items.append(((fact.date is None, fact.date or ""), len(items), fact))
    for observation in by_date(observations, case):
        dates = [d for f in observation.facts if (d := fact_date(case, f.path))]
        items.append(((not dates, min(dates) if dates else ""), len(items), observation))
    out: list[Statement] = []
    for _key, _n, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if isinstance(item, Told):
            out.extend(fact_statements([item], book, interviews, lambda p: loaded.doc.locate(yaml_path(p))))
        else:
            out.append(statement(item, book, case))
    return merged(out)


def _waiver(criterion: CriterionResult, labels: dict[str, Any]) -> str:
    from ..text.swedish import date_sv

    waiver = criterion.waiver
    if waiver is None:
        return ""
    return labels["text"]["waiver"].format(
        decided_by=waiver.decided_by, expires=date_sv(waiver.expires), motivation=waiver.motivation
    )


def _answers(result: CaseResult, labels: dict[str, Any]) -> tuple[AnswerRow, ...]:
    words = labels["answers"]
    rows = []
    for answer in result.answers:
        criteria = [r for c in answer.criteria if (r := answer.result(c, result.criteria)) is not None]
        explaining = [c for c in criteria if c.outcome in DEFICIENT] or criteria
        rows.append(
            AnswerRow(
                question=answer.text,
                answer=words[answer.final.value],
                drafted=words[answer.drafted.value],
                overridden=answer.overridden,
                motivation=answer.motivation,
                comment=_unique([_rests_on_parts(answer, result, labels), *(c.assessment for c in explaining)]),
            )
        )
    return tuple(rows)


def _rests_on_parts(answer: Any, result: CaseResult, labels: dict[str, Any]) -> str:
    """For an overall question, the sentence that names the sub-questions its answer is weighed from."""
    table, words = labels["answers_table"], labels["answers"]
    by_id = {a.question: a for a in result.answers}
    named = [
        table["part"].format(question=part.text, answer=lower_first(words[part.final.value]))
        for p in answer.parts
        if (part := by_id.get(p)) is not None
    ]
    return table["rests_on_parts"].format(parts=join_sv(named)) if named else ""


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t))

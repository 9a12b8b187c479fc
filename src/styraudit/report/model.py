"""The report model: everything a renderer needs, already in report order, with numbered sources.

Built once from the case and its CaseResult (see build.py); every renderer (Markdown, HTML,
Word) reads only this, so the three formats cannot disagree. Swedish words that are not case
content (section titles, answer labels) come from templates/report/labels.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """An entry of the source list; `number` is what footnotes and [n] links cite."""

    number: int
    id: str
    kind: str  # "document" or "interview"
    label: str  # a document's title, or "Intervju med <roll>"
    reference: str | None = None
    date: str | None = None  # Swedish, e.g. "23 oktober 2023"
    paragraph: str | None = None  # a protocol's §, apart from the dnr in `reference`


@dataclass(frozen=True)
class Statement:
    """One sentence of the report resting on facts: its text, its sources, where in the case it comes from."""

    text: str
    sources: tuple[int, ...]  # Source.number values, ascending
    interview_only: bool  # every fact behind it rests on interviews alone
    unsourced: bool  # some fact behind it names no source at all
    locations: tuple[str, ...]  # "file:line:col" of the facts
    outcome: str  # the finding's outcome (fulfilled, partly_fulfilled, not_fulfilled, cannot_assess)
    date: str | None = None  # ISO date used for ordering within a theme, when the facts have one


@dataclass(frozen=True)
class Theme:
    """A section of chapter 4: observations in date order, ending with "Vår kommentar"."""

    title: str
    statements: tuple[Statement, ...]
    comment: tuple[str, ...]  # the assessments of the theme's criteria
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str  # final answer label: Ja, Delvis, Nej, Kan ej bedömas
    drafted: str  # the engine's drafted answer label
    overridden: bool
    motivation: str | None  # the auditor's written motivation when overridden
    comment: tuple[str, ...]  # sentences explaining the answer


@dataclass(frozen=True)
class RecommendationItem:
    text: str
    addressees: tuple[str, ...]  # display names of the bodies addressed
    id: str = ""  # the stable id a body's reply cites
    note: str = ""  # the id, and the auditor's edit with its motivation, as chapter 6 shows them


@dataclass(frozen=True)
class FollowUpItem:
    """A row of the chapter "Uppföljning av tidigare granskning"."""

    recommendation: str  # its text
    reply: tuple[str, ...]  # what the body replied: accepts or not, the measures it promised
    done: tuple[Statement, ...]  # what was done since, each with its sources
    status: str  # final status label: Åtgärdad, Delvis åtgärdad, Ej åtgärdad, Kan ej bedömas
    drafted: str  # the derived status label
    overridden: bool
    comment: tuple[str, ...]  # the auditor's motivation when overridden, then the observation


@dataclass(frozen=True)
class MissivLetter:
    """The cover letter's own facts (--part missiv), as the reader sees them."""

    date: str  # Swedish, "1 november 2023"
    addressees: tuple[str, ...]  # display names
    reply_due: str | None  # Swedish date
    signed_by: tuple[str, ...]
    date_iso: str | None = None


@dataclass(frozen=True)
class CriterionText:
    citation: str
    text: str


@dataclass(frozen=True)
class TimelineEvent:
    body: str  # id of the row it is drawn in: a body, a role, a group, or the directive
    date: str  # ISO date (earliest reading of a partial date)
    precision: str  # day, month or year
    kind: str  # "decision", "position" (an official's plan or standpoint), "report", "decision_point" or "milestone"
    label: str  # the date as the reader sees it ("november 2021", "20–30 oktober 2024")
    detail: str  # e.g. "översiktlig, muntlig"; a decision's reference; a decision point's id
    number: int = 0  # the number on the mark and in the key under the picture, in date order
    text: str = ""  # the key's short text ("Regionstyrelsen beslutade om en plan")
    end: str | None = None  # ISO last day of a span (a decision point from start to end)


@dataclass(frozen=True)
class TimelineGap:
    body: str
    start: str  # ISO
    end: str  # ISO
    months: int


@dataclass(frozen=True)
class Timeline:
    """Decisions and reports per body and official over the initiative's period, with the gaps the criterion does not allow."""

    rows: tuple[tuple[str, str], ...]  # (body id, display name), top to bottom
    start: str  # ISO
    end: str  # ISO
    events: tuple[TimelineEvent, ...]
    gaps: tuple[TimelineGap, ...]
    silent: tuple[str, ...]  # body ids that never received a report
    max_gap_months: int


@dataclass(frozen=True)
class VerifyPoint:
    """A point the auditor should confirm before publication: why, the claim, its sources."""

    reason: str  # the lead-in of templates/messages/verify.yaml for its reason
    text: str
    sources: tuple[int, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    organisation: str
    title: str
    office: str | None
    reference: str | None
    date: str | None  # Swedish, "23 oktober 2023"
    place: str | None
    authors: tuple[tuple[str, str | None], ...]  # (name, title)
    summary_observations: tuple[Statement, ...]
    summary_assessment: tuple[str, ...]
    recommendations: tuple[RecommendationItem, ...]
    background: tuple[str, ...]
    reason: str | None
    purpose: str | None
    questions: tuple[str, ...]
    audited_bodies: tuple[str, ...]
    delimitations: tuple[str, ...]
    criteria: tuple[CriterionText, ...]
    documents_analysed: tuple[str, ...]
    interviews: tuple[str, ...]  # by role
    method: str | None
    quality_assurance: str | None
    themes: tuple[Theme, ...]
    answers: tuple[AnswerRow, ...]
    sources: tuple[Source, ...]
    timeline: Timeline | None
    case_file: str
    tool_version: str
    date_iso: str | None = None  # the report date as ISO (Word's core properties need a real date)
    purposes: tuple[str, ...] = ()  # the initiative's purposes (the board's goals on the slides)
    missiv: MissivLetter | None = None  # the cover letter's facts, when the case records one
    follow_up: tuple[FollowUpItem, ...] = ()  # the earlier recommendations followed up
    summary_paragraphs: tuple[tuple[Statement, ...], ...] = ()  # chapter 1's observations, one paragraph per theme
    verify: tuple[VerifyPoint, ...] = ()  # the auditor's points to verify before publication


def chapters_present(report: Report) -> list[str]:
    """The chapters this report has, in seed 000's order; every format numbers them consecutively."""
    present = {
        "summary": True,
        "background": bool(report.background or report.reason),
        "conduct": bool(report.purpose or report.criteria or report.method),
        "findings": bool(report.themes or report.timeline),
        "follow_up": bool(report.follow_up),
        "answers": bool(report.answers),
        "recommendations": True,
    }
    return [key for key, shown in present.items() if shown]

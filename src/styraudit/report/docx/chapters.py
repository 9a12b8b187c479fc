"""Chapters 1–3 of the Word report and the recommendation list (chapters 1 and 6), in the seed's order."""

from __future__ import annotations

from ...text.swedish import join_sv, lower_first
from ..model import RecommendationItem, Report
from .writer import Writer, upper_first


def summary(writer: Writer, report: Report, number: int) -> None:
    """1. Sammanfattande analys: Iakttagelser, Bedömning, Rekommendationer."""
    writer.heading(f"{number}. {writer.label('sections.summary')}", 1)
    writer.heading(writer.label("sections.observations"), 2)
    if report.summary_observations:
        writer.statements(report.summary_observations)
    else:
        writer.paragraph(writer.label("text.no_observations"))
    writer.heading(writer.label("sections.assessment"), 2)
    writer.paragraphs(report.summary_assessment)
    writer.heading(writer.label("sections.recommendations"), 2)
    recommendations(writer, report.recommendations)


def recommendations(writer: Writer, items: tuple[RecommendationItem, ...]) -> None:
    """'Vi rekommenderar … att arbeta med följande områden:' and one bullet per recommendation.

    An item addressed to fewer bodies than the intro names says to whom it is addressed.
    """
    if not items:
        writer.paragraph(writer.label("text.no_recommendations"))
        return
    everyone = list(dict.fromkeys(body for item in items for body in item.addressees))
    if everyone:
        bodies = join_sv(lower_first(body) for body in everyone)
        writer.paragraph(writer.label("text.recommendations_intro", bodies=bodies))
    for item in items:
        bullet = writer.paragraph(item.text, style="List Bullet")
        if item.addressees and set(item.addressees) != set(everyone):
            bodies = join_sv(lower_first(body) for body in item.addressees)
            bullet.add_run(" " + writer.label("text.addressed_to", bodies=bodies) + ".").italic = True


def background(writer: Writer, report: Report, number: int) -> None:
    writer.heading(f"{number}. {writer.label('sections.background')}", 1)
    writer.paragraphs(report.background)
    writer.paragraphs([report.reason])


def conduct(writer: Writer, report: Report, number: int) -> None:
    """3. Granskningens genomförande with its five sub-sections."""
    writer.heading(f"{number}. {writer.label('sections.conduct')}", 1)
    if report.purpose or report.questions:
        writer.heading(writer.label("sections.purpose"), 2)
        writer.paragraphs([report.purpose])
    if report.questions:
        writer.paragraph(writer.label("text.purpose_questions"))
        writer.bullets(report.questions)
    if report.audited_bodies or report.delimitations:
        writer.heading(writer.label("sections.scope"), 2)
    if report.audited_bodies:
        bodies = join_sv(lower_first(body) for body in report.audited_bodies)
        writer.paragraph(writer.label("text.audited_bodies", bodies=bodies))
    writer.paragraphs(report.delimitations)
    if report.criteria:
        _criteria(writer, report)
    if report.method or report.documents_analysed or report.interviews:
        _method(writer, report)
    if report.quality_assurance:
        writer.heading(writer.label("sections.quality"), 2)
        writer.paragraph(report.quality_assurance)


def _criteria(writer: Writer, report: Report) -> None:
    """The audit's criteria; a citation the text does not already start with goes first, in bold."""
    writer.heading(writer.label("sections.criteria"), 2)
    writer.paragraph(writer.label("text.criteria_intro"))
    for criterion in report.criteria:
        bullet = writer.paragraph(style="List Bullet")
        if criterion.citation and not criterion.text.startswith(criterion.citation):
            bullet.add_run(criterion.citation).bold = True
            bullet.add_run(" ")
        bullet.add_run(criterion.text)


def _method(writer: Writer, report: Report) -> None:
    writer.heading(writer.label("sections.method"), 2)
    writer.paragraphs([report.method])
    if report.documents_analysed:
        writer.paragraph(writer.label("text.documents_intro"))
        writer.bullets(upper_first(text) for text in report.documents_analysed)
    if report.interviews:
        writer.paragraph(writer.label("text.interviews_intro"))
        writer.bullets(upper_first(role) for role in report.interviews)

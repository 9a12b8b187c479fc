"""Chapters 1–3 of the Word report and the recommendation list (chapters 1 and 6), in the seed's order.

Each chapter says what the HTML report says, in the same order (tests/test_report_same_content.py
compares them): the HTML template is the reference, Word only lays it out differently.
"""

from __future__ import annotations

from docx.shared import Pt

from ...text.swedish import join_sv, lower_first
from ..model import RecommendationItem, Report
from .writer import Writer


def summary(writer: Writer, report: Report, number: int) -> None:
    """1. Sammanfattande analys: Iakttagelser, Bedömning, then the recommendations as in seed 000."""
    writer.heading(f"{number}. {writer.label('sections.summary')}", 1)
    writer.heading(writer.label("sections.observations"), 2)
    if report.summary_paragraphs:
        for statements in report.summary_paragraphs:
            paragraph = writer.paragraph()
            for index, statement in enumerate(statements):
                if index:
                    paragraph.add_run(" ")
                writer.statement(paragraph, statement)
    elif report.summary_observations:
        writer.statements(report.summary_observations, style="List Bullet")
    else:
        writer.paragraph(writer.label("text.no_observations"))
    writer.heading(writer.label("sections.assessment"), 2)
    writer.paragraphs(report.summary_assessment)
    if report.recommendations:
        recommendations(writer, report.recommendations, addressed=False)


def recommendations(writer: Writer, items: tuple[RecommendationItem, ...], addressed: bool) -> None:
    """'Vi rekommenderar … att arbeta med följande områden:' and one bullet per recommendation.

    With `addressed` (chapter 6, as in the HTML) each bullet ends in a line saying to whom it is addressed.
    """
    everyone = list(dict.fromkeys(body for item in items for body in item.addressees))
    writer.paragraph(writer.label("text.recommendations_intro", bodies=join_sv(lower_first(b) for b in everyone)))
    for item in items:
        bullet = writer.paragraph(item.text, style="List Bullet")
        if addressed and item.addressees:
            bullet.add_run().add_break()
            note = bullet.add_run(writer.label("text.addressed_to", bodies=join_sv(lower_first(a) for a in item.addressees)))
            note.italic = True
            note.font.size = Pt(9)
        if addressed and item.note:  # the id a reply cites, and the auditor's edit
            bullet.add_run().add_break()
            marked = bullet.add_run(item.note)
            marked.italic = True
            marked.font.size = Pt(9)


def background(writer: Writer, report: Report, number: int) -> None:
    writer.heading(f"{number}. {writer.label('sections.background')}", 1)
    writer.paragraphs(report.background)
    writer.paragraphs([report.reason])


def conduct(writer: Writer, report: Report, number: int) -> None:
    """3. Granskningens genomförande with its five sub-sections."""
    writer.heading(f"{number}. {writer.label('sections.conduct')}", 1)
    if report.purpose:
        writer.heading(writer.label("sections.purpose"), 2)
        writer.paragraph(f"{report.purpose} {writer.label('text.purpose_questions')}")
        writer.bullets(report.questions)
    if report.audited_bodies or report.delimitations:
        writer.heading(writer.label("sections.scope"), 2)
        if report.delimitations:
            writer.paragraph(" ".join(report.delimitations))
        else:
            bodies = join_sv(lower_first(body) for body in report.audited_bodies)
            writer.paragraph(writer.label("text.audited_bodies", bodies=bodies))
    if report.criteria:
        _criteria(writer, report)
    if report.method or report.documents_analysed or report.interviews:
        _method(writer, report)
    if report.quality_assurance:
        writer.heading(writer.label("sections.quality"), 2)
        writer.paragraph(report.quality_assurance)


def _criteria(writer: Writer, report: Report) -> None:
    """The audit's criteria, each led by its citation in bold."""
    writer.heading(writer.label("sections.criteria"), 2)
    writer.paragraph(writer.label("text.criteria_intro"))
    for criterion in report.criteria:
        bullet = writer.paragraph(style="List Bullet")
        if criterion.citation:
            bullet.add_run(f"{criterion.citation}.").bold = True
            bullet.add_run(" ")
        bullet.add_run(criterion.text)


def _method(writer: Writer, report: Report) -> None:
    writer.heading(writer.label("sections.method"), 2)
    writer.paragraphs([report.method])
    if report.documents_analysed:
        writer.paragraph(writer.label("text.documents_intro"))
        writer.bullets(report.documents_analysed)
    if report.interviews:
        writer.paragraph(writer.label("text.interviews_intro"))
        writer.bullets(report.interviews)

"""The one-page summary as a Word document: the same page as templates/report/summary.html.j2."""

from __future__ import annotations

from typing import Any

from ...text.swedish import join_sv, lower_first
from .. import brief
from ..model import Report


def render_summary_docx(report: Report, labels: dict[str, Any]) -> bytes:
    """The summary's bytes; the same report and labels always give the same bytes."""
    import docx
    from docx.shared import Pt

    from .front import header_footer
    from .package import drop_thumbnail, set_properties, to_bytes
    from .styles import set_up
    from .writer import Writer

    document = docx.Document()
    set_up(document)
    _one_page(document)
    writer = Writer(document, report, labels)
    words = labels["summary"]
    _head_and_answers(writer, report, words)
    observations = brief.conclusions(report)
    if observations:
        writer.heading(words["observations"], 2)
        writer.bullets(observations)
    writer.heading(words["recommendations"], 2)
    _recommendations(writer, report)
    closing = writer.paragraph(words["full_report"])
    closing.runs[0].italic, closing.runs[0].font.size = True, Pt(9)
    header_footer(writer)
    set_properties(
        document,
        report,
        writer.label("document.generated", version=report.tool_version, case_file=report.case_file),
        words["kind"],
    )
    drop_thumbnail(document)
    return to_bytes(document)


def _head_and_answers(writer: Any, report: Report, words: dict[str, Any]) -> None:
    """Who and what, then each question with its answer in bold."""
    from docx.shared import Pt

    top = writer.paragraph(report.organisation + (f" · {report.office}" if report.office else ""))
    top.runs[0].bold = True
    writer.paragraph(words["kind"]).runs[0].font.size = Pt(10)
    writer.paragraph(report.title, style="Title")
    if report.date:
        writer.paragraph(f"{writer.label('document.date')}: {report.date}")
    if report.answers:
        writer.heading(words["answers"], 2)
        for answer in report.answers:
            line = writer.paragraph(f"{answer.question} ")
            line.add_run(answer.answer).bold = True


def _recommendations(writer: Any, report: Report) -> None:
    from docx.shared import Pt

    if not report.recommendations:
        writer.paragraph(writer.label("text.no_recommendations"))
        return
    everyone = list(dict.fromkeys(a for item in report.recommendations for a in item.addressees))
    writer.paragraph(writer.label("text.recommendations_intro", bodies=join_sv(lower_first(b) for b in everyone)))
    for item in report.recommendations:
        bullet = writer.paragraph(item.text, style="List Bullet")
        if item.addressees:
            bullet.add_run().add_break()
            note = bullet.add_run(writer.label("text.addressed_to", bodies=join_sv(lower_first(a) for a in item.addressees)))
            note.italic, note.font.size = True, Pt(9)


def _one_page(document: Any) -> None:
    """Narrower margins and 10 pt text than the report's, so that the agenda's page holds it all."""
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.different_first_page_header_footer = False
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.05
    document.styles["List Bullet"].paragraph_format.space_after = Pt(3)
    document.styles["Title"].font.size = Pt(20)
    heading = document.styles["Heading 2"]
    heading.font.size = Pt(12)
    heading.paragraph_format.space_before = Pt(8)

"""The cover letter as a Word document: the same letter as templates/report/missiv.html.j2."""

from __future__ import annotations

from typing import Any

from ...text.swedish import join_sv, lower_first
from ..model import Report


def render_missiv_docx(report: Report, labels: dict[str, Any]) -> bytes:
    """The letter's bytes; the same report and labels always give the same bytes."""
    import docx

    from .front import header_footer
    from .package import drop_thumbnail, set_properties, to_bytes
    from .styles import set_up
    from .summary import _one_page
    from .writer import Writer

    letter = report.missiv
    assert letter is not None  # the renderer refuses a case without a missiv first
    document = docx.Document()
    set_up(document)
    _one_page(document)
    writer = Writer(document, report, labels)
    words = labels["missiv"]
    _letter_head(writer, report, words)
    if report.answers:
        writer.paragraph(words["answers_intro"])
        for answer in report.answers:
            line = writer.paragraph(f"{answer.question} ", style="List Bullet")
            line.add_run(answer.answer).bold = True
    _recommendations(writer, report, words)
    _reply_and_signature(writer, report, words)
    header_footer(writer)
    set_properties(
        document,
        _dated(report),
        writer.label("document.generated", version=report.tool_version, case_file=report.case_file),
        words["kind"],
    )
    drop_thumbnail(document)
    return to_bytes(document)


def _reply_and_signature(writer: Any, report: Report, words: dict[str, Any]) -> None:
    """The request for a reply by its date, the closing and who signs."""
    letter = report.missiv
    assert letter is not None
    bodies = join_sv(lower_first(b) for b in letter.addressees)
    ask = (
        words["reply"].format(bodies=bodies, due=letter.reply_due)
        if letter.reply_due
        else words["reply_undated"].format(bodies=bodies)
    )
    writer.paragraph(f"{ask} {words['reply_content']}")
    writer.paragraph(words["closing"].format(organisation=report.organisation))
    for name in letter.signed_by:
        writer.paragraph(name)
    writer.paragraph(words["attachment"]).runs[0].italic = True


def _letter_head(writer: Any, report: Report, words: dict[str, Any]) -> None:
    """Sender, date and reference, addressees, subject and the opening sentence."""
    from docx.shared import Pt

    letter = report.missiv
    assert letter is not None
    top = writer.paragraph(
        words["sender"].format(organisation=report.organisation) + (f" · {report.office}" if report.office else "")
    )
    top.runs[0].bold = True
    writer.paragraph(f"{words['kind']} · {writer.label('document.draft')}").runs[0].font.size = Pt(10)
    reference = f" · {words['reference']}: {report.reference}" if report.reference else ""
    writer.paragraph(f"{words['date']}: {letter.date}{reference}")
    writer.paragraph(f"{words['to']}: {join_sv(letter.addressees)}")
    writer.paragraph(words["subject"].format(title=report.title), style="Title")
    office = words["office"].format(office=report.office) if report.office else ""
    writer.paragraph(words["intro"].format(title=f"”{report.title}”", office=office))


def _recommendations(writer: Any, report: Report, words: dict[str, Any]) -> None:
    from docx.shared import Pt

    if not report.recommendations:
        writer.paragraph(words["no_recommendations"])
        return
    bodies = join_sv(lower_first(b) for b in report.missiv.addressees)  # type: ignore[union-attr]
    writer.paragraph(words["recommendations_intro"].format(bodies=bodies))
    for item in report.recommendations:
        number = writer.paragraph(item.text, style="List Number")
        number.add_run().add_break()
        addressed = (
            f"; {lower_first(writer.label('text.addressed_to', bodies=join_sv(item.addressees)))}" if item.addressees else ""
        )
        note = number.add_run(words["recommendation_id"].format(id=item.id) + addressed)
        note.italic, note.font.size = True, Pt(9)


def _dated(report: Report) -> Report:
    """The report with the letter's own date, so the document's properties carry the letter's date."""
    from dataclasses import replace

    return replace(report, date_iso=report.missiv.date_iso) if report.missiv else report

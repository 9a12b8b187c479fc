"""Front and back matter of the Word report: title page, contents page, signature, header and footer."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ...text.swedish import join_sv
from ..model import Report
from .fields import page_number
from .writer import Writer


def title_page(writer: Writer, report: Report) -> None:
    """Organisation, kind, title, office; then reference, date and the authors with their titles."""
    writer.paragraph(report.organisation).runs[0].font.size = Pt(14)
    kind = writer.paragraph(writer.label("document.kind"))
    kind.paragraph_format.space_before = Pt(96)
    writer.paragraph(report.title, style="Title")
    if report.office:
        writer.paragraph(report.office).runs[0].font.size = Pt(13)
    facts = [("document.reference", report.reference), ("document.date", report.date)]
    first = True
    for key, value in facts:
        if value:
            line = writer.paragraph()
            line.paragraph_format.space_before = Pt(48 if first else 0)
            line.add_run(f"{writer.label(key)}: ").bold = True
            line.add_run(value)
            first = False
    if report.authors:
        for name, title in report.authors:
            writer.paragraph(f"{name}, {title}" if title else name).paragraph_format.space_after = Pt(0)
    note = writer.paragraph()
    note.paragraph_format.space_before = Pt(48)
    generated = writer.label("document.generated", version=report.tool_version, case_file=report.case_file)
    run = note.add_run(generated)
    run.italic, run.font.size = True, Pt(9)
    writer.document.add_page_break()


def contents_page(writer: Writer) -> Paragraph:
    """ "Innehåll" (not a heading style, so it does not list itself) and the field's anchor."""
    writer.paragraph(writer.label("document.contents"), style="TOC Heading")
    return writer.paragraph()  # the first chapter's heading starts the next page


def signature(writer: Writer, report: Report) -> None:
    """'Umeå den 23 oktober 2023', then the names, "Sakkunniga", the office and the organisation."""
    if report.place and report.date:
        line = writer.paragraph(writer.label("document.place_date", place=report.place, date=report.date))
        line.paragraph_format.space_before = Pt(24)
        line.paragraph_format.space_after = Pt(24)
    lines = [join_sv(name for name, _title in report.authors)]
    lines += [signed_as(writer, report) if report.authors else "", report.office or "", report.organisation]
    for text in lines:
        if text:
            paragraph = writer.paragraph(text)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = True


def header_footer(writer: Writer) -> None:
    """ "Utkast" in the header of every page; the page number under every page but the first."""
    section = writer.document.sections[0]
    for header in (section.header, section.first_page_header):
        paragraph = header.paragraphs[0]
        paragraph.text = writer.label("document.draft")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number(footer)


def signed_as(writer: Writer, report: Report) -> str:
    """As the HTML: one title shared by several authors in its plural ("Sakkunniga"), else each title once."""
    titles = list(dict.fromkeys(title for _name, title in report.authors if title))
    plurals = writer.labels["document"]["plurals"]
    if len(titles) == 1 and len(report.authors) > 1 and titles[0] in plurals:
        return str(plurals[titles[0]])
    return join_sv(titles)

"""Chapters 4–6 of the Word report: observations by theme with the timeline, the answer table,
the recommendations."""

from __future__ import annotations

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row

from ...text.swedish import date_sv, join_sv, lower_first
from ..model import AnswerRow, Report, Timeline
from .chapters import recommendations
from .styles import TEXT_WIDTH
from .writer import Writer

# Question, answer, comment. The question column holds "verksamhetsstyrningsmodell?" whole at
# 10 pt even in a wide fallback font (DejaVu Serif) without hyphenation; "bedömas" fits the answer.
ANSWER_COLUMNS = (Cm(6.2), Cm(2.4), Cm(7.4))
TABLE_TEXT = Pt(10)


def findings(writer: Writer, report: Report, number: int) -> None:
    """4. One section per theme, each ending in "Vår kommentar", then the timeline."""
    writer.heading(f"{number}. {writer.label('sections.findings')}", 1)
    for theme in report.themes:
        writer.heading(theme.title, 2)
        writer.statements(theme.statements)
        if theme.comment:
            writer.heading(writer.label("sections.comment"), 3)
            writer.paragraphs(theme.comment)
    if report.timeline is not None and report.timeline.events:
        _timeline(writer, report.timeline)


def _timeline(writer: Writer, timeline: Timeline) -> None:
    """The timeline picture (drawn by figure.py, as in the HTML) with alternative text and a caption."""
    from ..figure import draw_png

    writer.heading(writer.label("timeline.title"), 2)
    paragraph = writer.paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(draw_png(timeline, writer.labels)), width=TEXT_WIDTH)
    bodies = join_sv(lower_first(name) for _id, name in timeline.rows)
    alt = writer.label("timeline.alt", bodies=bodies, start=date_sv(timeline.start), end=date_sv(timeline.end))
    shape._inline.docPr.set("descr", alt)  # the picture's alternative text, read aloud by screen readers
    writer.paragraph(writer.label("timeline.caption"), style="Caption")


def answers(writer: Writer, report: Report, number: int) -> None:
    """5. The audit questions and their answers as a Word table with fixed column widths."""
    writer.heading(f"{number}. {writer.label('sections.answers')}", 1)
    table = writer.document.add_table(rows=1, cols=3)
    table.style = writer.document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Autofit lets Word and LibreOffice squeeze a column until Swedish compounds break mid-word.
    table.autofit = False
    for column, width in zip(table.columns, ANSWER_COLUMNS, strict=True):
        column.width = width
    headers = ("answers_table.question", "answers_table.answer", "answers_table.comment")
    for cell, key in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].add_run(writer.label(key)).bold = True
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9E2F3"/>'))
    _repeat_header(table.rows[0])
    for row in report.answers:
        _answer_row(writer, table.add_row().cells, row)
    for row in table.rows:
        for cell, width in zip(row.cells, ANSWER_COLUMNS, strict=True):
            cell.width = width
            for run in (run for paragraph in cell.paragraphs for run in paragraph.runs):
                run.font.size = TABLE_TEXT
    _table_width(table, Length(sum(ANSWER_COLUMNS)))
    writer.paragraph()


def _answer_row(writer: Writer, cells: tuple[_Cell, ...], row: AnswerRow) -> None:
    """Question, answer in bold, the comment; an overridden answer says from what and why."""
    cells[0].paragraphs[0].add_run(row.question)
    cells[1].paragraphs[0].add_run(row.answer).bold = True
    comment = cells[2].paragraphs[0]
    comment.add_run(" ".join(row.comment))
    if row.overridden:
        note = cells[2].add_paragraph()
        note.add_run(writer.label("answers_table.auditor_answer", drafted=row.drafted)).italic = True
        if row.motivation:
            note.add_run(" " + writer.label("answers_table.motivation", motivation=row.motivation)).italic = True
    for cell in cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Cm(0.1)


def _repeat_header(row: _Row) -> None:
    """The header row comes again on each page the table runs over."""
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _table_width(table: Table, width: Length) -> None:
    """A fixed table width in twentieths of a point (python-docx writes "auto")."""
    width_element = table._tbl.tblPr.find(qn("w:tblW"))
    width_element.set(qn("w:w"), str(width.twips))
    width_element.set(qn("w:type"), "dxa")


def closing_recommendations(writer: Writer, report: Report, number: int) -> None:
    """6. Rekommendationer: the same list as in the summary, addressed to the bodies."""
    writer.heading(f"{number}. {writer.label('sections.recommendations')}", 1)
    recommendations(writer, report.recommendations)

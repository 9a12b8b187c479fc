"""Chapters 4–6 of the Word report: the timeline and the observations by theme, the answer table,
the recommendations."""

from __future__ import annotations

import io
from collections.abc import Callable

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row

from ...text.swedish import date_sv, join_sv, lower_first
from ..model import AnswerRow, Report, Timeline
from .chapters import recommendations
from .fields import figure_number
from .styles import TEXT_WIDTH
from .writer import Writer

# Question, answer, comment. The question column holds "verksamhetsstyrningsmodell?" whole at
# 10 pt even in a wide fallback font (DejaVu Serif) without hyphenation; "bedömas" fits the answer.
ANSWER_COLUMNS = (Cm(6.2), Cm(2.4), Cm(7.4))
TABLE_TEXT = Pt(10)
KEY_TEXT = Pt(9)


def findings(writer: Writer, report: Report, number: int) -> None:
    """4. The timeline (Figur 1, as in the HTML), then one section per theme ending in "Vår kommentar"."""
    writer.heading(f"{number}. {writer.label('sections.findings')}", 1)
    if report.timeline is not None:
        _timeline(writer, report.timeline, figure=1)
    for index, theme in enumerate(report.themes, start=1):
        writer.heading(f"{number}.{index} {theme.title}", 2)
        writer.statements(theme.statements)
        if theme.comment:
            writer.heading(writer.label("sections.comment"), 3)
            writer.paragraphs(theme.comment)


def _timeline(writer: Writer, timeline: Timeline, figure: int) -> None:
    """The picture (drawn by figure.py, as in the HTML) with alternative text, its numbered key, and
    the caption "Figur N." under it."""
    from ..figure import draw_png

    paragraph = writer.paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(draw_png(timeline, writer.labels)), width=TEXT_WIDTH)
    bodies = join_sv(lower_first(name) for _id, name in timeline.rows)
    alt = writer.label("timeline.alt", bodies=bodies, start=date_sv(timeline.start), end=date_sv(timeline.end))
    shape._inline.docPr.set("descr", alt)  # the picture's alternative text, read aloud by screen readers
    for event in sorted(timeline.events, key=lambda e: e.number):
        entry = writer.paragraph(style="Timeline Key")
        entry.add_run(f"{event.number}.").bold = True
        entry.add_run(f"\t{event.label}\t{event.text}")
    caption = writer.paragraph(style="Caption")
    caption.add_run(writer.label("text.figure", number="")).bold = True
    figure_number(caption, figure)
    caption.add_run(f". {writer.label('timeline.caption')}")


def answers(writer: Writer, report: Report, number: int) -> None:
    """5. The audit questions and their answers as a Word table with fixed column widths."""
    writer.heading(f"{number}. {writer.label('sections.answers')}", 1)
    headers = ("answers_table.question", "answers_table.answer", "answers_table.comment")
    fixed_table(
        writer,
        headers,
        ANSWER_COLUMNS,
        TABLE_TEXT,
        [lambda cells, row=row: _answer_row(writer, cells, row) for row in report.answers],
    )


def _answer_row(writer: Writer, cells: tuple[_Cell, ...], row: AnswerRow) -> None:
    """As the HTML: the question; the answer in bold and, when overridden, from what; the motivation, then the comment."""
    cells[0].paragraphs[0].add_run(row.question)
    cells[1].paragraphs[0].add_run(row.answer).bold = True
    if row.overridden:
        cells[1].add_paragraph().add_run(writer.label("answers_table.auditor_answer", drafted=row.drafted)).italic = True
    texts = [(text, False) for text in row.comment]
    if row.overridden and row.motivation:
        texts.insert(0, (writer.label("answers_table.motivation", motivation=row.motivation), True))
    for index, (text, italic) in enumerate(texts):
        paragraph = cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph()
        paragraph.add_run(text).italic = italic
    for cell in cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Cm(0.1)


def fixed_table(
    writer: Writer,
    headers: tuple[str, ...],
    columns: tuple[Length, ...],
    size: Length,
    rows: list[Callable[[tuple[_Cell, ...]], None]],
) -> None:
    """A table of fixed column widths (autofit lets Word and LibreOffice squeeze a column until Swedish
    compounds break mid-word): shaded header labels repeated on each page, rows that never split, each
    row's cells filled by its function, all text in `size`."""
    table = writer.document.add_table(rows=1, cols=len(columns))
    table.style = writer.document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, columns, strict=True):
        column.width = width
    for cell, key in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].add_run(writer.label(key)).bold = True
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9E2F3"/>'))
    _row_properties(table.rows[0], header=True)
    for fill in rows:
        added = table.add_row()
        _row_properties(added, header=False)
        fill(added.cells)
    for row in table.rows:
        for cell, width in zip(row.cells, columns, strict=True):
            cell.width = width
            for run in (run for paragraph in cell.paragraphs for run in paragraph.runs):
                run.font.size = size
    _table_width(table, Length(sum(columns)))
    writer.paragraph()


def _row_properties(row: _Row, header: bool) -> None:
    """No row breaks across pages (w:cantSplit); the header row comes again on each page (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    if header:
        properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _table_width(table: Table, width: Length) -> None:
    """A fixed table width in twentieths of a point (python-docx writes "auto")."""
    width_element = table._tbl.tblPr.find(qn("w:tblW"))
    width_element.set(qn("w:w"), str(width.twips))
    width_element.set(qn("w:type"), "dxa")


def closing_recommendations(writer: Writer, report: Report, number: int) -> None:
    """6. Rekommendationer: the same list as in the summary, each saying to whom it is addressed."""
    writer.heading(f"{number}. {writer.label('sections.recommendations')}", 1)
    if report.recommendations:
        recommendations(writer, report.recommendations, addressed=True)
    else:
        writer.paragraph(writer.label("text.no_recommendations"))

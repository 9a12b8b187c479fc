"""The Word chapter "Uppföljning av tidigare granskning": the same table as templates/report/followup.html.j2."""

from __future__ import annotations

from docx.shared import Cm, Pt

from ..model import FollowUpItem, Report
from .findings import fixed_table
from .writer import Writer

# Five columns in the text width; fixed, since autofit breaks Swedish compounds mid-word.
COLUMNS = (Cm(3.6), Cm(3.4), Cm(4.0), Cm(2.2), Cm(2.8))
TEXT = Pt(9)
HEADERS = ("recommendation", "reply", "done", "status", "comment")


def follow_up(writer: Writer, report: Report, number: int) -> None:
    """N. Uppföljning av tidigare granskning, one row per followed-up recommendation."""
    writer.heading(f"{number}. {writer.label('sections.follow_up')}", 1)
    headers = tuple(f"follow_up_table.{key}" for key in HEADERS)
    fixed_table(writer, headers, COLUMNS, TEXT, [lambda cells, item=item: _row(writer, cells, item) for item in report.follow_up])


def _row(writer: Writer, cells: tuple, item: FollowUpItem) -> None:
    cells[0].paragraphs[0].add_run(item.recommendation)
    _lines(cells[1], item.reply)
    if item.done:
        for index, statement in enumerate(item.done):
            writer.statement(cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph(), statement)
    else:
        cells[2].paragraphs[0].add_run(writer.label("follow_up_table.nothing_done"))
    cells[3].paragraphs[0].add_run(item.status).bold = True
    if item.overridden:
        cells[3].add_paragraph().add_run(writer.label("follow_up_table.auditor_status", drafted=item.drafted)).italic = True
    _lines(cells[4], item.comment)


def _lines(cell: object, texts: tuple[str, ...]) -> None:
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()  # type: ignore[attr-defined]
        paragraph.add_run(text)

"""The report as a Word document (.docx), in the structure of the seed report.

Title page, table of contents, the six chapters, place, date and names. Sources are real Word
footnotes; headings are Word's built-in heading styles; the answer table has fixed column
widths. python-docx is imported only here and in the other modules of this folder, which are loaded when a
Word file is rendered, so the other commands do not pay for it.
"""

from __future__ import annotations

from typing import Any

from ..model import Report, chapters_present


def render_docx(report: Report, labels: dict[str, Any]) -> bytes:
    """The Word file's bytes: the same report and labels always give the same bytes."""
    import docx

    from . import chapters, findings
    from .fields import table_of_contents, update_fields_on_open
    from .followup import follow_up
    from .front import contents_page, header_footer, signature, title_page
    from .package import drop_thumbnail, set_properties, to_bytes
    from .styles import set_up
    from .writer import Writer

    document = docx.Document()
    set_up(document)
    writer = Writer(document, report, labels)
    title_page(writer, report)
    contents = contents_page(writer)
    chapters = {
        "summary": chapters.summary,
        "background": chapters.background,
        "conduct": chapters.conduct,
        "findings": findings.findings,
        "follow_up": follow_up,
        "answers": findings.answers,
        "recommendations": findings.closing_recommendations,
    }
    for number, key in enumerate(chapters_present(report), start=1):
        chapters[key](writer, report, number)
    signature(writer, report)
    writer.comments.rest()
    table_of_contents(contents, writer.headings)
    update_fields_on_open(document)
    header_footer(writer)
    generated = writer.label("document.generated", version=report.tool_version, case_file=report.case_file)
    set_properties(document, report, generated, writer.label("document.kind"))
    drop_thumbnail(document)
    return to_bytes(document)

"""Word fields: the table of contents, page and figure numbers, and the bookmarks the contents link to.

The contents are one paragraph per heading: a link to the heading's bookmark, a dotted tab and
a PAGEREF field that gives the heading's page. Both word processors compute that field at
layout: LibreOffice when it opens or converts the file, Word when it opens it (settings.xml
carries w:updateFields). A Word `TOC` field would let Word add new headings on an update, but
LibreOffice keeps a TOC field's stored result as plain text and so converts the report without
page numbers; an auditor who adds chapters can insert Word's own contents over these.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

W = nsdecls("w")
TOC_LEVELS = 2  # chapters and their sections, as in the HTML contents


def _run(inner: str) -> object:
    return parse_xml(f"<w:r {W}>{inner}</w:r>")


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    paragraph._p.append(_run('<w:fldChar w:fldCharType="begin"/>'))
    instr = _run('<w:instrText xml:space="preserve"/>')
    instr[0].text = f" {instruction} "
    paragraph._p.append(instr)
    paragraph._p.append(_run('<w:fldChar w:fldCharType="separate"/>'))


def _field_end(paragraph: Paragraph) -> None:
    paragraph._p.append(_run('<w:fldChar w:fldCharType="end"/>'))


def bookmark_heading(paragraph: Paragraph, text: str, number: int) -> str:
    """Write `text` into a heading paragraph inside a bookmark; return the bookmark's name."""
    name = f"_Toc{number:08d}"  # Word's own prefix for contents targets; numbered, so stable
    paragraph._p.append(parse_xml(f'<w:bookmarkStart {W} w:id="{number}" w:name="{name}"/>'))
    paragraph.add_run(text)
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {W} w:id="{number}"/>'))
    return name


def table_of_contents(anchor: Paragraph, headings: list[tuple[int, str, str]]) -> None:
    """Fill the contents before the empty paragraph `anchor`: each heading, a dotted tab, its page.

    `headings` are (level, text, bookmark) in document order; levels deeper than TOC_LEVELS are left out.
    """
    for level, text, mark in headings:
        if level > TOC_LEVELS:
            continue
        entry = anchor.insert_paragraph_before(style=f"toc {level}")
        link = parse_xml(f'<w:hyperlink {W} w:anchor="{mark}" w:history="1"/>')
        run = _run("<w:t xml:space='preserve'/>")
        run[0].text = text
        link.append(run)
        entry._p.append(link)
        entry._p.append(_run("<w:tab/>"))
        # No stored page number: one guessed before layout would be wrong, and both programs compute it.
        _field_start(entry, f"PAGEREF {mark} \\h")
        _field_end(entry)


def page_number(paragraph: Paragraph) -> None:
    """A PAGE field: every word processor computes it at layout."""
    _field_start(paragraph, "PAGE")
    paragraph._p.append(_run("<w:t>1</w:t>"))
    _field_end(paragraph)


def figure_number(paragraph: Paragraph, number: int) -> None:
    """A SEQ field numbering figures (in bold, as "Figur" before it), so Word renumbers them when the auditor adds one."""
    _field_start(paragraph, "SEQ Figur \\* ARABIC")
    paragraph._p.append(_run(f"<w:rPr><w:b/></w:rPr><w:t>{number}</w:t>"))
    _field_end(paragraph)


def update_fields_on_open(document: Document) -> None:
    """w:updateFields makes Word compute the contents' page numbers when the file is opened."""
    settings = document.settings.element
    element = parse_xml(f'<w:updateFields {W} w:val="true"/>')
    # The schema orders settings; updateFields comes before footnotePr and compat.
    later = settings.find(qn("w:footnotePr"))
    if later is None:
        later = settings.find(qn("w:compat"))
    later.addprevious(element)

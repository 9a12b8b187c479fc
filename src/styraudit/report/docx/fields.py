"""Word fields: the table of contents, page numbers, and the bookmarks the contents link to.

The contents are a real `TOC` field. Word rebuilds it on opening because settings.xml carries
w:updateFields (it asks first). LibreOffice does not rebuild fields on loading, so the field's
cached result is filled here with the headings themselves (linked to their bookmarks); only the
page numbers are left to the word processor, since they are not known before layout.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

W = nsdecls("w")
TOC_LEVELS = "1-2"


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
    """Turn the empty paragraph `anchor` into a TOC field whose result lists `headings`.

    `headings` are (level, text, bookmark) in document order; levels outside the field's range
    are left out, as Word would.
    """
    entries = [(level, text, mark) for level, text, mark in headings if level <= int(TOC_LEVELS[-1])]
    first = None
    for level, text, mark in entries:
        entry = anchor.insert_paragraph_before(style=f"toc {level}")
        if first is None:
            first = entry
            # \o levels from outline, \h hyperlinks, \z no page numbers in web view, \u outline levels
            _field_start(entry, f'TOC \\o "{TOC_LEVELS}" \\h \\z \\u')
        link = parse_xml(f'<w:hyperlink {W} w:anchor="{mark}" w:history="1"/>')
        run = _run("<w:t xml:space='preserve'/>")
        run[0].text = text
        link.append(run)
        entry._p.append(link)
    if first is None:
        _field_start(anchor, f'TOC \\o "{TOC_LEVELS}" \\h \\z \\u')
    _field_end(anchor)


def page_number(paragraph: Paragraph) -> None:
    """A PAGE field: every word processor computes it at layout."""
    _field_start(paragraph, "PAGE")
    paragraph._p.append(_run("<w:t>1</w:t>"))
    _field_end(paragraph)


def update_fields_on_open(document: Document) -> None:
    """w:updateFields makes Word refresh the contents' page numbers when the file is opened."""
    settings = document.settings.element
    element = parse_xml(f'<w:updateFields {W} w:val="true"/>')
    # The schema orders settings; updateFields comes before footnotePr and compat.
    later = settings.find(qn("w:footnotePr"))
    if later is None:
        later = settings.find(qn("w:compat"))
    later.addprevious(element)

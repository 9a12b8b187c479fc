"""Real Word footnotes, which python-docx (1.2) has no API for.

A footnotes part (/word/footnotes.xml) is related to the document part; python-docx then writes
the content-type override itself. Word's own files number the two separator notes -1 and 0 and
real notes from 1 (LibreOffice writes 0 and 1 and starts at 2; both read either), so we follow
Word. Each note is referenced from the body by a `w:footnoteReference` run.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

W = nsdecls("w")
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
_NOTE = (
    f'<w:footnote {W} w:id="{{n}}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"/></w:r></w:p></w:footnote>'
)
_REFERENCE = f'<w:r {W}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{{n}}"/></w:r>'


class Footnotes:
    """The document's footnotes part; `add` puts a note at the end of a paragraph."""

    def __init__(self, document: Document) -> None:
        self._root = parse_xml(f"<w:footnotes {W}>{_SEPARATORS}</w:footnotes>")
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, self._root, document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        _declare_separators(document)
        self._count = 0

    @property
    def count(self) -> int:
        return self._count

    def add(self, paragraph: Paragraph, text: str) -> int:
        """Append a reference mark to `paragraph` and a note with `text`; return the note's number."""
        self._count += 1
        note = parse_xml(_NOTE.format(n=self._count))
        # Set through lxml, not the template string, so '&' and '<' in a source title are escaped.
        note.findall(f".//{qn('w:t')}")[-1].text = " " + text
        self._root.append(note)
        paragraph._p.append(parse_xml(_REFERENCE.format(n=self._count)))
        return self._count


def _declare_separators(document: Document) -> None:
    """Name the separator notes in settings.xml, as Word does (w:footnotePr sits before w:compat)."""
    settings = document.settings.element
    declaration = parse_xml(f'<w:footnotePr {W}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(declaration)
    else:
        settings.append(declaration)

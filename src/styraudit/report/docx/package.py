"""The .docx file as bytes: metadata from the report, never from the clock, and a stable zip.

python-docx stamps each zip entry with the current time and leaves its template's metadata
("python-docx", 2013) in docProps/core.xml; both are replaced here so the same report gives the
same bytes.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from ..model import Report
from ..ooxml import stable_zip
from .styles import LANGUAGE


def set_properties(document: Document, report: Report, description: str, category: str) -> None:
    """Core properties from the report: its authors (or office), title, and its own date."""
    props = document.core_properties
    names = [name for name, _title in report.authors]
    props.author = "; ".join(names) or (report.office or report.organisation)
    props.last_modified_by = props.author
    props.title = report.title
    props.subject = report.organisation
    props.comments = description
    props.category = category
    props.keywords = ""
    props.language = LANGUAGE
    props.revision = 1
    if report.date_iso:
        when = datetime.fromisoformat(report.date_iso).replace(tzinfo=UTC)
        props.created = props.modified = when
    else:
        # No date to give: leave the dates out rather than keep the template's or take today's.
        for tag in ("dcterms:created", "dcterms:modified"):
            for element in props._element.findall(qn(tag)):
                props._element.remove(element)


def drop_thumbnail(document: Document) -> None:
    """The template's thumbnail shows an empty page, not this report; leave it out."""
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            rels.pop(rid)


def to_bytes(document: Document) -> bytes:
    """Save, then rewrite the zip with fixed entry dates and sorted names (report/ooxml.py)."""
    raw = io.BytesIO()
    document.save(raw)
    return stable_zip(raw.getvalue())

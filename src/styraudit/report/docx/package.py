"""The .docx file as bytes: metadata from the report, never from the clock, and a stable zip.

python-docx stamps each zip entry with the current time and leaves its template's metadata
("python-docx", 2013) in docProps/core.xml; both are replaced here so the same report gives the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from ..model import Report
from .styles import LANGUAGE

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


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
    """Save and rewrite the zip with fixed entry dates and sorted names ([Content_Types].xml first)."""
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source:
        entries = sorted((info.filename, source.read(info)) for info in source.infolist())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, blob)
    return out.getvalue()

"""The report as the board's slides (.pptx), in the manner of seed 001.

python-pptx is imported only here and in this folder's modules, when a presentation is written.
The same report gives the same bytes: metadata from the report, never from the clock, no
template thumbnail, and the zip rewritten by report/ooxml.py.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import Report
from ..ooxml import stable_zip

THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def render_pptx(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    """The presentation's bytes (templates do not apply to it)."""
    import pptx
    from pptx.util import Inches

    from .slides import HEIGHT, WIDTH, Deck, content_slides, title_slide

    presentation = pptx.Presentation()
    presentation.slide_width, presentation.slide_height = Inches(WIDTH), Inches(HEIGHT)
    deck = Deck(presentation, report, labels)
    title_slide(deck, report)
    content_slides(deck, report)
    _properties(presentation, report, labels)
    for rid, rel in list(presentation.part.package._rels.items()):
        if rel.reltype == THUMBNAIL:
            presentation.part.package._rels.pop(rid)
    raw = io.BytesIO()
    presentation.save(raw)
    return stable_zip(raw.getvalue())


def _properties(presentation: Any, report: Report, labels: dict[str, Any]) -> None:
    """Core properties from the report: authors (or office), title, its own date; none from the template."""
    props = presentation.core_properties
    props.author = "; ".join(name for name, _title in report.authors) or (report.office or report.organisation)
    props.last_modified_by = props.author
    props.title = report.title
    props.subject = report.organisation
    props.comments = labels["document"]["generated"].format(version=report.tool_version, case_file=report.case_file)
    props.category = labels["document"]["kind"]
    props.keywords = ""
    props.revision = 1
    when = datetime.fromisoformat(report.date_iso).replace(tzinfo=UTC) if report.date_iso else datetime(2000, 1, 1, tzinfo=UTC)
    # Without a report date a fixed one rather than today's: the file must not change by the day.
    props.created = props.modified = when

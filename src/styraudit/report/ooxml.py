"""Office Open XML files (Word, PowerPoint) as stable bytes: sorted zip entries, one fixed date each.

python-docx and python-pptx stamp each zip entry with the current time; rewritten here, the same
report gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
CORE = "docProps/core.xml"
# openpyxl stamps `modified` with the time of saving, whatever the workbook says.
CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def stable_zip(raw: bytes, leave_out: tuple[str, ...] = (), *, fix_core_dates: bool = False) -> bytes:
    """The package `raw` with entries sorted by name ([Content_Types].xml first), fixed dates and modes;
    with `fix_core_dates` also the document's own dates (docProps/core.xml) set to that fixed date."""
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        entries = sorted((info.filename, source.read(info)) for info in source.infolist() if info.filename not in leave_out)
    entries = [
        (name, CORE_DATES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", blob) if fix_core_dates and name == CORE else blob)
        for name, blob in entries
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, blob)
    return out.getvalue()

"""The cover letter (`report --part missiv`): it sends the report to the audited bodies, gives the
auditors' answers and recommendations (with the ids a reply cites) and asks for a reply by a date.

Markdown and HTML come from templates/report/missiv.{md,html}.j2 in the report's sandbox (a user's
`--templates DIR` replaces them file by file); Word from report/docx/missiv.py. The Swedish text is
under `missiv:` in templates/report/labels.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem
from ..model.case import Case
from ..text.i18n import _
from ..text.sandbox import render_template
from ..text.swedish import date_sv
from .formats import extension
from .model import MissivLetter, Report
from .render import _folders

EXTENSIONS = (".md", ".html", ".docx")


def missiv_letter(case: Case, name: Callable[[str], str]) -> MissivLetter | None:
    """The letter's facts from the case's `missiv`, or None when it records none."""
    missiv = case.missiv
    if missiv is None:
        return None
    return MissivLetter(
        date=date_sv(missiv.date),
        addressees=tuple(name(b) for b in missiv.addressees),
        reply_due=date_sv(missiv.reply_due) if missiv.reply_due else None,
        signed_by=tuple(missiv.signed_by),
        date_iso=missiv.date.earliest().isoformat(),
    )


def missiv_renderer(path: Path) -> Callable[[Report, dict[str, Any], Path | None], bytes]:
    """The letter's renderer for `path`'s extension; any other extension is a usage error naming these."""
    suffix = extension(path, EXTENSIONS, _("the missiv cannot be written as {suffix!r}"))

    def render(report: Report, labels: dict[str, Any], templates: Path | None) -> bytes:
        if report.missiv is None:
            hint = _("add `missiv:` with its date, addressees and reply_due")
            raise InputError([Problem(Location(report.case_file), _("the case records no missiv"), hint, "missiv")])
        if suffix == ".docx":
            from .docx.missiv import render_missiv_docx

            return render_missiv_docx(report, labels)
        context = {"report": report, "letter": report.missiv, "labels": labels}
        return render_template(f"missiv{suffix}.j2", context, _folders(templates), html=suffix == ".html").encode("utf-8")

    return render

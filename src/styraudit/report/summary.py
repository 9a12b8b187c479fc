"""The one-page summary for the board's agenda (`report --part summary`): the answers, the main
observations and the recommendations, in Markdown, HTML or Word by the output's extension.

Markdown and HTML come from templates/report/summary.{md,html}.j2 in the same sandbox as the
report (a user's `--templates DIR` replaces them file by file); Word from report/docx/summary.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..text.i18n import _
from ..text.sandbox import render_template
from . import brief
from .formats import extension
from .model import Report
from .render import _folders

EXTENSIONS = (".md", ".html", ".docx")


def summary_renderer(path: Path) -> Callable[[Report, dict[str, Any], Path | None], bytes]:
    """The summary's renderer for `path`'s extension; any other extension is a usage error naming these."""
    suffix = extension(path, EXTENSIONS, _("the summary cannot be written as {suffix!r}"))
    if suffix == ".docx":
        return _word
    return lambda report, labels, templates: _template(report, labels, templates, suffix)


def _template(report: Report, labels: dict[str, Any], templates: Path | None, suffix: str) -> bytes:
    context = {
        "report": report,
        "labels": labels,
        "observations": brief.conclusions(report),
        "addressees": list(dict.fromkeys(a for item in report.recommendations for a in item.addressees)),
    }
    return render_template(f"summary{suffix}.j2", context, _folders(templates), html=suffix == ".html").encode("utf-8")


def _word(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    from .docx.summary import render_summary_docx

    return render_summary_docx(report, labels)

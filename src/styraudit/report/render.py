"""Rendering the report model to a file format chosen by the output file's extension.

Renderers sit in one registry by extension and are imported only when used; the Word renderer
lives in report/docx/render.py. Markdown and HTML come from Jinja2 templates in the one bounded
sandbox (styraudit.text.jinja) with strict undefined; a user's `--templates DIR` overrides shipped
templates file by file. Case text is always data handed to a template, never template source.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import Location, Problem, UsageError
from ..text.i18n import _
from ..text.sandbox import render_template
from .extras import require
from .formats import extension
from .labels import shipped_dir
from .model import Report, chapters_present

# extension -> "module:function"; the function takes (report, labels, templates dir or None).
FORMATS: dict[str, str] = {
    ".md": "styraudit.report.render:render_markdown",
    ".html": "styraudit.report.render:render_html",
    ".docx": "styraudit.report.render:render_word",
    ".pptx": "styraudit.report.render:render_slides",
}

# extension -> the optional modules its renderer needs (the `report` extra, see report/extras.py)
BACKENDS: dict[str, tuple[str, ...]] = {
    ".md": ("matplotlib",),
    ".html": ("matplotlib",),
    ".docx": ("matplotlib", "docx"),
    ".pptx": ("matplotlib", "pptx"),
}


def renderer(path: Path) -> Callable[[Report, dict[str, Any], Path | None], bytes]:
    """The renderer for `path`'s extension; an unknown extension is a usage error naming the known ones."""
    suffix = extension(path, FORMATS, _("unknown report format {suffix!r}"))
    require(BACKENDS[suffix], suffix)  # a missing back-end is said before any work, with the extra to install
    module, function = FORMATS[suffix].split(":")
    return getattr(import_module(module), function)  # type: ignore[no-any-return]


def render_markdown(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    context = _context(report, labels)
    if report.timeline:
        from .figure import draw_svg

        # One self-contained file: the picture travels inside the Markdown as a data: URI.
        encoded = base64.b64encode(draw_svg(report.timeline, labels).encode("utf-8")).decode("ascii")
        context["timeline_image"] = f"data:image/svg+xml;base64,{encoded}"
    return render_template("report.md.j2", context, _folders(templates), html=False).encode("utf-8")


def render_html(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    from markupsafe import Markup

    context = _context(report, labels)
    if report.timeline:
        from .figure import draw_svg

        # matplotlib escapes every text it writes into the SVG, so it can be inlined as markup.
        context["timeline_svg"] = Markup(draw_svg(report.timeline, labels))
    return render_template("report.html.j2", context, _folders(templates), html=True).encode("utf-8")


def render_word(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    """Word output from report/docx/render.py (templates do not apply to it)."""
    try:
        module = import_module("styraudit.report.docx.render")
    except ModuleNotFoundError as exc:
        if exc.name not in ("styraudit.report.docx.render", "docx"):
            raise
        hint = "write .md or .html instead" if exc.name != "docx" else "install python-docx"
        raise UsageError(
            [Problem(Location(".docx"), "Word output is not available in this installation", hint, "usage")]
        ) from None
    return module.render_docx(report, labels)  # type: ignore[no-any-return]


def render_slides(report: Report, labels: dict[str, Any], templates: Path | None = None) -> bytes:
    """The board's slides from report/pptx/render.py (templates do not apply to them)."""
    from .pptx.render import render_pptx

    return render_pptx(report, labels)


def _folders(templates: Path | None) -> list[Path]:
    if templates is not None and not templates.is_dir():
        raise UsageError(
            [Problem(Location(str(templates)), "no such templates folder", "give a folder of .j2 templates", "usage")]
        )
    return [templates, shipped_dir()] if templates else [shipped_dir()]


def _context(report: Report, labels: dict[str, Any]) -> dict[str, Any]:
    """What every template sees: the report, the labels, chapter numbers, and who is addressed."""
    numbers = {key: i for i, key in enumerate(chapters_present(report), start=1)}
    addressees = list(dict.fromkeys(a for item in report.recommendations for a in item.addressees))
    return {
        "report": report,
        "labels": labels,
        "number": numbers,
        "addressees": addressees,
        "timeline_image": None,
        "timeline_svg": None,
    }

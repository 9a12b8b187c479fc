"""Drawing the timeline with matplotlib: SVG text for HTML and Markdown, PNG bytes for Word.

matplotlib is imported here only, when a report is drawn, so other commands start fast. No
pyplot and no global backend: a Figure with its own canvas. Output is byte-for-byte stable:
fixed SVG hash salt, no creation date, one font (DejaVu Sans, shipped with matplotlib).
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

from . import figure_parts as draw
from .model import Timeline

RC = {
    "svg.hashsalt": "styraudit",
    "svg.fonttype": "path",  # glyphs as shapes: the picture looks the same without the font installed
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "text.parse_math": False,  # a "$" in a body's name is text, not TeX
    "axes.edgecolor": draw.MUTED,
    "xtick.color": draw.INK,
    "ytick.color": draw.INK,
}


def draw_svg(timeline: Timeline, labels: dict[str, Any]) -> str:
    """The timeline as an SVG element (no XML prolog, so it can be inlined in HTML)."""
    import matplotlib

    with matplotlib.rc_context(RC), _no_glyph_warnings():
        buffer = io.StringIO()
        _figure(timeline, labels).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def draw_png(timeline: Timeline, labels: dict[str, Any], dpi: int = 200) -> bytes:
    """The timeline as PNG bytes, without a time stamp."""
    import matplotlib

    with matplotlib.rc_context(RC), _no_glyph_warnings():
        buffer = io.BytesIO()
        _figure(timeline, labels).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


@contextlib.contextmanager
def _no_glyph_warnings() -> Iterator[None]:
    """A name in a script the font lacks is drawn as a box; matplotlib's warning about it is noise on stderr."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        yield


def _figure(timeline: Timeline, labels: dict[str, Any]) -> Any:
    from matplotlib.figure import Figure

    words = labels["timeline"]
    figure = Figure(figsize=(6.7, 1.25 + 0.5 * len(timeline.rows)), layout="constrained")
    axes = figure.add_subplot()
    start, end = date.fromisoformat(timeline.start), date.fromisoformat(timeline.end)
    left, right = date(start.year, 1, 1), date(end.year, 12, 31)
    y = {body: len(timeline.rows) - 1 - i for i, (body, _) in enumerate(timeline.rows)}
    for row in y.values():
        if row % 2 == 0:
            axes.axhspan(row - 0.5, row + 0.5, color="#f3f5f7", zorder=0, linewidth=0)
    for gap in timeline.gaps:
        draw.gap(axes, y[gap.body], gap.start, gap.end, words["gap_months"].format(months=gap.months))
    for body in timeline.silent:
        draw.row_note(axes, y[body], left, right, words["silent"], draw.GAP)
        axes.plot([left, right], [y[body], y[body]], color=draw.GAP, linestyle=(0, (2, 3)), linewidth=0.8, zorder=1)
    drawn = {e.body for e in timeline.events} | set(timeline.silent)
    for body in (b for b in y if b not in drawn):
        draw.row_note(axes, y[body], left, right, words["unknown"], draw.MUTED)
    for event in timeline.events:
        draw.event(axes, event, y[event.body], draw.kind(event, words))
    draw.frame(axes, timeline, y, left, right)
    draw.legend(axes, timeline, words)
    return figure

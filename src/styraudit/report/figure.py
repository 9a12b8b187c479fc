"""Drawing the timeline with matplotlib: SVG text for HTML and Markdown, PNG bytes for Word and slides.

matplotlib is imported here only, when a report is drawn, so other commands start fast. No
pyplot and no global backend: a Figure with its own canvas. The figure is as wide as the A4
text column it is printed in, so its 8 pt texts are 8 pt on paper; the axes are placed by hand
(not by a layout engine) so that where marks stand is known before they are drawn
(figure_layout.py). Output is byte-for-byte stable: fixed SVG hash salt, no creation date, one
font (DejaVu Sans, shipped with matplotlib).
"""

from __future__ import annotations

import contextlib
import io
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from . import figure_parts as draw
from .figure_layout import WIDTH_IN, free_stretch, layout, period, short
from .model import Timeline

RC = {
    "svg.hashsalt": "styraudit",
    "svg.fonttype": "path",  # glyphs as shapes: the picture looks the same without the font installed
    "font.family": "DejaVu Sans",
    "font.size": draw.TEXT_PT,
    "text.parse_math": False,  # a "$" in a body's name is text, not TeX
    "axes.edgecolor": draw.MUTED,
    "xtick.color": draw.INK,
    "ytick.color": draw.INK,
}
MARGIN_IN = 0.08


def draw_svg(timeline: Timeline, labels: dict[str, Any]) -> str:
    """The timeline as an SVG element (no XML prolog, so it can be inlined in HTML)."""
    buffer = io.StringIO()
    with _drawing():
        figure_of(timeline, labels).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def draw_png(timeline: Timeline, labels: dict[str, Any], dpi: int = 200) -> bytes:
    """The timeline as PNG bytes, without a time stamp."""
    buffer = io.BytesIO()
    with _drawing():
        figure_of(timeline, labels).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


@contextlib.contextmanager
def _drawing() -> Iterator[None]:
    """The picture's settings; a name in a script the font lacks is drawn as a box, and matplotlib's warning about it is noise.

    matplotlib's modules last the run: imported without garbage collections (load/lasting.py)."""
    if "matplotlib.figure" not in sys.modules:
        from ..load.lasting import lasting

        with lasting():
            _figure_class()
    import matplotlib

    with matplotlib.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        yield


def figure_of(timeline: Timeline, labels: dict[str, Any]) -> Any:
    """The matplotlib Figure (call inside the drawing settings, as draw_svg and draw_png do)."""
    Figure = _figure_class()
    words = labels["timeline"]
    left, right = period(timeline)
    names_in = _widest([draw._wrapped(name) for _, name in timeline.rows]) + 0.12
    axes_in = WIDTH_IN - names_in - 2 * MARGIN_IN
    rows, placed = layout(timeline, left, right, axes_in)
    rows_in = sum(r.height for r in rows)
    kinds = {draw.kind(e, words) for e in timeline.events} | ({"gap"} if timeline.gaps else set())
    below_in = (0.42 if short(left, right) else 0.3) + 0.2 * -(-len(kinds) // draw.legend_columns(len(kinds))) + 0.06
    height = rows_in + below_in + MARGIN_IN
    figure = Figure(figsize=(WIDTH_IN, height))
    axes = figure.add_axes(((names_in + MARGIN_IN) / WIDTH_IN, below_in / height, axes_in / WIDTH_IN, rows_in / height))
    by_id = {r.ident: r for r in rows}
    for found in timeline.gaps:
        draw.gap(axes, by_id[found.body], found.start, found.end, words["gap_months"].format(months=found.months))
    for row in rows:
        marks = [p.x for p in placed if p.event.body == row.ident]
        if row.ident in timeline.silent:
            draw.row_note(axes, row, free_stretch(marks, left, right), words["silent"], draw.GAP)
        elif not marks:
            draw.row_note(axes, row, free_stretch(marks, left, right), words["unknown"], draw.MUTED)
    for place in placed:
        draw.mark(axes, place, draw.kind(place.event, words))
    draw.frame(axes, rows, left, right, words)
    draw.legend(figure, timeline, words)
    return figure


def _figure_class() -> Any:
    """matplotlib's Figure, imported without three things it builds for other uses than drawing.

    Importing matplotlib.figure registers the 3D projection by importing all of mpl_toolkits.mplot3d,
    and gives each of its ~100 artist classes a `set()` whose docstring lists every property
    (artist.kwdoc) and whose signature names every setter, found by reading the docstring of every
    method of the class (ArtistInspector): together half of what the import costs, for a flat
    picture that reads no docstring or signature (`set` takes its keywords whatever its signature
    says). For that one import the toolkit reads as missing, which matplotlib allows (it leaves the
    projection out, with a warning silenced here), kwdoc writes nothing and `set` keeps a plain
    signature; all is restored after, so anything imported later gets them as usual. The picture
    is the same, byte for byte.
    """
    if "matplotlib.figure" in sys.modules or "mpl_toolkits.mplot3d" in sys.modules:
        from matplotlib.figure import Figure

        return Figure
    import matplotlib.artist

    artist = matplotlib.artist.Artist
    kwdoc, signed = matplotlib.artist.kwdoc, artist.__dict__["_update_set_signature_and_docstring"]
    sys.modules["mpl_toolkits.mplot3d"] = None  # type: ignore[assignment]
    matplotlib.artist.kwdoc = lambda artist: ""
    artist._update_set_signature_and_docstring = classmethod(_plain_set)  # type: ignore[method-assign,assignment]
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Unable to import Axes3D", category=UserWarning)
            from matplotlib.figure import Figure
    finally:
        matplotlib.artist.kwdoc = kwdoc
        artist._update_set_signature_and_docstring = signed  # type: ignore[method-assign]
        del sys.modules["mpl_toolkits.mplot3d"]
    return Figure


def _plain_set(cls: Any) -> None:
    """What matplotlib's own leaves that drawing reads: the mark that `set` is its own, so that
    each subclass gets one too."""
    cls.set._autogenerated_signature = True


def _widest(texts: list[str]) -> float:
    """The width in inches of the widest line among `texts` at the picture's type size."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family="DejaVu Sans", size=draw.TEXT_PT)
    measure = TextToPath()
    lines = [line for text in texts for line in text.splitlines()] or [""]
    return max(measure.get_text_width_height_descent(line, font, ismath=False)[0] for line in lines) / 72

"""Text on a slide: boxes of bullets whose type size fits what they hold, split over slides when it does not.

python-pptx lays out nothing, so the fit is estimated from the number of characters per line
at a size, on the wide side (LibreOffice may stand in DejaVu Sans, wider than Calibri).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

INK, ACCENT, MUTED, WARN = (
    RGBColor(0x1B, 0x23, 0x2C),
    RGBColor(0x1F, 0x4E, 0x79),
    RGBColor(0x5B, 0x67, 0x73),
    RGBColor(0xA6, 0x1B, 0x1B),
)
SIZES = (24, 22, 20, 18)  # the largest that fits is used; below 18 a board room cannot read it
CHAR_EM = 0.5  # average character width in ems of Swedish text in DejaVu Sans (LibreOffice's stand-in for Calibri), measured on the slides
LEADING = 1.2
SPACE_AFTER_PT = 8


@dataclass(frozen=True)
class Item:
    """A bullet: its text and, under it in smaller type, a note (to whom a recommendation is addressed)."""

    text: str
    note: str = ""


def lines(text: str, size: float, width_in: float) -> int:
    per_line = max(1, int(width_in * 72 / (size * CHAR_EM)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def height_in(items: Sequence[Item], size: float, width_in: float) -> float:
    """The estimated height of `items` as bullets at `size` points."""
    total = 0.0
    for item in items:
        total += lines(item.text, size, width_in - 0.4) * size * LEADING / 72 + SPACE_AFTER_PT / 72
        if item.note:
            total += lines(item.note, size * 0.7, width_in - 0.4) * size * 0.7 * LEADING / 72
    return total


def fit(items: Sequence[Item], width_in: float, height: float) -> list[tuple[int, list[Item]]]:
    """Slides' worth of items, each with the type size that fits: one slide at the largest size that
    holds them all, else as few slides as hold them at the smallest size, the items shared evenly
    (not a full slide and one item left over), never splitting an item."""
    for size in SIZES:
        if height_in(items, size, width_in) <= height:
            return [(size, list(items))]
    size, greedy, page = SIZES[-1], [], []
    for item in items:
        if page and height_in([*page, item], size, width_in) > height:
            greedy.append(page)
            page = []
        page.append(item)
    greedy += [page] if page else []
    share = math.ceil(len(items) / len(greedy))
    even = [list(items[i : i + share]) for i in range(0, len(items), share)]
    chosen = even if len(even) == len(greedy) and all(height_in(p, size, width_in) <= height for p in even) else greedy
    return [(size, p) for p in chosen]


def bullets(slide, items: Sequence[Item], size: int, box: tuple[float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    """A text box of bullets at `size` points; notes in smaller italic under their bullet."""
    frame = text_box(slide, box)
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _bullet(paragraph)
        paragraph.space_after = Pt(SPACE_AFTER_PT)
        run(paragraph, item.text, size)
        if item.note:
            paragraph.add_line_break()
            run(paragraph, item.note, round(size * 0.7), colour=MUTED, italic=True)


def text_box(slide, box: tuple[float, float, float, float]):  # type: ignore[no-untyped-def]
    """A word-wrapping text box at (left, top, width, height) in inches."""
    left, top, width, height = (Inches(v) for v in box)
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, Emu(0))
    return frame


def run(paragraph, text: str, size: float, colour: RGBColor = INK, bold: bool = False, italic: bool = False):  # type: ignore[no-untyped-def]
    """Text in `paragraph`; python-pptx escapes it, so case text with & < > stays text."""
    added = paragraph.add_run()
    added.text = text
    added.font.size = Pt(size)
    added.font.color.rgb = colour
    added.font.bold = bold
    added.font.italic = italic
    return added


def _bullet(paragraph) -> None:  # type: ignore[no-untyped-def]
    """A round bullet with a hanging indent (a text box has none by default)."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(Inches(0.35)))
    properties.set("indent", str(-Inches(0.35)))
    for tag in ("a:buNone", "a:buChar"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
    bullet = properties.makeelement(qn("a:buChar"), {"char": "•"})
    properties.append(bullet)

"""The slides, in the order of seed 001: title, Bakgrund, the board's goals, Iakttagelser, Våra
bedömningar, then the answers, the recommendations and the timeline with its key."""

from __future__ import annotations

import io
import struct
from typing import Any

from pptx.util import Inches, Pt

from ...text.swedish import join_sv, lower_first
from .. import brief
from ..model import Report, Timeline
from .boxes import ACCENT, MUTED, WARN, Item, bullets, fit, run, text_box

WIDTH, HEIGHT = 13.333, 7.5  # 16:9, inches
BODY = (0.8, 1.55, 11.7, 5.0)  # left, top, width, height of a slide's text, clear of the footer


class Deck:
    """Adds slides to a python-pptx Presentation: each a title, its content and a footer."""

    def __init__(self, presentation: Any, report: Report, labels: dict[str, Any]) -> None:
        self.presentation = presentation
        self.labels = labels
        document = labels["document"]
        self.footer = labels["slides"]["footer"].format(
            organisation=report.organisation, kind=document["kind"], draft=document["draft"]
        )

    def slide(self, title: str) -> Any:
        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[6])  # blank
        frame = text_box(slide, (0.8, 0.45, 11.7, 0.9))
        run(frame.paragraphs[0], title, 32, colour=ACCENT, bold=True)
        line = slide.shapes.add_connector(1, Inches(0.8), Inches(1.3), Inches(12.5), Inches(1.3))
        line.line.color.rgb = ACCENT
        line.line.width = Pt(1.5)
        run(text_box(slide, (0.8, 6.95, 11.7, 0.35)).paragraphs[0], self.footer, 12, colour=MUTED)
        return slide

    def bullet_slides(self, title: str, items: list[Item]) -> None:
        """One slide, or as many as the items need ("Rekommendationer (forts.)")."""
        for index, (size, page) in enumerate(fit(items, BODY[2], BODY[3])):
            shown = title if index == 0 else self.labels["slides"]["continued"].format(title=title)
            bullets(self.slide(shown), page, size, BODY)


def title_slide(deck: Deck, report: Report) -> None:
    slide = deck.presentation.slides.add_slide(deck.presentation.slide_layouts[6])
    run(text_box(slide, (0.8, 0.8, 11.7, 0.6)).paragraphs[0], report.organisation, 22, colour=MUTED, bold=True)
    run(text_box(slide, (0.8, 2.3, 11.7, 2.2)).paragraphs[0], report.title, 40, colour=ACCENT, bold=True)
    facts = [deck.labels["document"]["kind"], report.office or "", report.date or ""]
    run(text_box(slide, (0.8, 4.7, 11.7, 0.6)).paragraphs[0], " · ".join(f for f in facts if f), 20)
    run(
        text_box(slide, (0.8, 5.4, 11.7, 0.5)).paragraphs[0], deck.labels["document"]["draft"].upper(), 16, colour=WARN, bold=True
    )


def content_slides(deck: Deck, report: Report) -> None:
    """Every slide after the title; a slide whose content the report lacks is left out."""
    words = deck.labels["slides"]
    parts = [
        (words["background"], [Item(t) for t in brief.background(report)]),
        (words["goals"], [Item(t) for t in report.purposes]),
        (words["observations"], [Item(t) for t in brief.observations(report)]),
        (words["assessments"], [Item(t) for t in brief.assessments(report)]),
    ]
    for title, items in parts:
        if items:
            deck.bullet_slides(title, items)
    if report.answers:
        answers_slide(deck, report)
    addressed = deck.labels["text"]["addressed_to"]
    items = [
        Item(r.text, addressed.format(bodies=join_sv(lower_first(a) for a in r.addressees)) if r.addressees else "")
        for r in report.recommendations
    ]
    if items:
        deck.bullet_slides(words["recommendations"], items)
    if report.timeline is not None:
        timeline_slides(deck, report.timeline)


def answers_slide(deck: Deck, report: Report) -> None:
    """The audit questions and the answers, as a two-column table."""
    slide = deck.slide(deck.labels["slides"]["answers"])
    left, top, width, _height = BODY
    shape = slide.shapes.add_table(len(report.answers) + 1, 2, Inches(left), Inches(top), Inches(width), Inches(0.6))
    table = shape.table
    table.columns[0].width, table.columns[1].width = Inches(width - 2.4), Inches(2.4)
    heads = (deck.labels["answers_table"]["question"], deck.labels["answers_table"]["answer"])
    size = 20 if len(report.answers) <= 3 else 16
    for column, text in enumerate(heads):
        run(table.cell(0, column).text_frame.paragraphs[0], text, size, colour=_white(), bold=True)
    for row, answer in enumerate(report.answers, start=1):
        run(table.cell(row, 0).text_frame.paragraphs[0], answer.question, size)
        run(table.cell(row, 1).text_frame.paragraphs[0], answer.answer, size + 4, bold=True)


def _white() -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor(0xFF, 0xFF, 0xFF)


def timeline_slides(deck: Deck, timeline: Timeline) -> None:
    """The timeline picture as large as the slide allows, then its numbered key."""
    from ..figure import draw_png

    png = draw_png(timeline, deck.labels)
    pixels_wide, pixels_high = struct.unpack(">II", png[16:24])  # the PNG header's IHDR size
    left, top, width, height = BODY
    scale = min(width / pixels_wide, height / pixels_high)
    shown_w, shown_h = pixels_wide * scale, pixels_high * scale
    slide = deck.slide(deck.labels["slides"]["timeline"])
    slide.shapes.add_picture(io.BytesIO(png), Inches(left + (width - shown_w) / 2), Inches(top), Inches(shown_w), Inches(shown_h))
    key = [Item(f"{e.number}. {e.label} – {e.text}") for e in sorted(timeline.events, key=lambda e: e.number)]
    if key:
        _key_slides(deck, key)


def _key_slides(deck: Deck, key: list[Item]) -> None:
    """The key in two columns a slide, at a size read from a board room's back row (at least 14 pt)."""
    from .boxes import height_in

    left, top, width, height = BODY
    column = (width - 0.4) / 2
    size = next((s for s in (18, 16, 14) if height_in(key, s, column) <= 2 * height), 14)
    pages, page, filled = [], [], 0.0
    for item in key:
        need = height_in([item], size, column)
        if page and filled + need > 2 * height:
            pages.append(page)
            page, filled = [], 0.0
        page.append(item)
        filled += need
    pages.append(page)
    title = deck.labels["slides"]["key"]
    for index, items in enumerate(pages):
        slide = deck.slide(title if index == 0 else deck.labels["slides"]["continued"].format(title=title))
        split = _split(items, size, column, height)
        for offset, part in ((0.0, items[:split]), (column + 0.4, items[split:])):
            if part:
                _plain(slide, part, size, (left + offset, top, column, height))


def _split(items: list[Item], size: int, column: float, height: float) -> int:
    """Where the second column starts: as many items as the first holds."""
    from .boxes import height_in

    for index in range(1, len(items) + 1):
        if height_in(items[:index], size, column) > height:
            return index - 1
    return len(items)


def _plain(slide: Any, items: list[Item], size: int, box: tuple[float, float, float, float]) -> None:
    frame = text_box(slide, box)
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(4)
        run(paragraph, item.text, size)

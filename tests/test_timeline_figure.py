"""The timeline picture as a reader sees it: a row per body and per official that decided, every mark
numbered and listed in the key, no two marks on top of each other, red gaps, type legible on A4,
and in a directive case the directive's own decision points and milestones."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import pytest

from report_support import DIRECTIVE_CASE, REAL_CASE, real_report, rendered, report_of, timeline_without_year_dated_reports
from styraudit.load.case import load_case
from styraudit.report.figure import _drawing, figure_of
from styraudit.report.figure_layout import WIDTH_IN
from styraudit.report.labels import load_labels
from styraudit.report.model import Timeline

A4_TEXT_WIDTH_IN = 16 / 2.54  # the Word picture's width (styles.TEXT_WIDTH); the printed HTML column is wider still


def _texts_and_marks(timeline: Timeline) -> tuple[list[tuple[str, float]], list[tuple[str, object]]]:
    """Every text of the drawn picture with its size, and each numbered mark's box on the canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with _drawing():
        figure = figure_of(timeline, load_labels())
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        assert abs(figure.get_figwidth() - WIDTH_IN) < 1e-9  # drawn at the width it is printed
        texts = [(t.get_text(), t.get_fontsize()) for t in figure.findobj(lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
        numbers = {str(e.number) for e in timeline.events}
        axes = figure.axes[0]
        lines = [line for line in axes.get_lines() if line.get_marker() not in (None, "None", "")]
        marks = [(str(i), line.get_window_extent(renderer)) for i, line in enumerate(lines)]
        assert len(lines) == len(timeline.events) and numbers
    return texts, marks


@pytest.mark.parametrize("case", [REAL_CASE, DIRECTIVE_CASE], ids=["2021-2023", "directive"])
def test_every_text_is_at_least_8_pt_at_the_printed_width(case) -> None:  # type: ignore[no-untyped-def]
    timeline = report_of(case).timeline
    assert timeline is not None and abs(WIDTH_IN - A4_TEXT_WIDTH_IN) < 1e-9
    texts, _marks = _texts_and_marks(timeline)
    assert texts and min(size for _text, size in texts) >= 8


@pytest.mark.parametrize("case", [REAL_CASE, DIRECTIVE_CASE], ids=["2021-2023", "directive"])
def test_no_two_marks_overlap(case) -> None:  # type: ignore[no-untyped-def]
    timeline = report_of(case).timeline
    assert timeline is not None
    _texts, marks = _texts_and_marks(timeline)
    for (_a, one), (_b, other) in combinations(marks, 2):
        overlap_x = min(one.x1, other.x1) - max(one.x0, other.x0)
        overlap_y = min(one.y1, other.y1) - max(one.y0, other.y0)
        assert overlap_x <= 0.5 or overlap_y <= 0.5, "two marks are drawn on top of each other"


def test_marks_on_the_same_date_in_one_row_are_stacked_not_overlaid() -> None:
    """Many reports in one month: without stacking they would be one blot."""
    timeline = real_report().timeline
    assert timeline is not None
    crowd = [dataclasses.replace(timeline.events[-1], number=100 + i, text=f"extra {i}") for i in range(6)]
    crowded = dataclasses.replace(timeline, events=(*timeline.events, *crowd))
    _texts, marks = _texts_and_marks(crowded)
    for (_a, one), (_b, other) in combinations(marks, 2):
        assert min(one.x1, other.x1) - max(one.x0, other.x0) <= 0.5 or min(one.y1, other.y1) - max(one.y0, other.y0) <= 0.5


def test_each_body_and_official_that_decided_has_a_row_and_every_mark_a_number_in_the_key() -> None:
    report = real_report()
    timeline = report.timeline
    assert timeline is not None
    rows = [ident for ident, _name in timeline.rows]
    case = load_case(str(REAL_CASE)).case
    deciders = {d.by for d in case.decisions if d.about_initiative}
    assert deciders <= set(rows) and {"regiondirektor", "CLG"} <= deciders  # officials' decisions are drawn
    assert sorted(e.number for e in timeline.events) == list(range(1, len(timeline.events) + 1))
    dated = sorted(timeline.events, key=lambda e: e.number)
    assert [e.date for e in dated] == sorted(e.date for e in dated)  # numbered in date order
    html, markdown = rendered(report, ".html"), rendered(report, ".md")
    for event in dated:
        assert f'<span class="key-number">{event.number}.</span> <span class="key-date">{event.label}</span> {event.text}' in html
        assert f"{event.number}\\. {event.label} – {event.text}" in markdown


def test_a_gap_is_drawn_in_red_on_its_row() -> None:
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    timeline = timeline_without_year_dated_reports()
    assert timeline is not None and timeline.gaps
    with _drawing():
        figure = figure_of(timeline, load_labels())
    bands = [
        p for p in figure.axes[0].patches if isinstance(p, Rectangle) and to_hex(p.get_facecolor(), keep_alpha=False) == "#c0392b"
    ]
    assert len(bands) == len(timeline.gaps)
    labels = [t.get_text() for t in figure.axes[0].texts if to_hex(t.get_color()) == "#c0392b"]
    assert "24 mån" in labels


def test_the_directive_case_shows_its_decision_points_and_milestones() -> None:
    timeline = report_of(DIRECTIVE_CASE).timeline
    assert timeline is not None
    directive = load_case(str(DIRECTIVE_CASE)).case.directive
    assert directive is not None
    shown = {(e.kind, e.text.split(" ")[0]) for e in timeline.events}
    assert {("decision_point", p.id) for p in directive.decision_points or []} <= shown
    assert {("milestone", m.id) for m in directive.milestones or []} <= shown
    assert timeline.rows[-1] == (directive.id, "Uppdragsdirektivet")
    span = next(e for e in timeline.events if e.kind == "decision_point" and e.text.startswith("BP2"))
    assert (span.date, span.end, span.label) == ("2024-10-20", "2024-10-30", "20–30 oktober 2024")


def test_every_kind_of_decision_has_its_text_in_the_timeline_key() -> None:
    from styraudit.model.facts import DecisionKind

    texts = load_labels()["timeline"]["key"]["decision"]
    assert [k.value for k in DecisionKind if k.value not in texts] == []

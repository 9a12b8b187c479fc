"""The pieces of the timeline picture: markers, gap bands, notes on rows, axes and legend (see figure.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..model.base import PartialDate
from .model import Timeline, TimelineEvent

INK, DECISION, REPORT, GAP, MUTED = "#1d2733", "#7a3b00", "#1f4e79", "#c0392b", "#8a96a3"
MAX_YEAR_TICKS = 12
NOTE_BOX = {"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "none"}


def event(axes: Any, event: TimelineEvent, row: int, style: str) -> None:
    """A marker at the middle of the days the date may mean, with a thin bar over those days."""
    first = date.fromisoformat(event.date)
    last = PartialDate(
        first.year, first.month if event.precision != "year" else 0, first.day if event.precision == "day" else 0
    ).latest()
    offset = 0.16 if event.kind == "decision" else -0.16
    if last > first:
        color = DECISION if event.kind == "decision" else REPORT
        axes.plot(
            [first, _next_day(last)],
            [row + offset] * 2,
            color=color,
            alpha=0.35,
            linewidth=3,
            solid_capstyle="butt",
            zorder=2,
        )
    axes.plot([_mid(first, last)], [row + offset], linestyle="none", zorder=4, **STYLES[style])


def kind(event: TimelineEvent, words: dict[str, Any]) -> str:
    """decision, overview, detailed, or report (depth not recorded); the depth is read back from the detail words."""
    if event.kind == "decision":
        return "decision"
    detail = event.detail.split(", ")
    return next((depth for depth, word in words["depth"].items() if word in detail), "report")


STYLES: dict[str, dict[str, Any]] = {
    "decision": {"marker": "D", "markersize": 6, "color": DECISION},
    "overview": {"marker": "o", "markersize": 6.5, "markerfacecolor": "white", "markeredgecolor": REPORT, "markeredgewidth": 1.4},
    "detailed": {"marker": "o", "markersize": 6.5, "color": REPORT},
    "report": {"marker": "o", "markersize": 6.5, "markerfacecolor": MUTED, "markeredgecolor": "white", "markeredgewidth": 0.6},
}
LEGEND = {"decision": "decision", "overview": "report_overview", "detailed": "report_detailed", "report": "report_unknown"}


def gap(axes: Any, row: int, start: str, end: str, text: str) -> None:
    from matplotlib.patches import Rectangle

    first, last = date.fromisoformat(start), date.fromisoformat(end)
    axes.add_patch(
        Rectangle((first, row - 0.42), last - first, 0.84, facecolor=GAP, alpha=0.14, edgecolor=GAP, linewidth=0.8, zorder=1)
    )
    axes.text(_mid(first, last), row - 0.3, text, color=GAP, ha="center", va="center", fontsize=7, fontweight="bold", zorder=3)


def frame(axes: Any, timeline: Timeline, y: dict[str, int], left: date, right: date) -> None:
    from matplotlib.dates import MonthLocator, YearLocator
    from matplotlib.ticker import NullFormatter

    axes.set_xlim(left, _next_day(right))
    axes.set_ylim(-0.6, len(y) - 0.4)
    axes.set_yticks([y[b] for b, _ in timeline.rows], [name for _, name in timeline.rows])
    # Gridlines and ticks at the turn of each year; the year's number in the middle of its span.
    # Over a long span (dates can run from year 1 to 9999) only every `step`-th year, so that
    # the number of ticks, and the time to draw them, stays bounded.
    step = -(-(abs(right.year - left.year) + 1) // MAX_YEAR_TICKS)  # the period may end before it starts
    axes.xaxis.set_major_locator(YearLocator(base=step))
    axes.xaxis.set_minor_locator(MonthLocator(bymonth=7, bymonthday=1) if step == 1 else YearLocator(base=step, month=7))
    axes.xaxis.set_major_formatter(NullFormatter())
    axes.xaxis.set_minor_formatter(_year_formatter())
    axes.grid(axis="x", which="major", color="#c9d1d9", linewidth=0.6)
    axes.tick_params(axis="x", which="minor", length=0)
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _year_formatter() -> Any:
    """Year numbers only: no month names, so no locale is involved."""
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: str(num2date(value).year))


def legend(axes: Any, timeline: Timeline, words: dict[str, Any]) -> None:
    """A legend of what the picture shows, and only that."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    kinds = {kind(e, words) for e in timeline.events}
    handles: list[Any] = [
        Line2D([], [], linestyle="none", label=words[LEGEND[k]], **STYLES[k])
        for k in ("decision", "overview", "detailed", "report")
        if k in kinds
    ]
    if timeline.gaps:
        handles.append(Patch(facecolor=GAP, alpha=0.25, edgecolor=GAP, label=words["gap"].format(months=timeline.max_gap_months)))
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False, fontsize=7)


def row_note(axes: Any, row: int, left: date, right: date, text: str, color: str) -> None:
    """A note across a row: "ingen återrapportering", or that the facts are missing."""
    axes.text(_mid(left, right), row, text, color=color, style="italic", ha="center", va="center", zorder=3, bbox=NOTE_BOX)


def _next_day(day: date) -> date:
    """The day after, except at the calendar's end (9999-12-31), where date arithmetic overflows."""
    return day if day == date.max else day + timedelta(days=1)


def _mid(first: date, last: date) -> date:
    return first + (last - first) / 2

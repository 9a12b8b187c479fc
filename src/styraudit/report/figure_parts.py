"""The pieces of the timeline picture: numbered marks, gap bands, notes on rows, axes and legend (see figure.py).

Every text is at least 8 pt at the printed width (figure_layout.WIDTH_IN).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .figure_layout import MARK_PT, Placed, Row, middle, short
from .model import Timeline, TimelineEvent

INK, DECISION, REPORT, GAP, MUTED = "#1d2733", "#7a3b00", "#1f4e79", "#c0392b", "#6b7785"
DIRECTIVE, MILESTONE = "#5b2a86", "#1e6b52"
TEXT_PT = 8
MAX_YEAR_TICKS = 12
NOTE_BOX = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none"}

# Filled marks carry a white number, open ones a dark one.
STYLES: dict[str, dict[str, Any]] = {
    "decision": {"marker": "s", "color": DECISION, "markeredgecolor": DECISION},
    # An official's or a group's plan or standpoint: the decision's shape, open, since no body decided.
    "position": {"marker": "s", "markerfacecolor": "white", "markeredgecolor": DECISION, "markeredgewidth": 1.4},
    "overview": {"marker": "o", "markerfacecolor": "white", "markeredgecolor": REPORT, "markeredgewidth": 1.4},
    "detailed": {"marker": "o", "color": REPORT, "markeredgecolor": REPORT},
    "report": {"marker": "o", "markerfacecolor": "#d5dbe1", "markeredgecolor": MUTED, "markeredgewidth": 1.0},
    "decision_point": {"marker": "h", "color": DIRECTIVE, "markeredgecolor": DIRECTIVE},
    "milestone": {"marker": "D", "markerfacecolor": "white", "markeredgecolor": MILESTONE, "markeredgewidth": 1.4},
}
NUMBER_COLOUR = {"decision": "white", "detailed": "white", "decision_point": "white"}
SPAN_COLOUR = {"decision": DECISION, "position": DECISION, "decision_point": DIRECTIVE, "milestone": MILESTONE}
LEGEND = {
    "decision": "decision",
    "position": "position",
    "overview": "report_overview",
    "detailed": "report_detailed",
    "report": "report_unknown",
    "decision_point": "decision_point",
    "milestone": "milestone",
}


def kind(event: TimelineEvent, words: dict[str, Any]) -> str:
    """The mark's style: a decision, a report by depth (read back from the detail words), or a directive's point."""
    if event.kind != "report":
        return event.kind
    detail = event.detail.split(", ")
    return next((depth for depth, word in words["depth"].items() if word in detail), "report")


def mark(axes: Any, placed: Placed, style: str) -> None:
    """A thin bar over the days the date may mean, and the numbered mark at its middle."""
    if placed.last > placed.first:
        colour = SPAN_COLOUR.get(placed.event.kind, REPORT)
        axes.plot(
            [placed.first, _next_day(placed.last)],
            [placed.y] * 2,
            color=colour,
            alpha=0.3,
            linewidth=4,
            solid_capstyle="butt",
            zorder=2,
        )
    size = MARK_PT + (3 if placed.event.number >= 100 else 0)
    axes.plot(
        [placed.x],
        [placed.y],
        linestyle="none",
        markersize=size * (0.85 if style == "milestone" else 1),
        zorder=4,
        **STYLES[style],
    )
    axes.text(
        placed.x,
        placed.y,
        str(placed.event.number),
        color=NUMBER_COLOUR.get(style, INK),
        fontsize=TEXT_PT,
        fontweight="bold",
        ha="center",
        va="center_baseline",
        zorder=5,
    )


def gap(axes: Any, row: Row, start: str, end: str, text: str) -> None:
    """A red band over a stretch without reports longer than the criterion allows, with its length."""
    from matplotlib.patches import Rectangle

    first, last = date.fromisoformat(start), date.fromisoformat(end)
    axes.add_patch(
        Rectangle(
            (first, row.bottom + 0.03),
            last - first,
            row.height - 0.06,
            facecolor=GAP,
            alpha=0.13,
            edgecolor=GAP,
            linewidth=0.9,
            zorder=1,
        )
    )
    axes.text(
        middle(first, last),
        row.bottom + 0.05,
        text,
        color=GAP,
        ha="center",
        va="bottom",
        fontsize=TEXT_PT,
        fontweight="bold",
        zorder=3,
    )


def row_note(axes: Any, row: Row, where: date, text: str, colour: str) -> None:
    """A note on a row: "ingen återrapportering", or that the facts are missing."""
    axes.text(
        where, row.middle, text, color=colour, style="italic", fontsize=TEXT_PT, ha="center", va="center", zorder=3, bbox=NOTE_BOX
    )


def frame(axes: Any, rows: list[Row], left: date, right: date, words: dict[str, Any]) -> None:
    """Row names on the left, shaded bands, year (and over a short period quarter) ticks below."""
    axes.set_xlim(left, _next_day(right))
    axes.set_ylim(0, sum(r.height for r in rows))
    axes.set_yticks([r.middle for r in rows], [_wrapped(r.name) for r in rows], fontsize=TEXT_PT)
    for index, row in enumerate(rows):
        if index % 2 == 0:
            axes.axhspan(row.bottom, row.bottom + row.height, color="#f1f4f7", zorder=0, linewidth=0)
    if short(left, right):
        _quarters(axes, left, right, words)
    else:
        _years(axes, left, right)
    axes.tick_params(axis="y", length=0)
    axes.tick_params(axis="x", labelsize=TEXT_PT)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _years(axes: Any, left: date, right: date) -> None:
    """Gridlines at the turn of each year and the year's number in the middle of its span.

    Over a long span (dates can run from year 1 to 9999) only every `step`-th year, so that the
    number of ticks, and the time to draw them, stays bounded.
    """
    from matplotlib.dates import MonthLocator, YearLocator
    from matplotlib.ticker import NullFormatter

    step = -(-(abs(right.year - left.year) + 1) // MAX_YEAR_TICKS)
    axes.xaxis.set_major_locator(YearLocator(base=step))
    axes.xaxis.set_minor_locator(MonthLocator(bymonth=7, bymonthday=1) if step == 1 else YearLocator(base=step, month=7))
    axes.xaxis.set_major_formatter(NullFormatter())
    axes.xaxis.set_minor_formatter(_formatter(lambda day: str(day.year)))
    axes.grid(axis="x", which="major", color="#c9d1d9", linewidth=0.6)
    axes.tick_params(axis="x", which="minor", length=0, labelsize=TEXT_PT)


def _quarters(axes: Any, left: date, right: date, words: dict[str, Any]) -> None:
    """Over three years or less: a tick each quarter named by its month, the year under each January."""
    from matplotlib.dates import date2num
    from matplotlib.ticker import FixedLocator

    names = words["quarters"]
    ticks = [date(year, month, 1) for year in range(left.year, right.year + 1) for month in (1, 4, 7, 10)]
    ticks = [day for day in ticks if left <= day <= right]
    axes.xaxis.set_major_locator(FixedLocator([date2num(day) for day in ticks]))
    axes.set_xticklabels([f"{names[str(d.month)]}\n{d.year}" if d.month == 1 else names[str(d.month)] for d in ticks])
    axes.grid(axis="x", which="major", color="#c9d1d9", linewidth=0.6)


def _formatter(text: Any) -> Any:
    """Tick labels from the date alone: month names come from labels.yaml, so no locale is involved."""
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: text(num2date(round(value)).date()))  # a tick on midnight, not a hair before


def _wrapped(name: str, width: int = 24) -> str:
    """A long row name on two or more lines, never cut."""
    import textwrap

    return "\n".join(textwrap.wrap(name, width, break_on_hyphens=False)) or name


def legend(figure: Any, timeline: Timeline, words: dict[str, Any]) -> None:
    """What the kinds of marks mean, and only the kinds the picture shows, under the axes."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    kinds = {kind(e, words) for e in timeline.events}
    handles: list[Any] = [
        Line2D([], [], linestyle="none", markersize=9, label=words[LEGEND[k]], **STYLES[k]) for k in LEGEND if k in kinds
    ]
    if timeline.gaps:
        handles.append(Patch(facecolor=GAP, alpha=0.25, edgecolor=GAP, label=words["gap"].format(months=timeline.max_gap_months)))
    if handles:
        figure.legend(handles=handles, loc="lower center", ncol=legend_columns(len(handles)), frameon=False, fontsize=TEXT_PT)


def legend_columns(entries: int) -> int:
    """Three entries a row, but four as two by two: three long labels side by side overrun the printed width."""
    return 2 if entries == 4 else max(1, min(3, entries))


def _next_day(day: date) -> date:
    """The day after, except at the calendar's end (9999-12-31), where date arithmetic overflows."""
    return day if day == date.max else day + timedelta(days=1)

"""What reached a body, per item of a collection: the reporting events (date, recipient, path)
and what the case says outright (reported or not, a decision on the results)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..engine.context import CheckContext
from ..model.base import PartialDate, Period
from ..model.economy import FigureKind
from ..model.paths import YamlPath
from ._elements import Collection, Item, items


@dataclass(frozen=True)
class Event:
    path: YamlPath
    date: PartialDate | None
    to: str | None


@dataclass(frozen=True)
class Reporting:
    """One item's reporting: its events, whether the case says it was reported (None: not said),
    whether the body decided on the results (None: not said), and the period a cadence is judged over."""

    item: Item
    events: tuple[Event, ...]
    said: bool | None
    decided: bool | None
    period: tuple[date, date] | None


def reportings(ctx: CheckContext, collection: Collection, kinds: tuple[FigureKind, ...]) -> list[Reporting]:
    """The reporting of every item of `collection` (budgets for budget figures)."""
    found = []
    for item in items(ctx, collection):
        fact = item.fact
        if collection is Collection.budgets:
            events = [
                Event((*item.path, "figures", j), f.date, f.reported_to) for j, f in enumerate(fact.figures) if f.kind in kinds
            ]
            found.append(Reporting(item, tuple(events), None, None, _span(ctx, fact.period, fact.year)))
        elif collection is Collection.delegations:
            rep = fact.reporting
            events = [Event((*item.path, "reporting"), None, rep.to)] if rep and rep.practised else []
            found.append(Reporting(item, tuple(events), rep.practised if rep else None, None, None))
        else:
            events = [Event((*item.path, "reported", j), r.date, r.to) for j, r in enumerate(fact.reported)]
            said = getattr(fact, "results_reported", None)
            decided = getattr(fact, "results_decision", None) or getattr(fact, "results_decided", None)
            year = getattr(fact, "year", None)
            found.append(Reporting(item, tuple(events), said, True if decided else None, _span(ctx, None, year)))
    return found


def _span(ctx: CheckContext, period: Period | None, year: int | None) -> tuple[date, date] | None:
    """The item's own period, its year, else the audit's examined period; the end no later than the reference date."""
    if period is None and year:
        period = Period(start=PartialDate(year), end=PartialDate(year))
    period = period or ctx.case.examined_period()
    if period is None:
        return None
    end = period.end.latest() if period.end else ctx.reference_date
    if end is None:
        return None
    if ctx.reference_date and ctx.reference_date < end:
        end = ctx.reference_date
    return (period.start.earliest(), end)

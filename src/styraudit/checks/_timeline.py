"""Time arithmetic for checks over partial dates: whole months, and gaps between dated events.

A date known only to the month or the year is an interval [earliest, latest] of days. Between
dated events a gap longer than a limit is

- *certain* when no reading of the dates can close it: a stretch that no event can fall in
  (the next event's earliest day is more than the limit after the latest day any earlier event
  can have); its length is given in the most favourable reading, as "at least";
- *possible* when some reading opens it but none forces it ("kan ha överstigit"): every event
  can be placed outside the stretch; its length is given in the least favourable reading, as
  "up to". A possible gap that overlaps a certain one is not reported again.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model.paths import YamlPath


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 jan + 1 = 28/29 feb).

    Beyond the calendar's ends (year 1 to 9999) the result is date.min or date.max, not an error:
    a deadline after 9999-12-31 is never reached.
    """
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not date.min.year <= year <= date.max.year:
        return date.max if year > date.max.year else date.min
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def whole_months(start: date, end: date, *, round_up: bool = False) -> int:
    """Months from `start` to `end`: complete months, or (round_up) months begun; never negative."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    if round_up and add_months(start, months) < end:
        months += 1
    return max(months, 0)


def overlaps(period: Any, first: date, last: date) -> bool:
    """Whether a Period (None: unbounded) may share a day with first..last."""
    if period is None:
        return True
    return period.start.earliest() <= last and (period.end is None or period.end.latest() >= first)


@dataclass(frozen=True)
class Mark:
    """A dated point on a timeline: its date as written, the fact behind it, and the days it may mean."""

    label: str
    path: YamlPath
    earliest: date
    latest: date
    kind: str = "event"

    @classmethod
    def of(cls, when: Any, path: YamlPath, kind: str = "event") -> Mark:
        """A mark for a PartialDate (or a plain date)."""
        if isinstance(when, date):
            return cls(when.isoformat(), path, when, when, kind)
        return cls(str(when), path, when.earliest(), when.latest(), kind)


@dataclass(frozen=True)
class Gap:
    start: Mark
    end: Mark
    months: int
    certain: bool


def gaps(first: Mark, events: list[Mark], last: Mark, limit: int) -> list[Gap]:
    """Gaps longer than `limit` months between `first`, the events and `last`, in date order."""
    ordered = sorted(events, key=lambda m: (m.earliest, m.latest))
    certain = _certain(first, ordered, last, limit)
    possible = [g for g in _possible(first, ordered, last, limit) if not any(_overlap(g, c) for c in certain)]
    return sorted(certain + possible, key=lambda g: (g.start.earliest, g.end.latest))


def _certain(first: Mark, ordered: list[Mark], last: Mark, limit: int) -> list[Gap]:
    # Walk in order of earliest day, keeping the mark that may reach furthest: a gap is
    # certain when the next mark cannot begin until more than `limit` after that reach.
    found: list[Gap] = []
    reach = first
    for mark in [*ordered, last]:
        if mark.earliest > add_months(reach.latest, limit):
            found.append(Gap(reach, mark, whole_months(reach.latest, mark.earliest), True))
        if mark.latest > reach.latest:
            reach = mark
    return found


def _possible(first: Mark, ordered: list[Mark], last: Mark, limit: int) -> list[Gap]:
    # Open a stretch at each possible first day; it stays open until the earliest latest
    # day of the marks that begin after it (those cannot be moved before the opening).
    found: list[Gap] = []
    openers = [first, *(m for m in ordered if m.earliest > first.earliest)]
    for opener in openers:
        closers = [m for m in ordered if m.earliest > opener.earliest] + [last]
        closer = min(closers, key=lambda m: m.latest)
        if found and found[-1].end == closer:
            continue  # the same stretch, opened later: already reported from its first opening
        if closer.latest > add_months(opener.earliest, limit):
            found.append(Gap(opener, closer, whole_months(opener.earliest, closer.latest, round_up=True), False))
    return found


def _overlap(possible: Gap, certain: Gap) -> bool:
    return possible.start.earliest < certain.end.earliest and certain.start.latest < possible.end.latest

"""Observations become statements: text, numbered sources, interview and source flags, a date for ordering."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..engine.results import Observation
from ..model.base import PartialDate, Sourced
from ..model.case import Case
from ..text.style import tidy
from .model import Statement
from .sources import SourceBook

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def statement(observation: Observation, book: SourceBook, case: Case) -> Statement:
    """The report's sentence for one observation."""
    facts = observation.facts
    sourced = [f for f in facts if f.sources]
    dates = [d for f in facts if (d := fact_date(case, f.path))]
    return Statement(
        text=tidy(observation.text),
        sources=book.cite(observation.sources),
        # Known from interviews alone: every fact that has sources rests only on interviews.
        interview_only=bool(sourced) and all(f.interview_only for f in sourced),
        # A fact without a source is reported as such. Paths to things that are not facts (an id in
        # a list, the case's own settings) and statements resting on no fact at all (the engine's
        # remark "all facts are sourced") are not unsourced facts.
        unsourced=any(not f.sources and isinstance(node(case, f.path), Sourced) for f in facts),
        locations=tuple(dict.fromkeys(str(f.location) for f in facts)),
        outcome=observation.outcome.value,
        date=min(dates) if dates else None,
    )


def node(case: Case, dotted: str) -> Any:
    """The object at a dotted path such as `reporting[3]`; None if the path does not lead anywhere."""
    found: Any = case
    for index, key in _PART.findall(dotted):
        try:
            found = found[int(index)] if index else getattr(found, key)
        except (IndexError, AttributeError, TypeError):
            return None
    return found


def fact_date(case: Case, dotted: str) -> str | None:
    """The ISO date a fact happened (its date, else its period's start), earliest reading; None if undated."""
    fact = node(case, dotted)
    when = getattr(fact, "date", None)
    if not isinstance(when, PartialDate):
        period = getattr(fact, "period", None)
        when = getattr(period, "start", None)
    return when.earliest().isoformat() if isinstance(when, PartialDate) else None


def pooled(text: str, group: Sequence[Statement]) -> Statement:
    """A statement of `text` resting on every statement of `group`: all their sources and places,
    interview-only only if each is, the earliest date, the first one's outcome."""
    dates = [s.date for s in group if s.date]
    return Statement(
        text=text,
        sources=tuple(sorted({n for s in group for n in s.sources})),
        interview_only=all(s.interview_only for s in group),
        unsourced=any(s.unsourced for s in group),
        locations=tuple(dict.fromkeys(loc for s in group for loc in s.locations)),
        outcome=group[0].outcome,
        date=min(dates) if dates else None,
    )


def merged(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    """Statements with the same text said once, with the sources and locations of every copy."""
    by_text: dict[str, Statement] = {}
    for each in statements:
        first = by_text.get(each.text)
        by_text[each.text] = each if first is None else pooled(first.text, (first, each))
    return tuple(by_text.values())


def by_date(observations: Iterable[Observation], case: Case) -> list[Observation]:
    """Dated observations by their earliest fact date, undated ones after them; ties keep their order.

    Ordered before they are numbered, so that the source numbers of a theme run upwards.
    """

    def key(observation: Observation) -> tuple[bool, str]:
        dates = [d for f in observation.facts if (d := fact_date(case, f.path))]
        return (not dates, min(dates) if dates else "")

    return sorted(observations, key=key)

"""The report's abbreviations: a group's short form introduced at its first mention, used alone after.

Seed 000 writes "regiondirektörens ledningsgrupp (CLG)" once and "CLG" from then on, while it
writes the bodies' names out every time (they are the report's addressees). So only groups of
officials with a `short` in the case are abbreviated. The report is walked in the order a reader
meets it: chapter 1, the audit's own texts, the timeline, chapter 4, the answers, the
recommendations, the points to verify.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..text.style import Abbreviations
from .model import Report, Statement, Theme, Timeline


def group_abbreviations(case: Any) -> dict[str, str]:
    """Each group's name and its short form, for the groups that have one."""
    return {g.name: g.short for g in case.groups if g.short and g.short != g.name}


def abbreviated(report: Report, names: dict[str, str]) -> Report:
    """`report` with every name of `names` introduced once, in reading order, and shortened after."""
    if not names:
        return report
    style = Abbreviations(names)
    paragraphs = tuple(_statements(style, p) for p in report.summary_paragraphs)
    assessment = tuple(style.apply_all(report.summary_assessment))
    background = tuple(style.apply_all(report.background))
    texts = {f: style.apply(v) if (v := getattr(report, f)) else v for f in ("reason", "purpose", "method", "quality_assurance")}
    timeline = _timeline(style, report.timeline)
    themes = tuple(_theme(style, t) for t in report.themes)
    answers = tuple(replace(a, comment=tuple(style.apply_all(a.comment))) for a in report.answers)
    recommendations = tuple(replace(r, text=style.apply(r.text)) for r in report.recommendations)
    verify = tuple(replace(v, text=style.apply(v.text)) for v in report.verify)
    return replace(
        report,
        summary_paragraphs=paragraphs,
        summary_observations=tuple(s for p in paragraphs for s in p),
        summary_assessment=assessment,
        background=background,
        timeline=timeline,
        themes=themes,
        answers=answers,
        recommendations=recommendations,
        verify=verify,
        **texts,
    )


def _statements(style: Abbreviations, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    return tuple(replace(s, text=style.apply(s.text)) for s in statements)


def _theme(style: Abbreviations, theme: Theme) -> Theme:
    return replace(theme, statements=_statements(style, theme.statements), comment=tuple(style.apply_all(theme.comment)))


def _timeline(style: Abbreviations, timeline: Timeline | None) -> Timeline | None:
    """The rows' names as the reader meets them above the key, then the key's texts."""
    if timeline is None:
        return None
    rows = tuple((ident, style.apply(name)) for ident, name in timeline.rows)
    events = tuple(replace(e, text=style.apply(e.text)) for e in timeline.events)
    return replace(timeline, rows=rows, events=events)

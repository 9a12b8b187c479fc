"""What follows the report, judged once its recommendations are known: the bodies' replies.

A reply cites recommendations by the ids the engine gives them, so whether it cites one that exists
is known only after drafting; the same holds for the criteria marked `after_report`, which are
judged here with the audit's recommendations in their context.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError, Problem
from ..load.case import LoadedCase
from ..load.refs import suggest
from ..model.base import PartialDate
from ..model.paths import YamlPath
from ..text.i18n import _
from .context import CheckContext
from .criteria import CriteriaPack, Criterion
from .results import AuditRecommendation


def check_replies(loaded: LoadedCase, recommendations: tuple[AuditRecommendation, ...]) -> None:
    """Raise InputError for a reply to a recommendation the audit does not make, and for a due date
    (the missiv's or a promised measure's) before the report's date."""
    known = [r.id for r in recommendations if r.shown]
    problems = [*_unknown(loaded, known), *_early(loaded)]
    if problems:
        raise InputError(problems)


def _unknown(loaded: LoadedCase, known: list[str]) -> Iterator[Problem]:
    for ri, reply in enumerate(loaded.case.replies):
        for ai, answer in enumerate(reply.recommendations):
            if answer.recommendation not in known:
                where = loaded.doc.locate(("replies", ri, "recommendations", ai, "recommendation"))
                hint = suggest(answer.recommendation, known) or _("the audit's recommendations: {ids}").format(
                    ids=", ".join(known) or "-"
                )
                message = _("the audit makes no recommendation {id!r}").format(id=answer.recommendation)
                yield Problem(where, message, hint, "recommendation")


def _early(loaded: LoadedCase) -> Iterator[Problem]:
    case = loaded.case
    report = case.audit.date if case.audit else None
    if report is None:
        return
    dues: list[tuple[YamlPath, PartialDate | None]] = [(("missiv", "reply_due"), case.missiv.reply_due if case.missiv else None)]
    for ri, reply in enumerate(case.replies):
        for ai, answer in enumerate(reply.recommendations):
            dues += [
                (("replies", ri, "recommendations", ai, "measures", mi, "due"), m.due) for mi, m in enumerate(answer.measures)
            ]
    for path, due in dues:
        if due is not None and due.latest() < report.earliest():
            message = _("due date {due} is before the report's date {date}").format(due=due, date=report)
            yield Problem(loaded.doc.locate(path), message, _("check the year: a due date follows the report"), "recommendation")


def after_report(pack: CriteriaPack, loaded: LoadedCase) -> list[Criterion]:
    """The criteria judged after the report whose `applies_if` sections the case has, in the pack's order."""
    case = loaded.case
    return [
        c for c in pack.ordered() if c.spec.after_report and all(getattr(case, section, None) for section in c.spec.applies_if)
    ]


def with_recommendations(ctx: CheckContext, recommendations: tuple[AuditRecommendation, ...]) -> CheckContext:
    """The context the after-report criteria see: the audit's recommendations that the report makes."""
    return ctx.narrowed(recommendations=tuple(r for r in recommendations if r.shown))

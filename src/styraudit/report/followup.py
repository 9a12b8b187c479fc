"""The chapter "Uppföljning av tidigare granskning": per followed-up recommendation, what the body
replied, what was done since (each with its sources), the status and the comment.

The status is the engine's (`CaseResult.follow_up`, the auditor's override applied); the comment is
the auditor's motivation and the observation about the recommendation, found by the facts it rests on.
"""

from __future__ import annotations

from typing import Any

from ..engine.results import CaseResult, CriterionResult
from ..load.case import LoadedCase
from ..model.paths import dotted
from ..text.names import Names
from ..text.swedish import date_sv
from .model import FollowUpItem, Statement
from .sources import SourceBook


def follow_up_items(result: CaseResult, book: SourceBook, loaded: LoadedCase, labels: dict[str, Any]) -> tuple[FollowUpItem, ...]:
    """One item per row of the engine's follow-up, in the case's order; sources cited as the reader meets them."""
    words = labels["follow_up_table"]
    places = {
        rec.id: (("earlier_audits", ai, "recommendations", ri), rec)
        for ai, audit in enumerate(loaded.case.earlier_audits)
        for ri, rec in enumerate(audit.recommendations)
    }
    items = []
    for row in result.follow_up:
        path, rec = places[row.recommendation]
        comment = [words["motivation"].format(motivation=row.motivation)] if row.motivation else []
        comment += _observations(result.criteria, dotted(path))
        items.append(
            FollowUpItem(
                recommendation=" ".join(rec.text.split()),
                reply=_reply(rec, Names(loaded.case), words),
                done=tuple(_done(rec, path, book, loaded)),
                status=words["statuses"][row.final],
                drafted=words["statuses"][row.drafted],
                overridden=row.overridden,
                comment=tuple(dict.fromkeys(comment)),
            )
        )
    return tuple(items)


def _reply(rec: Any, name: Names, words: dict[str, Any]) -> tuple[str, ...]:
    reply = rec.reply
    if reply is None:
        return (words["no_reply"],)
    lines = [words["accepts"]] if reply.accepts is True else [words["rejects"]] if reply.accepts is False else []
    lines += [reply.comment] if reply.comment else []
    for measure in reply.measures:
        details = [words["responsible"].format(name=name(measure.responsible))] if measure.responsible else []
        details += [words["due"].format(date=date_sv(measure.due))] if measure.due else []
        text = words["measure"].format(description=measure.description.strip().rstrip("."))
        lines.append(text + (f" ({', '.join(details)})." if details else "."))
    return tuple(lines)


def _done(rec: Any, path: tuple[str | int, ...], book: SourceBook, loaded: LoadedCase) -> list[Statement]:
    """Each action as a sentence with its date and sources (the recommendation's when it names none)."""
    statements = []
    interviews = {i.id for i in loaded.case.evidence.interviews}
    for index, action in enumerate(rec.actions):
        sources = action.sources or rec.sources
        dated = f"{date_sv(action.date)}: " if action.date else ""
        text = dated[:1].upper() + dated[1:] + " ".join(action.description.split())
        where = str(loaded.doc.locate((*path, "actions", index)))
        interview = bool(sources) and set(sources) <= interviews
        statements.append(
            Statement(text, book.cite(sources), interview, not sources, (where,), "", str(action.date) if action.date else None)
        )
    return statements


def _observations(criteria: tuple[CriterionResult, ...], path: str) -> list[str]:
    """The observations resting first on the recommendation or on a fact below it."""
    found = []
    for criterion in criteria:
        for observation in criterion.observations:
            first = observation.facts[0].path if observation.facts else ""
            if first == path or first.startswith(path + "."):
                found.append(observation.text)
    return found

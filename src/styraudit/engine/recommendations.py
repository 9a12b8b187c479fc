"""The audit's recommendations with stable ids, and the auditor's edits to them.

A drafted recommendation is the text a deficient criterion recommends; the same text from several
criteria is one recommendation to all their addressees. Its id is `rek-` and its criteria's ids,
sorted and joined by dots (`rek-forankring.tydligt-uppdrag`): nothing else enters it, so it stays the
same across runs, across edits elsewhere in the case and across a change of addressees, and a body's
reply that cites it stays valid. An id longer than the case's id limit keeps its first criterion and
a digest of the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..errors import InputError, Problem
from ..load.case import LoadedCase
from ..load.refs import suggest
from ..model.lifecycle import EditAction
from ..text.i18n import _
from .results import AuditRecommendation, CriterionResult

PREFIX = "rek-"
MAX_ID = 80  # the case model's limit on an id, so that a reply can cite any recommendation
STATUS = {EditAction.keep: "kept", EditAction.rephrase: "rephrased", EditAction.drop: "dropped", EditAction.add: "added"}


def recommendation_id(criteria: Iterable[str]) -> str:
    """The stable id of the recommendation the criteria `criteria` make together."""
    names = sorted(set(criteria))
    ident = PREFIX + ".".join(names)
    if len(ident) <= MAX_ID:
        return ident
    digest = hashlib.sha1(".".join(names).encode()).hexdigest()[:10]
    return f"{PREFIX}{names[0]}"[: MAX_ID - len(digest) - 1] + f".{digest}"


def drafted(results: Iterable[CriterionResult]) -> list[AuditRecommendation]:
    """One recommendation per distinct text, composed criteria first, each with its stable id."""
    ordered = sorted(results, key=lambda r: not r.composed_of)  # stable: keeps the pack's order within each group
    groups: dict[str, tuple[list[str], list[str], list[str | None]]] = {}
    for result in ordered:
        if result.recommendation is None:
            continue
        criteria, addressees, subjects = groups.setdefault(result.recommendation.text, ([], [], []))
        criteria += [result.criterion] if result.criterion not in criteria else []
        addressees += [a for a in result.recommendation.addressees if a not in addressees]
        subjects.append(result.subject)
    made: list[AuditRecommendation] = []
    for text, (criteria, addressees, subjects) in groups.items():
        ident = recommendation_id(criteria)
        if any(r.id == ident for r in made):  # one criterion, two texts (judged per subject): name the subject
            ident = f"{ident}_{subjects[0]}"[:MAX_ID] if subjects[0] else f"{ident}_{len(made) + 1}"
        made.append(AuditRecommendation(ident, text, tuple(addressees), tuple(criteria), drafted_text=text))
    return made


def recommendations(loaded: LoadedCase, results: Iterable[CriterionResult]) -> tuple[AuditRecommendation, ...]:
    """The drafted recommendations with the auditor's edits (`audit.recommendations`) applied, the added
    ones last; an edit naming no drafted recommendation, or adding one under a drafted id, is an error."""
    made = {r.id: r for r in drafted(results)}
    audit = loaded.case.audit
    problems: list[Problem] = []
    added: list[AuditRecommendation] = []
    seen: set[str] = set()
    for index, edit in enumerate(audit.recommendations if audit else []):
        problem = _wrong_edit(edit, made, seen)
        if problem is not None:
            message, hint = problem
            where = loaded.doc.locate(("audit", "recommendations", index, "id"))
            problems.append(Problem(where, message, hint, "recommendation"))
            continue
        seen.add(edit.id)
        status = STATUS[edit.action]
        if edit.action is EditAction.add:
            added.append(AuditRecommendation(edit.id, edit.text or "", tuple(edit.to), (), status, None, edit.motivation))
        else:
            old = made[edit.id]
            made[edit.id] = replace(
                old,
                text=edit.text or old.text,
                addressees=tuple(edit.to) or old.addressees,
                status=status,
                motivation=edit.motivation,
            )
    if problems:
        raise InputError(problems)
    return (*made.values(), *added)


def _wrong_edit(edit: Any, made: dict[str, AuditRecommendation], seen: set[str]) -> tuple[str, str] | None:
    """What is wrong with an edit, as (message, hint), or None when it can be applied."""
    if edit.id in seen:
        return _("a second edit of recommendation {id!r}").format(id=edit.id), _("keep one edit per recommendation")
    if edit.action is EditAction.add:
        if edit.id in made:
            message = _("recommendation {id!r} is already drafted").format(id=edit.id)
            return message, _("use `action: rephrase` to reword it, or choose another id")
        return None
    if edit.id not in made:
        hint = suggest(edit.id, made) or _("drafted recommendations: {ids}").format(ids=", ".join(made) or "-")
        return _("no drafted recommendation {id!r}").format(id=edit.id), hint
    return None

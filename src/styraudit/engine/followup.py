"""The follow-up of earlier audits: each followed-up recommendation's status, and the auditor's overrides.

The status comes from the checks' data (`follow_up`: recommendation, audit, status), so the engine
does not judge again what a check found. An override (`audit.status_overrides`) replaces the
status and carries its motivation, as an answer override does; one naming a recommendation no
question follows up is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InputError, Problem
from ..load.case import LoadedCase
from ..load.refs import suggest
from ..text.i18n import _
from .results import FollowUpRow


def follow_up(loaded: LoadedCase, data: Mapping[str, tuple[Any, ...]]) -> tuple[FollowUpRow, ...]:
    """One row per followed-up recommendation, in the order the case lists them, overrides applied."""
    derived = {row["recommendation"]: row for row in data.get("follow_up", ())}
    order = [r.id for a in loaded.case.earlier_audits for r in a.recommendations if r.id in derived]
    audit = loaded.case.audit
    overrides = {o.recommendation: (i, o) for i, o in enumerate(audit.status_overrides if audit else [])}
    problems = []
    for ident, (index, _override) in overrides.items():
        if ident not in derived:
            where = loaded.doc.locate(("audit", "status_overrides", index, "recommendation"))
            hint = suggest(ident, derived) or _("followed up: {ids}").format(ids=", ".join(order) or "-")
            problems.append(Problem(where, _("no question follows up recommendation {id!r}").format(id=ident), hint, "follow-up"))
    if problems:
        raise InputError(problems)
    rows = []
    for ident in order:
        row = derived[ident]
        chosen = overrides.get(ident, (0, None))[1]
        final = chosen.status.value if chosen else row["status"]
        rows.append(FollowUpRow(ident, row["audit"], row["status"], final, chosen.motivation if chosen else None))
    return tuple(rows)


def earlier_case_problems(loaded: LoadedCase, load: Any, judge: Any) -> list[Problem]:
    """Each earlier audit that names its case file (`case_file`, relative to this case): the file must
    load, and every recommendation listed here must be one that audit makes (did-you-mean if not)."""
    from pathlib import Path

    problems: list[Problem] = []
    for ai, earlier in enumerate(loaded.case.earlier_audits):
        if not earlier.case_file:
            continue
        where = loaded.doc.locate(("earlier_audits", ai, "case_file"))
        path = Path(loaded.file).parent / earlier.case_file
        if not path.is_file():
            problems.append(
                Problem(
                    where,
                    _("no earlier case file {file!r}").format(file=earlier.case_file),
                    _("give the path relative to this case file"),
                    "follow-up",
                )
            )
            continue
        try:
            made = [r.id for r in judge(load(path)).recommendations if r.shown]
        except InputError as error:
            first = error.problems[0] if error.problems else None
            message = _("the earlier case file does not load: {problem}").format(problem=first.message if first else "")
            problems.append(Problem(where, message, _("run `styraudit check` on it"), "follow-up"))
            continue
        for ri, rec in enumerate(earlier.recommendations):
            if rec.id not in made:
                hint = suggest(rec.id, made) or _("that audit's recommendations: {ids}").format(ids=", ".join(made) or "-")
                at = loaded.doc.locate(("earlier_audits", ai, "recommendations", ri, "id"))
                problems.append(
                    Problem(at, _("the earlier audit makes no recommendation {id!r}").format(id=rec.id), hint, "follow-up")
                )
    return problems

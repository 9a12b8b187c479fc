"""The criteria an audit's questions name, checked against the installed and configured pack when a
case is loaded, so that `validate` does not give a false green that only `check` would catch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import Problem
from ..text.i18n import _

EXAMPLES = 4


def unknown_criteria(loaded: Any, pack: Any) -> list[Problem]:
    """A problem (with did-you-mean) for every criterion id a question names that the pack cannot resolve."""
    audit = loaded.case.audit
    problems = []
    for qi, question in enumerate(audit.questions if audit else ()):
        for ci, ident in enumerate(question.criteria):
            if pack.resolve(ident) is None:
                problems.append(pack.unknown(ident, loaded.doc.locate(("audit", "questions", qi, "criteria", ci)), "unknown-id"))
    return problems


def with_criteria_named(problems: list[Problem], pack: Any) -> list[Problem]:
    """An empty criteria list's hint names criteria from the pack to pick from."""
    ordered = sorted(pack.criteria.values(), key=lambda c: (c.spec.order, c.id))
    examples = ", ".join(f"{c.id} ({c.spec.title})" for c in ordered[:EXAMPLES])
    hint = _("name at least one criterion id, e.g. {examples}; `styraudit criteria list` lists all {n}").format(
        examples=examples, n=len(ordered)
    )
    return [replace(p, hint=hint) if p.code == "no-criteria" else p for p in problems]

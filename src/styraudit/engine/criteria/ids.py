"""Ids across a pack. A criterion's id is public: baselines, waivers, configurations, audit
questions and SARIF fingerprints name it. A renamed or merged criterion therefore lists its old
ids under `aliases` (as SQLFluff's rules do), and the pack answers to them everywhere a user
gives an id; outputs always use the canonical id. An alias that is another criterion's id, or
another's alias too, is an error at its place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...errors import Problem
from ...load.refs import suggest

if TYPE_CHECKING:
    from .pack import Criterion


def alias_table(criteria: dict[str, Criterion], problems: list[Problem]) -> dict[str, str]:
    """alias -> canonical id, in pack order; adds a located problem for each colliding alias."""
    table: dict[str, str] = {}
    for criterion in criteria.values():
        for index, alias in enumerate(criterion.spec.aliases):
            where = criterion.doc.locate(("aliases", index))
            if alias in criteria:
                other = criteria[alias]
                message = f"alias {alias!r} of {criterion.id} is the id of a criterion" + (
                    "" if other is criterion else f" ({other.doc.locate(('id',))})"
                )
                problems.append(Problem(where, message, "an alias names an old id that no criterion has now", "criteria"))
            elif alias in table:
                message = f"alias {alias!r} of {criterion.id} is already an alias of {table[alias]}"
                problems.append(Problem(where, message, "give each old id to one criterion only", "criteria"))
            else:
                table[alias] = criterion.id
    return table


def with_canonical_parts(criterion: Criterion, aliases: dict[str, str]) -> Criterion:
    """A composed criterion that names a part by an old id names it by its id."""
    parts = [aliases.get(part, part) for part in criterion.spec.composed_of]
    if parts == criterion.spec.composed_of:
        return criterion
    return replace(criterion, spec=criterion.spec.model_copy(update={"composed_of": parts}))


def composition_problems(criteria: dict[str, Criterion]) -> list[Problem]:
    """Parts that do not exist or are composed themselves; criteria with both checks and parts."""
    problems: list[Problem] = []
    for criterion in criteria.values():
        for index, part in enumerate(criterion.spec.composed_of):
            where = criterion.doc.locate(("composed_of", index))
            if part not in criteria:
                hint = suggest(part, criteria) or "name a criterion id from the pack"
                problems.append(Problem(where, f"unknown criterion {part!r}", hint, "criteria"))
            elif criteria[part].spec.composed_of:
                problems.append(
                    Problem(where, f"{part!r} is itself composed", "compose only criteria that have checks", "criteria")
                )
        if criterion.spec.composed_of and criterion.spec.checks:
            message, hint = (
                "a criterion has either checks or composed_of, not both",
                "move the checks into a criterion of their own",
            )
            problems.append(Problem(criterion.doc.locate(("composed_of",)), message, hint, "criteria"))
    return problems

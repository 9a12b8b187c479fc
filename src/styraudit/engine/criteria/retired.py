"""Retired ids. A criterion that stood for a whole legal provision (KL 6 kap. 6 §) and pulled in
every part of it was dissolved: the provision is now the authority its specific criteria cite.
Its id is kept as *retired*, not as an alias: resolving it to all its successors would bring back
the coupling the scope rule removed (a question would again be judged on parts it never chose),
and resolving it to one would be a guess. So wherever a user names it (an audit question, a
configuration, a waiver, a baseline) the tool stops with a located message naming the criteria
that replace it, and the user links the ones the question examines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...errors import Location, Problem
from ...load.yamldoc import YamlDocument
from .spec import RetiredSpec


@dataclass(frozen=True)
class Retired:
    """A retired id, where it is declared, and what replaces it."""

    spec: RetiredSpec
    doc: YamlDocument

    @property
    def id(self) -> str:
        return self.spec.id

    def problem(self, where: Location, category: str) -> Problem:
        """The located message for a place that still names this id."""
        info = self.spec.retired
        message = (
            f"criterion {self.id!r} is retired: {info.citation} is now the authority of the criteria "
            f"that replace it ({', '.join(info.replaced_by)})"
        )
        hint = f"name instead the ones this place means, of: {', '.join(info.replaced_by)} (declared at {self.doc.locate(('retired',))})"
        return Problem(where, message, hint, category)


def retired_problems(retired: dict[str, Retired], criteria: dict[str, object], aliases: dict[str, str]) -> list[Problem]:
    """A retired id that is still a criterion's id or alias, or that names a successor the pack lacks."""
    from ...load.refs import suggest

    problems: list[Problem] = []
    for item in retired.values():
        if item.id in criteria or item.id in aliases:
            where = item.doc.locate(("id",))
            problems.append(
                Problem(where, f"retired id {item.id!r} still names a criterion", "retire it or keep it, not both", "criteria")
            )
        for index, ident in enumerate(item.spec.retired.replaced_by):
            if ident not in criteria and ident not in aliases:
                where = item.doc.locate(("retired", "replaced_by", index))
                hint = suggest(ident, criteria) or "name a criterion id from the pack"
                problems.append(Problem(where, f"unknown criterion {ident!r}", hint, "criteria"))
    return problems


def with_canonical_successors(item: Retired, aliases: dict[str, str]) -> Retired:
    """A retirement naming a successor by its old id names it by its id."""
    info = item.spec.retired
    names = list(dict.fromkeys(aliases.get(i, i) for i in info.replaced_by))
    retired = info.model_copy(update={"replaced_by": names})
    return replace(item, spec=item.spec.model_copy(update={"retired": retired}))

"""Display names of a case's ids, for every text that names an actor: a body's name, a group's,
a role's title in the definite form running text needs ("regiondirektören"), a document's title."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ..load.refs import defined_ids
from ..model.case import Case
from .swedish import definite


class Names:
    """`names(ident)` is the id's display name, or the id itself when the case does not define it."""

    def __init__(self, case: Case, index: dict[str, tuple[str, tuple[str | int, ...]]] | None = None) -> None:
        self.case = case
        if index is not None:  # the case's id index made already (engine/context.py), which is this one
            self._index = index

    @cached_property
    def _index(self) -> dict[str, tuple[str, tuple[str | int, ...]]]:
        return {ident: (kind, path[:-1]) for ident, kind, path in defined_ids(self.case)}

    def __call__(self, ident: str) -> str:
        found = self._index.get(ident)
        if found is None:
            return ident
        kind, path = found
        node: Any = self.case
        for part in path:
            node = node[part] if isinstance(part, int) else getattr(node, part)
        if kind == "role":
            return node.definite or definite(node.title)
        return getattr(node, "name", None) or getattr(node, "title", None) or ident


def actor_names(case: Case) -> list[str]:
    """The display names of every body, administration, group and role: what a finding names as its actor."""
    name = Names(case)
    ids = [b.id for b in case.bodies] + [a.id for a in case.administrations] + [g.id for g in case.groups]
    return [name(i) for i in ids + [r.id for r in case.roles]]

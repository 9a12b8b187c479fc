"""The ids a criteria pack answers to, read without loading the pack.

`validate` checks that the criteria an audit's questions name exist. Loading the pack for that
(every check registered, every text parsed, every parameter validated) costs more than the rest
of `validate` together, so it first reads only each file's `id`, `aliases` and whether it is
retired, with the same loader and limits as the full load. When every id a case names is known
the answer is the same as the pack's; when one is not, or a file cannot be read this way, the
caller loads the full pack, which gives the located message with its did-you-mean.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...load.limits import Limits
from ...load.yamldoc import load_file
from .files import criteria_files, display_path


@dataclass(frozen=True)
class PackNames:
    """The ids and old ids (aliases) that name a criterion of the pack; retired ids name none."""

    names: frozenset[str]

    def knows(self, ident: str) -> bool:
        """Whether the full pack resolves this id (as `CriteriaPack.resolve` does)."""
        return ident in self.names


def pack_names(directories: list[Path], limits: Limits) -> PackNames | None:
    """The pack's names as `load_pack` would make them, or None when a file does not read as a
    criterion or a retirement (the full load then reports it at its place)."""
    criteria: dict[str, tuple[str, ...]] = {}
    try:
        files = criteria_files(directories)
        for path, folder in files:
            doc = load_file(str(path), display_path(path), limits=limits, within=str(folder) if folder else None)
            data = doc.data
            if not isinstance(data, dict) or not isinstance(data.get("id"), str):
                return None
            aliases = data.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                return None
            criteria.pop(data["id"], None)  # a later file with the same id replaces the earlier one
            if "retired" not in data:
                criteria[data["id"]] = tuple(aliases)
    except InputError:
        return None
    return PackNames(frozenset(_names(criteria.items())))


def _names(criteria: Iterable[tuple[str, tuple[str, ...]]]) -> set[str]:
    found: set[str] = set()
    for ident, aliases in criteria:
        found.add(ident)
        found.update(aliases)
    return found

"""The one registry of checks. Built-ins and third-party packs register through the same
entry-point group, `styraudit.checks`; each entry point names a `Check` object."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from .context import CheckContext
from .results import CheckResult

ENTRY_POINT_GROUP = "styraudit.checks"


class Params(BaseModel):
    """Base of every check's parameter model: unknown parameters are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Check:
    """A named, parameterised, pure function over a case.

    `codes` maps every finding code the check can emit to a one-line English description; a
    criterion must give a Swedish text for each, so no finding is ever left without words.
    """

    id: str
    summary: str
    params: type[Params]
    codes: Mapping[str, str]
    run: Callable[[CheckContext, Any], CheckResult] = field(repr=False)
    doc: str = ""


_REGISTRY: dict[str, Check] = {}
_LOADED = False


def register(check: Check) -> Check:
    """Add a check to the registry (tests and plugins may call this directly)."""
    _REGISTRY[check.id] = check
    return check


def _load_entry_points() -> None:
    global _LOADED
    if _LOADED:
        return
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        check = entry.load()
        if not isinstance(check, Check) or check.id != entry.name:
            raise TypeError(f"entry point {entry.name!r} in {ENTRY_POINT_GROUP} must name a Check with that id")
        _REGISTRY.setdefault(check.id, check)
    _LOADED = True


def checks() -> dict[str, Check]:
    """Every registered check by id, sorted."""
    _load_entry_points()
    return dict(sorted(_REGISTRY.items()))

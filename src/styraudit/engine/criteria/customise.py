"""A configuration's changes to a loaded pack: severities, and check parameters validated by the
same validator as a criteria file's, so an unknown parameter reads alike in both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ...errors import InputError, Location, Problem
from ...load.refs import suggest
from ..outcome import Severity
from .pack import CriteriaPack, Criterion
from .params import validate_params

# where(*path, key=False) -> the place of a setting in the configuration, e.g. where("params", "x", "y")
Where = Callable[..., Location]


def customise(
    pack: CriteriaPack, severity: dict[str, Severity], params: dict[str, dict[str, dict[str, Any]]], where: Where
) -> CriteriaPack:
    """Apply a configuration's severities and check parameters; `where(*path)` locates a setting for errors."""
    problems: list[Problem] = []
    criteria = dict(pack.criteria)
    for section, table in (("severity", severity), ("params", params)):
        for ident in table:
            if pack.resolve(ident) is None:
                problems.append(pack.unknown(ident, where(section, ident), "config"))
    for ident, level in severity.items():  # an old id (alias) names its criterion here too
        if canonical := pack.resolve(ident):
            criterion = criteria[canonical]
            criteria[canonical] = replace(criterion, spec=criterion.spec.model_copy(update={"severity": level}))
    for ident, by_check in params.items():
        if canonical := pack.resolve(ident):
            located = lambda *p, i=ident, **k: where("params", i, *p, **k)  # noqa: E731
            criteria[canonical] = _with_params(criteria[canonical], by_check, located, problems)
    if problems:
        raise InputError(problems)
    return replace(pack, criteria=criteria)


def _with_params(criterion: Criterion, by_check: dict[str, dict[str, Any]], where: Where, problems: list[Problem]) -> Criterion:
    bound = {b.check.id: b for b in criterion.checks}
    checks_out = list(criterion.checks)
    for check_id, values in by_check.items():
        current = bound.get(check_id)
        if current is None:
            hint = suggest(check_id, bound) or f"its checks: {', '.join(bound)}"
            problems.append(Problem(where(check_id), f"criterion {criterion.id} has no check {check_id!r}", hint, "config"))
            continue
        locate = lambda path, key=False, c=check_id: where(c, *path, key=key)  # noqa: E731
        merged = validate_params(current.check, {**current.params.model_dump(), **values}, locate, "config", problems)
        if merged is not None:
            checks_out[checks_out.index(current)] = replace(current, params=merged)
    return replace(criterion, checks=tuple(checks_out)).settled()

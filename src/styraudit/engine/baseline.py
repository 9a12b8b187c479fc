"""Baselines let a repository adopt the gate without fixing everything first: deficient results
recorded in the baseline are still shown, but only new ones fail the run.

Keys are criterion + case id + YAML path of the decisive fact, never line numbers, so editing
elsewhere in a file does not turn an old finding into a new one. Keys are written with the
criterion's id; a key written with one of its old ids (an alias) still matches after a rename.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem
from ..load.files import read_regular
from .results import CaseResult, CriterionResult

SCHEMA = "styraudit-baseline/1"


def finding_key(case_id: str | None, criterion: CriterionResult) -> str:
    return f"{criterion.criterion}|{case_id or ''}|{criterion.key_path}"


def baseline_keys(result: CaseResult) -> list[str]:
    """The keys of a case's deficient results, as a baseline records them."""
    return [finding_key(result.case_id, c) for c in result.criteria if c.deficient and c.waiver is None]


def baseline_text(keys: list[str]) -> str:
    return json.dumps({"schema": SCHEMA, "findings": sorted(set(keys))}, ensure_ascii=False, indent=1) + "\n"


def load_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(read_regular(str(path)).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            [
                Problem(
                    Location(str(path)),
                    f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}",
                    "write one with --write-baseline",
                    "baseline",
                )
            ]
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError([Problem(Location(str(path)), f"not a {SCHEMA} file", "write one with --write-baseline", "baseline")])
    return frozenset(str(k) for k in data["findings"])


def apply_baseline(result: CaseResult, keys: frozenset[str]) -> CaseResult:
    if not keys or not result.loaded:
        return result
    criteria = tuple(replace(c, baselined=True) if c.deficient and _recorded(result, c, keys) else c for c in result.criteria)
    return replace(result, criteria=criteria)


def _recorded(result: CaseResult, criterion: CriterionResult, keys: frozenset[str]) -> bool:
    """Whether the baseline has the result's key, under the criterion's id or one of its old ids."""
    key = finding_key(result.case_id, criterion)
    rest = key[len(criterion.criterion) :]
    return any(ident + rest in keys for ident in (criterion.criterion, *criterion.aliases))


def retired_keys(keys: frozenset[str], pack: Any, path: Path) -> list[Problem]:
    """Keys written with a retired criterion id: each a problem at its line, naming what replaces it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    for key in sorted(keys):
        ident = key.split("|", 1)[0]
        if ident in pack.retired:
            quoted = json.dumps(key, ensure_ascii=False)
            at = next(((n, text.index(quoted) + 1) for n, text in enumerate(lines, 1) if quoted in text), (0, 0))
            where = Location(str(path), *at)
            problems.append(pack.unknown(ident, where, "baseline"))
    return problems

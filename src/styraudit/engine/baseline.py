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
from ..load.limits import DEFAULT_LIMITS, Limits
from ..text.i18n import _
from .results import CaseResult, CriterionResult

SCHEMA = "styraudit-baseline/1"


def finding_key(case_id: str | None, criterion: CriterionResult) -> str:
    return f"{criterion.criterion}|{case_id or ''}|{criterion.key_path}"


def baseline_keys(result: CaseResult) -> list[str]:
    """The keys of a case's deficient results, as a baseline records them."""
    return [finding_key(result.case_id, c) for c in result.criteria if c.deficient and c.waiver is None]


def baseline_text(keys: list[str]) -> str:
    return json.dumps({"schema": SCHEMA, "findings": sorted(set(keys))}, ensure_ascii=False, indent=1) + "\n"


def load_baseline(path: Path, limits: Limits = DEFAULT_LIMITS) -> frozenset[str]:
    """The keys of a baseline file, read like any input: a regular file, bounded in size, its
    structure checked before use (a /dev/zero, a 300 MB file or JSON nested 100,000 deep is
    a message naming the file, not a crash)."""
    raw = read_regular(path, max_bytes=limits.max_baseline_bytes, what=_("the baseline"), limit="max_baseline_bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise _problem(path, "the baseline nests too deep to be a baseline") from None
    except ValueError as exc:  # bad UTF-8 or bad JSON; the message says where, never what
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise _problem(path, f"the baseline is not valid JSON{where}") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(findings, list):
        raise _problem(path, f"not a {SCHEMA} file")
    if not all(isinstance(key, str) for key in findings):
        raise _problem(path, "every finding of a baseline is a text key")
    return frozenset(findings)


def _problem(path: Path, message: str) -> InputError:
    return InputError([Problem(Location(str(path)), message, "write one with --write-baseline", "baseline")])


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

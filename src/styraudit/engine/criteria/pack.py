"""Criteria packs: YAML files binding registered checks to their authority and Swedish texts.

Loading validates everything up front — unknown checks and parameters, missing or unknown
finding codes, template syntax, composition cycles — so a broken pack fails before any case
is judged, with file:line:col of the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template
from pydantic import ValidationError

from ...errors import InputError, Location, Problem
from ...load.limits import DEFAULT_LIMITS, Limits
from ...load.refs import suggest
from ...load.resources import data_dir
from ...load.yamldoc import YamlDocument, load_file
from ..outcome import Outcome
from ..registry import Check, checks
from .binding import BoundCheck, bind, compile_text
from .spec import CriterionSpec, schema_problem


@dataclass(frozen=True)
class Criterion:
    spec: CriterionSpec
    checks: tuple[BoundCheck, ...]
    assessment: dict[Outcome, Template]
    recommendation: Template | None
    doc: YamlDocument

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class CriteriaPack:
    criteria: dict[str, Criterion]

    def ordered(self) -> list[Criterion]:
        """Criteria with checks first, composed ones after their parts; each group by (order, id)."""
        key = lambda c: (bool(c.spec.composed_of), c.spec.order, c.id)  # noqa: E731
        return sorted(self.criteria.values(), key=key)


def display_path(path: Path) -> str:
    """How a criteria file is named in messages: relative to the working directory when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def default_pack_dir() -> Path:
    return data_dir("criteria")


def load_pack(directories: list[Path], limits: Limits = DEFAULT_LIMITS) -> CriteriaPack:
    """Load criteria from each directory (or file) in turn; a later criterion with the same id replaces an earlier one."""
    from ...text.jinja import environment

    env = environment()
    registry = checks()
    criteria: dict[str, Criterion] = {}
    problems: list[Problem] = []
    for path in _criteria_files(directories):
        try:
            criterion = _load_criterion(path, env, registry, limits)
            criteria[criterion.id] = criterion
        except InputError as error:
            problems.extend(error.problems)
    problems.extend(_composition_problems(criteria))
    if problems:
        raise InputError(problems)
    return CriteriaPack(criteria)


def _criteria_files(directories: list[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        if directory.is_file():
            files.append(directory)
        elif directory.is_dir():
            files.extend(sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            raise InputError(
                [Problem(Location(str(directory)), "no such criteria file or directory", "check the --criteria path", "usage")]
            )
    return files


def _load_criterion(path: Path, env: Any, registry: dict[str, Check], limits: Limits) -> Criterion:
    doc = load_file(str(path), display_path(path), limits=limits)
    try:
        spec = CriterionSpec.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([schema_problem(doc, e) for e in exc.errors(include_url=False)]) from None
    problems: list[Problem] = []
    bound = [b for i, binding in enumerate(spec.checks) if (b := bind(doc, env, registry, i, binding, problems))]
    assessment = {
        o: t for o, text in spec.assessment.items() if (t := compile_text(doc, env, ("assessment", o.value), text, problems))
    }
    for outcome in Outcome:
        if outcome not in spec.assessment:
            message, hint = f"no assessment text for the outcome {outcome.value!r}", f"add `{outcome.value}:` under assessment"
            problems.append(Problem(doc.locate(("assessment",)), message, hint, "criteria"))
    recommendation = spec.recommendation and compile_text(
        doc, env, ("recommendation", "text"), spec.recommendation.text, problems
    )
    if problems:
        raise InputError(problems)
    return Criterion(spec, tuple(bound), assessment, recommendation or None, doc)


def _composition_problems(criteria: dict[str, Criterion]) -> list[Problem]:
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

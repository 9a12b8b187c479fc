"""Criteria packs: YAML files binding registered checks to their authority and Swedish texts.

Loading validates everything up front — unknown checks and parameters, missing or unknown
finding codes, template syntax, composition cycles — so a broken pack fails before any case
is judged, with file:line:col of the mistake.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateSyntaxError
from pydantic import Field, ValidationError

from ..errors import InputError, Location, Problem, quoted
from ..load.limits import DEFAULT_LIMITS, Limits
from ..load.refs import suggest
from ..load.resources import data_dir
from ..load.yamldoc import YamlDocument, load_file
from ..model.base import StrictModel
from ..model.paths import dotted
from .outcome import Outcome, Severity
from .registry import Check, checks


class Authority(StrictModel):
    kind: str = Field(pattern="^(law|council_decision|regulation|good_practice)$")
    citation: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    text: str | None = None


class CheckBinding(StrictModel):
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    texts: dict[str, str] = Field(default_factory=dict)


class RecommendationSpec(StrictModel):
    text: str = Field(min_length=1)
    addressees: list[str] = Field(min_length=1)


class CriterionSpec(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    title: str = Field(min_length=1)
    theme: str = Field(min_length=1)
    order: int = 100
    authority: Authority
    requirement: str = Field(min_length=1)
    severity: Severity = Severity.medium
    applies_if: list[str] = Field(default_factory=list)
    checks: list[CheckBinding] = Field(default_factory=list)
    composed_of: list[str] = Field(default_factory=list)
    assessment: dict[Outcome, str]
    recommendation: RecommendationSpec | None = None


@dataclass(frozen=True)
class BoundCheck:
    check: Check
    params: Any
    texts: dict[str, Template]


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
    try:  # abspath, not resolve: a symbolic link is named as the user wrote it, not as what it points to
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(os.getcwd())).as_posix()
    except ValueError:
        return str(path)


def default_pack_dir() -> Path:
    return data_dir("criteria")


def load_pack(directories: list[Path], limits: Limits = DEFAULT_LIMITS) -> CriteriaPack:
    """Load criteria from each directory (or file) in turn; a later criterion with the same id replaces an earlier one."""
    from ..text.jinja import environment

    env = environment()
    registry = checks()
    criteria: dict[str, Criterion] = {}
    problems: list[Problem] = []
    for path, folder in _criteria_files(directories):
        try:
            criterion = _load_criterion(path, env, registry, limits, folder)
            criteria[criterion.id] = criterion
        except InputError as error:
            problems.extend(error.problems)
    problems.extend(_composition_problems(criteria))
    if problems:
        raise InputError(problems)
    return CriteriaPack(criteria)


def _criteria_files(directories: list[Path]) -> list[tuple[Path, Path | None]]:
    """(file, the folder it must lie in): a file named directly may be anywhere, a file found in a folder must be in it."""
    files: list[tuple[Path, Path | None]] = []
    for directory in directories:
        if directory.is_file():
            files.append((directory, None))
        elif directory.is_dir():
            files.extend((p, directory) for p in sorted(directory.iterdir()) if p.suffix in (".yaml", ".yml"))
        else:
            raise InputError(
                [Problem(Location(str(directory)), "no such criteria file or directory", "check the --criteria path", "usage")]
            )
    return files


def _load_criterion(path: Path, env: Any, registry: dict[str, Check], limits: Limits, folder: Path | None = None) -> Criterion:
    doc = load_file(str(path), display_path(path), limits=limits, within=str(folder) if folder else None)
    try:
        spec = CriterionSpec.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([_schema_problem(doc, e) for e in exc.errors(include_url=False)]) from None
    problems: list[Problem] = []
    bound = [b for i, binding in enumerate(spec.checks) if (b := _bind(doc, env, registry, i, binding, problems))]
    assessment = {
        o: t for o, text in spec.assessment.items() if (t := _compile(doc, env, ("assessment", o.value), text, problems))
    }
    for outcome in Outcome:
        if outcome not in spec.assessment:
            problems.append(
                Problem(
                    doc.locate(("assessment",)),
                    f"no assessment text for the outcome {outcome.value!r}",
                    f"add `{outcome.value}:` under assessment",
                    "criteria",
                )
            )
    recommendation = (
        _compile(doc, env, ("recommendation", "text"), spec.recommendation.text, problems) if spec.recommendation else None
    )
    if problems:
        raise InputError(problems)
    return Criterion(spec, tuple(bound), assessment, recommendation, doc)


def _bind(
    doc: YamlDocument, env: Any, registry: dict[str, Check], index: int, binding: CheckBinding, problems: list[Problem]
) -> BoundCheck | None:
    where = ("checks", index)
    check = registry.get(binding.check)
    if check is None:
        hint = suggest(binding.check, registry) or f"registered checks: {', '.join(registry)}"
        problems.append(Problem(doc.locate((*where, "check")), f"unknown check {binding.check!r}", hint, "criteria"))
        return None
    try:
        params = check.params.model_validate(binding.params)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            key = str(error["loc"][0]) if error["loc"] else ""
            known = ", ".join(check.params.model_fields) or "none"
            if error["type"] == "extra_forbidden":
                message, hint = (
                    f"unknown parameter {key!r} for check {check.id}",
                    suggest(key, check.params.model_fields) or f"parameters of {check.id}: {known}",
                )
            else:
                message, hint = (
                    f"parameter{' ' + dotted(tuple(error['loc'])) if key else 's'}: {error['msg']}",
                    f"parameters of {check.id}: {known}",
                )
            problems.append(Problem(doc.locate((*where, "params", *error["loc"]), key=True), message, hint, "criteria"))
        return None
    texts: dict[str, Template] = {}
    for code, text in binding.texts.items():
        if code not in check.codes:
            hint = suggest(code, check.codes) or f"codes of {check.id}: {', '.join(check.codes)}"
            problems.append(
                Problem(
                    doc.locate((*where, "texts", code), key=True),
                    f"check {check.id} has no finding code {code!r}",
                    hint,
                    "criteria",
                )
            )
        elif template := _compile(doc, env, (*where, "texts", code), text, problems):
            texts[code] = template
    for code, text in default_texts(check.id).items():
        if code in check.codes and code not in texts and code not in binding.texts:
            texts[code] = env.from_string(text)
    for code in check.codes:
        if code not in binding.texts and code not in texts:
            problems.append(
                Problem(
                    doc.locate((*where, "texts")),
                    f"no text for the finding code {code!r} of check {check.id}",
                    f"add `{code}:` under texts ({check.codes[code]})",
                    "criteria",
                )
            )
    return BoundCheck(check, params, texts)


def default_texts(check_id: str) -> dict[str, str]:
    """A check's shipped Swedish default texts (templates/checks/<id>.yaml); a criterion's own texts win."""
    path = data_dir("templates") / "checks" / f"{check_id}.yaml"
    return load_file(str(path)).data if path.is_file() else {}


def _compile(doc: YamlDocument, env: Any, path: tuple[str | int, ...], text: str, problems: list[Problem]) -> Template | None:
    try:
        return env.from_string(text)
    except TemplateSyntaxError as exc:
        where = doc.locate(path)
        line = where.line + (exc.lineno or 1) - 1 if where.line else 0
        problems.append(
            Problem(
                Location(where.file, line, where.column if line == where.line else 1),
                f"template syntax: {exc.message}",
                "check the {{ }} and {% %} pairs in this text",
                "template",
            )
        )
        return None
    except Exception as exc:  # ((((… nested past what the parser can follow, a 5,000-digit number
        reason = "it nests too deep" if isinstance(exc, RecursionError) else str(exc)[:200] or type(exc).__name__
        problems.append(Problem(doc.locate(path), f"the text cannot be read: {reason}", "simplify the expression", "template"))
        return None


def _schema_problem(doc: YamlDocument, error: Any) -> Problem:
    path = tuple(p for p in error["loc"] if isinstance(p, int | str))
    if error["type"] == "extra_forbidden":
        hint = suggest(str(path[-1]), CriterionSpec.model_fields) or "remove it"
        return Problem(doc.locate(path, key=True), f"unknown key {quoted(path[-1])}", hint, "criteria")
    where = dotted(path)
    return Problem(
        doc.locate(path), f"{where}: {error['msg']}", "see `styraudit criteria show` for a complete example", "criteria"
    )


def _composition_problems(criteria: dict[str, Criterion]) -> list[Problem]:
    problems: list[Problem] = []
    for criterion in criteria.values():
        for index, part in enumerate(criterion.spec.composed_of):
            if part not in criteria:
                problems.append(
                    Problem(
                        criterion.doc.locate(("composed_of", index)),
                        f"unknown criterion {part!r}",
                        suggest(part, criteria) or "name a criterion id from the pack",
                        "criteria",
                    )
                )
            elif criteria[part].spec.composed_of:
                problems.append(
                    Problem(
                        criterion.doc.locate(("composed_of", index)),
                        f"{part!r} is itself composed",
                        "compose only criteria that have checks",
                        "criteria",
                    )
                )
        if criterion.spec.composed_of and criterion.spec.checks:
            problems.append(
                Problem(
                    criterion.doc.locate(("composed_of",)),
                    "a criterion has either checks or composed_of, not both",
                    "move the checks into a criterion of their own",
                    "criteria",
                )
            )
    return problems


def customise(
    pack: CriteriaPack, severity: dict[str, Severity], params: dict[str, dict[str, dict[str, Any]]], where: Any
) -> CriteriaPack:
    """Apply a configuration's severities and check parameters; `where(*path)` locates a setting for errors."""
    problems: list[Problem] = []
    criteria = dict(pack.criteria)
    for section, table in (("severity", severity), ("params", params)):
        for ident in table:
            if ident not in criteria:
                problems.append(
                    Problem(
                        where(section, ident),
                        f"unknown criterion {ident!r}",
                        suggest(ident, criteria) or "see `styraudit criteria list`",
                        "config",
                    )
                )
    for ident, level in severity.items():
        if ident in criteria:
            criterion = criteria[ident]
            criteria[ident] = replace(criterion, spec=criterion.spec.model_copy(update={"severity": level}))
    for ident, by_check in params.items():
        if ident in criteria:
            criteria[ident] = _with_params(criteria[ident], by_check, lambda *p, i=ident: where("params", i, *p), problems)
    if problems:
        raise InputError(problems)
    return CriteriaPack(criteria)


def _with_params(criterion: Criterion, by_check: dict[str, dict[str, Any]], where: Any, problems: list[Problem]) -> Criterion:
    bound = {b.check.id: b for b in criterion.checks}
    checks_out = list(criterion.checks)
    for check_id, values in by_check.items():
        if check_id not in bound:
            problems.append(
                Problem(
                    where(check_id),
                    f"criterion {criterion.id} has no check {check_id!r}",
                    suggest(check_id, bound) or f"its checks: {', '.join(bound)}",
                    "config",
                )
            )
            continue
        current = bound[check_id]
        try:
            merged = current.check.params.model_validate({**current.params.model_dump(), **values})
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                problems.append(
                    Problem(
                        where(check_id, *error["loc"]),
                        f"parameter {dotted(tuple(error['loc']))}: {error['msg']}",
                        f"parameters of {check_id}: {', '.join(current.check.params.model_fields)}",
                        "config",
                    )
                )
            continue
        checks_out[checks_out.index(current)] = replace(current, params=merged)
    return replace(criterion, checks=tuple(checks_out))

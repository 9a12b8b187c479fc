"""Criteria packs: YAML files binding registered checks to their authority and Swedish texts.

Loading validates everything up front — unknown checks and parameters, missing or unknown
finding codes, template syntax, composition cycles — so a broken pack fails before any case
is judged, with file:line:col of the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...errors import InputError, Location, Problem
from ...load.limits import DEFAULT_LIMITS, Limits
from ...load.yamldoc import YamlDocument, load_file
from ...text.lazy import LazyTemplate
from ..outcome import Outcome
from ..registry import Check, checks
from ..render import render
from .binding import BoundCheck, bind, params_shape
from .files import criteria_files, default_pack_dir, display_path  # noqa: F401 (default_pack_dir: also named from here)
from .ids import alias_table, composition_problems, with_canonical_parts
from .retired import Retired, retired_problems, with_canonical_successors
from .spec import CriterionSpec, RetiredSpec, schema_problem
from .texts import TextNames, compile_text

JINJA_MARKS = ("{{", "{%", "{#")


@dataclass(frozen=True)
class Criterion:
    """A loaded criterion. `spec.requirement` is its requirement rendered for the parameters in
    force (a requirement may say `{{ params.follow_up_cadence.max_gap_months|every_sv("månad") }}`);
    `requirement_template` is what it is rendered from again when a configuration changes them."""

    spec: CriterionSpec
    checks: tuple[BoundCheck, ...]
    assessment: dict[Outcome, LazyTemplate]
    recommendation: LazyTemplate | None
    doc: YamlDocument
    requirement_template: LazyTemplate | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    @cached_property
    def text_params(self) -> dict[str, dict[str, Any]]:
        """`params` in the criterion's own texts: each check's parameters by check id (the first binding of an id)."""
        found: dict[str, dict[str, Any]] = {}
        for bound in self.checks:
            found.setdefault(bound.check.id, bound.text_params)
        return found

    def settled(self) -> Criterion:
        """The criterion with its requirement rendered for its current parameters."""
        if self.requirement_template is None:
            return self
        where = self.doc.locate(("requirement",))
        text = render(self.requirement_template, {"params": self.text_params}, where, collapse=False).strip()
        return replace(self, spec=self.spec.model_copy(update={"requirement": text}))


@dataclass(frozen=True)
class CriteriaPack:
    """The criteria by id, and the old ids (aliases) that still name them."""

    criteria: dict[str, Criterion]
    aliases: dict[str, str] = field(default_factory=dict)
    retired: dict[str, Retired] = field(default_factory=dict)

    def unknown(self, ident: str, where: Location, category: str) -> Problem:
        """The problem for an id the pack cannot resolve: retired (naming what replaces it) or unknown (did-you-mean)."""
        if ident in self.retired:
            return self.retired[ident].problem(where, category)
        from ...load.refs import suggest

        hint = suggest(ident, self.known()) or "see `styraudit criteria list`"
        return Problem(where, f"unknown criterion {ident!r}", hint, category)

    def resolve(self, ident: str) -> str | None:
        """The canonical id for an id or an old one (an alias), or None when the pack has neither."""
        return ident if ident in self.criteria else self.aliases.get(ident)

    def get(self, ident: str) -> Criterion | None:
        """The criterion an id or an alias names."""
        canonical = self.resolve(ident)
        return self.criteria[canonical] if canonical else None

    def known(self) -> list[str]:
        """Every id and alias, for did-you-mean hints."""
        return [*self.criteria, *self.aliases]

    def ordered(self) -> list[Criterion]:
        """Criteria with checks first, composed ones after their parts; each group by (order, id)."""
        key = lambda c: (bool(c.spec.composed_of), c.spec.order, c.id)  # noqa: E731
        return sorted(self.criteria.values(), key=key)


def load_pack(directories: list[Path], limits: Limits = DEFAULT_LIMITS) -> CriteriaPack:
    """Load criteria from each directory (or file) in turn; a later criterion with the same id replaces an earlier one."""
    from ...text.jinja import environment

    env = environment()
    registry = checks()
    criteria: dict[str, Criterion] = {}
    retired: dict[str, Retired] = {}
    problems: list[Problem] = []
    for path, folder in criteria_files(directories):
        try:
            loaded = _load_criterion(path, env, registry, limits, folder)
            if isinstance(loaded, Retired):
                retired[loaded.id] = loaded
                criteria.pop(loaded.id, None)  # a later pack retiring an id replaces the earlier criterion
            else:
                criteria[loaded.id] = loaded
                retired.pop(loaded.id, None)
        except InputError as error:
            problems.extend(error.problems)
    aliases = alias_table(criteria, problems)
    criteria = {ident: with_canonical_parts(c, aliases) for ident, c in criteria.items()}
    problems.extend(composition_problems(criteria))
    problems.extend(retired_problems(retired, criteria, aliases))
    retired = {ident: with_canonical_successors(r, aliases) for ident, r in retired.items()}
    if problems:
        raise InputError(problems)
    return CriteriaPack(criteria, aliases, retired)


def _load_criterion(
    path: Path, env: Any, registry: dict[str, Check], limits: Limits, folder: Path | None = None
) -> Criterion | Retired:
    doc = load_file(str(path), display_path(path), limits=limits, within=str(folder) if folder else None)
    if isinstance(doc.data, dict) and "retired" in doc.data:
        try:
            return Retired(RetiredSpec.model_validate(doc.data), doc)
        except ValidationError as exc:
            raise InputError([schema_problem(doc, e) for e in exc.errors(include_url=False)]) from None
    try:
        spec = CriterionSpec.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([schema_problem(doc, e) for e in exc.errors(include_url=False)]) from None
    problems: list[Problem] = []
    bound = tuple(b for i, binding in enumerate(spec.checks) if (b := bind(doc, env, registry, i, binding, problems)))
    # A check that failed to bind has its own error already; texts naming its parameters are not blamed too.
    shape: dict[str, Any] = {binding.check: None for binding in spec.checks}
    shape |= {b.check.id: params_shape(b.check) for b in bound}
    names = TextNames(frozenset({"outcome", "parts", "owner", "found"}), shape)
    assessment = {
        o: t
        for o, text in spec.assessment.items()
        if (t := compile_text(doc, env, ("assessment", o.value), text, problems, names))
    }
    for outcome in Outcome:
        if outcome not in spec.assessment:
            message, hint = f"no assessment text for the outcome {outcome.value!r}", f"add `{outcome.value}:` under assessment"
            problems.append(Problem(doc.locate(("assessment",)), message, hint, "criteria"))
    recommendation = None
    if spec.recommendation:
        with_addressees = replace(names, values=names.values | {"addressees"})
        recommendation = compile_text(doc, env, ("recommendation", "text"), spec.recommendation.text, problems, with_addressees)
    requirement = None
    if any(mark in spec.requirement for mark in JINJA_MARKS):  # plain prose stays exactly as written
        requirement = compile_text(doc, env, ("requirement",), spec.requirement, problems, replace(names, values=frozenset()))
    if problems:
        raise InputError(problems)
    return Criterion(spec, bound, assessment, recommendation, doc, requirement).settled()

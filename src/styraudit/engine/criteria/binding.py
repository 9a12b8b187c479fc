"""Binding a criterion's checks: its parameters validated, its Swedish texts compiled, one for
every finding code the check declares (the criterion's own, else the check's shipped default)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from ...errors import Problem
from ...load.refs import suggest
from ...load.resources import data_dir
from ...load.yamldoc import YamlDocument, load_file
from ...model.paths import YamlPath
from ...text.lazy import LazyTemplate
from ..registry import Check
from .params import validate_params
from .spec import CheckBinding
from .texts import TextNames, compile_text


@dataclass(frozen=True)
class BoundCheck:
    check: Check
    params: Any
    texts: dict[str, LazyTemplate]

    @cached_property
    def text_params(self) -> dict[str, Any]:
        """The parameters as the texts see them (`params.max_gap_months`): plain data."""
        return self.params.model_dump(mode="json")


def params_shape(check: Check) -> dict[str, None]:
    """What `params` holds in the texts of this check's findings: its parameter names."""
    return dict.fromkeys(check.params.model_fields)


def bind(
    doc: YamlDocument, env: Any, registry: dict[str, Check], index: int, binding: CheckBinding, problems: list[Problem]
) -> BoundCheck | None:
    """The check of `checks[index]` with its parameters and texts, or None after adding its problems."""
    where: YamlPath = ("checks", index)
    check = registry.get(binding.check)
    if check is None:
        hint = suggest(binding.check, registry) or f"registered checks: {', '.join(registry)}"
        problems.append(Problem(doc.locate((*where, "check")), f"unknown check {binding.check!r}", hint, "criteria"))
        return None
    locate = lambda path, key=False: doc.locate((*where, "params", *path), key=key)  # noqa: E731
    params = validate_params(check, binding.params, locate, "criteria", problems)
    if params is None:
        return None
    return BoundCheck(check, params, _texts(doc, env, check, where, binding, problems))


def _texts(
    doc: YamlDocument, env: Any, check: Check, where: YamlPath, binding: CheckBinding, problems: list[Problem]
) -> dict[str, LazyTemplate]:
    texts: dict[str, LazyTemplate] = {}
    for code, text in binding.texts.items():
        if code not in check.codes:
            hint = suggest(code, check.codes) or f"codes of {check.id}: {', '.join(check.codes)}"
            message = f"check {check.id} has no finding code {code!r}"
            problems.append(Problem(doc.locate((*where, "texts", code), key=True), message, hint, "criteria"))
        else:
            names = TextNames(frozenset({*check.codes[code].values, "outcome"}), params_shape(check))
            if template := compile_text(doc, env, (*where, "texts", code), text, problems, names):
                texts[code] = template
    defaults = default_texts(check.id)
    for code in check.codes:
        if code in binding.texts:
            continue
        if code in defaults:
            texts[code] = LazyTemplate(env, defaults[code])
        else:
            message = f"no text for the finding code {code!r} of check {check.id}"
            hint = f"add `{code}:` under texts ({check.codes[code]})"
            problems.append(Problem(doc.locate((*where, "texts")), message, hint, "criteria"))
    return texts


@cache
def default_texts(check_id: str) -> dict[str, str]:
    """A check's shipped Swedish default texts (templates/checks/<id>.yaml); a criterion's own texts win."""
    path = data_dir("templates") / "checks" / f"{check_id}.yaml"
    return dict(load_file(str(path)).data) if path.is_file() else {}

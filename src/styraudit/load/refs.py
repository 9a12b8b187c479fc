"""Ids are defined once and referenced everywhere else; this module checks every reference."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..i18n import N_, _
from ..model.base import RefTo
from ..model.case import Case
from ..model.paths import YamlPath

# Which list (or single section) of the case defines ids of which kind.
DEFINITIONS: dict[str, str] = {
    "bodies": "body",
    "administrations": "administration",
    "roles": "role",
    "groups": "group",
    "decisions": "decision",
    "mandates": "mandate",
    "reporting": "report",
    "anchoring": "anchoring",
    "analyses": "analysis",
    "responsibilities": "responsibility",
    "absences": "absence",
    "goals": "goal",
}


# The kinds' names, marked so that messages can name a kind in the user's language.
KIND_WORDS = (
    N_("body"),
    N_("administration"),
    N_("role"),
    N_("group"),
    N_("decision"),
    N_("mandate"),
    N_("report"),
    N_("anchoring"),
    N_("analysis"),
    N_("responsibility"),
    N_("absence"),
    N_("goal"),
    N_("directive"),
    N_("question"),
    N_("document"),
    N_("interview"),
)


def defined_ids(case: Case) -> Iterator[tuple[str, str, YamlPath]]:
    """Every (id, kind, path of the id) the case defines, in file order."""
    for section, kind in DEFINITIONS.items():
        for index, item in enumerate(getattr(case, section)):
            yield item.id, kind, (section, index, "id")
    if case.directive is not None:
        yield case.directive.id, "directive", ("directive", "id")
    for index, question in enumerate(case.audit.questions if case.audit else []):
        yield question.id, "question", ("audit", "questions", index, "id")
    for section, kind in (("documents", "document"), ("interviews", "interview")):
        for index, item in enumerate(getattr(case.evidence, section)):
            yield item.id, kind, ("evidence", section, index, "id")


def _ref_kinds(annotation: Any) -> tuple[str, ...] | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta.kinds
    for arg in typing.get_args(annotation):
        kinds = _ref_kinds(arg)
        if kinds:
            return kinds
    return None


@cache
def _ref_fields(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    found = {}
    for name, info in model.model_fields.items():
        kinds = _ref_kinds(info.annotation) or next((m.kinds for m in info.metadata if isinstance(m, RefTo)), None)
        if kinds:
            found[name] = kinds
    return found


def references(model: BaseModel, path: YamlPath = ()) -> Iterator[tuple[str, tuple[str, ...], YamlPath]]:
    """Every (referenced id, allowed kinds, path of the reference) below `model`."""
    refs = _ref_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*path, name)
        if name in refs:
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if item is not None:
                    yield item, refs[name], (*here, index) if isinstance(value, list) else here
        elif isinstance(value, BaseModel):
            yield from references(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from references(item, (*here, index))


def suggest(word: str, candidates: typing.Iterable[str]) -> str:
    """A did-you-mean hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return _("did you mean {word!r}?").format(word=close[0]) if close else ""

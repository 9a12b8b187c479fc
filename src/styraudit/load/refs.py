"""Ids are defined once and referenced everywhere else; this module checks every reference."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator

from pydantic import BaseModel

from ..errors import Problem
from ..model.case import Case
from ..model.paths import YamlPath
from ..text.i18n import N_, _
from .ref_fields import plan, ref_fields
from .yamldoc import YamlDocument

# Which list of the case defines ids of which kind (ids nested inside their items are found too).
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
    "subjects": "subject",
    "budgets": "budget",
    "risks": "risk",
    "internal_control": "ic_plan",
    "delegations": "delegation",
    "executions": "execution",
    "samples": "sample",
    "steering_documents": "steering_document",
    "resources": "resource",
    "earlier_audits": "earlier_audit",
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
    """Every (id, kind, path of the id) the case defines, in file order: one namespace for all sections."""
    for section in DEFINITIONS:
        for index, item in enumerate(getattr(case, section)):
            yield from _ids_in(item, (section, index))
    if case.directive is not None:
        yield case.directive.id, "directive", ("directive", "id")
    for index, question in enumerate(case.audit.questions if case.audit else []):
        yield question.id, "question", ("audit", "questions", index, "id")
    for section, kind in (("documents", "document"), ("interviews", "interview")):
        for index, item in enumerate(getattr(case.evidence, section)):
            yield item.id, kind, ("evidence", section, index, "id")


def _ids_in(model: BaseModel, path: YamlPath) -> Iterator[tuple[str, str, YamlPath]]:
    kind = getattr(model, "id_kind", None)
    ident = getattr(model, "id", None)
    if kind and isinstance(ident, str):
        yield ident, kind, (*path, "id")
    for name in plan(type(model)).ids:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _ids_in(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _ids_in(item, (*path, name, index))


def references(model: BaseModel, path: YamlPath = ()) -> Iterator[tuple[str, tuple[str, ...], YamlPath]]:
    """Every (referenced id, allowed kinds, path of the reference) below `model`."""
    refs = ref_fields(type(model))
    for name in plan(type(model)).refs:
        if name == "initiative" and isinstance(model, Case) and model.initiative_is_first_subject:
            continue  # the first subject, already walked under `subjects`
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


# Where the actors' names stand: a person writes "kommunstyrelsen" for the body whose id is KS.
NAMED = {
    "body": ("bodies", "name"),
    "administration": ("administrations", "name"),
    "role": ("roles", "title"),
    "group": ("groups", "name"),
    "subject": ("subjects", "name"),
}


def by_name(written: str, case: Case, allowed: tuple[str, ...]) -> str:
    """A hint naming the id of the actor whose name (or short name) `written` is, or nearly is."""
    names: dict[str, str] = {}
    for kind in allowed:
        section, attribute = NAMED.get(kind, ("", ""))
        for item in getattr(case, section, []) if section else []:
            for name in (getattr(item, attribute, None), getattr(item, "short", None)):
                if name:
                    names.setdefault(name.lower(), item.id)
    close = difflib.get_close_matches(written.lower().replace("-", " "), list(names), n=1, cutoff=0.75)
    if not close:
        return ""
    return _("{written!r} is the name of {ident!r}: write its id, {ident}").format(written=written, ident=names[close[0]])


def check_references(case: Case, doc: YamlDocument) -> list[Problem]:
    """Duplicate ids, and references to ids that are not defined or are of the wrong kind."""
    problems: list[Problem] = []
    kinds: dict[str, str] = {}
    for ident, kind, path in defined_ids(case):
        if ident in kinds:
            problems.append(
                Problem(
                    doc.locate(path),
                    _("the id {ident!r} is defined twice").format(ident=ident),
                    _("every id in a case file must be unique, across all sections"),
                    "duplicate-id",
                )
            )
        kinds.setdefault(ident, kind)
    for ident, allowed, path in references(case):
        if kinds.get(ident) in allowed:
            continue
        wanted = _(" or ").join(_(kind) for kind in allowed)
        if ident in kinds:
            message = _("{ident!r} is a {kind}, but a {wanted} is expected here").format(
                ident=ident, kind=_(kinds[ident]), wanted=wanted
            )
            hint = _("name a {wanted} id").format(wanted=wanted)
        else:
            message = _("unknown {wanted} id {ident!r}").format(wanted=wanted, ident=ident)
            hint = (
                suggest(ident, [i for i, k in kinds.items() if k in allowed])
                or by_name(ident, case, allowed)
                or _("define it first, or check the spelling")
            )
        problems.append(Problem(doc.locate(path), message, hint, "unknown-id"))
    return problems

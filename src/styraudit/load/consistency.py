"""Values that are impossible together, found once the model is built, and where they stand in the file."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from ..model.base import StrictModel
from ..model.case import Case
from ..model.paths import YamlPath, dotted
from .ref_fields import _models_in
from .yamldoc import YamlDocument


def check_consistency(case: Case, doc: YamlDocument) -> list[Problem]:
    """Values that are impossible together (an outcome before its budget year, more found in order than
    sampled), each reported at its own place; every model names its own in `inconsistencies()`."""
    problems = []
    for path, model in _models(case, ()):
        for below, message, hint in model.inconsistencies():
            where = (*path, *below)
            problems.append(Problem(doc.locate(where), f"{dotted(where)}: {message}", hint, "schema"))
    return problems + _documents_of_other_subjects(case, doc)


def _documents_of_other_subjects(case: Case, doc: YamlDocument) -> list[Problem]:
    """A question examines its own subject's documents: one about another subject (neither the
    question's nor a part of it) could never be judged for that question."""
    wholes = {s.id: s.part_of for s in case.subjects}
    named = {d.id: d.subject for d in [*case.steering_documents, *case.absences]}
    problems = []
    for qi, question in enumerate(case.audit.questions if case.audit else ()):
        if question.subject not in wholes:
            continue  # a question about a recommendation or a body takes any subject's documents
        for di, ident in enumerate(question.documents):
            about = named.get(ident)
            if about is not None and question.subject not in _within(about, wholes):
                where = ("audit", "questions", qi, "documents", di)
                message = f"{dotted(where)}: {ident!r} is about the subject {about!r}, not the question's {question.subject!r}"
                hint = "name a document of the question's subject, or correct the document's `subject`"
                problems.append(Problem(doc.locate(where), message, hint, "schema"))
    return problems


def _within(subject: str, wholes: dict[str, str | None]) -> list[str]:
    """The subject and the portfolios or programmes it is part of, nearest first."""
    chain: list[str] = []
    current: str | None = subject
    while current is not None and current not in chain:
        chain.append(current)
        current = wholes.get(current)
    return chain


def _models(model: BaseModel, path: YamlPath) -> Iterator[tuple[YamlPath, Any]]:
    """The models below `model` (itself included) that may report an inconsistency, in the order
    of a walk of every field; the plan skips the subtrees that cannot hold one."""
    if _own_check(type(model)):
        yield path, model
    for name in _plan(type(model)):
        if name == "initiative" and isinstance(model, Case) and model.initiative_is_first_subject:
            continue
        value = getattr(model, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _models(item, (*path, name, index))
        elif isinstance(value, BaseModel):
            yield from _models(value, (*path, name))


def _own_check(model: type[BaseModel]) -> bool:
    """Whether the class says more than the base's "nothing is inconsistent" (7 classes of some 90)."""
    return getattr(model, "inconsistencies", None) is not StrictModel.inconsistencies


_PLANNING: set[type[BaseModel]] = set()  # classes whose plan is being made (a model may nest itself)


@cache
def _plan(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` that may hold, at any depth, a model with its own check; where the
    annotation cannot tell (`Any`), the field is visited, so the plan may visit too much, never too little."""
    _PLANNING.add(model)
    try:
        return tuple(
            name
            for name, info in model.model_fields.items()
            if (inner := _models_in(info.annotation)) is None or any(_may_hold(m) for m in inner)
        )
    finally:
        _PLANNING.discard(model)


def _may_hold(model: type[BaseModel]) -> bool:
    return model in _PLANNING or _own_check(model) or bool(_plan(model))


def mirror_positions(doc: YamlDocument, source: YamlPath, alias: YamlPath) -> None:
    """Let paths under `initiative` find the first subject's place in the file, for findings that
    name the main subject by its old path."""
    doc.mirror(source, alias)  # a document read by the fast path mirrors its places only when asked

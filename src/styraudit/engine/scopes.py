"""What each criterion is judged on: once for every distinct (subject, documents) its questions name.

The scope principle, one level down: an audit examines what its questions name, and a question that
names the steering documents it examines (`documents`) has its criteria judged on those only. A
criterion keeps a plain result key where it can: the subject enters the key only when its questions
name several subjects, the documents only when a question names some.
"""

from __future__ import annotations

from typing import Any

Scope = tuple[str | None, tuple[str, ...]]  # (the question's subject, the documents it examines; () = all)
Key = tuple[str, str | None, tuple[str, ...]]  # (criterion id, subject when several, documents)


def question_scope(question: Any) -> Scope:
    """A question's subject and the documents it names, in a stable order."""
    return question.subject, tuple(sorted(set(question.documents)))


def criterion_scopes(audit: Any, pack: Any) -> dict[str, tuple[Scope, ...]]:
    """The distinct scopes each named criterion is judged in, in question order; the parts of a
    composed criterion are judged in its scopes too, so that it is made of results on the same documents."""
    found: dict[str, dict[Scope, None]] = {}
    for question in audit.questions if audit else ():
        for ident in question.criteria:
            found.setdefault(pack.resolve(ident) or ident, {})[question_scope(question)] = None
    for ident, named in list(found.items()):
        criterion = pack.criteria.get(ident)
        for part in criterion.spec.composed_of if criterion else ():
            found.setdefault(part, {}).update(named)
    return {ident: tuple(named) for ident, named in found.items()}


def result_key(ident: str, scope: Scope, scopes: tuple[Scope, ...]) -> Key:
    """The key a criterion's result in `scope` is kept under."""
    several = len({subject for subject, _ in scopes}) > 1
    return ident, scope[0] if several else None, scope[1]


def lookup(results: dict[Key, Any], ident: str, scope: Scope) -> Any:
    """The result a question in `scope` reads: its own subject's and documents', else the plainer ones."""
    subject, documents = scope
    for key in ((ident, subject, documents), (ident, None, documents), (ident, subject, ()), (ident, None, ())):
        if key in results:
            return results[key]
    return None

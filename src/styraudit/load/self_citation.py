"""A case that cites the audit's own report as the source of a fact: a warning, not an error.

The audit's own report is a document of kind `audit_report`, without an address (`url`), that
has the audit's date (the report date, `audit.date`) or the audit's title in its own title: the
report being drafted. An earlier audit is also an `audit_report`, but with another date and
title, and may be cited; so may a published report at its address, which is what the cases in
cases/real encode (every reader can open it). A fact resting on the
report that states it rests on nothing the reader can check, so `validate` and `check` say so
at each citation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from ..text.i18n import _
from .case import LoadedCase


def own_report_ids(loaded: LoadedCase) -> set[str]:
    """The ids of the documents that are the audit's own report."""
    audit = loaded.case.audit
    if audit is None:
        return set()
    found = set()
    for document in loaded.case.evidence.documents:
        if document.kind.value != "audit_report" or document.url:
            continue
        same_date = audit.date is not None and document.date == audit.date
        same_title = bool(audit.title) and audit.title.casefold() in document.title.casefold()
        if same_date or same_title:
            found.add(document.id)
    return found


def self_citations(loaded: LoadedCase) -> list[Problem]:
    """A warning at every `sources` entry that names the audit's own report."""
    own = own_report_ids(loaded)
    if not own:
        return []
    message = _("the audit's own report ({ident}) is cited as the source of a fact")
    hint = _("cite the document or interview the report rests on, or leave the fact to the report's text")
    found = [
        Problem(loaded.doc.locate(path), message.format(ident=ident), hint, "self-citation")
        for path, ident in _citations(loaded.doc.data, ())
        if ident in own
    ]
    return sorted(found, key=lambda p: (p.location.line or 0, p.location.column or 0))


def _citations(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every (path, id) of a `sources` list in the raw data, a mapping's own before those below it;
    iterative, so depth costs no stack. Only lists and mappings are stacked, and a path is made
    only for them: most values are texts, and a path for each was most of the walk's cost."""
    stack = [(node, path)]
    pop, push = stack.pop, stack.append
    while stack:
        current, where = pop()
        if isinstance(current, dict):
            for key, value in reversed(current.items()):
                if key == "sources" and isinstance(value, list):
                    yield from (((*where, key, i), str(v)) for i, v in enumerate(value))
                elif isinstance(value, dict | list):
                    push((value, (*where, key)))
        elif isinstance(current, list):
            for i in range(len(current) - 1, -1, -1):
                if isinstance(value := current[i], dict | list):
                    push((value, (*where, i)))

"""The title page and chapters 2 and 3 of the report, from the case's `audit` section.

A case without `audit` (a self-check) still gets a report: its own title, the initiative's
description as background, and the criteria that were applied; everything that only an audit
can say (purpose, questions, method, authors) is left out rather than invented.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine.criteria import CriteriaPack
from ..engine.results import CaseResult
from ..model.audit import Audit
from ..model.case import Case
from ..text.swedish import date_sv
from .model import CriterionText


def audit_fields(case: Case, result: CaseResult, pack: CriteriaPack, name: Callable[[str], str]) -> dict[str, Any]:
    """The Report fields that describe the audit rather than its findings."""
    audit = case.audit
    background = tuple(audit.background) if audit and audit.background else _description(case)
    fields: dict[str, Any] = {
        "organisation": case.organisation.name,
        "title": audit.title if audit else case.title,
        "background": background,
        "criteria": _criteria(audit, result, pack),
        "interviews": _interviews(case, name) if audit else (),
    }
    return fields | (_audit_only(audit, name) if audit else _no_audit())


def _description(case: Case) -> tuple[str, ...]:
    text = case.initiative.description
    return (" ".join(text.split()),) if text else ()


def _audit_only(audit: Audit, name: Callable[[str], str]) -> dict[str, Any]:
    method = audit.method
    return {
        "office": audit.office,
        "reference": audit.reference,
        "date": date_sv(audit.date) or None,
        "date_iso": audit.date.earliest().isoformat() if audit.date else None,
        "place": audit.place,
        "authors": tuple((a.name, a.title) for a in audit.authors),
        "reason": audit.reason,
        "purpose": audit.purpose,
        "questions": tuple(q.text for q in audit.questions),
        "audited_bodies": tuple(name(b) for b in audit.audited_bodies),
        "delimitations": tuple(audit.delimitations),
        "documents_analysed": tuple(method.documents_analysed) if method else (),
        "method": method.description if method else None,
        "quality_assurance": audit.quality_assurance,
    }


def _no_audit() -> dict[str, Any]:
    keys = ("office", "reference", "date", "date_iso", "place", "reason", "purpose", "method", "quality_assurance")
    empty = ("authors", "questions", "audited_bodies", "delimitations", "documents_analysed")
    return dict.fromkeys(keys) | dict.fromkeys(empty, ())


def _criteria(audit: Audit | None, result: CaseResult, pack: CriteriaPack) -> tuple[CriterionText, ...]:
    """The audit's own wording of its criteria when it gives one, else each applied authority once."""
    if audit and audit.criteria_text:
        return tuple(CriterionText("", " ".join(t.split())) for t in audit.criteria_text)
    seen: dict[str, CriterionText] = {}
    for criterion in result.criteria:
        spec = pack.criteria[criterion.criterion].spec if criterion.criterion in pack.criteria else None
        if spec and spec.authority.citation not in seen:
            text = spec.authority.text or spec.requirement
            seen[spec.authority.citation] = CriterionText(spec.authority.citation, " ".join(text.split()))
    return tuple(seen.values())


def _interviews(case: Case, name: Callable[[str], str]) -> tuple[str, ...]:
    """Who was interviewed, by role as the audit wrote it, never by person; each role once."""
    roles = [i.role_as_written or (name(i.role) if i.role else i.id) for i in case.evidence.interviews]
    return tuple(dict.fromkeys(roles))

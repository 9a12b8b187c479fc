"""What a check sees: the case, its reference date, and lookups over its ids. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any

from ..load.refs import defined_ids
from ..model.base import PartialDate
from ..model.case import Case
from ..model.org import BodyKind
from ..model.paths import YamlPath


@dataclass(frozen=True)
class CheckContext:
    """The case under examination. `as_of` is the reference date (from the case or --as-of), never the clock.
    `subject` is the id the audit question names (a subject, a recommendation or a body), when the
    criterion is judged for one question's subject; checks that can judge one thing of many read it.
    `recommendations` are the audit's own (results.AuditRecommendation, with stable ids), given only to
    the criteria judged after the report (`after_report`), which follow the bodies' replies to them.
    `documents` are the steering documents (and recorded absences) the question names as what it
    examines; None when it names none, and every document of the subject is judged."""

    case: Case
    as_of: date | None = None
    subject: str | None = None
    recommendations: tuple[Any, ...] = ()
    documents: frozenset[str] | None = None

    def narrowed(self, **changes: Any) -> CheckContext:
        """This context with `changes` (a question's subject and documents, the recommendations); what
        it made of the case alone, the id index, the display names and the facts findings cite, is
        handed on, not made again."""
        narrow = replace(self, **changes)
        # cached properties, set as they set themselves
        narrow.__dict__.update(index=self.index, name=self.name, fact_refs=self.fact_refs)
        return narrow

    def examines(self, ident: str) -> bool:
        """Whether the question examines this steering document or recorded absence (all, when it names none)."""
        return self.documents is None or ident in self.documents

    @cached_property
    def index(self) -> dict[str, tuple[str, YamlPath]]:
        """id -> (kind, path of the object that defines it)."""
        return {ident: (kind, path[:-1]) for ident, kind, path in defined_ids(self.case)}

    def kind(self, ident: str) -> str | None:
        return self.index.get(ident, (None, ()))[0]

    @cached_property
    def fact_refs(self) -> dict[YamlPath, Any]:
        """The facts that findings cite, each made once: many findings cite the same fact."""
        return {}

    def path(self, ident: str) -> YamlPath:
        return self.index[ident][1]

    def get(self, ident: str) -> Any:
        """The object an id names (a Body, Role, Decision, Document ...)."""
        node: Any = self.case
        for part in self.path(ident):
            node = node[part] if isinstance(part, int) else getattr(node, part)
        return node

    def is_body(self, ident: str | None, *kinds: BodyKind) -> bool:
        if ident is None or self.kind(ident) != "body":
            return False
        return not kinds or self.get(ident).kind in kinds

    def body_of(self, administration: str) -> str | None:
        """The body an administration (or a unit inside one) answers to."""
        seen: set[str] = set()
        current: str | None = administration
        while current and current not in seen and self.kind(current) == "administration":
            seen.add(current)
            admin = self.get(current)
            if admin.body:
                return admin.body
            current = admin.part_of
        return None

    @cached_property
    def affected_committees(self) -> tuple[str, ...]:
        """Committees whose administrations the initiative changes, plus affected committees named directly."""
        found = [self.body_of(a) for a in self.case.initiative.affected_administrations]
        found += list(self.case.initiative.affected_bodies)
        committees = [b for b in found if b and self.is_body(b, BodyKind.committee)]
        return tuple(dict.fromkeys(committees))

    @cached_property
    def reference_date(self) -> date | None:
        """as_of given to the run, else the case's as_of, else the audit's reference date."""
        if self.as_of:
            return self.as_of
        chosen = self.case.as_of or (self.case.audit.reference_date if self.case.audit else None)
        return chosen.latest() if chosen else None

    def period_end(self) -> date | None:
        """Where the examined period ends for follow-up: the subject's (else the audit's) end, else the reference
        date; never after the reference date, since what is planned to happen later cannot yet be examined."""
        period = self.case.examined_period()
        end: PartialDate | None = period.end if period else None
        if end is None:
            return self.reference_date
        return min(end.latest(), self.reference_date) if self.reference_date else end.latest()

    def absences(self, kind: str, concerning: str | None = None) -> list[tuple[YamlPath, Any]]:
        """Recorded absences of `kind` (optionally those that concern `concerning`), with their paths."""
        return [
            (("absences", i), a)
            for i, a in enumerate(self.case.absences)
            if a.kind == kind and (concerning is None or concerning in a.concerns)
        ]

    @cached_property
    def name(self) -> Any:
        """A display name for an id (text/names.py): a body's name, a role's title, a document's title."""
        from ..text.names import Names

        return Names(self.case, self.index)

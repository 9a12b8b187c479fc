"""The source list: documents and interviews numbered in the order the report first cites them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model.case import Case
from ..text.swedish import date_sv
from .model import Source


class SourceBook:
    """Hands out stable numbers: the first source the report cites is [1], the next new one [2] ...

    Numbering follows citation order rather than the case's evidence order so that a reader
    meets [1], [2], [3] in sequence, as with footnotes.
    """

    def __init__(self, case: Case, labels: dict[str, Any]) -> None:
        self._documents = {d.id: d for d in case.evidence.documents}
        self._interviews = {i.id: i for i in case.evidence.interviews}
        self._roles = {r.id: r.title for r in case.roles}
        self._names = {**{b.id: b.name for b in case.bodies}, **{g.id: g.name for g in case.groups}}
        self._names |= {a.id: a.name for a in case.administrations}
        self._labels = labels
        self._numbers: dict[str, int] = {}

    def cite(self, ids: Iterable[str]) -> tuple[int, ...]:
        """The numbers of `ids`, numbering those not cited before; ascending, each once."""
        for ident in ids:
            self._numbers.setdefault(ident, len(self._numbers) + 1)
        return tuple(sorted({self._numbers[i] for i in ids}))

    def sources(self) -> tuple[Source, ...]:
        """Every cited source, in number order."""
        return tuple(self._source(ident, number) for ident, number in self._numbers.items())

    def _source(self, ident: str, number: int) -> Source:
        text = self._labels["text"]
        if ident in self._documents:
            doc = self._documents[ident]
            return Source(number, ident, "document", doc.title, doc.reference, date_sv(doc.date) or None, doc.paragraph)
        if ident in self._interviews:
            interview = self._interviews[ident]
            return Source(
                number,
                ident,
                "interview",
                text["interview_with"].format(role=self._role(interview)),
                None,
                date_sv(interview.date) or None,
            )
        return Source(number, ident, "document", ident)  # the loader refuses unknown ids; kept total for safety

    def _role(self, interview: Any) -> str:
        """The role interviewed, as the audit wrote it when it did ("dåvarande ..."), never a person."""
        role = interview.role_as_written or self._roles.get(interview.role or "") or self._names.get(interview.role or "")
        role = role or interview.id
        # "HR-direktören" keeps its capitals: only a capital that starts an ordinary word is lowered.
        return role if role[1:2].isupper() else role[:1].lower() + role[1:]

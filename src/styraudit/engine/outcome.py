"""The four outcomes, and the two documented rules that combine them.

Rule 1, criterion outcome from its checks (or from the criteria it is composed of):
  not fulfilled if any part is not fulfilled; else partly fulfilled if any part is partly
  fulfilled; else fulfilled if every part is fulfilled; else cannot be assessed (a part
  lacked the facts, and a missing fact is never a pass).

Rule 2, answer to an audit question from the criteria the case links to it (and only those):
  Nej if a high-severity criterion is not fulfilled, or if more than half of the criteria that
  could be assessed are not fulfilled (an even split is Delvis); Kan ej bedömas if a high-severity criterion cannot be
  assessed, or if none could be; Ja if no criterion is not fulfilled and none of high severity
  is only partly fulfilled — "Ja, i huvudsak" when lower-severity criteria are partly
  fulfilled or could not be assessed, those criteria being its remarks; Delvis otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..model.audit import Answer


class Outcome(StrEnum):
    fulfilled = "fulfilled"
    partly_fulfilled = "partly_fulfilled"
    not_fulfilled = "not_fulfilled"
    cannot_assess = "cannot_assess"


class Severity(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        return ("low", "medium", "high").index(self.value)


def combine(outcomes: Iterable[Outcome]) -> Outcome:
    """Rule 1: the outcome of a whole from the outcomes of its parts."""
    seen = set(outcomes)
    for decisive in (Outcome.not_fulfilled, Outcome.partly_fulfilled):
        if decisive in seen:
            return decisive
    return Outcome.fulfilled if seen == {Outcome.fulfilled} else Outcome.cannot_assess


@dataclass(frozen=True)
class DraftedAnswer:
    """Rule 2's answer and, for a hedged Ja ("Ja, i huvudsak"), the criteria that are its remarks."""

    answer: Answer
    remarks: tuple[str, ...] = ()

    @property
    def hedged(self) -> bool:
        return self.answer is Answer.yes and bool(self.remarks)


def draft_answer(results: Iterable[tuple[str, Outcome, Severity]]) -> DraftedAnswer:
    """Rule 2: the drafted answer to an audit question from its linked criteria (id, outcome, severity)."""
    triples = list(results)
    assessed = [o for _, o, _ in triples if o is not Outcome.cannot_assess]
    failed = [o for o in assessed if o is Outcome.not_fulfilled]
    high = [(o, s) for _, o, s in triples if s is Severity.high]
    if any(o is Outcome.not_fulfilled for o, _ in high) or (assessed and 2 * len(failed) > len(assessed)):
        return DraftedAnswer(Answer.no)
    if not assessed or any(o is Outcome.cannot_assess for o, _ in high):
        return DraftedAnswer(Answer.cannot_assess)
    if not failed and not any(o is Outcome.partly_fulfilled for o, _ in high):
        remarks = tuple(i for i, o, _ in triples if o in (Outcome.partly_fulfilled, Outcome.cannot_assess))
        return DraftedAnswer(Answer.yes, remarks)
    return DraftedAnswer(Answer.partly)


def answer(results: Iterable[tuple[Outcome, Severity]]) -> Answer:
    """Rule 2 without the remarks, for callers that know only outcomes and severities."""
    return draft_answer(("", o, s) for o, s in results).answer

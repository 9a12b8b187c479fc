"""The four outcomes, and the two documented rules that combine them.

Rule 1, criterion outcome from its checks (or from the criteria it is composed of):
  not fulfilled if any part is not fulfilled; else partly fulfilled if any part is partly
  fulfilled; else fulfilled if every part is fulfilled; else cannot be assessed (a part
  lacked the facts, and a missing fact is never a pass).

Rule 2, answer to an audit question from its criteria:
  Nej if a high-severity criterion is not fulfilled, or if at least half of the criteria that
  could be assessed are not fulfilled; Kan ej bedömas if no criterion could be assessed;
  Ja if every criterion is fulfilled; Delvis otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def answer(results: Iterable[tuple[Outcome, Severity]]) -> Answer:
    """Rule 2: the drafted answer to an audit question from its criteria's outcomes and severities."""
    pairs = list(results)
    assessed = [outcome for outcome, _ in pairs if outcome is not Outcome.cannot_assess]
    failed = [outcome for outcome in assessed if outcome is Outcome.not_fulfilled]
    if any(o is Outcome.not_fulfilled and s is Severity.high for o, s in pairs) or (
        assessed and 2 * len(failed) >= len(assessed)
    ):
        return Answer.no
    if not assessed:
        return Answer.cannot_assess
    if len(assessed) == len(pairs) and all(o is Outcome.fulfilled for o in assessed):
        return Answer.yes
    return Answer.partly

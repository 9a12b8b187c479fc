"""The four outcomes, and the three documented rules that combine them.

Rule 1, criterion outcome from its checks (or from the criteria it is composed of):
  not fulfilled if any part is not fulfilled; else partly fulfilled if any part is partly
  fulfilled; else fulfilled if every part is fulfilled; else cannot be assessed (a part
  lacked the facts, and a missing fact is never a pass).

Rule 2, answer to an audit question from the criteria the case links to it (and only those):
  Nej if a high-severity criterion is not fulfilled, or if more than half of the criteria that
  could be assessed are not fulfilled, or half of them with none of the rest holding even in its
  main part (an even split is otherwise Delvis); Kan ej bedömas if a high-severity criterion cannot be
  assessed, or if none could be; Ja if no criterion is not fulfilled, none of high severity is only
  partly fulfilled and the main part holds: no more than half of the assessed criteria hold only in
  part (partly fulfilled with less of what they judged in order than falls short, shortfalls of a
  part only, such as a missing register or a document merely out of date, weighing on neither side).
  "Ja, i huvudsak" when lower-severity criteria are partly fulfilled or could not be assessed, those
  criteria being its remarks; Delvis otherwise. One criterion whose documents are neither up to date
  nor known is "till viss del", Delvis; one whose owner directives are five of six in order is
  "till övervägande del", Ja.

Rule 3, an overall question from its sub-questions (`parts`), each drafted first, the question's own linked
criteria (if any) counting as one more part answered by rule 2: the parts that could not be assessed are
left out (Kan ej bedömas only if every part is); of the rest, all Ja is Ja (hedged when a part is, with the
parts' remarks), all Nej is Nej, all Delvis is Delvis, and any mix is Delvis.
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


Linked = tuple[str, Outcome, Severity] | tuple[str, Outcome, Severity, bool]


def draft_answer(results: Iterable[Linked]) -> DraftedAnswer:
    """Rule 2: the drafted answer to an audit question from its linked criteria (id, outcome, severity,
    and optionally whether a partly fulfilled one's main part holds; without it, it holds only in part)."""
    linked = [(r[0], r[1], r[2], len(r) > 3 and bool(r[3])) for r in results]
    assessed = [(o, main) for _, o, _, main in linked if o is not Outcome.cannot_assess]
    failed = [o for o, _ in assessed if o is Outcome.not_fulfilled]
    high = [o for _, o, s, _ in linked if s is Severity.high]
    # An even split: Delvis where something of the other half holds at least in its main part, else
    # nothing of the question holds (Gotland 2016: a guideline not applied beside failing samples).
    standing = any(o is Outcome.fulfilled or main for o, main in assessed if o is not Outcome.not_fulfilled)
    if Outcome.not_fulfilled in high or (
        assessed and (2 * len(failed) > len(assessed) or (2 * len(failed) == len(assessed) and not standing))
    ):
        return DraftedAnswer(Answer.no)
    if not assessed or Outcome.cannot_assess in high:
        return DraftedAnswer(Answer.cannot_assess)
    in_part = [o for o, main in assessed if o is Outcome.partly_fulfilled and not main]
    # The main part of the question: with two or more criteria assessed, one holds whole; where every
    # one falls short the question is not met in its main part (Vaxholm 2020: "inte helt").
    whole = len(assessed) == 1 or any(o is Outcome.fulfilled for o, _ in assessed)
    if not failed and whole and Outcome.partly_fulfilled not in high and 2 * len(in_part) <= len(assessed):
        remarks = tuple(i for i, o, _, _ in linked if o in (Outcome.partly_fulfilled, Outcome.cannot_assess))
        return DraftedAnswer(Answer.yes, remarks)
    return DraftedAnswer(Answer.partly)


def weigh_parts(parts: Iterable[DraftedAnswer]) -> DraftedAnswer:
    """Rule 3: an overall question's answer from its parts' drafted answers (sub-questions, and its own
    criteria's rule-2 answer as one more). A revisionsfråga answered Ja for one delfråga and Nej for
    another is Delvis (Vingåker 2013, "inte fullt ut")."""
    decided = [p for p in parts if p.answer is not Answer.cannot_assess]
    answers = {p.answer for p in decided}
    if not answers:
        return DraftedAnswer(Answer.cannot_assess)
    if len(answers) > 1:
        return DraftedAnswer(Answer.partly)
    (only,) = answers
    remarks = tuple(dict.fromkeys(r for p in decided for r in p.remarks)) if only is Answer.yes else ()
    return DraftedAnswer(only, remarks)


def answer(results: Iterable[tuple[Outcome, Severity]]) -> Answer:
    """Rule 2 without the remarks, for callers that know only outcomes and severities."""
    return draft_answer(("", o, s) for o, s in results).answer

"""division_of_responsibility: responsibility is written down between the owner and each affected committee,
and between the lead and the heads of the affected administrations.

The required pairs are (owner board, affected committee) for every affected committee (where no
committee but the owner is affected, as in a programme the board runs through administrations,
(owner, affected administration) for every affected administration instead), and
(lead, head) for the head (`administration.head`) of every affected administration; a party is
never paired with itself (the lead may head an affected administration). Each pair is judged on
its own; a fact covers a pair when it names both parties, so an absence concerning [RS, HSN, RUN]
covers both RS–HSN and RS–RUN.

PASS: for every pair a `responsibilities` entry naming both parties is written down (`written: true`).
PARTLY: some pair's division is described and recorded as not written down (`written: false`), and
no pair is recorded as missing.
FAIL: the case records for some pair that no division was made (an `absences` entry of kind
`responsibility_division` whose `concerns` include both parties).
CANNOT ASSESS: the case says nothing about a pair, or describes it without saying whether it is
written down (`written` unknown is never read as "not written"), or a pair cannot be formed because the case names
no owner (while committees are affected), no lead, or no head of an affected administration; each gap
is named, and keeps an otherwise clean result from passing (rule 1). Also when nothing is affected.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import Responsibility
from ..model.paths import YamlPath

PAIR = ("relation", "a", "b")
DESCRIBED = (*PAIR, "responsibilities", "descriptions")
CODES = Codes(
    no_pairs=Code(Outcome.cannot_assess, "the initiative names no affected committee or administration, so no pair is required"),
    missing_party=Code(
        Outcome.cannot_assess,
        "a side of pairs cannot be formed: no owner, no lead, or affected administrations without a head; "
        "missing: owner, lead or heads",
        ("relation", "missing", "administrations"),
    ),
    pair_written=Code(
        Outcome.fulfilled, "the pair's division is written down; relation: bodies or officials", (*DESCRIBED, "documents")
    ),
    pair_unwritten=Code(Outcome.partly_fulfilled, "the pair's division is described but not written down", DESCRIBED),
    written_unknown=Code(
        Outcome.cannot_assess, "the pair's division is described, and the case does not say whether it is written down", DESCRIBED
    ),
    pair_absent=Code(Outcome.not_fulfilled, "recorded absence of a division between the pair", (*PAIR, "absences", "statements")),
    pair_unknown=Code(Outcome.cannot_assess, "the case says nothing about the pair's division", PAIR),
)


class DivisionParams(Params):
    """The pairs follow from the initiative's owner, lead and affected units; `relations` chooses which."""

    relations: list[Literal["bodies", "officials"]] = Field(
        default=["bodies", "officials"], min_length=1, description="bodies: owner–committees; officials: lead–heads."
    )


def run(ctx: CheckContext, params: DivisionParams) -> list[Finding]:
    pairs, gaps = required_pairs(ctx)
    wanted = set(params.relations)
    findings = [g for g in gaps if g.values["relation"] in wanted]
    findings += [_judge_pair(ctx, relation, a, b) for relation, a, b in pairs if relation in wanted]
    return findings or [CODES.no_pairs(facts=[("initiative",)])]


def required_pairs(ctx: CheckContext) -> tuple[list[tuple[str, str, str]], list[Finding]]:
    """(relation, party, party) pairs, 'bodies' for owner–committee and 'officials' for lead–head, in a
    stable order; and a `missing_party` finding for each side that cannot be formed for want of a fact."""
    initiative = ctx.case.initiative
    pairs: list[tuple[str, str, str]] = []
    gaps: list[Finding] = []
    administrations = initiative.affected_administrations
    if initiative.owner:
        committees = [c for c in ctx.affected_committees if c != initiative.owner]
        # No committee is affected: the committee side does not apply, and the owner's division of
        # responsibility is with the administrations that carry the work.
        others = committees or [a for a in administrations if a != initiative.owner]
        pairs += [("bodies", initiative.owner, c) for c in others]
    elif ctx.affected_committees:
        gaps.append(_missing("bodies", "owner", (("initiative",),)))
    if initiative.lead:
        heads = [h for h in dict.fromkeys(ctx.get(a).head for a in administrations) if h and h != initiative.lead]
        pairs += [("officials", initiative.lead, h) for h in heads]
        headless = [a for a in administrations if not ctx.get(a).head]
        if headless:
            gaps.append(_missing("officials", "heads", tuple(ctx.path(a) for a in headless), headless))
    elif administrations:
        gaps.append(_missing("officials", "lead", (("initiative",),)))
    return pairs, gaps


def _missing(relation: str, missing: str, facts: tuple[YamlPath, ...], administrations: list[str] | None = None) -> Finding:
    values = {"relation": relation, "missing": missing, "administrations": administrations or []}
    return CODES.missing_party(values, facts)


def _judge_pair(ctx: CheckContext, relation: str, a: str, b: str) -> Finding:
    entries = [(i, r) for i, r in enumerate(ctx.case.responsibilities) if a in r.parties and b in r.parties]
    values = {"relation": relation, "a": a, "b": b}
    written = [(i, r) for i, r in entries if r.written]
    if written:
        facts = tuple(("responsibilities", i) for i, _ in written)
        documents = [r.document for _, r in written if r.document]
        return CODES.pair_written({**values, **_described(written), "documents": documents}, facts)
    if entries:  # unknown is not "not written": only a recorded `written: false` makes the pair partly fulfilled
        unwritten = [(i, r) for i, r in entries if r.written is False]
        code, chosen = (CODES.pair_unwritten, unwritten) if unwritten else (CODES.written_unknown, entries)
        facts = tuple(("responsibilities", i) for i, _ in chosen)
        return code({**values, **_described(chosen)}, facts)
    absences = [(p, x) for p, x in ctx.absences("responsibility_division", a) if b in x.concerns]
    if absences:
        more = {"absences": [x.id for _, x in absences], "statements": [x.statement for _, x in absences]}
        return CODES.pair_absent({**values, **more}, [p for p, _ in absences])
    return CODES.pair_unknown(values, [("initiative",)])


def _described(entries: list[tuple[int, Responsibility]]) -> dict[str, list[str]]:
    return {"responsibilities": [r.id for _, r in entries], "descriptions": [r.description for _, r in entries]}


CHECK = Check(
    id="division_of_responsibility",
    summary="Responsibility is written down between the owner and each affected committee, and between the lead and the heads of the affected administrations.",
    params=DivisionParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

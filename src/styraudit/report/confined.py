"""Whether the work was confined to the official who led it: the Bedömning's "alltför toppstyrt".

Seed 000 judges the work "alltför toppstyrt och avgränsat till regiondirektören": he designed
the model and planned its introduction, while the committees whose administrations were to
introduce it, and the directors of those administrations, took no part. The sentence is said
only when the case's facts carry each half of it: the lead is an official (a role) who designed
or planned the initiative, and every affected committee and every other head of an affected
administration is recorded as not having decided or taken part, with nothing showing otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text.swedish import join_sv, lower_first

# The kinds of absence that record an actor as not having decided or taken part.
_NOT_PART = ("decision", "design_participation")


def confined_to_lead(case: Any, name: Callable[[str], str], words: dict[str, Any]) -> str:
    """The sentence on a top-down initiative confined to its lead, or "" when the facts do not carry it."""
    initiative = case.initiative
    if initiative is None or initiative.lead not in {r.id for r in case.roles}:
        return ""
    lead = initiative.lead
    acts = _acts(case, lead)
    heads = {a.id: a.head for a in case.administrations if a.id in initiative.affected_administrations}
    others = [*initiative.affected_bodies, *dict.fromkeys(h for h in heads.values() if h and h != lead)]
    if not acts or not others or not all(_stood_aside(case, actor, heads) for actor in others):
        return ""
    return words["confined"].format(
        lead=lower_first(name(lead)),
        acts=join_sv(words["confined_acts"][a] for a in acts),
        others=join_sv((lower_first(name(o)) for o in others), words["confined_or"]),
    )


def _acts(case: Any, lead: str) -> list[str]:
    """What the lead did alone, in the order the sentence tells it: designed, planned."""
    acts = []
    if any(a.kind == "took_part_in_design" and a.group == lead for a in case.anchoring):
        acts.append("design")
    if any(d.kind == "plan" and d.by == lead and d.about_initiative for d in case.decisions):
        acts.append("plan")
    return acts


def _stood_aside(case: Any, actor: str, heads: dict[str, str | None]) -> bool:
    """Recorded as not deciding or taking part, and neither deciding about nor helping design the initiative."""
    own = {actor, *(admin for admin, head in heads.items() if head == actor)}
    own |= {a.id for a in case.administrations if a.body == actor}
    recorded = any(a.kind in _NOT_PART and own & set(a.concerns) for a in case.absences)
    decided = any(d.by in own and d.about_initiative for d in case.decisions)
    designed = any(a.kind in ("took_part_in_design", "decided") and a.group in own for a in case.anchoring)
    return recorded and not decided and not designed

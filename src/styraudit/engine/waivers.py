"""Waivers: an accepted deviation from a criterion, with motivation, decision-maker and expiry.

A waived result is still reported, marked as waived. A waiver that has expired, or that no
deficient result uses, is itself reported as a finding, so waivers cannot silently outlive
their reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from ..errors import Location
from ..load.resources import data_dir
from ..load.yamldoc import load_file
from ..model.base import PartialDate
from .outcome import Outcome, Severity
from .results import CaseResult, CriterionResult, FactRef, Observation, WaiverUse


@dataclass(frozen=True)
class Waiver:
    criterion: str
    motivation: str
    decided_by: str
    expires: PartialDate
    location: Location
    scope: str = "case"  # "config": judged once per run (ConfigWaiverUse), not in every case it matches


def case_waivers(loaded: Any) -> list[Waiver]:
    """The waivers written in a case file, with their locations."""
    return [
        Waiver(w.criterion, w.motivation, w.decided_by, w.expires, loaded.doc.locate(("waivers", i)))
        for i, w in enumerate(loaded.case.waivers)
    ]


def config_waivers(config: Any, file: str) -> list[Waiver]:
    """The configuration's waivers whose `files` globs match this case file (engine/config_waivers.py)."""
    from .config_waivers import matching

    return matching(config, file)


def apply_waivers(result: CaseResult, waivers: list[Waiver], today: date) -> CaseResult:
    """Mark waived results, and add a finding for each expired or unused waiver of the case file itself."""
    if not waivers or not result.loaded:
        return result
    used: set[int] = set()
    criteria = []
    for criterion in result.criteria:
        # A waiver written with a criterion's old id (an alias) still waives it.
        match = next((i for i, w in enumerate(waivers) if criterion.named(w.criterion) and criterion.deficient), None)
        if match is not None:
            used.add(match)
            waiver = waivers[match]
            if waiver.expires.latest() >= today:
                origin = str(waiver.location)
                use = WaiverUse(waiver.motivation, waiver.decided_by, str(waiver.expires), origin, waiver.location)
                criterion = replace(criterion, waiver=use)
        criteria.append(criterion)
    for i, waiver in enumerate(waivers):
        if waiver.scope != "case":
            continue
        if waiver.expires.latest() < today:
            criteria.append(waiver_finding("expired", waiver, Severity.high))
        elif i not in used:
            criteria.append(waiver_finding("unused", waiver, Severity.low))
    return replace(result, criteria=tuple(criteria))


@cache
def _texts() -> dict[str, Any]:
    from ..text.jinja import environment

    env = environment()
    data = load_file(str(data_dir("templates") / "messages" / "waivers.yaml")).data
    return {kind: {key: env.from_string(text) for key, text in parts.items()} for kind, parts in data.items()}


def waiver_finding(kind: str, waiver: Waiver, severity: Severity) -> CriterionResult:
    """A finding about a waiver itself ("expired" or "unused"), located at the waiver."""
    texts = _texts()[kind]
    values = {
        "criterion": waiver.criterion,
        "motivation": waiver.motivation,
        "decided_by": waiver.decided_by,
        "expires": str(waiver.expires),
    }
    text = " ".join(texts["text"].render(**values).split())
    fact = FactRef("waivers", waiver.location, (), False)
    observation = Observation("waivers", kind, Outcome.not_fulfilled, text, (fact,))
    return CriterionResult(
        criterion=f"waiver-{kind}",
        title=texts["title"].render(),
        theme=texts["title"].render(),
        severity=severity,
        outcome=Outcome.not_fulfilled,
        observations=(observation,),
        assessment=" ".join(texts["assessment"].render().split()),
        recommendation=None,
        location=waiver.location,
    )

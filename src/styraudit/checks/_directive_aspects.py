"""The six things a careful reader looks for in a directive's sections, beyond their being filled in.

Each function returns None when its section is absent (directive_completeness reports that), else a
`Seen` saying whether the section is usable as written, with the values and facts of what was seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..engine.context import CheckContext
from ..model.directive import ChecklistAnswer, Directive
from ..model.paths import YamlPath

D = "directive"


@dataclass(frozen=True)
class Seen:
    usable: bool
    values: dict[str, Any] = field(default_factory=dict)
    facts: tuple[YamlPath, ...] = ()


def _words(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return any(w.casefold() in folded for w in words)


def _names_a_body(ctx: CheckContext, text: str, body_words: list[str]) -> bool:
    """Whether the text names a body: by the case's own names for its bodies, or by a body noun as a
    whole word ("regionstyrelsen", not "fullmäktigeuppdragen", which names the assignments)."""
    folded = text.casefold()
    names = [n for b in ctx.case.bodies for n in (b.name, b.id, getattr(b, "short", None)) if n]
    if any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", folded) for n in names):
        return True
    nouns = "|".join(re.escape(w.casefold()) for w in body_words)
    return bool(nouns) and re.search(rf"(?<!\w)\w*(?:{nouns})(?:en|n|er|erna|ens|ns|s)?(?!\w)", folded) is not None


def reporting(ctx: CheckContext, d: Directive, cadence_words: list[str], body_words: list[str]) -> Seen | None:
    if not d.reporting:
        return None
    cadence, recipient = _words(d.reporting, cadence_words), _names_a_body(ctx, d.reporting, body_words)
    values = {"written": d.reporting.strip(), "cadence": cadence, "recipient": recipient}
    return Seen(cadence and recipient, values, ((D, "reporting"),))


def checklist(d: Directive, decision_words: list[str]) -> Seen | None:
    if d.checklist is None or not d.checklist.items:
        return None
    items = d.checklist.items
    open_ = [i for i, item in enumerate(items) if item.answer is ChecklistAnswer.unanswered]
    declined = [i for i, item in enumerate(items) if item.answer is ChecklistAnswer.no]
    decision = [items[i].text for i in open_ if _words(items[i].text, decision_words)]
    unsigned = d.checklist.signed is False
    values = {
        "decision_point": d.checklist.decision_point, "unanswered": len(open_), "declined": len(declined),
        "total": len(items), "decision": decision, "unsigned": unsigned,
    }  # fmt: skip
    facts = (*((D, "checklist", "items", i) for i in open_ + declined), (D, "checklist"))
    return Seen(not open_ and not declined and not unsigned, values, facts)


def risks(d: Directive) -> Seen | None:
    if not d.risks:
        return None
    structured = d.risks
    no_owner = [r.text for r in structured if not r.owner]
    no_measure = [r.text for r in structured if not (r.measure or "").strip()]
    lacking = [i for i, r in enumerate(structured) if not r.owner or not (r.measure or "").strip()]
    values = {"total": len(structured), "without_owner": no_owner, "without_measure": no_measure}
    return Seen(not lacking, values, tuple((D, "risks", i) for i in lacking) or ((D, "risks"),))


def sponsors(ctx: CheckContext, d: Directive, role_kinds: list[str]) -> Seen | None:
    if d.organisation is None or not d.organisation.sponsors:
        return None
    groups = [(i, s) for i, s in enumerate(d.organisation.sponsors) if ctx.kind(s) not in role_kinds]
    values = {"sponsors": [s for _, s in groups], "kinds": [ctx.kind(s) for _, s in groups]}
    return Seen(not groups, values, tuple((D, "organisation", "sponsors", i) for i, _ in groups))


def recipient(d: Directive) -> Seen | None:
    org = d.organisation
    if org is None or org.recipient is None or org.owner is None:
        return None
    owners = [o for o in (org.owner, d.cover_sheet.owner if d.cover_sheet else None) if o]
    same = org.recipient in owners
    return Seen(not same, {"recipient": org.recipient}, ((D, "organisation", "recipient"), (D, "organisation", "owner")))


def budget(d: Directive, empty_markers: list[str]) -> Seen | None:
    if d.budget is None or (d.budget.costs is None and d.budget.financing is None):
        return None
    folded = {m.strip().casefold().rstrip(".") for m in empty_markers}
    costs, financing = (d.budget.costs or "").strip(), (d.budget.financing or "").strip()
    # An amount has digits ("2 mnkr"); "inom befintliga ramar" says where the money is, not how much.
    unquantified = not re.search(r"\d", costs)
    unfunded = financing.casefold().rstrip(".") in folded
    values = {"costs": costs or None, "financing": financing or None, "unquantified": unquantified, "unfunded": unfunded}
    facts = [(D, "budget", key) for key, bad in (("costs", unquantified), ("financing", unfunded)) if bad]
    return Seen(not unquantified and not unfunded, values, tuple(facts) or ((D, "budget"),))

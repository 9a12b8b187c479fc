"""fact_elements: every item of a fact collection has the elements the criterion requires.

The collection is one of budgets, deviations, risks, ic_plans (internkontrollplaner) or
delegations; `require` names the elements (see checks/_elements.py), each a yes/no question
about one item that may be unknown. `absences` are the kinds of recorded absence that mean the
required thing does not exist at all (no risk analysis, no internkontrollplan).

PASS: every item has every required element.
PARTLY: an item lacks some required elements (recorded as missing or wrong), not all.
FAIL: an item lacks every required element, or one of the `decisive` elements without which the
item cannot stand (a delegation whose chain from fullmäktige to the final delegate is broken), or
the case records an absence of a kind in `absences`.
CANNOT ASSESS: the collection is empty and no absence is recorded, or an item's elements are
partly unknown and none is missing: unknown is never read as missing.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ._elements import ELEMENTS, Collection, Item, items

ITEM = ("collection", "item", "label", "body", "present", "missing", "unknown")

CODES = Codes(
    none_recorded=Code(Outcome.cannot_assess, "the case records no item of the collection", ("collection",)),
    recorded_absence=Code(
        Outcome.not_fulfilled,
        "the case records that the required thing does not exist",
        ("collection", "kind", "statement", "concerns"),
    ),
    complete=Code(Outcome.fulfilled, "an item has every required element", ITEM),
    incomplete=Code(Outcome.partly_fulfilled, "an item lacks some required elements", ITEM),
    lacking=Code(Outcome.not_fulfilled, "an item lacks every required element", ITEM),
    lacks_decisive=Code(Outcome.not_fulfilled, "an item lacks an element the criterion holds decisive", (*ITEM, "decisive")),
    elements_unknown=Code(Outcome.cannot_assess, "the case does not say whether an item has some required elements", ITEM),
)


class FactElementsParams(Params):
    collection: Collection = Field(description="The facts to read: budgets, deviations, risks, ic_plans or delegations.")
    require: list[str] = Field(min_length=1, description="The elements every item must have (see checks/_elements.py).")
    absences: list[AbsenceKind] = Field(
        default_factory=list, description="Absence kinds that mean the thing is missing altogether."
    )
    decisive: list[str] = Field(
        default_factory=list,
        description="Required elements without which an item fails whatever else it has (a subset of `require`).",
    )

    @model_validator(mode="after")
    def _known_elements(self) -> FactElementsParams:
        known = ELEMENTS[self.collection]
        unknown = [name for name in self.require if name not in known]
        if unknown:
            raise ValueError(f"no element {', '.join(unknown)} for {self.collection.value}; known: {', '.join(known)}")
        stray = [name for name in self.decisive if name not in self.require]
        if stray:
            raise ValueError(f"decisive elements must also be required: {', '.join(stray)}")
        return self


def run(ctx: CheckContext, params: FactElementsParams) -> list[Finding]:
    collection = params.collection.value
    found = [
        CODES.recorded_absence(
            {"collection": collection, "kind": a.kind.value, "statement": a.statement, "concerns": list(a.concerns)}, [path]
        )
        for kind in params.absences
        for path, a in ctx.absences(kind)
    ]
    found += [_judge(ctx, params, item) for item in items(ctx, params.collection)]
    return found or [CODES.none_recorded({"collection": collection})]


def _judge(ctx: CheckContext, params: FactElementsParams, item: Item) -> Finding:
    elements = ELEMENTS[params.collection]
    answers = {name: elements[name](ctx, item.fact) for name in params.require}
    values = {
        "collection": params.collection.value,
        "item": getattr(item.fact, "id", None),
        "label": item.label,
        "body": item.body,
        "present": [n for n, a in answers.items() if a is True],
        "missing": [n for n, a in answers.items() if a is False],
        "unknown": [n for n, a in answers.items() if a is None],
    }
    decisive = [n for n in params.decisive if answers[n] is False]
    if decisive and len(values["missing"]) < len(answers):
        # One missing element that the item cannot stand without outweighs what else it has or may have.
        return CODES.lacks_decisive({**values, "decisive": decisive}, [item.path])
    if values["missing"]:
        code = CODES.lacking if len(values["missing"]) == len(answers) else CODES.incomplete
    else:
        code = CODES.elements_unknown if values["unknown"] else CODES.complete
    return code(values, [item.path])


CHECK = Check(
    id="fact_elements",
    summary="Every item of a fact collection (budgets, deviations, risks, internal-control plans, delegations) has the required elements.",
    params=FactElementsParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

"""field_rule: a simple rule over the items of one section, so a criterion can be written in YAML alone.

`collection` names a section of the case by a dotted path (`decisions`, `directive.sub_activities`,
`initiative`): a list, or a single object taken as one item. `where`, a JMESPath expression
evaluated on each item, keeps the items for which it is true. Then exactly one rule:

- `require`: JMESPath expressions (usually plain field names) that must be present and not
  empty, null or false on every item;
- `one_of`: `{field, values}`: the field's value must be one of the values;
- `before`: `{earlier, later}`: two date fields, the earlier on or before the later;
- `min_count`: at least N items (after `where`).

Items are the case's plain data (`case.model_dump(mode="json")`), so expressions use the case
file's own key names. Expressions are checked when the criteria file loads.

PASS: every item keeps the rule (for min_count: there are enough items).
PARTLY: some items break it, each one named (`fail_outcome: not_fulfilled` makes this a FAIL).
FAIL: fewer items than min_count.
CANNOT ASSESS: the collection is missing or empty (except for min_count); or no item breaks the
rule but some item lacks what the rule needs (a one_of value, a date, or dates too imprecise
to put in order), since a missing value is never a pass.
"""

from __future__ import annotations

from typing import Any

import jmespath
from jmespath.exceptions import JMESPathError

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check
from ..engine.results import Finding
from ..model.base import PartialDate
from ..model.paths import YamlPath, dotted
from .field_rule_params import Before, FieldRuleParams

LABEL_KEYS = ("title", "name", "summary", "task", "covered", "text", "id")
Verdict = tuple[str, dict[str, Any]] | None
COUNTED = ("collection", "count", "min_count")
ITEM = (*COUNTED, "id", "label", "path", "item")
BROKEN = (Outcome.partly_fulfilled, Outcome.not_fulfilled)  # as the criterion's fail_outcome says

CODES = Codes(
    rule_holds=Code(Outcome.fulfilled, "every item keeps the rule (or there are enough)", COUNTED),
    item_missing_field=Code(BROKEN, "an item lacks required keys", (*ITEM, "missing")),
    item_not_in_set=Code(BROKEN, "an item's value is not allowed", (*ITEM, "field", "value", "allowed")),
    dates_out_of_order=Code(BROKEN, "an item's later date comes first", (*ITEM, "earlier", "later")),
    item_not_assessable=Code(
        Outcome.cannot_assess,
        "an item lacks what the rule needs; reason: missing, not_a_date or imprecise",
        (*ITEM, "missing", "reason", "earlier", "later"),
    ),
    too_few=Code(Outcome.not_fulfilled, "fewer items than min_count", COUNTED),
    nothing_to_check=Code(Outcome.cannot_assess, "no items in the collection (after where)", COUNTED),
)


def run(ctx: CheckContext, params: FieldRuleParams) -> list[Finding]:
    items = [(p, i) for p, i in _items(ctx.case.model_dump(mode="json"), params.collection) if _kept(i, params.where)]
    base = {"collection": params.collection, "count": len(items), "min_count": params.min_count}
    paths = [path for path, _ in items]
    if params.min_count is not None:
        return [(CODES.rule_holds if len(items) >= params.min_count else CODES.too_few)(base, paths)]
    if not items:
        return [CODES.nothing_to_check(base)]
    judged = [(path, item, verdict) for path, item in items if (verdict := _judge(item, params))]
    if not judged:
        return [CODES.rule_holds(base, paths)]
    broken = Outcome(params.fail_outcome)
    return [
        CODES[code](
            {**base, **_describe(path, item), "item": item, **values},
            [path],
            outcome=None if code == "item_not_assessable" else broken,
        )
        for path, item, (code, values) in judged
    ]


def _judge(item: Any, params: FieldRuleParams) -> Verdict:
    """None when the item keeps the rule, else (finding code, values)."""
    if params.require is not None:
        missing = [expression for expression in params.require if not truthy(_search(expression, item))]
        return ("item_missing_field", {"missing": missing}) if missing else None
    if params.one_of is not None:
        value = _search(params.one_of.field, item)
        if value is None:
            return "item_not_assessable", {"missing": [params.one_of.field], "reason": "missing"}
        allowed = [_token(v) for v in params.one_of.values]
        verdict = {"field": params.one_of.field, "value": _token(value), "allowed": allowed}
        return None if _token(value) in allowed else ("item_not_in_set", verdict)
    return _judge_dates(item, params.before) if params.before is not None else None


def _judge_dates(item: Any, rule: Before) -> Verdict:
    found = {name: _search(getattr(rule, name), item) for name in ("earlier", "later")}
    missing = [getattr(rule, name) for name, value in found.items() if value in (None, "")]
    if missing:
        return "item_not_assessable", {"missing": missing, "reason": "missing"}
    try:
        earlier, later = (PartialDate.parse(str(found[name])) for name in ("earlier", "later"))
    except ValueError:  # pydantic's date errors are ValueErrors: the expression names something that is not a date
        return "item_not_assessable", {"missing": [], "reason": "not_a_date"}
    dates = {"earlier": str(earlier), "later": str(later)}
    if later.latest() < earlier.earliest():
        return "dates_out_of_order", dates
    # Overlapping dates of coarse precision ("2024" against "2024-06") can be in either order.
    return (
        None if earlier.latest() <= later.earliest() else ("item_not_assessable", {"missing": [], "reason": "imprecise", **dates})
    )


def _items(data: dict[str, Any], collection: str) -> list[tuple[YamlPath, Any]]:
    node: Any = data
    for part in collection.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    path: YamlPath = tuple(collection.split("."))
    if node is None:
        return []
    return [((*path, index), item) for index, item in enumerate(node)] if isinstance(node, list) else [(path, node)]


def _search(expression: str, item: Any) -> Any:
    """Evaluate; a type error inside a JMESPath function (length of a null) counts as no value."""
    try:
        return jmespath.search(expression, item)
    except JMESPathError:
        return None


def _kept(item: Any, where: str | None) -> bool:
    return where is None or truthy(_search(where, item))


def truthy(value: Any) -> bool:
    """JMESPath's own truth: null, false and empty strings, lists and objects are false; 0 is true."""
    return value is not None and value is not False and not (isinstance(value, str | list | dict) and not value)


def _token(value: Any) -> str:
    """Compare as the YAML author wrote it: criteria scalars load as strings, case data as JSON values."""
    return {True: "true", False: "false"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def _describe(path: YamlPath, item: Any) -> dict[str, Any]:
    record = item if isinstance(item, dict) else {}
    label = next((str(record[key]) for key in LABEL_KEYS if record.get(key)), None)
    return {"id": record.get("id"), "label": label or (str(item) if not record else dotted(path)), "path": dotted(path)}


CHECK = Check(
    id="field_rule",
    summary="A rule written in the criterion itself: required keys, allowed values, date order or a least count over one section.",
    params=FieldRuleParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

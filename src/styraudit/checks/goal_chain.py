"""goal_chain: a red thread (röd tråd) from the regional plan down to every yearly sub-goal and activity.

Levels, from the top: plan_goal > strategy > focus_area > target_state > sub_goal > activity.
Every goal below the two top levels must link to at least one goal of a HIGHER level (a link
sideways or down does not carry the thread upwards). Goals at the levels the parameters name
must also have an owner and a measure (how fulfilment is followed up).

PASS: every focus area, target state, sub-goal and activity links upwards, and those that must
have them have an owner and a measure.
PARTLY: some goals lack a link, an owner or a measure (each defect of each goal is named), but
each requirement is met by at least half of the goals it applies to.
FAIL: some requirement (upward link, owner or measure) is missing in more than half of the goals
it applies to.
CANNOT ASSESS: the case records no goals below the top levels (nothing to judge).
"""

from __future__ import annotations

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import Goal, GoalLevel

# Rank 0 is the top of the hierarchy; a link carries the thread upwards only to a lower rank.
RANK: dict[GoalLevel, int] = {level: rank for rank, level in enumerate(GoalLevel)}
TOP_LEVELS = frozenset({GoalLevel.plan_goal, GoalLevel.strategy})
DEFECT = ("id", "title", "level", "year", "lacking", "applies_to")
# A defect is partly fulfilled, or not fulfilled when more than half the goals it applies to have it.
DEFICIENT = (Outcome.partly_fulfilled, Outcome.not_fulfilled)

CODES = Codes(
    no_goals=Code(Outcome.cannot_assess, "the case records no goals below the plan goals and strategies"),
    no_upward_link=Code(DEFICIENT, "a goal links to no goal of a higher level", (*DEFECT, "other_links")),
    no_owner=Code(DEFICIENT, "a goal at a level that needs an owner has none", DEFECT),
    no_measure=Code(DEFICIENT, "a goal at a level that needs a measure has none", DEFECT),
    chain_complete=Code(
        Outcome.fulfilled, "every goal links upwards and has the owners and measures required", ("count", "levels")
    ),
)


class GoalChainParams(Params):
    require_owner_levels: list[GoalLevel] = Field(
        default=[GoalLevel.focus_area, GoalLevel.target_state, GoalLevel.sub_goal],
        description="Goal levels whose goals must name an owner.",
    )
    require_measure_levels: list[GoalLevel] = Field(
        default=[GoalLevel.target_state, GoalLevel.sub_goal],
        description="Goal levels whose goals must state a measure (how fulfilment is followed up).",
    )


def run(ctx: CheckContext, params: GoalChainParams) -> list[Finding]:
    goals = ctx.case.goals
    applies = _requirements(params)
    if not any(goal.level in levels for goal in goals for levels in applies.values()):
        return [CODES.no_goals(facts=[("goals",)])]
    by_id = {goal.id: goal for goal in goals}
    defects = [(index, goal, code) for index, goal in enumerate(goals) for code in _defects(goal, by_id, applies)]
    if not defects:
        return [CODES.chain_complete({"count": len(goals), "levels": _levels(goals)}, [("goals",)])]
    # Each requirement is judged among the goals it applies to, so well-linked activities (which need
    # no owner) cannot hide that no sub-goal has one. "More than half" is strict.
    tally = {
        code: (sum(1 for *_, c in defects if c == code), sum(1 for g in goals if g.level in applies[code])) for code in applies
    }
    failing = any(2 * lacking > total for lacking, total in tally.values())
    outcome = Outcome.not_fulfilled if failing else Outcome.partly_fulfilled
    return [
        CODES[code](
            {**_describe(goal), **_extra(goal, code), "lacking": tally[code][0], "applies_to": tally[code][1]},
            [("goals", index)],
            outcome=outcome,
        )
        for index, goal, code in defects
    ]


def _requirements(params: GoalChainParams) -> dict[str, frozenset[GoalLevel]]:
    """Each defect code and the levels whose goals must meet that requirement, in the order findings are given."""
    return {
        "no_upward_link": frozenset(GoalLevel) - TOP_LEVELS,
        "no_owner": frozenset(params.require_owner_levels),
        "no_measure": frozenset(params.require_measure_levels),
    }


def _defects(goal: Goal, by_id: dict[str, Goal], applies: dict[str, frozenset[GoalLevel]]) -> list[str]:
    """The codes of the requirements this goal must meet but does not."""
    present = {
        "no_upward_link": any(link in by_id and RANK[by_id[link].level] < RANK[goal.level] for link in goal.links),
        "no_owner": bool(goal.owner),
        "no_measure": bool((goal.measure or "").strip()),
    }
    return [code for code, levels in applies.items() if goal.level in levels and not present[code]]


def _extra(goal: Goal, code: str) -> dict[str, object]:
    # Name the links that exist but point sideways or down, so the text can explain why they do not count.
    return {"other_links": list(goal.links)} if code == "no_upward_link" else {}


def _describe(goal: Goal) -> dict[str, object]:
    return {"id": goal.id, "title": goal.title, "level": goal.level.value, "year": goal.year}


def _levels(goals: list[Goal]) -> list[str]:
    """The levels present, top first."""
    return [level.value for level in GoalLevel if any(goal.level == level for goal in goals)]


CHECK = Check(
    id="goal_chain",
    summary="Every goal below the regional plan's goals and strategies links upwards, and goals at the named levels have an owner and a measure.",
    params=GoalChainParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation

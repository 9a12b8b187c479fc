"""The goal hierarchy: plan goals, strategies, focus areas, target states, sub-goals and activities."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Sourced, Text, new_list, ref


class GoalLevel(StrEnum):
    plan_goal = "plan_goal"
    strategy = "strategy"
    focus_area = "focus_area"
    target_state = "target_state"
    sub_goal = "sub_goal"
    activity = "activity"


class Goal(Sourced):
    """A node of the goal hierarchy; `links` point up to the goals and strategies it serves.
    (Its `level` is its place in the hierarchy, so it is not a Fact with an organisational level.)"""

    id_kind: ClassVar[str | None] = "goal"

    id: Id
    level: GoalLevel
    title: Text
    year: int | None = None
    links: list[ref("goal")] = Field(default_factory=new_list)
    owner: list[ref(*ACTOR)] = Field(default_factory=new_list)
    measure: str | None = None
    current_state: str | None = None

"""Delegation: a delegation decision with its scope, to whom, its limits, and how delegated decisions are reported back."""

from typing import ClassVar

from pydantic import Field

from .amount import Amount
from .base import ACTOR, Id, PartialDate, StrictModel, Text, new_list, ref
from .common import Fact, YesNo
from .facts import Matter


class DelegationReporting(StrictModel):
    """Anmälan av delegationsbeslut: whether it is required, to whom and how, and whether it is done."""

    required: YesNo = None
    to: ref("body") | None = None
    how: str | None = None
    practised: YesNo = None


class Delegation(Fact):
    """A delegation decision (or one delegationsordning): who delegates what to whom, within which limits."""

    id_kind: ClassVar[str | None] = "delegation"

    id: Id
    title: str | None = None
    delegated_by: ref("body")
    decision: ref("decision") | None = None
    document: ref("document", "steering_document") | None = None
    date: PartialDate | None = None
    to: list[ref(*ACTOR)] = Field(default_factory=new_list)
    scope: str | None = None
    matters: list[Matter] = Field(default_factory=new_list)
    limits: str | None = None
    amount_limit: Amount | None = None
    further_delegation: YesNo = None
    recipients_clear: YesNo = None
    non_delegable_included: YesNo = None
    chain_complete: YesNo = None
    up_to_date: YesNo = None
    revised: PartialDate | None = None
    reporting: DelegationReporting | None = None
    statement: Text | None = None

"""The organisation: bodies, the administrations under them, roles and groups."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import Id, Sourced, StrictModel, Text, new_list, ref


class OrganisationKind(StrEnum):
    region = "region"
    municipality = "municipality"


class Organisation(StrictModel):
    name: Text
    kind: OrganisationKind = OrganisationKind.region


class BodyKind(StrEnum):
    council = "council"
    board = "board"
    committee = "committee"
    auditors = "auditors"


class Body(Sourced):
    """A politically elected body: fullmäktige, styrelse, nämnd."""

    id_kind: ClassVar[str | None] = "body"

    id: Id
    name: Text
    kind: BodyKind
    short: str | None = None


class AdministrationKind(StrEnum):
    administration = "administration"
    staff = "staff"
    unit = "unit"
    area = "area"


class Administration(Sourced):
    """A förvaltning, or a stab, enhet or område inside one (`part_of`)."""

    id_kind: ClassVar[str | None] = "administration"

    id: Id
    name: Text
    kind: AdministrationKind = AdministrationKind.administration
    body: ref("body") | None = None
    part_of: ref("administration") | None = None
    head: ref("role") | None = None
    short: str | None = None


class Role(Sourced):
    """A named role such as regiondirektör: a role, never a person."""

    id_kind: ClassVar[str | None] = "role"

    id: Id
    title: Text
    definite: str | None = None
    administration: ref("administration") | None = None


class GroupKind(StrEnum):
    management_group = "management_group"
    project_group = "project_group"
    network = "network"
    other = "other"


class Group(Sourced):
    """A group of officials, such as a ledningsgrupp; it is not a body and has no decision competence of its own."""

    id_kind: ClassVar[str | None] = "group"

    id: Id
    name: Text
    kind: GroupKind = GroupKind.management_group
    chair: ref("role") | None = None
    administration: ref("administration") | None = None
    members: list[ref("role", "administration")] = Field(default_factory=new_list)
    short: str | None = None

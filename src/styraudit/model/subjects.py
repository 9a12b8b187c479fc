"""What an audit examines: an initiative, a project, a programme, a portfolio, a standing process or an owned entity."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import Id, Inconsistency, Text, new_list, ref
from .facts import Initiative


class SubjectKind(StrEnum):
    initiative = "initiative"
    project = "project"
    programme = "programme"
    portfolio = "portfolio"
    process = "process"
    entity = "entity"


class LegalForm(StrEnum):
    """The legal form of an owned entity; it decides which steering instruments exist."""

    limited_company = "limited_company"
    limited_partnership = "limited_partnership"
    foundation = "foundation"
    association = "association"
    federation = "federation"
    other = "other"


class Subject(Initiative):
    """One thing the case examines. Everything an initiative has, plus what its kind needs:
    a portfolio's population and sample, an entity's legal form and ownership. A standing process
    has no period; checks then use the audit's examined period (`audit.period`)."""

    id_kind: ClassVar[str | None] = "subject"

    id: Id
    kind: SubjectKind
    part_of: ref("subject") | None = None
    population: int | None = Field(default=None, ge=0)
    sample_size: int | None = Field(default=None, ge=0)
    sample_description: str | None = None
    legal_form: LegalForm | None = None
    ownership_percent: float | None = Field(default=None, ge=0, le=100)
    co_owners: list[Text] = Field(default_factory=new_list)

    def inconsistencies(self) -> Iterator[Inconsistency]:
        if self.population is not None and self.sample_size is not None and self.sample_size > self.population:
            yield (
                ("sample_size",),
                f"impossible sample: {self.sample_size} examined out of a population of {self.population}",
                "the sample cannot be larger than the population it is drawn from",
            )
        if self.part_of == self.id:
            yield (("part_of",), f"the subject {self.id!r} is part of itself", "name the portfolio or programme it belongs to")

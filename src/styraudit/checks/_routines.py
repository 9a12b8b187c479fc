"""Standing reporting routines: a steering document of kind routine that says which body it reports
to (`reports_to`) and how many reports a year it gives (`reports_per_year`). A standing process, or a
strategy followed up in the annual cycle, often has no start date and no dated reports; its routine
still has a cadence, which is what the follow-up checks judge there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..engine.context import CheckContext
from ..model.paths import YamlPath
from ..model.steering import SteeringKind
from ._scope import in_scope


def reporting_routines(ctx: CheckContext, body: str | None = None) -> Iterator[tuple[YamlPath, Any]]:
    """The question's reporting routines (those reporting to `body` when given), with their paths."""
    for index, doc in enumerate(ctx.case.steering_documents):
        if doc.kind is not SteeringKind.routine or doc.reports_to is None:
            continue
        if (body is None or doc.reports_to == body) and in_scope(ctx, doc.subject, doc.applies_to):
            yield ("steering_documents", index), doc


def months_between(per_year: int) -> int:
    """The whole months between two reports of a routine giving `per_year` reports a year, rounded up."""
    return -(-12 // per_year)

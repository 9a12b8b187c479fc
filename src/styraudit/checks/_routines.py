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
from ._scope import steering_documents


def reporting_routines(ctx: CheckContext, body: str | None = None) -> Iterator[tuple[YamlPath, Any]]:
    """The question's reporting routines (those reporting to `body` when given), with their paths."""
    for path, doc in steering_documents(ctx):
        if doc.kind is SteeringKind.routine and doc.reports_to is not None and (body is None or doc.reports_to == body):
            yield path, doc


def months_between(per_year: int) -> int:
    """The whole months between two reports of a routine giving `per_year` reports a year, rounded up."""
    return -(-12 // per_year)

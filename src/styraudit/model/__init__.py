"""The case-file model (pydantic v2). Keys are English; the content is Swedish."""

from __future__ import annotations

from .audit import Answer, Audit, AuditQuestion, Override, Waiver
from .base import PartialDate, Period, RefTo, Sourced
from .case import SCHEMA_VERSION, Case

__all__ = [
    "SCHEMA_VERSION",
    "Answer",
    "Audit",
    "AuditQuestion",
    "Case",
    "Override",
    "PartialDate",
    "Period",
    "RefTo",
    "Sourced",
    "Waiver",
]

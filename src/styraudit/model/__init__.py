"""The case-file model (pydantic v2). Keys are English; the content is Swedish.

Unlike the rest of the package (and like cli.py), the model's modules do not postpone their
annotations (`from __future__ import annotations`): pydantic reads every field's annotation as
each class is made, and ~550 string annotations it must evaluate one by one, ~10 ms of every
command that loads a case; written as objects, the interpreter makes them once, with the module.
A method's annotation that names its own class is written in quotes."""

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

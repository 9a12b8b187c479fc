"""The output's extension chooses its format: one check, and one message, for every part that is written."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import Location, Problem, UsageError
from ..text.i18n import _


def extension(path: Path, known: Iterable[str], refusal: str) -> str:
    """`path`'s extension when it is one of `known`; else a usage error that names them.
    `refusal` is the translated message with a `{suffix}` field ("the summary cannot be written as ...")."""
    suffix, choices = path.suffix.lower(), list(known)
    if suffix not in choices:
        message = refusal.format(suffix=suffix or _("(no extension)"))
        hint = _("end the file name in {known}").format(known=", ".join(choices))
        raise UsageError([Problem(Location(str(path)), message, hint, "usage")])
    return suffix

"""Where the shipped criteria, templates and schema live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the styraudit package


def data_dir(name: str) -> Path:
    """The shipped folder `name` (criteria, templates, schema): inside the wheel, else the checkout's."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent.parent / name

"""Optional parts of the installation: what `pip install styraudit` leaves out, and how to add it.

`check` and `validate` need only the core dependencies; the report back-ends (matplotlib for the
timeline, python-docx for Word, later python-pptx and openpyxl) come with the `report` extra.
A command that needs a missing back-end says which extra to install, before doing any work.
"""

from __future__ import annotations

from importlib.util import find_spec

from ..errors import Location, Problem, UsageError
from ..text.i18n import _

REPORT_EXTRA = "report"
# import name -> the package pip installs
PACKAGES = {"matplotlib": "matplotlib", "docx": "python-docx", "pptx": "python-pptx", "openpyxl": "openpyxl"}


def require(modules: tuple[str, ...], what: str, extra: str = REPORT_EXTRA) -> None:
    """Raise a usage error (exit 2) naming the extra to install if any of `modules` is missing."""
    missing = [PACKAGES.get(m, m) for m in modules if find_spec(m) is None]
    if missing:
        message = _("{what} needs {packages}, which this installation lacks").format(what=what, packages=", ".join(missing))
        hint = _("install the {extra} extra: pip install 'styraudit[{extra}]'").format(extra=extra)
        raise UsageError([Problem(Location(what), message, hint, "missing-extra")])

"""Running a report template in the bounded sandbox, with a budget of time and output size.

The sandbox (styraudit.text.jinja) bounds everything a template computes and writes; a user's
template can still loop for long, so a deadline stops it after MAX_SECONDS. Templates are read
only from regular files inside the folder they were given in (a symbolic link to /etc/shadow
or to / is refused), at most MAX_TEMPLATE_BYTES each, as UTF-8. Any template mistake — syntax,
an undefined name, a refused size, endless recursion, a character that cannot be written —
becomes an InputError at the template's file:line, with a hint; never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from ..errors import InputError, Location, Problem, StyrauditError
from ..load.printable import printable
from .i18n import _
from .jinja import TimeLimitExceeded, deadline

MAX_OUTPUT_CHARS = 20_000_000
MAX_SECONDS = 30.0
MAX_TEMPLATE_BYTES = 1024 * 1024


class FolderLoader(BaseLoader):
    """Templates looked up in folders in order; each must be a regular file resolving inside its folder."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        from ..load.files import read_regular
        from ..load.yamldoc import decode

        pieces = split_template_path(template)  # refuses '..' on its own
        for folder in self.folders:
            path = os.path.join(folder, *pieces)
            if not os.path.lexists(path):
                continue
            raw = read_regular(path, max_bytes=MAX_TEMPLATE_BYTES, within=folder, what=_("the template"), limit=None)
            return decode(raw, path), path, lambda: False
        raise TemplateNotFound(template)


def render_template(name: str, context: dict[str, Any], folders: list[Path], html: bool) -> str:
    """Render template `name`, looked up in `folders` in order (a user's folder first)."""
    env = _environment(folders, html)
    source = _found(name, folders)  # the file the template comes from
    try:
        template = env.get_template(name)
        # The output is metered as it is written; the deadline also stops a loop that writes nothing.
        with deadline(MAX_SECONDS):
            return printable("".join(template.generate(**context)))
    except StyrauditError:
        raise  # already located: a template file refused, a label that cannot be filled
    except TemplateSyntaxError as exc:
        raise _problem(
            exc.filename or source, exc.lineno, f"template syntax: {exc.message}", "check the {{ }} and {% %} pairs"
        ) from None
    except TimeLimitExceeded as exc:
        raise _problem(source, 0, str(exc), "templates get a bounded budget; simplify the loops") from None
    except Exception as exc:  # whatever a user's template does wrong, the user gets file:line
        where = _template_frame(exc, folders) or (source, 0)
        raise _problem(where[0], where[1], f"template error: {_message(exc)}", _hint(exc)) from None


def _found(name: str, folders: list[Path]) -> str:
    """The file `name` is read from: the first folder that has it."""
    return next((str(f / name) for f in folders if os.path.lexists(f / name)), name)


def _environment(folders: list[Path], html: bool) -> Any:
    from .filters import FILTERS
    from .jinja import environment

    env = environment(html=html, loader=FolderLoader(folders), output_limit=MAX_OUTPUT_CHARS)
    env.filters.update(FILTERS)
    return env


def _message(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "the template nests or calls itself too deep (recursion)"
    if isinstance(exc, MemoryError):
        return "the template needs more memory than there is"
    if isinstance(exc, UnicodeError):
        return f"a text cannot be encoded or decoded: {exc.reason if hasattr(exc, 'reason') else exc}"
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text if len(text) <= 300 else text[:300] + "…"


def _template_frame(exc: BaseException, folders: list[Path]) -> tuple[str, int] | None:
    """The innermost traceback frame inside one of the template folders: (file, line)."""
    roots = [str(f.resolve()) for f in folders]
    found = None
    trace = exc.__traceback__ or sys.exc_info()[2]
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if any(str(Path(filename).resolve()).startswith(root) for root in roots):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _hint(exc: BaseException) -> str:
    from jinja2 import UndefinedError

    if isinstance(exc, UndefinedError):
        return "the report model has no such field; see src/styraudit/report/model.py for the names"
    if isinstance(exc, SecurityError):
        return "templates run in a sandbox: no private attributes and no huge results"
    if isinstance(exc, RecursionError):
        return "a macro or include that calls itself needs a condition that ends it"
    return "check the expression on this line against the report model"


def _problem(file: str, line: int | None, message: str, hint: str) -> InputError:
    return InputError([Problem(Location(file, line or 0, 1 if line else 0), message, hint, "template")])

"""Running a report template in the bounded sandbox, with a budget of time and output size.

The sandbox (styraudit.text.jinja) refuses attribute escapes and huge arithmetic results, but a
user's template can still loop for long or write without end; output is therefore produced
piece by piece and stopped when it passes MAX_OUTPUT_CHARS or MAX_SECONDS. Any template
mistake becomes an InputError at the template's file:line, with a hint.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from ..errors import InputError, Location, Problem
from .jinja import TimeLimitExceeded, deadline

MAX_OUTPUT_CHARS = 20_000_000
MAX_SECONDS = 30.0


class _Budget(Exception):
    """The template used more than its budget."""


def render_template(name: str, context: dict[str, Any], folders: list[Path], html: bool) -> str:
    """Render template `name`, looked up in `folders` in order (a user's folder first)."""
    env = _environment(folders, html)
    source = name  # the file the template came from, once it is found
    try:
        template = env.get_template(name)
        source = template.filename or name
        # The output budget is checked as text is written; the deadline also stops a loop that writes nothing.
        with deadline(MAX_SECONDS):
            return _bounded(template.generate(**context))
    except TemplateSyntaxError as exc:
        raise _problem(
            exc.filename or source, exc.lineno, f"template syntax: {exc.message}", "check the {{ }} and {% %} pairs"
        ) from None
    except (_Budget, TimeLimitExceeded) as exc:
        raise _problem(source, 0, str(exc), "templates get a bounded budget; simplify the loops") from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
        # Jinja rewrites tracebacks so that a template's frames carry the template's own file and line.
        where = _template_frame(exc, folders) or (source, 0)
        message = getattr(exc, "message", None) or str(exc)
        raise _problem(where[0], where[1], f"template error: {message}", _hint(exc)) from None


def _environment(folders: list[Path], html: bool) -> Any:
    from .filters import FILTERS
    from .jinja import environment

    env = environment(html=html, loader=FileSystemLoader([str(f) for f in folders]))
    env.filters.update(FILTERS)
    return env


def _bounded(pieces: Any) -> str:
    out: list[str] = []
    size, deadline = 0, time.monotonic() + MAX_SECONDS
    for piece in pieces:
        size += len(piece)
        out.append(piece)
        if size > MAX_OUTPUT_CHARS:
            raise _Budget(f"the template wrote more than {MAX_OUTPUT_CHARS} characters")
        if time.monotonic() > deadline:
            raise _Budget(f"the template ran longer than {MAX_SECONDS:.0f} seconds")
    return "".join(out)


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
    return "check the expression on this line against the report model"


def _problem(file: str, line: int | None, message: str, hint: str) -> InputError:
    return InputError([Problem(Location(file, line or 0, 1 if line else 0), message, hint, "template")])

"""Rendering a criterion's compiled texts: bounded in size and time, one line of Swedish out."""

from __future__ import annotations

from typing import Any

from jinja2 import Template

from ..errors import InputError, Location, Problem
from ..text.clock import rendering
from ..text.jinja import MAX_RENDER_SECONDS
from ..text.lazy import LazyTemplate


def render(
    template: LazyTemplate | Template, values: dict[str, Any], where: Location, lookup: Any = None, collapse: bool = True
) -> str:
    """Render a criterion's text; any failure is the criterion file's fault, reported at the text's place.

    Plain prose is given back as it stands, without Jinja. The sandbox refuses huge results
    (SecurityError) and the time bound (the case's, text/clock.py, or the render's own) stops
    endless loops; a name the check does not provide (UndefinedError) or a filter given the
    wrong kind of value fails only now, with this case's values, so it becomes an InputError
    here rather than a traceback. `collapse` makes the text one line, as observations are shown.
    """
    plain = getattr(template, "plain", None)  # a compiled jinja Template (a caller's own) has none
    if plain is not None:
        return template.one_line if collapse else plain  # type: ignore[union-attr]
    try:
        with rendering(MAX_RENDER_SECONDS):
            if isinstance(template, LazyTemplate) and "lookup" not in values:
                text = template.render_values(values, lookup=lookup)
            else:  # a caller's own template; or values that name `lookup`, which Jinja's render refuses
                text = template.render(**values, lookup=lookup)
            return " ".join(text.split()) if collapse else text
    except Exception as exc:  # whatever a text does wrong, the user gets file:line, not a traceback
        raise InputError([_render_problem(exc, values, where)]) from None


def _render_problem(exc: Exception, values: dict[str, Any], where: Location) -> Problem:
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, UndefinedError):
        hint = f"values this text can use: {', '.join(sorted(values)) or 'none'}, and lookup(id)"
    elif isinstance(exc, SecurityError):
        hint = "criterion texts run in a sandbox with bounded results and time; simplify the expression"
    else:
        hint = "check the {{ }} expressions in this text"
    message = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    return Problem(where, f"the criterion text cannot be rendered: {message}", hint, "template")

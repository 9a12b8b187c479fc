"""Criterion texts compiled only when a run first renders them, and plain prose never.

A pack holds about 140 texts and a run renders a third of them; compiling them all (Jinja's code
generation and Python's `compile`) was a fifth of a short run. Most texts are plain prose: they
are given back as Jinja would have written them, without a template at all. Nothing is cached
on disk (`validate` never writes, and nothing may appear beside the user's files).
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Template, nodes

from ..load.printable import printable

TEMPLATE_MARKS = ("{{", "{%", "{#")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def has_syntax(text: str) -> bool:
    """Whether `text` holds anything Jinja would read as a tag, an expression or a comment."""
    return any(mark in text for mark in TEMPLATE_MARKS)


class LazyTemplate:
    """A text that renders like `env.from_string(source)` does, compiled at its first render."""

    __slots__ = ("_compiled", "_parsed", "_plain", "environment", "one_line", "source")

    def __init__(self, environment: Any, source: str, parsed: nodes.Template | None = None) -> None:
        self.environment, self.source, self._parsed = environment, source, parsed
        self._compiled: Template | None = None
        # Jinja writes plain text as it stands, but with its newlines made "\n" (the lexer does
        # that) and any control character made visible (BoundedTemplate.render).
        self._plain = None if has_syntax(source) else printable(_NEWLINES.sub("\n", source))
        # ... and as an observation shows it, on one line: made once, not at every render.
        self.one_line = None if self._plain is None else " ".join(self._plain.split())

    @property
    def plain(self) -> str | None:
        """The text as rendered, when it has no template syntax; else None."""
        return self._plain

    @property
    def template(self) -> Template:
        """The compiled template (compiled now, if this is the first time it is needed)."""
        if self._compiled is None:
            self._compiled = self.environment.from_string(self._parsed if self._parsed is not None else self.source)
            self._parsed = None  # the compiled code is all a render needs
        return self._compiled

    def render(self, *args: Any, **kwargs: Any) -> str:
        """The rendered text; plain prose is given back without Jinja."""
        if self._plain is not None:
            return self._plain
        return self.template.render(*args, **kwargs)

    def render_values(self, values: dict[str, Any], **more: Any) -> str:
        """`render(**values, **more)`, without copying the values on the way (text/jinja.py)."""
        if self._plain is not None:
            return self._plain
        compiled = self._compiled or self.template
        fast = getattr(compiled, "render_values", None)  # the sandbox's templates (text/jinja.py) have it
        return fast(values, **more) if fast is not None else compiled.render(values, **more)

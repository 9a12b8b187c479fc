"""One Jinja2 sandbox for every template: criteria texts and report templates alike.

The sandbox stops attribute escapes but not resource bombs (NOTES.md: `'a' * 10**9` ran 33 s),
so everything a template computes is bounded before it is built (text/bounds.py): operators,
`~`, literals, filters and string methods. What a template writes is metered as it is written,
inside macros and `{% set %}` blocks too, so no buffer grows past the output budget; a
deadline stops loops that write nothing. Undefined names are errors.
"""

from __future__ import annotations

import contextlib
import operator
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import StrictUndefined, Template, select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, markup_join, new_context, str_join
from jinja2.sandbox import SandboxedEnvironment

from ..load.printable import printable
from . import bounds
from .bounds import MAX_NUMBER, MAX_POWER, MAX_RESULT_LENGTH, TooLarge
from .codegen import BoundedCodeGenerator, finalize
from .filter_bounds import bounded_filters

__all__ = ["MAX_NUMBER", "MAX_POWER", "MAX_RESULT_LENGTH", "BoundedSandbox", "deadline", "environment"]

# A criterion text is a sentence or two, but it may quote the case, whose texts may be long
# (max_text_chars): the budget bounds the memory a render takes, not the length of a sentence.
MAX_TEXT_OUTPUT = 20_000_000
MAX_RENDER_SECONDS = 2.0  # a criterion text is a sentence or two; nested loops can run for hours

_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}


class BoundedTemplate(Template):
    """A template whose every render starts the output meter afresh."""

    _flat_globals: dict[str, Any] | None = None

    def new_context(
        self, vars: dict[str, Any] | None = None, shared: bool = False, locals: Mapping[str, Any] | None = None
    ) -> Context:
        """The context Jinja builds, from the globals flattened once per template: Jinja flattens its
        ChainMap of globals twice at every render, half of what rendering a criterion text cost."""
        if shared or locals:
            return super().new_context(vars, shared, locals)
        return self._context(vars or {})

    def _context(self, values: Mapping[str, Any], **more: Any) -> Context:
        flat = self._flat_globals
        if flat is None:  # the globals are set up with the environment, before any template renders
            flat = self._flat_globals = dict(self.globals)
        return new_context(self.environment, self.name, self.blocks, {**flat, **values, **more}, True, flat)

    def render(self, *args: Any, **kwargs: Any) -> str:
        """The text, with any control character a template wrote (`{{ '\\x1b' }}`) made visible."""
        if self.environment.is_async:
            self.environment.start()  # type: ignore[attr-defined]
            return printable(super().render(*args, **kwargs))
        return self.render_values(dict(*args, **kwargs))

    def render_values(self, values: Mapping[str, Any], **more: Any) -> str:
        """`render(**values, **more)` as Jinja's own render does it, without copying the values at each
        call on the way in (engine/render.py): a criterion text is short, and each copy was a part of it."""
        self.environment.start()  # type: ignore[attr-defined]
        context = self._context(values, **more)
        try:
            return printable(self.environment.concat(self.root_render_func(context)))  # type: ignore[attr-defined]
        except Exception:
            self.environment.handle_exception()

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        self.environment.start()  # type: ignore[attr-defined]
        return super().generate(*args, **kwargs)


class BoundedSandbox(SandboxedEnvironment):
    """A sandbox in which nothing a template computes or writes can grow past its bound."""

    code_generator_class = BoundedCodeGenerator
    template_class = BoundedTemplate
    intercepted_binops = frozenset(_OPERATORS)

    def __init__(self, *args: Any, output_limit: int = MAX_TEXT_OUTPUT, **kwargs: Any) -> None:
        super().__init__(*args, finalize=finalize, **kwargs)
        self.output_limit, self.written = output_limit, 0

    def start(self) -> None:
        """A render begins: the output meter starts from zero."""
        self.written = 0

    def metered(self, text: str) -> str:
        self.written += len(text)
        if self.written > self.output_limit:
            raise TooLarge(f"the template wrote more than {self.output_limit} characters")
        return text

    def tilde(self, parts: tuple[Any, ...], autoescape: bool) -> str:
        """`a ~ b`: refused before it is built when the parts are together too long."""
        bounds.refuse_over(sum(bounds.weight(p) for p in parts), "a text joined with ~")
        return markup_join(parts) if autoescape else str_join(parts)

    def literal(self, value: Any) -> Any:
        return bounds.literal(value)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        bounds.check_binop(operator_name, left, right)
        return bounds.checked(_OPERATORS[operator_name](left, right))

    def call(self, context: Any, function: Any, /, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        args = bounds.check_call(function, args, kwargs)
        return bounds.check_after_call(function, super().call(context, function, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if getattr(type(owner), "named_fields_only", False):
            return None  # a label fills named fields only: nothing for the sandbox to guard
        return super().wrap_str_format(value)


class TimeLimitExceeded(SecurityError):
    """A template ran past its deadline."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise SecurityError when the block runs longer than `seconds`.

    The bounds above limit sizes, not time: `{% for i in range(99999) %}{% for j in
    range(99999) %}{% endfor %}{% endfor %}` writes nothing and never ends. A real-time timer
    (SIGALRM) interrupts it. Where no timer is available (Windows, a thread other than the
    main one) the block runs unbounded.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"the template ran longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def environment(*, html: bool = False, loader: Any = None, output_limit: int = MAX_TEXT_OUTPUT) -> BoundedSandbox:
    """A bounded sandbox with strict undefined; autoescaping for HTML templates."""
    autoescape = select_autoescape(["html", "htm", "xml"], default_for_string=html, default=html)
    env = BoundedSandbox(
        undefined=StrictUndefined,
        autoescape=autoescape,
        loader=loader,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        output_limit=output_limit,
    )
    from .swedish import FILTERS

    env.filters.update(FILTERS)
    env.filters = bounded_filters(env.filters)
    return env

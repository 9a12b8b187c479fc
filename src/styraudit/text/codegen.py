"""How templates are compiled in the bounded sandbox (text/jinja.py): Jinja's code generator
with hooks, so that `~`, list, tuple and dict literals and every piece of output go through
the environment's bounds and output meter. Jinja builds those without calling the
environment, so no other hook would see them."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_environment
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat, Dict, List, Tuple
from markupsafe import Markup

from . import bounds


class BoundedCodeGenerator(CodeGenerator):
    """Routes `~`, literals and every piece of output through the environment's bounds."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.tilde((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("), context.eval_ctx.autoescape)")

    def visit_List(self, node: List, frame: Frame) -> None:
        self.write("environment.literal(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Tuple(self, node: Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # an assignment target such as `for a, b in ...`
            super().visit_Tuple(node, frame)
            return
        self.write("environment.literal(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def visit_Dict(self, node: Dict, frame: Frame) -> None:
        self.write("environment.literal(")
        super().visit_Dict(node, frame)
        self.write(")")

    def _output_const_repr(self, group: Any) -> str:
        return f"environment.metered({super()._output_const_repr(group)})"


@pass_environment
def finalize(env: Any, value: Any) -> Any:
    """Each value a template writes: made text here (so its size is known), then metered."""
    if not isinstance(value, str):
        if hasattr(value, "__html__"):
            value = Markup(value.__html__())
        else:
            bounds.checked(value, "a written value")
            value = str(value)
    return env.metered(value)

"""Compiling a criterion's Swedish texts, and checking up front that each names only what it
will be given: the values its finding code declares (or, for the criterion's own texts,
`outcome` and `parts`), `params` with the parameters that exist, and `lookup`.

A misspelt name is then a located error when the pack loads, not when some case first
reaches the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes

from ...errors import Location, Problem
from ...load.refs import suggest
from ...load.yamldoc import YamlDocument
from ...model.paths import YamlPath
from ...text.lazy import LazyTemplate, has_syntax

# A nested shape of what `params` holds: parameter names (finding texts), or check ids to their
# parameter names (the criterion's texts). None: a value, below which anything goes.
Shape = Mapping[str, Any]


@dataclass(frozen=True)
class TextNames:
    """What a text may name besides the sandbox's globals."""

    values: frozenset[str]
    params: Shape

    def problems(self, ast: nodes.Template, env: Any, where: Location) -> list[Problem]:
        allowed = self.values | {"params", "lookup"} | set(env.globals)
        # Jinja's own analysis (a code generator's walk of the whole text) costs more than parsing
        # the text; a text whose every name read is allowed has no undefined name, whatever the
        # text itself defines, so the analysis runs only for a text that reads some other name.
        found_nodes = list(ast.find_all((nodes.Name, nodes.Getattr)))  # one walk of the tree for all three uses
        names = [n for n in found_nodes if isinstance(n, nodes.Name)]
        read = {node.name for node in names if node.ctx == "load"}
        undeclared = meta.find_undeclared_variables(ast) if read - allowed else set()
        found = [self._undefined(name, _line(names, name), where, allowed) for name in sorted(undeclared - allowed)]
        attributes = [n for n in found_nodes if isinstance(n, nodes.Getattr)]
        return found + [p for chain, line in _params_chains(attributes) if (p := self._unknown_param(chain, line, where))]

    def _undefined(self, name: str, line: int, where: Location, allowed: set[str]) -> Problem:
        hint = suggest(name, self.values | {"params"}) or f"names this text can use: {', '.join(sorted(self.values))}, params"
        return Problem(_at(where, line), f"{name!r} is undefined in this text", hint, "template")

    def _unknown_param(self, chain: list[str], line: int, where: Location) -> Problem | None:
        shape: Any = self.params
        for depth, part in enumerate(chain):
            if not isinstance(shape, Mapping):
                return None
            if part not in shape:
                named = ".".join(["params", *chain[: depth + 1]])
                hint = suggest(part, shape) or f"known here: {', '.join(shape) or 'none'}"
                return Problem(_at(where, line), f"{named!r} is not a parameter", hint, "template")
            shape = shape[part]
        return None


def compile_text(
    doc: YamlDocument, env: Any, path: YamlPath, text: str, problems: list[Problem], names: TextNames | None = None
) -> LazyTemplate | None:
    """A criterion text as a template, or None after adding its problems at the text's own line.

    The text is parsed now, so that its syntax and its names are checked when the pack loads;
    it is compiled only if a run renders it, and plain prose is neither parsed nor compiled.
    """
    if not has_syntax(text):
        return LazyTemplate(env, text)
    where = doc.locate(path)
    try:
        ast = env.parse(text)
    except TemplateSyntaxError as exc:
        message, hint = f"template syntax: {exc.message}", "check the {{ }} and {% %} pairs in this text"
        problems.append(Problem(_at(where, exc.lineno or 1), message, hint, "template"))
        return None
    except Exception as exc:  # ((((… nested past what the parser can follow, a 5,000-digit number
        reason = "it nests too deep" if isinstance(exc, RecursionError) else str(exc)[:200] or type(exc).__name__
        problems.append(Problem(where, f"the text cannot be read: {reason}", "simplify the expression", "template"))
        return None
    try:
        found = names.problems(ast, env, where) if names else []
    except RecursionError:
        problems.append(Problem(where, "the text cannot be read: it nests too deep", "simplify the expression", "template"))
        return None
    problems.extend(found)
    return None if found else LazyTemplate(env, text, ast)


def _at(where: Location, line: int) -> Location:
    """The place of line `line` of a text that starts at `where` (a folded text is one line)."""
    at = where.line + line - 1 if where.line else 0
    return Location(where.file, at, where.column if at == where.line else 1)


def _line(names: list[nodes.Name], name: str) -> int:
    """The line of the first of `names` (a text's, in order) that is `name`."""
    return next((n.lineno for n in names if n.name == name), 1)


def _params_chains(attributes: list[nodes.Getattr]) -> list[tuple[list[str], int]]:
    """Each `params.a.b` the text reads, as (["a", "b"], line); only the outermost of a chain."""
    inner = {id(n.node) for n in attributes}
    chains = []
    for node in attributes:
        if id(node) in inner:
            continue
        parts, current = [], node
        while isinstance(current, nodes.Getattr):
            parts.insert(0, current.attr)
            current = current.node
        if isinstance(current, nodes.Name) and current.name == "params":
            chains.append((parts, node.lineno))
    return chains

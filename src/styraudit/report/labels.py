"""The report's Swedish words (templates/report/labels.yaml), optionally overridden by a user's own.

A user's templates folder may carry its own labels.yaml; its values replace the shipped ones
key by key, so a partial file (only the section titles, say) is enough and nothing goes missing.
A group stays a group and a label stays a text: `text: "str"` in place of the group `text` is
an error at its line, not a crash later.

A label is user input, so it is filled by `Label.format`, which substitutes named fields only:
`{role}` is replaced, `{{` and `}}` are braces, and everything else str.format would do
(`{role.__class__}`, `{0}`, `{role:>1000000000}`) is refused when the file loads, at its line.
A field the label cannot have (`{name}` where only `{role}` is given) is refused when it is
filled, also at the label's line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem, input_error
from ..load.printable import printable
from ..load.resources import data_dir
from ..load.yamldoc import YamlDocument, load_file

LABELS_FILE = "labels.yaml"
MAX_FILLED_CHARS = 1_000_000
_PIECE = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")


class Label(str):
    """A label's text that remembers where it was written, and fills only named {fields}."""

    where: Location
    named_fields_only = True  # the sandbox leaves its format alone: it is bounded already

    def __new__(cls, text: str, where: Location) -> Label:
        label = super().__new__(cls, text)
        label.where = where
        return label

    def __reduce__(self) -> Any:
        return (Label, (str(self), self.where))

    def format(self, *args: object, **values: object) -> str:  # type: ignore[override]
        """The text with each {field} replaced by str(values[field]); see the module docstring."""
        if args:
            raise _problem(self.where, "a label is filled by name only, never by position", "write {name}, not {0}")
        size = len(self) + sum(len(str(values[n])) for n in fields(self) if n in values)
        if size > MAX_FILLED_CHARS:
            raise _problem(self.where, f"the filled label would be longer than {MAX_FILLED_CHARS} characters", "use fewer fields")
        return _PIECE.sub(lambda m: self._piece(m, values), str(self))

    def _piece(self, match: re.Match[str], values: dict[str, object]) -> str:
        token, name = match.group(), match.group(1)
        if token in ("{{", "}}"):
            return token[0]
        if name in values:
            return str(values[name])
        known = ", ".join("{" + k + "}" for k in sorted(values)) or "no fields"
        raise _problem(self.where, f"the label uses {{{name}}}, which it cannot have here", f"this label can use {known}")


def fields(text: str) -> list[str]:
    """The {field} names a label uses."""
    return [m.group(1) for m in _PIECE.finditer(text) if m.group(1)]


def syntax_error(text: str) -> str | None:
    """Why `text` is not a valid label, or None: only {name}, {{ and }} may hold braces."""
    for match in _PIECE.finditer(text):
        if match.group() in ("{", "}"):
            return "a label holds only {name} fields (letters, digits, _), and {{ or }} for a brace"
    return None


def shipped_dir() -> Path:
    """The folder of the shipped report templates and labels."""
    return data_dir("templates") / "report"


def load_labels(user_dir: Path | None = None) -> dict[str, Any]:
    """The shipped labels, with a user's labels.yaml (if `user_dir` has one) merged over them."""
    from ..text.words import answer_words

    # The lead-ins of the points to verify are shared with the engine's messages.
    reasons = _read(data_dir("templates") / "messages" / "verify.yaml", None)
    labels = {**_read(shipped_dir() / LABELS_FILE, None), "answers": answer_words(), "verify_reasons": reasons}
    user = user_dir / LABELS_FILE if user_dir is not None else None
    if user is not None and os.path.lexists(user):  # a FIFO or a link out is refused, not skipped
        overrides, doc = _read_doc(user, user_dir)
        problems = _shape_problems(labels, overrides, doc, ())
        if problems:
            raise InputError(problems)
        labels = _merge(labels, overrides)
    return labels


def _read(path: Path, within: Path | None) -> dict[str, Any]:
    return _read_doc(path, within)[0]


def _read_doc(path: Path, within: Path | None) -> tuple[dict[str, Any], YamlDocument]:
    doc = load_file(str(path), within=str(within) if within else None)
    if not isinstance(doc.data, dict):
        raise input_error(
            doc.locate(()), "labels.yaml must be a mapping of groups of labels", "see the shipped labels.yaml", "labels"
        )
    problems: list[Problem] = []
    data = _labels(doc, doc.data, (), problems)
    if problems:
        raise InputError(problems)
    return data, doc


def _labels(doc: YamlDocument, node: Any, path: tuple[str | int, ...], problems: list[Problem]) -> Any:
    """The document's labels as Label texts; each value that is not a non-empty, valid text is a problem."""
    if isinstance(node, dict):
        return {key: _labels(doc, value, (*path, key), problems) for key, value in node.items()}
    if not isinstance(node, str) or not node:
        problems.append(Problem(doc.locate(path), "a label must be text", "quote it", "labels"))
        return node
    reason = syntax_error(node)
    if reason:
        problems.append(Problem(doc.locate(path), reason, "for example: Intervju med {role}", "labels"))
    return Label(printable(node), doc.locate(path))


def _shape_problems(base: Any, override: Any, doc: YamlDocument, path: tuple[str, ...]) -> list[Problem]:
    """A user's label must keep the shipped shape: a group where a group is, a text where a text is."""
    problems: list[Problem] = []
    for key, value in override.items():
        if key not in base:
            continue  # a label of the user's own, for the user's own templates
        shipped, where = base[key], (*path, key)
        if isinstance(shipped, dict) and not isinstance(value, dict):
            problems.append(
                Problem(
                    doc.locate(where),
                    f"{'.'.join(where)} is a group of labels, not a text",
                    "write it as a mapping, as in the shipped labels.yaml",
                    "labels",
                )
            )
        elif not isinstance(shipped, dict) and isinstance(value, dict):
            problems.append(
                Problem(doc.locate(where), f"{'.'.join(where)} is a text, not a group", "write it as one quoted text", "labels")
            )
        elif isinstance(shipped, dict):
            problems += _shape_problems(shipped, value, doc, where)
    return problems


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def _problem(where: Location, message: str, hint: str) -> InputError:
    return InputError([Problem(where, message, hint, "labels")])

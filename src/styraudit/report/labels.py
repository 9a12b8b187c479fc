"""The report's Swedish words (templates/report/labels.yaml), optionally overridden by a user's own.

A user's templates folder may carry its own labels.yaml; its values replace the shipped ones
key by key, so a partial file (only the section titles, say) is enough and nothing goes missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem, input_error
from ..load.resources import data_dir
from ..load.yamldoc import load_file

LABELS_FILE = "labels.yaml"


def shipped_dir() -> Path:
    """The folder of the shipped report templates and labels."""
    return data_dir("templates") / "report"


def load_labels(user_dir: Path | None = None) -> dict[str, Any]:
    """The shipped labels, with a user's labels.yaml (if `user_dir` has one) merged over them."""
    from ..text.words import answer_words

    # The lead-ins of the points to verify are shared with the engine's messages.
    reasons = _read(data_dir("templates") / "messages" / "verify.yaml")
    labels = {**_read(shipped_dir() / LABELS_FILE), "answers": answer_words(), "verify_reasons": reasons}
    if user_dir is not None and (user_dir / LABELS_FILE).is_file():
        labels = _merge(labels, _read(user_dir / LABELS_FILE))
    return labels


def _read(path: Path) -> dict[str, Any]:
    doc = load_file(str(path))
    if not isinstance(doc.data, dict):
        raise input_error(
            doc.locate(()), "labels.yaml must be a mapping of groups of labels", "see the shipped labels.yaml", "labels"
        )
    problems = [Problem(doc.locate(p), "a label must be text", "quote it", "labels") for p in _non_text(doc.data, ())]
    if problems:
        from ..errors import InputError

        raise InputError(problems)
    return doc.data


def _non_text(node: Any, path: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
    """Paths of values that are neither text nor a mapping of labels (lists, empty values)."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _non_text(value, (*path, key))]
    return [] if isinstance(node, str) and node else [path]


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged

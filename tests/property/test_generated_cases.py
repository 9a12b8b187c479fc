"""The generator's promise, checked on every example: generated case files validate, and so do
the same files with a UTF-8 BOM, CRLF line ends, or anchors and aliases for repeated lists."""

from __future__ import annotations

from typing import Any

from case_strategies import dump, valid_cases, yaml_styles
from harness import count, examples, library_problems
from hypothesis import given, settings


def _share_repeated_lists(value: Any, seen: dict[str, list[Any]] | None = None) -> Any:
    """Make equal `sources` lists one object, so the dumper writes an anchor and aliases."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "sources" and child:
                value[key] = seen.setdefault(repr(child), child)
            else:
                _share_repeated_lists(child, seen)
    elif isinstance(value, list):
        for child in value:
            _share_repeated_lists(child, seen)
    return value


@settings(max_examples=examples(400))
@given(case=valid_cases(), style=yaml_styles())
def test_generated_cases_validate_in_every_spelling(case: dict[str, Any], style: dict[str, Any]) -> None:
    text = dump(case, style).encode("utf-8")
    spellings = {
        "plain": text,
        "utf-8 bom": b"\xef\xbb\xbf" + text,
        "crlf": text.replace(b"\n", b"\r\n"),
        "aliases": dump(_share_repeated_lists(case), style).encode("utf-8"),
    }
    count(len(spellings), "library")
    for name, data in spellings.items():
        assert library_problems(data, f"{name}.yaml") == [], data.decode("utf-8", "replace")[:3000]

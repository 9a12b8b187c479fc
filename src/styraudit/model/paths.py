"""Paths into YAML data: tuples of keys and indexes, shown as `reporting[3].date`."""

from __future__ import annotations

YamlPath = tuple[str | int, ...]


def dotted(path: YamlPath) -> str:
    """('reporting', 3, 'date') -> 'reporting[3].date'."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")

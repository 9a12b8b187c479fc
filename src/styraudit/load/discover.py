"""Turning the paths on the command line into a sorted list of case files."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from ..errors import Location, Problem, UsageError

CASE_SUFFIXES = (".yaml", ".yml")


def case_files(arguments: Iterable[str], exclude: Iterable[str] = ()) -> list[Path]:
    """Files, directories (searched recursively for *.yaml/*.yml) and globs, deduplicated and sorted."""
    found: set[Path] = set()
    for argument in arguments:
        found.update(_expand(argument))
    excluded = list(exclude)
    return sorted(p for p in found if not any(p.match(pattern) or _under(p, pattern) for pattern in excluded))


def _expand(argument: str) -> set[Path]:
    path = Path(argument)
    if path.is_file():
        return {path}
    if path.is_dir():
        return {p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file() and not _hidden(p, path)}
    if glob.has_magic(argument):
        return {Path(p) for p in glob.glob(argument, recursive=True) if Path(p).is_file()}
    raise UsageError([Problem(Location(argument), "no such file or directory", "check the path", "usage")])


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _under(path: Path, pattern: str) -> bool:
    prefix = pattern.rstrip("/")
    return str(path) == prefix or str(path).startswith(prefix + "/")

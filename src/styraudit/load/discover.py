"""Choosing the case files among what the command line names: files, folders and globs.

Every file found is either selected or skipped with a reason (`check --list-files` shows both):

1. excluded by `exclude` (configuration or --exclude): skipped;
2. a well-known file that is not a case (the tool's own configuration, CI and editor files,
   compose files): skipped unless `include` matches it;
3. not a regular file (a FIFO, a device): an error when named on the command line, skipped with a
   warning when a folder or glob finds it; it is never opened, so it cannot hang the run;
4. YAML that parses and has none of the case's own top-level keys (`schema_version`,
   `organisation`, `initiative`; see load/signature.py): skipped as not a case unless `include`
   matches it. A file that does not parse is always selected, so that
   its error is reported.

A folder or glob that selects no case is an error (a typo in a CI path must not pass the gate);
files named one by one that are all skipped are not (pre-commit may pass only `.gitlab-ci.yml`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Location, Problem, UsageError
from ..text.i18n import _
from .files import kind_of, read_regular
from .signature import not_a_case
from .walk import glob_files, has_magic, matches_anywhere, walk_files

CASE_SUFFIXES = (".yaml", ".yml")
NOT_CASES = (
    "styraudit.yaml",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
    ".gitlab-ci.yml",
    ".github",
    ".gitlab",
    "mkdocs.yml",
    "mkdocs.yaml",
    "compose.yml",
    "compose.yaml",
    "compose.*.yml",
    "compose.*.yaml",
    "docker-compose.yml",
    "docker-compose.yaml",
    "docker-compose.*.yml",
    "docker-compose.*.yaml",
    ".readthedocs.yml",
    ".readthedocs.yaml",
    ".yamllint.yml",
    ".yamllint.yaml",
    "codecov.yml",
    ".codecov.yml",
)


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


@dataclass
class Selection:
    """The case files to judge, in a stable order, and every other file found, with why."""

    # Names, not Path objects: a Path costs about 300 bytes, 9 MiB for 30,000 files, held all run long.
    files: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    named_skips: list[Skipped] = field(default_factory=list)  # files named one by one and skipped: said on stderr

    def raise_unmatched(self) -> None:
        """A folder or glob that selected no case is a usage error (exit 2)."""
        if self.unmatched:
            hint = _("check the path; --list-files shows each skipped file and why")
            raise UsageError([Problem(Location(a), _("no case file found here"), hint, "no-match") for a in self.unmatched])


def select_cases(
    arguments: Iterable[str], exclude: Sequence[str] = (), include: Sequence[str] = (), max_bytes: int = 2 * 1024 * 1024
) -> Selection:
    """Expand the arguments and sort every file found into selected and skipped.

    A file over `max_bytes` (the loading limit) is selected unread: the loader reports its size."""
    selection = Selection()
    verdicts: dict[str, str | None] = {}  # by name: the paths themselves live only while judged
    for argument in arguments:
        named, candidates = _expand(argument)
        chosen = False
        for path in candidates:
            name = str(path)
            if name not in verdicts:
                verdicts[name] = _verdict(path, (exclude, include, max_bytes), named, selection)
                if named and verdicts[name] is not None:
                    selection.named_skips.append(Skipped(path, verdicts[name]))
            chosen = chosen or verdicts[name] is None
        if not named and not chosen:
            selection.unmatched.append(argument)
    selection.files = sorted((n for n, reason in verdicts.items() if reason is None), key=path_order)
    skipped = sorted(((n, r) for n, r in verdicts.items() if r is not None), key=lambda item: path_order(item[0]))
    selection.skipped = [Skipped(Path(n), r) for n, r in skipped]
    return selection


def path_order(name: str) -> str:
    """A key that sorts names as their paths sort (part by part, case-folded where the system
    folds case): the parts joined by a character below any other."""
    return "\x00".join(Path(os.path.normcase(name)).parts)


def case_files(arguments: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """The selected case files (kept for callers that need only the list); unmatched arguments raise."""
    selection = select_cases(arguments, tuple(exclude))
    selection.raise_unmatched()
    return selection.files


def _expand(argument: str) -> tuple[bool, Iterable[Path]]:
    """(named one by one, the files the argument stands for, one at a time for a folder)."""
    path = Path(argument)
    if path.is_dir():
        return False, (p for p in walk_files(path) if p.suffix in CASE_SUFFIXES)
    if os.path.lexists(path):
        return True, [path]
    if has_magic(argument):
        return False, list(glob_files(argument))
    raise UsageError([Problem(Location(argument), _("no such file or directory"), _("check the path"), "usage")])


def _verdict(path: Path, rules: tuple[Sequence[str], Sequence[str], int], named: bool, selection: Selection) -> str | None:
    """None to select the file, else the reason it is skipped."""
    exclude, include, max_bytes = rules
    for pattern in exclude:
        if matches_anywhere(pattern, path):
            return _("excluded by {pattern}").format(pattern=pattern)
    included = any(matches_anywhere(pattern, path) for pattern in include)
    if not included:
        for pattern in NOT_CASES:
            if matches_anywhere(pattern, path):
                return _("a well-known file that is not a case ({pattern})").format(pattern=pattern)
    special = _special(path)
    if special:
        problem = Problem(Location(str(path)), special, _("give a regular file"), "not-regular")
        if named:
            raise UsageError([problem])
        selection.warnings.append(problem)
        return special
    if path.suffix not in CASE_SUFFIXES and not included:
        return _("not a .yaml or .yml file")
    return None if included else _peek(path, max_bytes)


def _special(path: Path) -> str | None:
    """Why the path is not a regular file (after symlinks), or None; never opens it."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return _("cannot read the file: {reason}").format(reason=error.strerror)
    return None if stat.S_ISREG(mode) else _("not a regular file: {kind}").format(kind=kind_of(mode))


def _peek(path: Path, max_bytes: int) -> str | None:
    try:
        data = read_regular(path, max_bytes=max_bytes)
    except InputError:
        return None  # the loader reports it with its reason
    return not_a_case(data)

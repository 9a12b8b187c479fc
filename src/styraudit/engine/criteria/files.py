"""Which files make a criteria pack, and how messages name them: light, so that reading a pack's
ids (names.py) does not import what binding its checks and texts needs."""

from __future__ import annotations

import os
from pathlib import Path

from ...errors import InputError, Location, Problem
from ...load.resources import data_dir


def display_path(path: Path) -> str:
    """How a criteria file is named in messages: relative to the working directory when it is below it."""
    try:  # abspath, not resolve: a symbolic link is named as the user wrote it, not as what it points to
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(os.getcwd())).as_posix()
    except ValueError:
        return str(path)


def default_pack_dir() -> Path:
    return data_dir("criteria")


def criteria_files(directories: list[Path]) -> list[tuple[Path, Path | None]]:
    """(file, the folder it must lie in): a file named directly may be anywhere, a file found in a folder must be in it."""
    files: list[tuple[Path, Path | None]] = []
    for directory in directories:
        if directory.is_file():
            files.append((directory, None))
        elif directory.is_dir():
            files.extend((p, directory) for p in sorted(directory.iterdir()) if p.suffix in (".yaml", ".yml"))
        else:
            raise InputError(
                [Problem(Location(str(directory)), "no such criteria file or directory", "check the --criteria path", "usage")]
            )
    return files

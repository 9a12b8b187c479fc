"""Whether an output may be written where the user asks: checked before any work.

Writing by rename replaces whatever the name was (NOTES.md): a symbolic link, a device, the
input itself. So the folder must exist and be writable, and the target must not be a folder,
a device or other special file, nor one of the run's inputs; a symbolic link is replaced only
when the user allows it. Every refusal, and every OSError while writing, is a UsageError
naming the file, with a hint.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import Location, Problem, UsageError
from ..load.files import kind_of


def folder_of(path: Path) -> Path:
    """The folder a file is written in."""
    return path.parent if str(path.parent) else Path(".")


def name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return 255


def refuse(path: Path, message: str, hint: str, code: str = "output") -> UsageError:
    return UsageError([Problem(Location(str(path)), message, hint, code)])


def check_target(path: Path, *, force: bool, inputs: Iterable[Path] = (), replace_link: bool = False) -> None:
    """Raise UsageError unless `path` can be written: its folder exists and is writable, and it is
    not a folder, a special file or one of `inputs`; an existing file needs `force`, an existing
    symbolic link `replace_link`."""
    folder = folder_of(path)
    if not folder.is_dir():
        what = "does not exist" if not os.path.lexists(folder) else "is not a folder"
        raise refuse(path, f"the folder {folder} {what}", f"create {folder} first or write elsewhere", "usage")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise refuse(path, f"the folder {folder} is not writable", "choose another folder or change its permissions")
    if len(os.fsencode(path.name)) > name_max(folder):
        raise refuse(path, f"the file name is longer than {name_max(folder)} bytes", "use a shorter file name")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_problem(path, exc) from None
    if stat.S_ISLNK(info.st_mode):
        _check_link(path, inputs, replace_link)
        return
    if not stat.S_ISREG(info.st_mode):
        raise refuse(path, f"the output is {kind_of(info.st_mode)}, not a regular file", "it is never replaced; write to a file")
    if _is_input(info, inputs):
        raise refuse(path, "the output is one of the inputs of this run", "write the output to another file")
    if not force:
        raise refuse(path, "the file exists already", "use --force to overwrite it", "exists")


def _check_link(path: Path, inputs: Iterable[Path], replace_link: bool) -> None:
    with contextlib.suppress(OSError):
        if _is_input(os.stat(path), inputs):
            raise refuse(path, "the output is a link to one of the inputs of this run", "write the output to another file")
    if not replace_link:
        hint = "use --force to replace the link itself (what it points to is left alone)"
        raise refuse(path, "the output is a symbolic link", hint)


def _is_input(info: os.stat_result, inputs: Iterable[Path]) -> bool:
    for each in inputs:
        with contextlib.suppress(OSError):
            other = os.stat(each)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return True
    return False


def os_problem(path: Path, exc: OSError) -> UsageError:
    hints = {
        errno.ENOSPC: "the disk is full: free some space or write elsewhere",
        errno.EDQUOT: "the disk quota is used up: free some space or write elsewhere",
        errno.EACCES: "check the permissions of the file and its folder",
        errno.EPERM: "check the permissions of the file and its folder",
        errno.EROFS: "the file system is read-only: write elsewhere",
        errno.ENAMETOOLONG: "use a shorter file name",
        errno.EISDIR: "the output is a folder: name a file",
    }
    hint = hints.get(exc.errno or 0, "check the path and the disk")
    return refuse(path, f"cannot write the file: {exc.strerror or exc}", hint)

"""Reading an input file safely: only a regular file, at most a bounded number of bytes, and,
for files found inside a folder the user gave (templates, labels, criteria packs), only when
the file really lies inside that folder once symbolic links are resolved.

Every reader of the tool goes through `read_regular`: case files, criteria files, templates,
labels, baselines and configuration files. Opening a FIFO blocks until a writer comes and
/dev/zero never ends (NOTES.md), so the file is opened without blocking and its type checked on
the open descriptor before a single byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError, Location, Problem
from ..text.i18n import _

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, where FIFOs do not come up this way
_BINARY = getattr(os, "O_BINARY", 0)


def inside(path: Path | str, folder: Path | str) -> bool:
    """True when `path`, with every symbolic link resolved, lies within `folder` (also resolved)."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, root]) == root
    except ValueError:  # different drives on Windows
        return False


def kind_of(mode: int) -> str:
    """A person's word for a file type that is not a regular file."""
    if stat.S_ISFIFO(mode):
        return _("a FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a file")


def read_regular(
    path: Path | str,
    *,
    max_bytes: int,
    display: str | None = None,
    within: Path | str | None = None,
    what: str | None = None,
    limit: str | None = "max_file_bytes",
) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes` bytes.

    `within`: the folder the file was found in; a file resolving outside it (a symbolic link to
    /etc/shadow, say) is refused. `limit`: the --limit that raises `max_bytes`, for the hint. Every failure is an InputError naming the file, never an OSError.
    """
    name = display or os.fspath(path)
    what = what or _("the file")
    if within is not None and not inside(path, within):
        message = _("{what} lies outside its folder {folder}").format(what=what, folder=os.fspath(within))
        raise _error(name, message, _("symbolic links out of the folder are refused; copy the file in"))
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        raise _cannot_read(name, what, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            reason = _("not a regular file: {kind}").format(kind=kind_of(info.st_mode))
            message = _("cannot read {what}: {reason}").format(what=what, reason=reason)
            raise _error(name, message, _("give the path of an ordinary file"))
        if info.st_size > max_bytes:
            raise _too_big(name, what, _("{size} bytes").format(size=info.st_size), max_bytes, limit)
        return _read_bounded(fd, max_bytes, name, what, limit)
    except OSError as exc:
        raise _cannot_read(name, what, exc) from None
    finally:
        os.close(fd)


def _read_bounded(fd: int, max_bytes: int, name: str, what: str, limit: str | None) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:  # it grew while we read it
            raise _too_big(name, what, _("more than {size} bytes").format(size=max_bytes), max_bytes, limit)


def _too_big(name: str, what: str, size: str, max_bytes: int, limit: str | None) -> InputError:
    if limit:
        hint = _("raise it with --limit {limit}=N if this is meant").format(limit=limit)
    else:
        hint = _("a file this large is refused")
    message = _("{what} is {size}, over the limit of {max_bytes}").format(what=what, size=size, max_bytes=max_bytes)
    return _error(name, message, hint, "limit")


def _cannot_read(name: str, what: str, exc: OSError) -> InputError:
    return _error(name, _("cannot read {what}: {reason}").format(what=what, reason=exc.strerror), _hint(exc))


def _hint(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("check the path")
    if isinstance(exc, PermissionError):
        return _("check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return _("give the path of a file, not a folder")
    return _("check the path and the disk")


def _error(name: str, message: str, hint: str, code: str = "io") -> InputError:
    return InputError([Problem(Location(name), message, hint, code)])

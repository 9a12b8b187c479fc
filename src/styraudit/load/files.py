"""Reading input files: only regular files, never blocking on a FIFO or reading a device for ever."""

from __future__ import annotations

import os
import stat

from ..text.i18n import _


class NotRegularFile(OSError):
    """The path names a FIFO, a device or a folder: refused before a single byte is read."""


def kind_of(mode: int) -> str:
    """A person's word for a file type that is not a regular file."""
    if stat.S_ISFIFO(mode):
        return _("a FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISDIR(mode):
        return _("a folder")
    return _("not a file")


def read_regular(path: str, limit: int | None = None) -> bytes:
    """At most `limit` bytes (all when None) of the regular file at `path`.

    The file is opened without blocking (a FIFO with no writer would otherwise hang the run), then
    checked on the open descriptor, so a file swapped for a FIFO after a check cannot slip through."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, _("not a regular file: {kind}").format(kind=kind_of(mode)), path)
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # the file object owns it now
            return handle.read() if limit is None else handle.read(limit)
    finally:
        if fd >= 0:
            os.close(fd)

"""Writing outputs atomically: a failed run never leaves a half-written or clobbered file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import Location, Problem, UsageError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publish(temp: str, path: Path) -> None:
    """Give the temporary file the permissions a plainly created file would have, then rename it."""
    os.chmod(temp, 0o666 & ~_umask())
    os.replace(temp, path)


def refuse_existing(path: Path, force: bool) -> None:
    """An existing file is never overwritten unless the user said --force."""
    if path.exists() and not force:
        raise UsageError([Problem(Location(str(path)), "the file exists already", "use --force to overwrite it", "exists")])


def write_atomic(path: Path, data: bytes | str, force: bool = False) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place."""
    refuse_existing(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError([Problem(Location(str(path)), "the folder does not exist", f"create {directory} first", "usage")])
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class AtomicTextFile:
    """A text file that appears at `path` only when the `with` block succeeds."""

    def __init__(self, path: Path, force: bool = True) -> None:
        refuse_existing(path, force)
        self.path = path
        directory = path.parent if str(path.parent) else Path(".")
        if not directory.is_dir():
            raise UsageError([Problem(Location(str(path)), "the folder does not exist", f"create {directory} first", "usage")])
        fd, self.temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def __enter__(self) -> AtomicTextFile:
        return self

    def write(self, text: str) -> int:
        return self.handle.write(text)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.handle.close()
        if kind is None:
            _publish(self.temp, self.path)
        else:
            Path(self.temp).unlink(missing_ok=True)

"""The one way every command writes a file: checked before any work, written whole or not at all.

The target is examined first (commands/target.py: no folder, device, input or, without leave,
symbolic link is ever replaced); the data goes to a temporary file beside it
(commands/temporary.py), which is renamed into place only when everything is written, and
removed on every exit Python sees (an error, Ctrl-C, SIGTERM). Any OSError becomes a
UsageError naming the file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..load.printable import OUTPUT_ERRORS
from .target import check_target, os_problem
from .temporary import TEMP_SUFFIX, create_temp, remove_stale_temps, stopped_by_signals

__all__ = ["TEMP_SUFFIX", "AtomicTextFile", "check_target", "refuse_existing", "write_atomic"]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def refuse_existing(path: Path, force: bool, *, inputs: Iterable[Path] = (), replace_link: bool | None = None) -> None:
    """Refuse, before any work, a target that cannot or may not be written; see check_target."""
    check_target(path, force=force, inputs=inputs, replace_link=force if replace_link is None else replace_link)


def _publish(temp: str, path: Path) -> None:
    """Give the temporary file the permissions a plainly created file would have, then rename it."""
    os.chmod(temp, 0o666 & ~_umask())
    os.replace(temp, path)


def write_atomic(
    path: Path, data: bytes | str, force: bool = False, *, inputs: Iterable[Path] = (), replace_link: bool | None = None
) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place."""
    with AtomicTextFile(path, force, inputs=inputs, replace_link=replace_link, binary=True) as handle:
        handle.write_bytes(data.encode("utf-8", OUTPUT_ERRORS) if isinstance(data, str) else data)


class AtomicTextFile:
    """A text file that appears at `path` only when the `with` block succeeds.

    `inputs`: files the run reads, which the output must not replace. `replace_link`: whether an
    existing symbolic link may be replaced (default: with `force` for commands that have --force;
    check's outputs pass False, having no --force). Any OSError becomes a UsageError naming the file.
    """

    def __init__(
        self,
        path: Path,
        force: bool = True,
        *,
        inputs: Iterable[Path] = (),
        replace_link: bool | None = None,
        binary: bool = False,
    ) -> None:
        inputs = tuple(inputs)
        self._check = lambda: refuse_existing(path, force, inputs=inputs, replace_link=replace_link)
        self._check()
        self.path, self._published = path, False
        remove_stale_temps(path)
        self._signals = stopped_by_signals()
        self._signals.__enter__()
        try:
            fd, self.temp = create_temp(path)
        except BaseException:
            self._signals.__exit__(None, None, None)
            raise
        mode = "wb" if binary else "w"
        extra = {} if binary else {"encoding": "utf-8", "errors": OUTPUT_ERRORS, "newline": "\n"}
        self.handle = os.fdopen(fd, mode, **extra)

    def __enter__(self) -> AtomicTextFile:
        return self

    def write(self, text: str) -> int:
        try:
            return self.handle.write(text)
        except OSError as exc:
            raise os_problem(self.path, exc) from None

    def write_bytes(self, data: bytes) -> int:
        return self.write(data)  # type: ignore[arg-type]

    def flush(self) -> None:
        try:
            self.handle.flush()
        except OSError as exc:
            raise os_problem(self.path, exc) from None

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            with contextlib.suppress(OSError):
                self.handle.close()
            if not self._published:
                with contextlib.suppress(OSError):
                    os.unlink(self.temp)
            self._signals.__exit__(None, None, None)

    def _finish(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self._check()  # what the name is may have changed while we worked
            _publish(self.temp, self.path)
            self._published = True
        except OSError as exc:
            raise os_problem(self.path, exc) from None

"""The one way every command writes a file: checked before any work, written whole or not at all.

Writing by rename replaces whatever the name was (NOTES.md): a symbolic link, a device, the
input itself. So the target is examined first (`check_target`): its folder must exist and be
writable, and it must not be a folder, a device or other special file, nor one of the run's
inputs; a symbolic link is replaced only when the user allows it. The data then goes to a
temporary file beside the target, named so that it fits the file system's name limit and says
whose it is (`.NAME.PID.TOKEN.styraudit-tmp`), and is renamed into place. The temporary file is
removed on every exit Python sees (an error, Ctrl-C, SIGTERM); after SIGKILL the next run
writing the same target finds it by its name and removes it once its process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Location, Problem, UsageError
from ..load.files import kind_of
from ..text.control import OUTPUT_ERRORS

TEMP_SUFFIX = ".styraudit-tmp"
_TAG_ROOM = 1 + 20 + 1 + 8  # ".PID.TOKEN" at its longest
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return 255


def _refuse(path: Path, message: str, hint: str, code: str = "output") -> UsageError:
    return UsageError([Problem(Location(str(path)), message, hint, code)])


def refuse_existing(path: Path, force: bool, *, inputs: Iterable[Path] = (), replace_link: bool | None = None) -> None:
    """Refuse, before any work, a target that cannot or may not be written; see check_target."""
    check_target(path, force=force, inputs=inputs, replace_link=force if replace_link is None else replace_link)


def check_target(path: Path, *, force: bool, inputs: Iterable[Path] = (), replace_link: bool = False) -> None:
    """Raise UsageError unless `path` can be written: its folder exists and is writable, and it is
    not a folder, a special file or one of `inputs`; an existing file needs `force`, an existing
    symbolic link `replace_link`."""
    folder = _folder(path)
    if not folder.is_dir():
        what = "does not exist" if not os.path.lexists(folder) else "is not a folder"
        raise _refuse(path, f"the folder {folder} {what}", f"create {folder} first or write elsewhere", "usage")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse(path, f"the folder {folder} is not writable", "choose another folder or change its permissions")
    if len(os.fsencode(path.name)) > _name_max(folder):
        raise _refuse(path, f"the file name is longer than {_name_max(folder)} bytes", "use a shorter file name")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _os_problem(path, exc) from None
    if stat.S_ISLNK(info.st_mode):
        _check_link(path, inputs, replace_link)
        return
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, f"the output is {kind_of(info.st_mode)}, not a regular file", "it is never replaced; write to a file")
    if _is_input(info, inputs):
        raise _refuse(path, "the output is one of the inputs of this run", "write the output to another file")
    if not force:
        raise _refuse(path, "the file exists already", "use --force to overwrite it", "exists")


def _check_link(path: Path, inputs: Iterable[Path], replace_link: bool) -> None:
    with contextlib.suppress(OSError):
        if _is_input(os.stat(path), inputs):
            raise _refuse(path, "the output is a link to one of the inputs of this run", "write the output to another file")
    if not replace_link:
        hint = "use --force to replace the link itself (what it points to is left alone)"
        raise _refuse(path, "the output is a symbolic link", hint)


def _is_input(info: os.stat_result, inputs: Iterable[Path]) -> bool:
    for each in inputs:
        with contextlib.suppress(OSError):
            other = os.stat(each)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return True
    return False


def _os_problem(path: Path, exc: OSError) -> UsageError:
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
    return _refuse(path, f"cannot write the file: {exc.strerror or exc}", hint)


def _temp_prefix(path: Path) -> str:
    """`.NAME.` with NAME cut (on a character boundary of its bytes) so the whole temp name fits NAME_MAX."""
    room = _name_max(_folder(path)) - len(TEMP_SUFFIX) - _TAG_ROOM - 2
    raw = os.fsencode(path.name)[: max(room, 1)]
    return "." + os.fsdecode(raw) + "."


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files a killed run left for `path` (their process is gone)."""
    folder, prefix = _folder(path), _temp_prefix(path)
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = pattern.fullmatch(entry.name)
            if found and not _alive(int(found[1])) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier attempt of this very process that did not finish
    if os.name == "nt":
        return True  # no cheap, safe probe there (os.kill would send a signal)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _create_temp(path: Path) -> tuple[int, str]:
    prefix = str(_folder(path) / _temp_prefix(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = f"{prefix}{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _os_problem(path, exc) from None
    raise _refuse(path, "cannot create a temporary file beside the output", "check the folder")


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP unwind the program (SystemExit) so that
    the file is removed, instead of ending it on the spot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, stop) for number in _STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


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
        self._signals = _stopped_by_signals()
        self._signals.__enter__()
        try:
            fd, self.temp = _create_temp(path)
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
            raise _os_problem(self.path, exc) from None

    def write_bytes(self, data: bytes) -> int:
        return self.write(data)  # type: ignore[arg-type]

    def flush(self) -> None:
        try:
            self.handle.flush()
        except OSError as exc:
            raise _os_problem(self.path, exc) from None

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
            raise _os_problem(self.path, exc) from None

"""The temporary file an output is written to before it is renamed into place.

Its name, `.NAME.PID.TOKEN.styraudit-tmp` beside the target, fits the file system's name limit
(NAME cut on a character boundary) and says whose it is: after SIGKILL, the next run writing
the same target removes it once that process is gone. While it exists, SIGTERM and SIGHUP
unwind the program so that it is removed, rather than ending it on the spot.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .target import folder_of, name_max, os_problem, refuse

TEMP_SUFFIX = ".styraudit-tmp"
_TAG_ROOM = 1 + 20 + 1 + 8  # ".PID.TOKEN" at its longest
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _temp_prefix(path: Path) -> str:
    """`.NAME.` with NAME cut (on a character boundary of its bytes) so the whole temp name fits NAME_MAX."""
    room = name_max(folder_of(path)) - len(TEMP_SUFFIX) - _TAG_ROOM - 2
    raw = os.fsencode(path.name)[: max(room, 1)]
    return "." + os.fsdecode(raw) + "."


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files a killed run left for `path` (their process is gone)."""
    folder, prefix = folder_of(path), _temp_prefix(path)
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


def create_temp(path: Path) -> tuple[int, str]:
    prefix = str(folder_of(path) / _temp_prefix(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = f"{prefix}{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise os_problem(path, exc) from None
    raise refuse(path, "cannot create a temporary file beside the output", "check the folder")


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
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

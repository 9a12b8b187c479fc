"""What the hostile-input regression tests share: the real command line under a 2 GiB memory
limit and a 20 s clock, and the assertions every attack ends in (exit 2 or 0, a message naming
the file, no traceback, nothing stray or changed on disk).

Devices are made with mknod in the test's own folder, a full disk is a 64 KiB tmpfs and an
unwritable folder is one that an unprivileged user (setpriv to uid 65534) cannot write; each
is skipped, with the reason, where the machine cannot provide it.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"
INTERVIEW_CASE = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
MEMORY = 2 * 1024**3
SECONDS = 20  # the budget, in CPU seconds: a shared machine may run us at a fraction of a core
HANG_SECONDS = 120  # a run still going after this long in wall time is hung (a FIFO read blocks using no CPU)
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def styraudit(
    *args: str, cwd: Path, env: dict[str, str] | None = None, as_nobody: bool = False, stdout: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m styraudit ARGS` as a user would, within 2 GiB and 20 s of CPU (its workers included)."""
    command = (NOBODY if as_nobody else []) + [sys.executable, "-m", "styraudit", *args]
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="surrogateescape",
        timeout=HANG_SECONDS,
        preexec_fn=_limit_memory,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert used < SECONDS, f"{args}: {used:.1f} s of CPU, over the {SECONDS} s budget"
    return result


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    output = (result.stdout or "") + result.stderr
    assert "Traceback" not in output and "Exception ignored" not in output, result.stderr


def refused(result: subprocess.CompletedProcess[str], name: str, *phrases: str) -> None:
    """Exit 2, a `name: error:` or `name:line:col: error:` message, no traceback."""
    no_traceback(result)
    assert result.returncode == 2, (result.returncode, result.stderr)
    pattern = re.compile(rf"^{re.escape(name)}(:\d+:\d+)?: error: ", re.MULTILINE)
    assert pattern.search(result.stderr), f"no error naming {name!r}:\n{result.stderr}"
    for phrase in phrases:
        assert phrase in result.stderr, (phrase, result.stderr)


def accepted(result: subprocess.CompletedProcess[str]) -> None:
    """Valid input: exit 0, or 1 for findings from `check`; no traceback."""
    no_traceback(result)
    assert result.returncode in (0, 1), (result.returncode, result.stderr)


def snapshot(folder: Path) -> dict[str, object]:
    """What is in `folder`, recursively, without following links: file bytes, link targets, file types."""
    seen: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        key = path.relative_to(folder).as_posix()
        if stat.S_ISLNK(mode):
            seen[key] = ("link", os.readlink(path))
        elif stat.S_ISREG(mode):
            seen[key] = path.read_bytes()
        elif not stat.S_ISDIR(mode):
            seen[key] = ("special", stat.S_IFMT(mode), path.lstat().st_rdev)
    return seen


def make_device(path: Path, major: int, minor: int) -> Path:
    """A character device node of our own (never the machine's /dev), or skip."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at `folder`, filled to the last byte; skipped where mounting is not permitted."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {mounted.stderr.strip() or 'mount failed'}")
    try:
        with contextlib.suppress(OSError), open(folder / "filler", "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's own tmp folders are private to root)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="styraudit-hostile-"))
    try:
        folder.chmod(0o755)
        cache = folder / "mpl"
        cache.mkdir()
        cache.chmod(0o777)  # matplotlib wants a cache it can write
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def case_copy(folder: Path, name: str = "case.yaml", text: str | None = None) -> Path:
    path = folder / name
    path.write_text(CASE.read_text(encoding="utf-8") if text is None else text, encoding="utf-8")
    path.chmod(0o644)
    return path

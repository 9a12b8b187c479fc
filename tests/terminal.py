"""Running the real command line with a terminal on stdout and/or stderr, as a person sees it.

A pseudo-terminal stands in for the terminal; what the program writes to it is read back raw,
escape codes included. Used where behaviour depends on `isatty()`: the grouped coloured view and
the progress bar.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from dataclasses import dataclass
from pathlib import Path

from clirunner import ROOT, english_environment


@dataclass
class TerminalRun:
    returncode: int
    terminal: str  # what went to the pseudo-terminal
    stdout: str  # piped stdout, when it was not the terminal
    stderr: str  # piped stderr, when it was not the terminal


def run_on_terminal(
    *args: str, cwd: Path | None = None, stdout: bool = True, stderr: bool = False, timeout: float = 120
) -> TerminalRun:
    """Run styraudit with the chosen streams on a 100-column pseudo-terminal, the others piped."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = {**english_environment(dict(os.environ)), "TERM": "xterm-256color"}
    for name in ("NO_COLOR", "COLUMNS", "LINES", "CI", "GITHUB_ACTIONS"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "styraudit", *args],
        cwd=cwd or ROOT,
        stdin=subprocess.DEVNULL,
        stdout=slave if stdout else subprocess.PIPE,
        stderr=slave if stderr else subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    chunks: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(master, chunks), daemon=True)
    reader.start()
    out, err = process.communicate(timeout=timeout)
    reader.join(timeout=10)
    os.close(master)
    return TerminalRun(process.returncode, b"".join(chunks).decode("utf-8", "replace"), _text(out), _text(err))


def _drain(fd: int, chunks: list[bytes]) -> None:
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            return
        if not data:
            return
        chunks.append(data)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "replace")

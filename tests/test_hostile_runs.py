"""Issue 14, item 4: killed runs and the worker pool. SIGTERM removes the temporary file; after
SIGKILL of the parent the workers die with it and the next run removes what was left; -j and
jobs: never start more workers than cores or chunks of work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_support import CASE, accepted, styraudit
from styraudit.commands import parallel
from styraudit.commands.parallel import CHUNK, default_jobs, worker_count

FILES = 200  # about four seconds of work on two cores: time to stop it half-way


@pytest.fixture
def big(tmp_path: Path) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    text = CASE.read_text(encoding="utf-8")
    for number in range(FILES):
        (folder / f"c{number:03}.yaml").write_text(text, encoding="utf-8")
    return folder


def _start(tmp_path: Path, *args: str, jobs: tuple[str, ...] = ("-j", "2")) -> subprocess.Popen[bytes]:
    """`check big -j 2 ARGS` in the background."""
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "styraudit", "check", "big", *jobs, *args]
    return subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".styraudit-tmp"))


def _wait_for_temporary(folder: Path, run: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while not _temporaries(folder):
        assert run.poll() is None and time.monotonic() < deadline, "the run never opened its output"
        time.sleep(0.05)
    time.sleep(0.5)  # well into the work


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap the dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.slow
def test_4_sigterm_leaves_no_temporary_file(tmp_path: Path, big: Path) -> None:
    run = _start(tmp_path, "--output", "sarif=o.sarif")
    _wait_for_temporary(tmp_path, run)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=20)
    assert run.returncode == 128 + signal.SIGTERM and b"Traceback" not in stderr, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big"]


@pytest.mark.slow
def test_4_sigint_leaves_no_temporary_file_and_one_message(tmp_path: Path, big: Path) -> None:
    run = _start(tmp_path, "--output", "sarif=o.sarif")
    _wait_for_temporary(tmp_path, run)
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=20)
    assert run.returncode == 130 and stderr.decode() == "styraudit: interrupted\n", stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big"]


HALF_A_RESULT = """
import multiprocessing, os, struct, time
from concurrent.futures import ProcessPoolExecutor
from styraudit.commands import parallel

pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
pool.submit(time.sleep, 0.05).result()  # the workers and the pool's manager thread are running
header = struct.pack("!i", 1 << 20)  # a result of 1 MiB whose sender was killed four bytes in
os.write(pool._result_queue._writer.fileno(), header + b"half")
time.sleep(0.3)
parallel._stop(pool)
"""


@pytest.mark.skipif(parallel.start_method() != "fork", reason="the pool's pipes are inherited by forking")
def test_4_stopping_the_pool_ends_even_with_half_a_result_in_its_pipe() -> None:
    """What made Ctrl-C hang after its message: a worker killed while it sent a result."""
    run = subprocess.run([sys.executable, "-c", HALF_A_RESULT], capture_output=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through /proc")
@pytest.mark.skipif(default_jobs() < 2, reason="needs two cores for worker processes")
def test_4_after_sigkill_the_workers_die_and_the_next_run_cleans_up(tmp_path: Path, big: Path) -> None:
    run = _start(tmp_path, "--output", "sarif=o.sarif")
    _wait_for_temporary(tmp_path, run)
    workers = _children(run.pid)
    assert len(workers) == 2, workers
    run.kill()
    run.communicate(timeout=20)
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers):
        assert time.monotonic() < deadline, "workers outlived their parent"
        time.sleep(0.05)
    assert len(_temporaries(tmp_path)) == 1  # what SIGKILL leaves, under a name the next run knows
    accepted(styraudit("check", "big/c000.yaml", "--output", "sarif=o.sarif", cwd=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "o.sarif"]


def test_4_workers_are_capped_at_cores_and_work() -> None:
    cores = default_jobs()
    assert worker_count(200, 40) == min(cores, -(-40 // CHUNK))
    assert worker_count(200, 10_000) == cores
    assert worker_count(10**30, 1) == 1


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts the workers through /proc")
def test_4_a_huge_jobs_setting_is_capped_not_obeyed(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    for number in range(40):
        (folder / f"c{number}.yaml").write_text(CASE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "styraudit.yaml").write_text("jobs: 100000000000000000000000000000\n", encoding="utf-8")
    for jobs in (("-j", "200"), ()):  # the command line's -j, then the configuration's jobs:
        run = _start(tmp_path, jobs=jobs)
        most = 0
        while run.poll() is None:
            most = max(most, len(_children(run.pid)))
            time.sleep(0.01)
        _, stderr = run.communicate(timeout=20)
        assert run.returncode in (0, 1) and b"Traceback" not in stderr, stderr
        assert most <= min(default_jobs(), -(-40 // CHUNK)), most

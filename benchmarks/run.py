"""The benchmark: prints four ratios, measured in one run on this machine. Not a test.

    python benchmarks/run.py            # 10,000 cases (and 1,000 for memory)
    python benchmarks/run.py --cases 2000

1. `styraudit check` on N generated cases vs the floor: loading the same files with PyYAML's
   C loader in one process and nothing else (target <= 1.0x, at most 1.5x for now).
2. The same check vs `yamllint` on the same files (the 1,000-case set: yamllint is slow), target
   at least 5x faster.
3. `styraudit --version` and `--help` vs `python -c "import yaml"` (targets <= 1.5x and <= 3x).
4. Peak memory of the check at 1,000 and at N cases (target: the same within 20%).
5. The text format vs the JSON format of the same check on the 1,000 cases, every finding shown,
   one process (target: text within 1.2x of JSON).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = "import sys, pathlib, yaml\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')): yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
PEAK = "import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"


def timed(command: list[str], repeat: int = 1) -> float:
    """Best wall time of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def peak_kib(command: list[str]) -> int:
    """Peak resident memory of the largest process in the command's tree (workers included)."""
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def styraudit() -> list[str]:
    """The installed console script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "styraudit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "styraudit"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        big, small = Path(temp) / "big", Path(temp) / "small"
        for count, folder in ((args.cases, big), (args.small, small)):
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(count), str(folder)], check=True)
        check = [*styraudit(), "check", "--quiet", "--format", "json", "--as-of", "2024-01-01"]
        t_check = timed([*check, str(big)])
        t_floor = timed([sys.executable, "-c", FLOOR, str(big)])
        yamllint = shutil.which("yamllint", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        # yamllint takes ~70 ms a file here, so it and styraudit meet on the smaller set of the same files.
        t_lint = timed([yamllint, "-d", "relaxed", str(small)]) if yamllint else float("nan")
        t_check_small = timed([*check, str(small)])
        t_version = timed([*styraudit(), "--version"], 20)
        t_help = timed([*styraudit(), "--help"], 20)
        t_yaml = timed([sys.executable, "-c", "import yaml"], 20)
        m_small, m_big = peak_kib([*check, str(small)]), peak_kib([*check, str(big)])
        formats = [*styraudit(), "check", "-j", "1", "--as-of", "2024-01-01", str(small), "--format"]
        t_text, t_json = timed([*formats, "text"], 3), timed([*formats, "json"], 3)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(
        f"1. check {args.cases} cases: {t_check:.1f} s; C-loader floor {t_floor:.1f} s; ratio {t_check / t_floor:.2f}x (target <= 1.0x, <= 1.5x for now)"
    )
    print(
        f"2. yamllint on {args.small} of the same files: {t_lint:.1f} s, styraudit check {t_check_small:.1f} s; styraudit is {t_lint / t_check_small:.1f}x faster (target >= 5x)"
    )
    print(
        f"3. --version {t_version * 1000:.0f} ms, --help {t_help * 1000:.0f} ms, import yaml {t_yaml * 1000:.0f} ms; ratios {t_version / t_yaml:.2f}x (<= 1.5x) and {t_help / t_yaml:.2f}x (<= 3x)"
    )
    print(
        f"4. peak memory: {args.small} cases {m_small / 1024:.0f} MiB, {args.cases} cases {m_big / 1024:.0f} MiB; ratio {m_big / m_small:.2f} (target within 20%)"
    )
    print(
        f"5. {args.small} cases, one process: text {t_text:.2f} s, json {t_json:.2f} s; ratio {t_text / t_json:.2f}x (target <= 1.2x)"
    )


if __name__ == "__main__":
    main()

"""Run the loader fuzzer for a bounded time from one command, and say what it found.

    python fuzz/run.py --seconds 60                          # needs: pip install -e '.[fuzz]'
    python fuzz/run.py --seconds 600 --jobs 2 --keep-going

Seeds: cases/*.yaml, tests/inputs/invalid/*.yaml, tests/regressions/*.yaml and the `init`
template. The corpus grows in fuzz/corpus/ from run to run; every input that crashes, hangs
(over --timeout seconds) or runs out of memory is written to fuzz/crashes/. libFuzzer stops at
the first crash; --keep-going starts it again until the time is up (libFuzzer's own -fork mode
cannot re-launch a Python script). Exit 0 when nothing was found, 1 when something was (fix it,
then keep the input in tests/regressions/), 2 when the fuzzer could not run.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ["cases/*.yaml", "tests/inputs/invalid/*.yaml", "tests/regressions/*.yaml", "templates/init/case.yaml"]


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Fuzz styraudit's case loader with atheris for a bounded time.")
    parser.add_argument("--seconds", type=int, default=60, help="total fuzzing time (default 60)")
    parser.add_argument("--jobs", type=int, default=1, help="fuzzing processes side by side, sharing the corpus (default 1)")
    parser.add_argument("--keep-going", action="store_true", help="restart after a crash until the time is up")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take before it counts as a hang")
    parser.add_argument("--rss-limit-mb", type=int, default=2048, help="memory a process may use before it counts as a crash")
    return parser.parse_args(argv)


def seed_folder(folder: Path) -> int:
    """Copy the seed files into `folder`; returns how many."""
    count = 0
    for pattern in SEEDS:
        for path in sorted(ROOT.glob(pattern)):
            shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
            count += 1
    return count


def command(options: argparse.Namespace, seconds: int, corpus: Path, seeds: Path, crashes: Path) -> list[str]:
    flags = [
        f"-max_total_time={seconds}",
        f"-timeout={options.timeout}",
        f"-rss_limit_mb={options.rss_limit_mb}",
        f"-artifact_prefix={crashes}/",
        f"-dict={HERE / 'yaml.dict'}",
        "-print_final_stats=1",
    ]
    return [sys.executable, str(HERE / "fuzz_loader.py"), *flags, str(corpus), str(seeds)]


def fuzz(options: argparse.Namespace, corpus: Path, seeds: Path, crashes: Path) -> list[str]:
    """Run --jobs fuzzers until --seconds are up (restarting after crashes with --keep-going); their logs."""
    deadline = time.monotonic() + options.seconds
    logs: list[str] = []
    running: list[subprocess.Popen[str]] = []
    while True:
        left = int(deadline - time.monotonic())
        while left >= 2 and len(running) < options.jobs and (options.keep_going or not logs):
            running.append(_start(command(options, left, corpus, seeds, crashes)))
        if not running:
            return logs
        process = running.pop(0)
        out, _ = process.communicate()
        logs.append(out)
        if process.returncode != 0 and not options.keep_going:  # the first crash ends the run
            for other in running:
                other.terminate()
                logs.append(other.communicate()[0])
            return logs


def _start(arguments: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")


def summary(logs: list[str], found: list[Path], elapsed: float) -> str:
    executions = sum(int(n) for log in logs for n in re.findall(r"stat::number_of_executed_units: (\d+)", log))
    coverage = max((int(c) for log in logs for c in re.findall(r"\bcov: (\d+)", log)), default=0)
    lines = [
        f"fuzz: {executions:,} executions in {elapsed:.0f} s ({len(logs)} fuzzer run{'s' * (len(logs) != 1)}), "
        f"coverage {coverage} edges, {len(found)} crash{'es' * (len(found) != 1)}"
    ]
    lines += [f"  {p.relative_to(ROOT)}  (replay: python fuzz/fuzz_loader.py {p.relative_to(ROOT)})" for p in found]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("fuzz: atheris is not installed; pip install -e '.[fuzz]'", file=sys.stderr)
        return 2
    corpus, crashes = HERE / "corpus", HERE / "crashes"
    corpus.mkdir(exist_ok=True)
    crashes.mkdir(exist_ok=True)
    before = set(crashes.iterdir())
    with tempfile.TemporaryDirectory() as temp:
        seeds = Path(temp)
        count = seed_folder(seeds)
        print(
            f"fuzz: {count} seed files, corpus {corpus.relative_to(ROOT)}/, {options.seconds} s, {options.jobs} job(s)",
            flush=True,
        )
        start = time.monotonic()
        logs = fuzz(options, corpus, seeds, crashes)
        elapsed = time.monotonic() - start
    (HERE / "last-run.log").write_text("\n".join(logs), encoding="utf-8")
    found = sorted(set(crashes.iterdir()) - before)
    exceptions = {log[log.rfind("=== Uncaught Python exception") :][:3000] for log in logs if "Uncaught Python exception" in log}
    for text in sorted(exceptions):
        print(text, file=sys.stderr)
    if not found and not any("DONE" in log or "stat::" in log for log in logs):
        print("\n".join(log[-2000:] for log in logs), file=sys.stderr)
        return 2
    print(summary(logs, found, elapsed))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

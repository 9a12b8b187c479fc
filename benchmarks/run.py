"""The benchmark: every figure of issue 15's table, as ratios measured side by side in one run. Not a test.

    python benchmarks/run.py            # 1,000 / 10,000 / 30,000 cases, about 15-25 minutes on 2 cores
    python benchmarks/run.py --quick    # 200 / 1,000 / 2,000 cases and fewer repeats, to try it
    python benchmarks/run.py --startup  # only the start-up figures, for a busy machine

The floor is PyYAML's C loader (`yaml.load(..., Loader=CSafeLoader)`) over the same files in one
process, measured in the same run just before each figure. CPU is user + system time of the whole
process tree (workers included), read with getrusage; wall is the elapsed time. Other work on the
machine inflates wall time but hardly CPU time, so the targets are CPU ratios unless stated.

The commands run with their bytecode cached, as an installed package runs (pip compiles a wheel's
modules when it installs it): PYTHONDONTWRITEBYTECODE is left out of their environment and each
command runs once before it is timed. With it set, an editable install compiles every module of
the package from source at every start, which is not the tool's cost but the checkout's.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
FLOOR = "import sys, pathlib, yaml\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')): yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
PYDANTIC_FLOOR = (
    "import yaml\nfrom pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator\n"
)
MEASURE = (
    "import resource, subprocess, sys, time\nstart = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\nu = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(u.ru_utime + u.ru_stime, wall, u.ru_maxrss)\n"
)


# The environment of every timed command: bytecode written and read as an installed package's is.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str]) -> tuple[float, float, int]:
    """CPU seconds of the command's process tree, wall seconds, and the largest process's peak KiB."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True, env=ENVIRONMENT
    ).stdout
    cpu, wall, peak = out.split()
    return float(cpu), float(wall), int(peak)


def medians(command: list[str], floor: list[str], runs: int) -> tuple[float, float, float, float]:
    """Median CPU and wall of `command` and of the floor, run alternately `runs` times."""
    mine, base = [], []
    for _ in range(runs):
        base.append(measure(floor))
        mine.append(measure(command))
    return (
        statistics.median(m[0] for m in mine),
        statistics.median(m[1] for m in mine),
        statistics.median(b[0] for b in base),
        statistics.median(b[1] for b in base),
    )


def styraudit() -> list[str]:
    """The installed console script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "styraudit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "styraudit"]


def warm(temp: Path) -> None:
    """Run each kind of command once, so that the package's modules are compiled before any is timed."""
    for args in (
        ["check", "--help"],
        ["check", "--quiet", "--format", "sarif", str(SHIPPED)],
        *(["report", str(SHIPPED), "--force", "-o", str(temp / f"warm.{ext}")] for ext in ("html", "docx", "pptx")),
        ["overview", "--force", "-o", str(temp / "warm.json"), str(SHIPPED)],
    ):
        subprocess.run([*styraudit(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT)


def line(label: str, value: str, target: str) -> None:
    print(f"| {label} | {value} | {target} |", flush=True)


def check_figures(sets: dict[str, Path], runs: int, runs_big: int, temp: Path) -> None:
    """check in three formats and validate at the small count, json at the big one, memory at the huge one, overview."""
    small, big = sets["small"], sets["big"]
    count_small, count_big = len(list(small.rglob("*.yaml"))), len(list(big.rglob("*.yaml")))
    floor = [sys.executable, "-c", FLOOR]
    check = [*styraudit(), "check", "--quiet", "--as-of", "2024-01-01"]
    json_cpu = json_wall = 0.0
    for fmt in ("json", "sarif", "text"):
        cpu, wall, f_cpu, f_wall = medians([*check, "--format", fmt, str(small)], [*floor, str(small)], runs)
        json_cpu = cpu if fmt == "json" else json_cpu
        line(
            f"`check --format {fmt}`, {count_small:,} cases, vs the floor",
            f"CPU {cpu:.1f} s vs {f_cpu:.1f} s: **{cpu / f_cpu:.2f}×**; wall {wall:.1f} s vs {f_wall:.1f} s: {wall / f_wall:.2f}×",
            "CPU ≤ 1.3×" if fmt == "json" else "",
        )
        if fmt == "text":
            line("text format vs json (CPU, same run)", f"**{cpu / json_cpu:.2f}×**", "≤ 1.2×")
    cpu, wall, f_cpu, f_wall = medians([*styraudit(), "validate", str(small)], [*floor, str(small)], runs)
    line(
        f"`validate`, {count_small:,} cases, vs the floor",
        f"CPU {cpu:.1f} s vs {f_cpu:.1f} s: **{cpu / f_cpu:.2f}×**; wall {wall / f_wall:.2f}×",
        "",
    )
    json_cpu, json_wall, f_cpu, f_wall = medians([*check, "--format", "json", str(big)], [*floor, str(big)], runs_big)
    line(
        f"`check --format json`, {count_big:,} cases, CPU vs the floor",
        f"{json_cpu:.1f} s vs {f_cpu:.1f} s: **{json_cpu / f_cpu:.2f}×**",
        "≤ 1.3× (then ≤ 1.0×)",
    )
    line(
        f"wall, {os.cpu_count()} cores, vs the single-core floor ({count_big:,} cases)",
        f"{json_wall:.1f} s vs {f_wall:.1f} s: **{json_wall / f_wall:.2f}×**",
        "≤ 0.8×",
    )
    _, _, peak_small = measure([*check, "--format", "json", str(small)])
    _, _, peak_huge = measure([*check, "--format", "json", str(sets["huge"])])
    count_huge = len(list(sets["huge"].rglob("*.yaml")))
    line(
        f"peak memory, {count_huge:,} vs {count_small:,} cases",
        f"{peak_huge / 1024:.0f} MiB vs {peak_small / 1024:.0f} MiB: **{peak_huge / peak_small:.2f}×**",
        "≤ 1.2×",
    )
    overview = [*styraudit(), "overview", "--as-of", "2024-01-01", "--force", "-o", str(temp / "o.json"), str(small)]
    cpu, _, j_cpu, _ = medians(overview, [*check, "--format", "json", str(small)], max(1, runs // 2))
    line(
        f"`overview DIR -o x.json` vs `check --format json`, {count_small:,} cases (CPU)",
        f"{cpu:.1f} s vs {j_cpu:.1f} s: **{cpu / j_cpu:.2f}×**",
        "≤ 1.2×",
    )


def report_figures(runs: int, temp: Path) -> None:
    check = [*styraudit(), "check", "--quiet", "--format", "json", str(SHIPPED)]
    for ext in ("md", "html", "docx", "pptx"):
        report = [*styraudit(), "report", str(SHIPPED), "--force", "-o", str(temp / f"r.{ext}")]
        cpu, _, c_cpu, _ = medians(report, check, runs)
        target = "≤ 2×" if ext == "html" else ""
        line(
            f"`report -o .{ext}` of the shipped case vs `check` of it (CPU)",
            f"{cpu:.2f} s vs {c_cpu:.2f} s: **{cpu / c_cpu:.2f}×**",
            target,
        )


def startup_figures(runs: int) -> None:
    yaml_cpu = statistics.median(measure([sys.executable, "-c", "import yaml"])[0] for _ in range(runs))
    commands = {
        "`--version`": ["--version"],
        "`check --help`": ["check", "--help"],
        "`validate --help`": ["validate", "--help"],
        "`validate FILE` (one case)": ["validate", str(SHIPPED)],
    }
    targets = {
        "`--version`": "≤ 1.5×",
        "`check --help`": "≤ 3×",
        "`validate --help`": "≤ 3×",
        "`validate FILE` (one case)": "≤ 5×",
    }
    for label, args in commands.items():
        cpu = statistics.median(measure([*styraudit(), *args])[0] for _ in range(runs))
        line(
            f"{label} vs `import yaml` (CPU)",
            f"{cpu * 1000:.0f} ms vs {yaml_cpu * 1000:.0f} ms: **{cpu / yaml_cpu:.2f}×**",
            targets[label],
        )
    # What any pydantic model costs before its first class is made: `validate FILE` cannot go below it.
    floor = statistics.median(measure([sys.executable, "-c", PYDANTIC_FLOOR])[0] for _ in range(runs))
    line(
        "(reference) importing PyYAML and pydantic's model API vs `import yaml` (CPU)",
        f"{floor * 1000:.0f} ms vs {yaml_cpu * 1000:.0f} ms: {floor / yaml_cpu:.2f}×",
        "",
    )


def loader_figures(folder: Path) -> None:
    """The loader alone, in this process with the GC frozen, against libyaml's raw parse and CSafeLoader;
    its pure-Python path (load/build.py over libyaml's events) and rapidyaml's bare parse beside it."""
    import yaml

    from styraudit.load import fast
    from styraudit.load.limits import DEFAULT_LIMITS
    from styraudit.load.yamldoc import _python_parse, parse_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml"))]

    def raw(text: str) -> None:
        loader = yaml.CSafeLoader(text)
        try:
            while loader.check_event():
                loader.get_event()
        finally:
            loader.dispose()

    def rapid(text: str) -> None:
        fast._quiet_parse(fast.Tree(text.encode("utf-8")))

    def per_file(function: Callable[[str], object]) -> float:
        gc.collect()
        gc.freeze()
        start = time.process_time()
        for text in texts:
            function(text)
        gc.unfreeze()
        return (time.process_time() - start) / len(texts) * 1000

    timed: list[Callable[[str], object]] = [
        lambda t: yaml.load(t, Loader=yaml.CSafeLoader),
        raw,
        lambda t: parse_text(t, "f"),
        lambda t: _python_parse(t, "f", DEFAULT_LIMITS),
    ] + ([rapid] if fast.available() else [])
    rounds = [[per_file(function) for function in timed] for _ in range(3)]
    full, events, ours, python, *bare = (statistics.median(r[i] for r in rounds) for i in range(len(timed)))
    line(
        "loader alone vs CSafeLoader load of the same files (CPU, in process)",
        f"{ours:.2f} ms vs {full:.2f} ms a file: **{ours / full:.2f}×** (libyaml's events alone {events:.2f} ms: {ours / events:.1f}×; "
        f"the pure-Python path {python:.2f} ms: {python / full:.2f}×)",
        "≤ 0.6×",
    )
    if bare:
        line(
            "loader alone vs rapidyaml's bare parse (CPU, in process)",
            f"{ours:.2f} ms vs {bare[0]:.2f} ms: **{ours / bare[0]:.1f}×**",
            "≤ 3× (moonshot)",
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller counts and fewer repeats, to try the script")
    parser.add_argument("--startup", action="store_true", help="only the start-up figures (a minute; for a busy machine)")
    args = parser.parse_args()
    if args.startup:
        with tempfile.TemporaryDirectory() as name:
            warm(Path(name))
        print("| figure | measured | target |\n|---|---|---|", flush=True)
        startup_figures(15)
        return
    counts = (200, 1_000, 2_000) if args.quick else (1_000, 10_000, 30_000)
    runs, runs_big = (2, 1) if args.quick else (5, 3)
    started = time.perf_counter()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(
        f"date: {time.strftime('%Y-%m-%d')}; cases: {counts[0]:,} / {counts[1]:,} / {counts[2]:,}; medians of {runs} (of {runs_big} at {counts[1]:,})\n"
    )
    print("| figure | measured | target |\n|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as name:
        temp = Path(name)
        sets = {key: temp / key for key in ("small", "big", "huge")}
        for count, key in zip(counts, sets, strict=True):
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(count), str(sets[key])], check=True)
        warm(temp)
        startup_figures(15)  # start-up figures are small and noisy: medians of 15 in either mode
        loader_figures(sets["small"])
        report_figures(max(1, runs // 2), temp)
        check_figures(sets, runs, runs_big, temp)
    print(f"\n(ran {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

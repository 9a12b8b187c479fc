"""Generated and broken user files other than cases: report templates, criteria texts,
labels.yaml, configuration files and baselines (issue 14).

Whatever they hold, the sandbox never runs out of memory or time (its renders run here under a
memory ceiling), and the commands answer with exit 0, 1 or 2, never a traceback; on 2 every
error line names a file, the one that is at fault among them, and no output is left half written.
"""

from __future__ import annotations

import contextlib
import re
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from case_strategies import ROOT
from harness import assert_no_stray_files, cached_criteria, count, examples, in_process
from hypothesis import given, settings
from hypothesis import strategies as st
from user_strategies import baselines, config_files, labels_files, templates

from styraudit.text.jinja import MAX_TEXT_OUTPUT, deadline, environment

CASE = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"
INTERVIEWS = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
NAMED = re.compile(r"^(?P<file>\S[^:]*?)(?::\d+:\d+)?: error: \S")
SECONDS = 3.0


@contextlib.contextmanager
def memory_ceiling(extra: int = 1536 * 1024**2) -> Iterator[None]:
    """This process may grow by at most `extra` bytes of address space while the block runs."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    ceiling = size + extra if hard == resource.RLIM_INFINITY else min(size + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def assert_named(stderr: str, allowed: set[str]) -> set[str]:
    """Every error line names a file (or option); returns the names. They must be among `allowed`."""
    names = set()
    for line in stderr.splitlines():
        if ": error: " in line and not line.startswith(" "):
            match = NAMED.match(line)
            assert match, f"an error line that names no file: {line!r}"
            names.add(match["file"])
    assert names <= allowed, (names, allowed, stderr)
    return names


@settings(max_examples=examples(150))
@given(template=templates())
def test_the_sandbox_stays_within_memory_and_time(template: str) -> None:
    env = environment()
    start = time.perf_counter()
    with memory_ceiling(), deadline(2.0):
        try:
            text = env.from_string(template).render(lookup=str)
            assert len(text) <= MAX_TEXT_OUTPUT
        except MemoryError:
            raise AssertionError("the sandbox let a template run out of memory") from None
        except Exception:  # any refusal is fine: the engine reports it at the text's place
            pass
    assert time.perf_counter() - start < SECONDS, template[:300]
    count(1, "library")


@settings(max_examples=examples(25))
@given(template=templates(), suffix=st.sampled_from([".md", ".html"]))
def test_a_generated_report_template_is_rendered_or_refused_at_its_file(template: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        Path("T").mkdir()
        Path("out").mkdir()
        Path("T", f"report{suffix}.j2").write_text(template, encoding="utf-8", errors="surrogatepass")
        run = in_process(["report", str(CASE), "-o", f"out/r{suffix}", "--templates", "T"])
        count(1, "in-process")
        assert run.code in (0, 2)
        if run.code == 2:
            assert assert_named(run.stderr, {f"T/report{suffix}.j2", f"{Path(temp).resolve()}/T/report{suffix}.j2"})
        assert_no_stray_files(Path("out"), [f"r{suffix}"] if run.code == 0 else [])


@settings(max_examples=examples(25))
@given(text=templates(), place=st.sampled_from(["assessment.fulfilled", "recommendation.text", "texts"]))
def test_a_generated_criterion_text_is_judged_or_refused_at_its_file(text: str, place: str) -> None:
    shipped = (ROOT / "criteria" / "beslut-diarienummer.yaml").read_text(encoding="utf-8")
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if place == "assessment.fulfilled":
        pack = shipped.replace("  fulfilled: Varje beslut", f"  fulfilled: {quoted} #", 1)
    elif place == "recommendation.text":
        pack = shipped.replace("  text: Ange diarienummer", f"  text: {quoted} #", 1)
    else:
        pack = re.sub(r"(?m)^(\s+rule_holds: ).*$", lambda m: m[1] + quoted, shipped, count=1)
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp):
        Path("crit").mkdir()
        Path("crit", "x.yaml").write_text(pack, encoding="utf-8", errors="surrogatepass")
        run = in_process(["check", str(CASE), "--no-default-criteria", "--criteria", "crit", "-j", "1", "-f", "json"])
        count(1, "in-process")
        if run.code == 2:
            assert assert_named(run.stderr + run.stdout, {"crit/x.yaml"})


@settings(max_examples=examples(25))
@given(labels=labels_files(), suffix=st.sampled_from([".md", ".html", ".docx"]))
def test_generated_labels_fill_a_report_or_are_refused_at_their_line(labels: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        Path("T").mkdir()
        Path("out").mkdir()
        Path("T", "labels.yaml").write_text(labels, encoding="utf-8")
        run = in_process(["report", str(INTERVIEWS), "-o", f"out/r{suffix}", "--templates", "T"])
        count(1, "in-process")
        if run.code == 2:
            assert assert_named(run.stderr, {"T/labels.yaml"})
            assert "__class__" not in run.stdout and "object at 0x" not in run.stderr
        assert_no_stray_files(Path("out"), [f"r{suffix}"] if run.code == 0 else [])


@settings(max_examples=examples(60))
@given(config=config_files())
def test_a_generated_configuration_is_used_or_refused_by_name(config: tuple[str, bytes]) -> None:
    name, data = config
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        Path(name).write_bytes(data)
        run = in_process(["check", str(CASE), "-j", "1", "-f", "json", "--config", name])
        count(1, "in-process")
        if run.code == 2:  # a criteria folder the config names may be missing: that folder is named
            assert assert_named(
                run.stderr,
                {name, str(Path(temp).resolve() / name), "--limit", "--fail-on", "rules", str(Path(temp).resolve() / "rules")},
            )


@settings(max_examples=examples(60))
@given(baseline=baselines())
def test_a_generated_baseline_is_used_or_refused_by_name(baseline: bytes) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        Path("b.json").write_bytes(baseline)
        run = in_process(["check", str(CASE), "-j", "1", "-f", "json", "--baseline", "b.json"])
        count(1, "in-process")
        if run.code == 2:
            assert assert_named(run.stderr, {"b.json"})

"""A worker sends the parent what it writes and counts, not the whole case result: the counts it
sends must add up to what the result itself counts, and the result travels only when a reporter
writes from it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clirunner import run_cli
from styraudit.commands.check import _judge_and_prepare
from styraudit.engine.baseline import baseline_keys
from styraudit.engine.session import CommandLine, Session
from styraudit.reporters import Summary, reporter

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").rglob("*.yaml"))[:6]


def _reporters(session: Session, *names: str) -> list:
    options = {"quiet": False, "fail_on": session.fail_on, "criteria": session.pack, "root": str(ROOT)}
    return [reporter(name, io.StringIO(), options) for name in names]


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(CommandLine(as_of=date(2024, 1, 1), jobs=1), {})


def test_the_counts_a_worker_sends_add_up_to_the_results_own(session: Session, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    merged, added = Summary(session.fail_on), Summary(session.fail_on)
    for path in [*CASES, broken]:
        merged.merge(_judge_and_prepare(path, session, _reporters(session, "json")).counts)
        added.add(session.judge_file(path))
    assert merged == added and merged.files == len(CASES) + 1 and merged.invalid >= 1 and sum(merged.outcomes.values())


def test_the_result_travels_only_for_a_reporter_that_writes_from_it(session: Session) -> None:
    path = CASES[0]
    lean = _judge_and_prepare(path, session, _reporters(session, "json", "text", "sarif"))
    assert lean.result is None and all(lean.prepared)
    full = _judge_and_prepare(path, session, _reporters(session, "json", "github"), True)
    assert full.result is not None and full.prepared[1] is None
    assert full.keys == tuple(baseline_keys(session.judge_file(path))) and not lean.keys  # keys only when asked for
    assert full.file == lean.file and full.counts == lean.counts


def test_every_format_prepared_in_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    """SARIF is prepared in the workers too: its rule indexes are the run's, set where it is written."""
    shipped = sorted(CASES)
    for i in range(40):  # enough chunks for two workers; cases of several kinds, so rules appear in a mixed order
        source = shipped[i % len(shipped)].read_text(encoding="utf-8")
        (tmp_path / f"c{i:02d}.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "c99.yaml").write_text("id: [unclosed\n", encoding="utf-8")  # a load error's rule among them
    for fmt in ("sarif", "text", "json"):
        one = run_cli("check", ".", "--as-of", "2024-01-01", "-f", fmt, "-j", "1", cwd=tmp_path)
        two = run_cli("check", ".", "--as-of", "2024-01-01", "-f", fmt, "-j", "2", cwd=tmp_path)
        assert one.returncode == two.returncode == 2 and one.stdout == two.stdout and one.stdout, fmt
        assert '"ruleIndex": -1' not in one.stdout  # every stand-in index was replaced


def test_a_check_run_freezes_what_is_loaded_and_leaves_the_collector_as_it_was(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """While the files are judged the pack is frozen out of the collector's walks and young objects
    are collected less often; afterwards the process's collector is as it was."""
    import gc

    from styraudit.commands import check

    before, seen = gc.get_threshold(), []
    judge = check._judge_and_prepare

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.get_freeze_count(), gc.get_threshold()))
        return judge(*args, **kwargs)

    monkeypatch.setattr(check, "_judge_and_prepare", spy)
    session = Session(CommandLine(paths=(str(CASES[0]),), as_of=date(2024, 1, 1), jobs=1), {})
    check.run(session, check.CheckOutputs([("json", tmp_path / "out.json")]))
    assert seen and seen[0][0] > 0 and seen[0][1][0] >= 10_000
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert (tmp_path / "out.json").read_text(encoding="utf-8").startswith('{"schema"')

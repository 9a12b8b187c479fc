"""A dissolved composite's id (kl-6-6, kl-6-1) is retired, not aliased: wherever a user still names
it, the run stops with a located message that names the criteria replacing it (resolving it to all
of them would bring back the coupling the scope rule removed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirunner import run_cli
from styraudit.engine.criteria import customise, default_pack_dir, load_pack
from styraudit.engine.outcome import Severity
from styraudit.engine.run import evaluate
from styraudit.errors import InputError, Location
from styraudit.load.case import load_case

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
SUCCESSORS = "tydligt-uppdrag, namndernas-delaktighet, aterrapportering"


def _case_naming(tmp_path: Path, old: str, extra: str = "") -> Path:
    text = AUDIT.read_text(encoding="utf-8").replace("criteria: [aterrapportering]", f"criteria: [aterrapportering, {old}]")
    path = tmp_path / "case.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_the_pack_no_longer_has_the_composites_but_knows_they_are_retired() -> None:
    pack = load_pack([default_pack_dir()])
    assert "kl-6-6" not in pack.criteria and "kl-6-1" not in pack.criteria
    assert pack.resolve("kl-6-6") is None
    assert pack.retired["kl-6-1"].spec.retired.replaced_by == ["aterrapportering", "ansvarsfordelning", "tydligt-uppdrag"]
    assert not any(c.spec.composed_of for c in pack.criteria.values())


@pytest.mark.parametrize("old", ["kl-6-6", "kl-6-1"])
def test_a_question_naming_a_retired_id_is_a_located_error_naming_its_successors(tmp_path: Path, old: str) -> None:
    path = _case_naming(tmp_path, old)
    with pytest.raises(InputError) as caught:
        evaluate(load_case(str(path)), load_pack([default_pack_dir()]))
    [problem] = caught.value.problems
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f", {old}]" in text)
    assert problem.location.line == line and problem.location.column > 0
    assert problem.message.startswith(f"criterion {old!r} is retired")
    assert "aterrapportering" in problem.message and "aterrapportering" in problem.hint


def test_the_cli_reports_it_at_its_line_with_exit_2(tmp_path: Path) -> None:
    path = _case_naming(tmp_path, "kl-6-6")
    result = run_cli("check", str(path))
    assert result.returncode == 2 and "Traceback" not in (result.stdout + result.stderr)
    assert (
        f"{path}:" in (result.stdout + result.stderr)
        and "'kl-6-6' is retired" in (result.stdout + result.stderr)
        and SUCCESSORS in (result.stdout + result.stderr)
    )


def test_a_configuration_naming_a_retired_id_is_a_located_error() -> None:
    at = Location("styraudit.yaml", 4, 3)
    with pytest.raises(InputError) as caught:
        customise(load_pack([default_pack_dir()]), {"kl-6-6": Severity.low}, {}, lambda *p, key=False: at)
    [problem] = caught.value.problems
    assert problem.location == at and "is retired" in problem.message and "delegering" in problem.hint


def test_a_waiver_naming_a_retired_id_is_reported_at_the_waiver(tmp_path: Path) -> None:
    waiver = "\nwaivers:\n  - {criterion: kl-6-6, motivation: Accepterat., decided_by: Revisorerna, expires: 2099-12-31}\n"
    path = tmp_path / "case.yaml"
    path.write_text(AUDIT.read_text(encoding="utf-8") + waiver, encoding="utf-8")
    result = run_cli("check", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "criterion: kl-6-6" in text)
    assert (
        result.returncode == 2
        and f"{path}:{line}:" in (result.stdout + result.stderr)
        and "'kl-6-6' is retired" in (result.stdout + result.stderr)
    )


def test_a_baseline_key_naming_a_retired_id_is_reported_at_its_line(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    keys = ["aterrapportering|x|reporting[0]", "kl-6-1|verksamhetsstyrningsmodell-2021-2023|absences[3]"]
    baseline.write_text(json.dumps({"schema": "styraudit-baseline/1", "findings": keys}, indent=1) + "\n", encoding="utf-8")
    result = run_cli("check", str(AUDIT), "--baseline", str(baseline))
    assert (
        result.returncode == 2
        and f"{baseline}:5:3" in (result.stdout + result.stderr)
        and "'kl-6-1' is retired" in (result.stdout + result.stderr)
    )

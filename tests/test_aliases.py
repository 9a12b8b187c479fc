"""Criterion ids are a public API: a renamed criterion keeps its old id as an alias, and the pack
answers to it wherever a user names a criterion (audit questions, configuration, waivers,
baselines), while every output uses the new id."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from styraudit.engine.baseline import apply_baseline, baseline_keys
from styraudit.engine.criteria import CriteriaPack, customise, default_pack_dir, load_pack
from styraudit.engine.outcome import Severity
from styraudit.engine.run import evaluate
from styraudit.engine.waivers import Waiver, apply_waivers
from styraudit.errors import InputError, Location
from styraudit.load.case import load_case
from styraudit.model.base import PartialDate

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"  # its questions name `problemanalys`
OLD, NEW = "problemanalys", "grundorsaksanalys"


def _renamed_pack(tmp_path: Path) -> CriteriaPack:
    """The shipped pack with `problemanalys` renamed, its old id kept as an alias."""
    shutil.copytree(default_pack_dir(), tmp_path / "pack")
    path = tmp_path / "pack" / f"{OLD}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"id: {OLD}\n", f"id: {NEW}\naliases: [{OLD}]\n", 1), encoding="utf-8")
    return load_pack([tmp_path / "pack"])


def _never(*path: object, key: bool = False) -> Location:
    raise AssertionError(f"no setting should be in error: {path}")


def test_an_audit_question_naming_the_old_id_is_judged_under_the_new_one(tmp_path: Path) -> None:
    pack = _renamed_pack(tmp_path)
    assert pack.resolve(OLD) == NEW and pack.get(OLD) is pack.criteria[NEW] and OLD not in pack.criteria
    assert NEW in pack.retired["kl-6-6"].spec.retired.replaced_by  # a retired id naming the old id as successor follows too
    result = evaluate(load_case(str(AUDIT)), pack)
    ids = [c.criterion for c in result.criteria]
    assert NEW in ids and OLD not in ids
    assert all(OLD not in a.criteria for a in result.answers) and any(NEW in a.criteria for a in result.answers)
    shipped = evaluate(load_case(str(AUDIT)), load_pack([default_pack_dir()]))
    assert [a.drafted for a in result.answers] == [a.drafted for a in shipped.answers]


def test_configuration_severity_and_params_given_by_the_old_id_apply(tmp_path: Path) -> None:
    pack = customise(_renamed_pack(tmp_path), {OLD: Severity.low}, {}, _never)
    assert pack.criteria[NEW].spec.severity is Severity.low
    with pytest.raises(InputError) as caught:
        customise(pack, {"problemanalyss": Severity.low}, {}, lambda *p, key=False: Location("styraudit.yaml", 2, 3))
    assert caught.value.problems[0].hint == f"did you mean {OLD!r}?"


def test_a_waiver_and_a_baseline_written_with_the_old_id_still_match(tmp_path: Path) -> None:
    result = evaluate(load_case(str(AUDIT)), _renamed_pack(tmp_path))
    [renamed] = [c for c in result.criteria if c.criterion == NEW]
    assert renamed.deficient
    waiver = Waiver(OLD, "Analysen görs i nästa steg.", "Revisionen", PartialDate(2099, 12, 31), Location("case.yaml", 1, 1))
    waived = apply_waivers(result, [waiver], date(2024, 6, 1))
    assert [c.waiver is not None for c in waived.criteria if c.criterion == NEW] == [True]
    assert not [c for c in waived.criteria if c.criterion.startswith("waiver-")]  # used, so not reported unused
    old_keys = frozenset(k.replace(f"{NEW}|", f"{OLD}|", 1) for k in baseline_keys(result))
    assert any(k.startswith(f"{OLD}|") for k in old_keys)
    assert all(c.baselined for c in apply_baseline(result, old_keys).criteria if c.deficient)
    assert all(k.startswith(f"{NEW}|") for k in baseline_keys(result) if NEW in k)  # written with the new id


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ("[tydligt-uppdrag]", "alias 'tydligt-uppdrag' of problemanalys is the id of a criterion"),
        ("[problemanalys]", "alias 'problemanalys' of problemanalys is the id of a criterion"),
    ],
)
def test_an_alias_that_collides_with_an_id_is_a_located_error(tmp_path: Path, aliases: str, message: str) -> None:
    shipped = (default_pack_dir() / f"{OLD}.yaml").read_text(encoding="utf-8")
    (tmp_path / f"{OLD}.yaml").write_text(
        shipped.replace(f"id: {OLD}\n", f"id: {OLD}\naliases: {aliases}\n", 1), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_pack([default_pack_dir(), tmp_path])
    [problem] = caught.value.problems
    assert problem.message.startswith(message), problem
    assert (problem.location.file.endswith(f"{OLD}.yaml"), problem.location.line) == (True, 3)


def test_one_old_id_for_two_criteria_is_a_located_error(tmp_path: Path) -> None:
    for name in (OLD, "forankring"):
        text = (default_pack_dir() / f"{name}.yaml").read_text(encoding="utf-8")
        (tmp_path / f"{name}.yaml").write_text(
            text.replace(f"id: {name}\n", f"id: {name}\naliases: [gammal]\n", 1), encoding="utf-8"
        )
    with pytest.raises(InputError) as caught:
        load_pack([default_pack_dir(), tmp_path])
    [problem] = caught.value.problems
    assert problem.message == f"alias 'gammal' of {OLD} is already an alias of forankring"
    assert problem.location.line == 3 and problem.location.file.endswith(f"{OLD}.yaml")


def test_criteria_show_answers_to_the_old_id_with_the_new_criterion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from styraudit.commands.criteria import show_criterion

    pack = _renamed_pack(tmp_path)
    assert show_criterion(pack, OLD) == 0
    assert capsys.readouterr().out.startswith(f"{NEW}: ")

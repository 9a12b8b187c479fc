"""A criterion's texts: the check's default texts fill what a criterion leaves out, texts may name
the check's parameters (`params.max_gap_months`) so the prose follows a configuration, and a name
that will not be given is a located error when the pack loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.engine import registry
from styraudit.engine.codes import Code, Codes
from styraudit.engine.criteria import customise, default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome
from styraudit.engine.registry import Check, Params
from styraudit.engine.run import evaluate
from styraudit.errors import InputError
from styraudit.load.case import load_case

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
DIRECTIVE = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"  # no audit: every criterion applies
BARE = """id: {id}
title: Ett kriterium utan egna texter
theme: Uppdrag och styrning
authority: {{kind: good_practice, citation: God sed}}
requirement: Det finns ett tydligt uppdrag.
checks:
  - check: {check}
assessment:
  fulfilled: Uppfyllt.
  partly_fulfilled: Delvis uppfyllt.
  not_fulfilled: Inte uppfyllt.
  cannot_assess: Kan inte bedömas.
"""


def _problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "k.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_pack([tmp_path])
    return [f"{p.location.line}: {p.message} | {p.hint}" for p in caught.value.problems]


def test_a_criterion_without_texts_speaks_with_the_checks_defaults(tmp_path: Path) -> None:
    (tmp_path / "k.yaml").write_text(BARE.format(id="eget-uppdrag", check="clear_mandate"), encoding="utf-8")
    pack = load_pack([default_pack_dir(), tmp_path])
    [own] = [c for c in evaluate(load_case(str(DIRECTIVE)), pack).criteria if c.criterion == "eget-uppdrag"]
    assert [(o.code, o.text) for o in own.observations] == [
        (
            "no_owner",
            "Underlaget anger inte vilket organ som äger initiativet, så det går inte att pröva om ett tydligt uppdrag har getts.",
        )
    ]


def test_a_check_without_defaults_needs_every_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class NoParams(Params):
        """No parameters."""

    probe = Check("probe", "A probe.", NoParams, Codes(seen=Code(Outcome.fulfilled, "seen")), lambda ctx, p: [])
    monkeypatch.setitem(registry._REGISTRY, "probe", probe)
    [problem] = _problems(tmp_path, BARE.format(id="prov", check="probe"))
    assert problem == "7: no text for the finding code 'seen' of check probe | add `seen:` under texts (fulfilled: seen)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ ownr|name }} saknas.", "'ownr' is undefined in this text | did you mean 'owner'?"),
        ("{{ params.requir }} saknas.", "'params.requir' is not a parameter | did you mean 'require'?"),
        ("{{ missing|join_sv }} saknas ({{ params.require|join_sv }}).", None),
    ],
)
def test_a_text_names_only_what_its_code_and_parameters_give(tmp_path: Path, text: str, expected: str | None) -> None:
    criterion = BARE.format(id="eget-uppdrag", check="clear_mandate") + ""
    criterion = criterion.replace(
        "  - check: clear_mandate\n", f'  - check: clear_mandate\n    texts:\n      mandate_incomplete: "{text}"\n'
    )
    if expected is None:
        (tmp_path / "k.yaml").write_text(criterion, encoding="utf-8")
        assert load_pack([tmp_path]).criteria["eget-uppdrag"]
        return
    assert _problems(tmp_path, criterion) == [f"9: {expected}"]


def test_the_reporting_criterion_follows_max_gap_months(tmp_path: Path) -> None:
    def where(*path: object, key: bool = False) -> object:
        raise AssertionError(path)

    shipped = load_pack([default_pack_dir()])
    changed = customise(
        shipped, {}, {"aterrapportering": {"follow_up_cadence": {"max_gap_months": 2, "written_status_per_year": False}}}, where
    )
    before, after = shipped.criteria["aterrapportering"].spec.requirement, changed.criteria["aterrapportering"].spec.requirement
    assert "minst var sjätte månad" in before and "skriftlig rapport" in before
    assert "minst varannan månad" in after and "skriftlig rapport" not in after
    texts = [
        o.text
        for c in evaluate(load_case(str(CASE)), changed).criteria
        if c.criterion == "aterrapportering"
        for o in c.observations
    ]
    assert any("mer än två månader utan rapport" in t for t in texts), texts
    assert not any("sex månader" in t for t in texts), texts

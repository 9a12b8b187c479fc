"""Doubts the tool resolves in the body's favour, and deficiencies resting on interviews alone,
are produced as data: the auditor's points to verify (CaseResult.verify)."""

from __future__ import annotations

from pathlib import Path

import yaml

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case
from styraudit.load.resources import data_dir

AUDIT = Path(__file__).resolve().parent.parent / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"


def test_possible_gaps_from_imprecise_dates_are_points_to_verify_not_findings() -> None:
    result = evaluate(load_case(str(AUDIT)), load_pack([default_pack_dir()]))
    dates = [p for p in result.verify if p.reason == "imprecise_date"]
    assert dates and all(p.criterion == "aterrapportering" for p in dates)
    assert all(f.path.startswith("reporting[") and f.location.line > 0 for p in dates for f in p.facts)
    assert "kan det ha" in dates[0].text
    [criterion] = [c for c in result.criteria if c.criterion == "aterrapportering"]
    possible = [o for o in criterion.observations if o.code == "possible_gap"]
    assert possible and all(o.outcome.value == "fulfilled" for o in possible)  # benefit of the doubt


def test_deficiencies_resting_on_interviews_alone_are_points_to_verify() -> None:
    result = evaluate(load_case(str(AUDIT)), load_pack([default_pack_dir()]))
    interviews = [p for p in result.verify if p.reason == "interview_only"]
    assert interviews and all(f.interview_only for p in interviews for f in p.facts)


def test_every_reason_has_a_swedish_lead_in() -> None:
    texts = yaml.safe_load((data_dir("templates") / "messages" / "verify.yaml").read_text(encoding="utf-8"))
    assert set(texts) == {"imprecise_date", "interview_only", "inference"} and all(texts.values())

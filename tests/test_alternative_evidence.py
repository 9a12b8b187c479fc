"""A criterion whose checks are alternative evidence (`combine: decided`): ik-kontroller-genomforda
reads the internal-control plan's controls and the sample tests, and one that lacks the facts does
not stop the other from deciding (under rule 1 alone it would leave the criterion unassessed)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from styraudit.engine.criteria import CriteriaPack, default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case
from styraudit.load.resources import data_dir
from styraudit.load.yamldoc import load_file
from styraudit.testing import BASE_CASE, merge

PLAN = {
    "id": "ik1",
    "body": "HSN",
    "year": 2023,
    "adopted_by": "HSN",
    "controls": [{"title": "Attest av fakturor", "carried_out": True, "result": "Inga avvikelser.", "sources": ["d-plan"]}],
    "sources": ["d-plan"],
}
SAMPLE = {"id": "sp1", "population": "Nämndens direktupphandlingar", "found": "significant_deficiencies", "sources": ["d-plan"]}


@cache
def _pack() -> CriteriaPack:
    return load_pack([default_pack_dir()])


def _outcome(tmp_path: Path, extra: dict[str, Any]) -> Outcome:
    base = load_file(str(data_dir("templates") / BASE_CASE)).data
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(merge(base, extra), allow_unicode=True, sort_keys=False), encoding="utf-8")
    results = {c.criterion: c for c in evaluate(load_case(str(path)), _pack()).criteria}
    return results["ik-kontroller-genomforda"].outcome


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"internal_control": [PLAN]}, Outcome.fulfilled),  # no sample: the plan decides
        ({"internal_control": [{**PLAN, "controls": []}], "samples": [SAMPLE]}, Outcome.not_fulfilled),  # the sample decides
        ({"internal_control": [PLAN], "samples": [SAMPLE]}, Outcome.not_fulfilled),  # both decide: rule 1 over them
        ({"internal_control": [{**PLAN, "controls": []}], "samples": [{**SAMPLE, "found": None}]}, Outcome.cannot_assess),
    ],
    ids=["plan-alone", "sample-alone", "both", "neither"],
)
def test_either_kind_of_evidence_decides(tmp_path: Path, extra: dict[str, Any], expected: Outcome) -> None:
    assert _outcome(tmp_path, extra) is expected

"""Checks give renderers data instead of renderers judging again: follow_up_cadence's certain
reporting gaps, silent bodies and max_gap_months reach `CaseResult.data`, and are exactly what
report/timeline.py computes itself today (compared here while both exist)."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.engine.context import CheckContext
from styraudit.engine.criteria import customise, default_pack_dir, load_pack
from styraudit.engine.registry import checks
from styraudit.engine.results import merge_data
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case, validate_document
from styraudit.load.yamldoc import YamlDocument
from styraudit.report.labels import load_labels
from styraudit.report.timeline import build_timeline
from styraudit.testing import CheckFixture, load_fixtures

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
CADENCE = load_fixtures(Path(__file__).parent / "checks" / "follow_up_cadence.yaml")


def _nowhere(*path: object, key: bool = False) -> object:
    raise AssertionError(f"the fixture's parameters are valid: {path}")


def _from_timeline(ctx: CheckContext, pack: object) -> tuple[list[tuple[str, str, str, int]], list[str], int] | None:
    timeline = build_timeline(ctx, pack, load_labels())  # type: ignore[arg-type]
    if timeline is None:
        return None
    return [(g.body, g.start, g.end, g.months) for g in timeline.gaps], list(timeline.silent), timeline.max_gap_months


def _from_data(data: dict) -> tuple[list[tuple[str, str, str, int]], list[str], int]:
    gaps = [(g["body"], g["start"], g["end"], g["months"]) for g in data["reporting_gaps"]]
    [limit] = data["max_gap_months"]
    return gaps, list(data["silent_bodies"]), limit


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_case_data_is_what_the_timeline_computes(path: Path) -> None:
    pack = load_pack([default_pack_dir()])
    loaded = load_case(str(path))
    result = evaluate(loaded, pack)
    assert set(result.data) == {"reporting_gaps", "silent_bodies", "max_gap_months"}
    assert _from_data(dict(result.data)) == _from_timeline(CheckContext(loaded.case), pack)


@pytest.mark.parametrize("fixture", CADENCE, ids=[f.name for f in CADENCE])
def test_the_check_data_is_what_the_timeline_computes_on_every_fixture(fixture: CheckFixture) -> None:
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    ctx = CheckContext(loaded.case, fixture.as_of)
    check = checks()["follow_up_cadence"]
    result = check.judge(ctx, check.params.model_validate(fixture.params))
    if result.findings[0].code in ("no_period", "no_bodies"):
        assert (result.data["reporting_gaps"], result.data["silent_bodies"]) == ([], [])
        return  # the check judges nothing here; the timeline draws from the events alone
    pack = customise(load_pack([default_pack_dir()]), {}, {"aterrapportering": {"follow_up_cadence": fixture.params}}, _nowhere)
    assert _from_data(merge_data([result.data])) == _from_timeline(ctx, pack)


def test_merged_data_keeps_each_item_once_in_first_order() -> None:
    merged = merge_data([{"gaps": [{"a": 1}, {"a": 2}], "limit": 6}, {"gaps": [{"a": 2}, {"a": 3}], "limit": 4}, {"limit": 6}])
    assert merged == {"gaps": ({"a": 1}, {"a": 2}, {"a": 3}), "limit": (6, 4)}

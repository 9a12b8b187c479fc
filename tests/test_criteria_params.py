"""One parameter validator for criteria files and the configuration: an unknown or invalid
parameter is named the same way (which one, for which check, did-you-mean) at its own place."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.config import load_config
from styraudit.engine.criteria import customise, default_pack_dir, load_pack
from styraudit.errors import InputError, Problem

REPORTING = (default_pack_dir() / "aterrapportering.yaml").read_text(encoding="utf-8")


def _criteria_problem(tmp_path: Path, old: str, new: str) -> Problem:
    assert old in REPORTING
    (tmp_path / "aterrapportering.yaml").write_text(REPORTING.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_pack([tmp_path])
    [problem] = caught.value.problems
    return problem


def _config_problem(tmp_path: Path, params: str) -> Problem:
    (tmp_path / "styraudit.yaml").write_text(f"params:\n  aterrapportering:\n    follow_up_cadence:\n{params}", encoding="utf-8")
    config = load_config(tmp_path / "styraudit.yaml")
    with pytest.raises(InputError) as caught:
        customise(load_pack([default_pack_dir()]), {}, config.settings.params, config.locate)
    [problem] = caught.value.problems
    return problem


@pytest.mark.parametrize(
    ("in_criteria", "in_config", "message", "hint"),
    [
        (
            "      max_gap_months: 6\n",
            "      max_gap_month: 6\n",
            "unknown parameter 'max_gap_month' for check follow_up_cadence",
            "did you mean 'max_gap_months'?",
        ),
        (
            "      max_gap_months: 6\n",
            "      max_gap_months: many\n",
            "parameter max_gap_months: Input should be a valid integer",
            "parameters of follow_up_cadence: max_gap_months, written_status_per_year, act_within_months",
        ),
    ],
)
def test_a_parameter_mistake_reads_alike_in_criteria_and_configuration(
    tmp_path: Path, in_criteria: str, in_config: str, message: str, hint: str
) -> None:
    (tmp_path / "crit").mkdir()
    from_criteria = _criteria_problem(tmp_path / "crit", in_criteria, in_config)
    from_config = _config_problem(tmp_path, in_config)
    for problem, file, line in ((from_criteria, "aterrapportering.yaml", _line(in_config)), (from_config, "styraudit.yaml", 4)):
        assert problem.message.startswith(message) and problem.hint == hint, problem
        assert problem.location.file.endswith(file) and problem.location.column == 7, problem
        assert file == "styraudit.yaml" or problem.location.line == line, problem
    assert (from_criteria.message, from_criteria.hint) == (from_config.message, from_config.hint)


def test_a_nested_parameter_is_named_by_its_path_with_did_you_mean(tmp_path: Path) -> None:
    rule = (default_pack_dir() / "beslut-diarienummer.yaml").read_text(encoding="utf-8")
    old = "collection: decisions"
    assert old in rule
    broken = rule.replace(old, old + "\n      one_of: {fieldd: kind, values: [plan]}", 1)
    (tmp_path / "beslut-diarienummer.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_pack([tmp_path])
    messages = {(p.message, p.hint) for p in caught.value.problems}
    assert ("unknown parameter 'one_of.fieldd' for check field_rule", "did you mean 'field'?") in messages


def _line(text: str) -> int:
    return next(
        i for i, line in enumerate(REPORTING.replace("      max_gap_months: 6\n", text, 1).splitlines(), 1) if line == text[:-1]
    )

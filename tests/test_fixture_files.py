"""Fixture files are input too: styraudit.testing validates them with a model of their own, so a
malformed file is an InputError at file:line:col (as a criteria pack outside the project sees
it), never a KeyError from deep inside the runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.errors import InputError
from styraudit.testing import load_fixtures

GOOD = """check: clear_mandate
cases:
  - name: no-owner
    case: {initiative: {owner: null}}
    expect:
      outcome: cannot_assess
      findings: [{code: no_owner, outcome: cannot_assess}]
"""

# name: (text to replace in GOOD, its replacement, expected "line:col: message" of the first problem)
BROKEN = {
    "unknown-key": ("    expect:\n", "    expct: {}\n    expect:\n", "5:5: unknown key 'expct'"),
    "missing-expect": (
        "    expect:\n      outcome: cannot_assess\n      findings: [{code: no_owner, outcome: cannot_assess}]\n",
        "",
        "3:5: cases[0].expect: a required key is missing",
    ),
    "wrong-type": (
        "case: {initiative: {owner: null}}",
        "case: [owner]",
        "4:11: cases[0].case: Input should be a valid dictionary",
    ),
    "bad-outcome": ("outcome: cannot_assess\n", "outcome: unknown\n", "6:16: cases[0].expect.outcome: Input should be"),
    "bad-finding-outcome": (
        "outcome: cannot_assess}",
        "outcome: maybe}",
        "7:44: cases[0].expect.findings[0].outcome: Input should be",
    ),
    "bad-date": ("    case:", "    as_of: 2024-13-01\n    case:", "4:12: cases[0].as_of: Input should be a valid date"),
    "no-cases": ("cases:\n", "cases: []\nother:\n", "2:8: cases: List should have at least 1 item"),
    "unknown-check": ("check: clear_mandate", "check: clear_mandat", "1:8: unknown check 'clear_mandat'"),
    "missing-base": ("cases:\n", "base: nowhere.yaml\ncases:\n", "2:7: no base case 'nowhere.yaml'"),
    "same-name-twice": (
        "cases:\n",
        "cases:\n  - {name: no-owner, expect: {outcome: fulfilled}}\n",
        "4:11: a second case named 'no-owner'",
    ),
}


def test_the_good_file_loads(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(GOOD, encoding="utf-8")
    [fixture] = load_fixtures(tmp_path / "f.yaml")
    assert fixture.expect == {
        "outcome": "cannot_assess",
        "findings": [{"code": "no_owner", "values": {}, "outcome": "cannot_assess"}],
    }


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_malformed_fixture_file_is_a_located_error(tmp_path: Path, name: str) -> None:
    old, new, expected = BROKEN[name]
    assert old in GOOD
    (tmp_path / "f.yaml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_fixtures(tmp_path / "f.yaml")
    first = caught.value.problems[0]
    assert f"{first.location.line}:{first.location.column}: {first.message}".startswith(expected), first
    assert first.location.file.endswith("f.yaml") and first.hint


def test_a_wrong_finding_outcome_is_a_mismatch(tmp_path: Path) -> None:
    from styraudit.testing import mismatches, run_fixture

    (tmp_path / "f.yaml").write_text(
        GOOD.replace("code: no_owner, outcome: cannot_assess", "code: no_owner, outcome: fulfilled"), encoding="utf-8"
    )
    [fixture] = load_fixtures(tmp_path / "f.yaml")
    assert mismatches(fixture, run_fixture(fixture)) == ["no_owner: outcome cannot_assess, expected fulfilled"]

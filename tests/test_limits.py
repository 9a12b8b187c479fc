"""The limits: every value validated and capped at what the implementation honours, and the
README's table saying exactly what the code does."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from clirunner import ROOT
from styraudit.errors import UsageError
from styraudit.load.limits import CEILINGS, DEFAULT_LIMITS


def test_the_readme_table_gives_every_limit_its_default_and_ceiling() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(max_\w+)` \| (\d+)[^|]*\| (\d+)", readme, re.MULTILINE)
    assert {name for name, _, _ in rows} == {f.name for f in fields(DEFAULT_LIMITS)} == set(CEILINGS)
    for name, default, ceiling in rows:
        assert (int(default), int(ceiling)) == (getattr(DEFAULT_LIMITS, name), CEILINGS[name][0]), name


@pytest.mark.parametrize("value", ["²", "-1", "0", "1e9", "", " ", "9" * 5000, "10**3", "٣"])
def test_anything_but_a_whole_number_in_range_is_refused(value: str) -> None:
    with pytest.raises(UsageError, match="max_depth"):
        DEFAULT_LIMITS.with_overrides([f"max_depth={value}"])


def test_the_ceiling_is_accepted_and_one_more_refused_with_the_reason() -> None:
    for name, (ceiling, reason) in CEILINGS.items():
        assert getattr(DEFAULT_LIMITS.with_overrides([f"{name}={ceiling}"]), name) == ceiling
        with pytest.raises(UsageError) as raised:
            DEFAULT_LIMITS.with_overrides([f"{name}={ceiling + 1}"])
        assert f"at most {ceiling} ({reason})" in raised.value.problems[0].message

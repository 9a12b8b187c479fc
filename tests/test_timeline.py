"""The partial-date gap arithmetic behind follow_up_cadence (checks/_timeline.py)."""

from __future__ import annotations

from datetime import date

from styraudit.checks._timeline import Mark, add_months, gaps, whole_months
from styraudit.model.base import PartialDate


def mark(text: str) -> Mark:
    return Mark.of(PartialDate.parse(text), ("reporting", text))


def test_months_are_calendar_months() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2022, 11, 15), 3) == date(2023, 2, 15)
    assert whole_months(date(2022, 3, 10), date(2023, 2, 15)) == 11
    assert whole_months(date(2022, 3, 1), date(2022, 9, 30), round_up=True) == 7
    assert whole_months(date(2023, 5, 1), date(2023, 4, 1)) == 0


def test_a_year_report_nested_before_a_month_report_may_close_the_stretch() -> None:
    # "2022" may mean December 2022, so nothing certain from March 2022 to May 2023: only possible.
    found = gaps(mark("2022-01"), [mark("2022"), mark("2022-03"), mark("2023-05")], mark("2023-06"), 6)
    assert [(g.start.label, g.end.label, g.certain) for g in found] == [("2022-03", "2023-05", False)]


def test_a_stretch_no_reading_can_fill_is_certain() -> None:
    found = gaps(mark("2022-01"), [mark("2022-02"), mark("2022-12-01")], mark("2022-12-31"), 6)
    assert [(g.start.label, g.end.label, g.months, g.certain) for g in found] == [("2022-02", "2022-12-01", 9, True)]

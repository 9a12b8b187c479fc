"""Swedish formatting: dates the Swedish way and lists joined with "och"."""

from __future__ import annotations

import pytest

from styraudit.text.swedish import date_sv, definite, every_sv, join_sv, lower_first, number_sv, ordinal_sv


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-10-23", "23 oktober 2023"),
        ("2021-03", "mars 2021"),
        ("2022", "2022"),
        ("2024-12-08", "8 december 2024"),
        (None, ""),
    ],
)
def test_date_sv(value: str | None, expected: str) -> None:
    assert date_sv(value) == expected


def test_join_sv() -> None:
    assert join_sv([]) == ""
    assert join_sv(["RS"]) == "RS"
    assert join_sv(["RS", "HSN", "RUN"]) == "RS, HSN och RUN"
    assert join_sv(["a", "b"], "eller") == "a eller b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Regionstyrelsen", "regionstyrelsen"), ("HR-direktör", "HR-direktör"), ("CLG:s plan", "CLG:s plan"), ("", ""), ("A", "a")],
)
def test_lower_first_keeps_acronyms(text: str, expected: str) -> None:
    assert lower_first(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Regiondirektör", "Regiondirektören"),
        ("Hälso- och sjukvårdsdirektör", "Hälso- och sjukvårdsdirektören"),
        ("Direktör för Ledningsstaben", "Direktören för Ledningsstaben"),
        ("Enhetschef Utvecklingsstödet", "Enhetschefen Utvecklingsstödet"),
        ("Samordnare", "Samordnaren"),
        ("HR-direktör", "HR-direktören"),
    ],
)
def test_definite_form_of_role_titles(title: str, expected: str) -> None:
    assert definite(title) == expected


@pytest.mark.parametrize(
    ("value", "neuter", "expected"),
    [
        (1, False, "en"),
        (1, True, "ett"),
        (2, False, "två"),
        (6, False, "sex"),
        (12, False, "tolv"),
        (13, False, "13"),
        (0, False, "noll"),
    ],
)
def test_number_sv_writes_one_to_twelve_in_words(value: int, neuter: bool, expected: str) -> None:
    assert number_sv(value, neuter) == expected


@pytest.mark.parametrize(("value", "beside", "expected"), [(12, 13, "12"), (12, 12, "tolv"), (1, 40, "1"), (13, 2, "13")])
def test_number_sv_writes_numbers_set_against_each_other_alike(value: int, beside: int, expected: str) -> None:
    assert number_sv(value, True, beside) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, "tredje"), (6, "sjätte"), (12, "tolfte"), (13, "13:e"), (21, "21:a"), (22, "22:a"), (111, "111:e")],
)
def test_ordinal_sv(value: int, expected: str) -> None:
    assert ordinal_sv(value) == expected


@pytest.mark.parametrize(
    ("value", "neuter", "expected"),
    [
        (1, False, "varje månad"),
        (2, False, "varannan månad"),
        (6, False, "var sjätte månad"),
        (18, False, "var 18:e månad"),
        (2, True, "vartannat år"),
        (3, True, "vart tredje år"),
    ],
)
def test_every_sv(value: int, neuter: bool, expected: str) -> None:
    assert every_sv(value, "år" if neuter else "månad", neuter) == expected


def test_the_number_filters_are_in_the_sandbox() -> None:
    from styraudit.text.jinja import environment

    text = "{{ 6|every_sv('månad') }}, mer än {{ 6|number_sv }} månader, {{ ids|names(lower=true) }}"
    rendered = (
        environment()
        .from_string(text)
        .render(ids=["RS", "HSN"], lookup={"RS": "Regionstyrelsen", "HSN": "Hälso- och sjukvårdsnämnden"}.get)
    )
    assert rendered == "var sjätte månad, mer än sex månader, regionstyrelsen och hälso- och sjukvårdsnämnden"


@pytest.mark.parametrize("year", [1, 999, 2023, 9999])
def test_date_sv_writes_what_babel_writes(year: int) -> None:
    """date_sv reads Babel's month names once instead of formatting each date with Babel: the same text."""
    from datetime import date

    from babel.dates import format_date

    from styraudit.model.base import PartialDate

    for month in range(1, 13):
        day = date(year, month, 9)
        assert date_sv(day) == date_sv(day.isoformat()) == format_date(day, "d MMMM y", locale="sv_SE")
        assert date_sv(PartialDate(year, month)) == format_date(day, "LLLL y", locale="sv_SE")

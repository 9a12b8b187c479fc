"""Swedish formatting: dates the Swedish way and lists joined with "och"."""

from __future__ import annotations

import pytest

from styraudit.text.swedish import date_sv, definite, join_sv, lower_first


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

"""Formatting for Swedish text: dates the Swedish way (Babel), lists joined with "och", and small
numbers in words ("sex månader", "var sjätte månad")."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any

from jinja2 import pass_context

from ..model.base import PartialDate

LOCALE = "sv_SE"


def date_sv(value: Any) -> str:
    """'2023-10-23' -> '23 oktober 2023'; '2021-03' -> 'mars 2021'; '2022' -> '2022'."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return f"{value.day} {_month_names('format')[value.month]} {value.year}"
    partial = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
    if partial.precision == "day":
        return f"{partial.day} {_month_names('format')[partial.month]} {partial.year}"
    if partial.precision == "month":
        return f"{_month_names('stand-alone')[partial.month]} {partial.year}"
    return str(partial.year)


@functools.cache
def _month_names(context: str) -> dict[int, str]:
    """Babel's wide Swedish month names, read once: Babel's `format_date` ("d MMMM y", "LLLL y")
    parsed its pattern and looked up the locale at every date, a sixth of rendering the texts."""
    from babel.dates import get_month_names

    return dict(get_month_names("wide", context, locale=LOCALE))


def join_sv(items: Iterable[Any], last: str = "och") -> str:
    """['a', 'b', 'c'] -> 'a, b och c'."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


@pass_context
def name(context: Any, ident: Any) -> str:
    """An id's display name, looked up in the case being rendered (`lookup` in the context)."""
    lookup = context.get("lookup")
    return lookup(str(ident)) if lookup else str(ident)


@pass_context
def names(context: Any, idents: Iterable[Any], last: str = "och", lower: bool = False) -> str:
    """Display names joined with "och"; `lower` puts each one in lower case for mid-sentence use."""
    return join_sv((lower_first(name(context, i)) if lower else name(context, i) for i in idents), last)


_CARDINALS = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")
_ORDINALS = (
    "",
    "första",
    "andra",
    "tredje",
    "fjärde",
    "femte",
    "sjätte",
    "sjunde",
    "åttonde",
    "nionde",
    "tionde",
    "elfte",
    "tolfte",
)


def number_sv(value: Any, neuter: bool = False, beside: Any = None) -> str:
    """1-12 in words, other numbers in digits: 6 -> 'sex', 1 -> 'en' ('ett' when `neuter`), 13 -> '13'.

    Numbers that belong together are written alike: `beside` is the number this one is set
    against ("12 av 13", not "tolv av 13"), and in digits it makes this one digits too."""
    number = int(value)
    if not 0 <= number <= 12 or (beside is not None and not 0 <= int(beside) <= 12):
        return str(number)
    return "ett" if number == 1 and neuter else _CARDINALS[number]


def ordinal_sv(value: Any) -> str:
    """1-12 as ordinal words, others as digits with the Swedish ending: 6 -> 'sjätte', 21 -> '21:a', 13 -> '13:e'."""
    number = int(value)
    if 1 <= number <= 12:
        return _ORDINALS[number]
    return f"{number}:{'a' if number % 10 in (1, 2) and number % 100 not in (11, 12) else 'e'}"


def every_sv(value: Any, noun: str, neuter: bool = False) -> str:
    """How often, with the noun in the singular: 1 -> 'varje månad', 2 -> 'varannan månad', 6 -> 'var sjätte månad'
    ('vartannat år', 'vart tredje år' when `neuter`)."""
    number = int(value)
    if number == 1:
        return f"varje {noun}"
    if number == 2:
        return f"{'vartannat' if neuter else 'varannan'} {noun}"
    return f"{'vart' if neuter else 'var'} {ordinal_sv(number)} {noun}"


_AFTER_HEAD = frozenset({"för", "inom", "i", "vid", "på"})


def definite(title: str) -> str:
    """A role title in the definite form running text needs. The head noun takes the ending:
    'Regiondirektör' -> 'Regiondirektören', 'Direktör för Ledningsstaben' -> 'Direktören för
    Ledningsstaben', 'Samordnare' -> 'Samordnaren'. A case gives irregular forms itself (`definite`)."""
    words = title.split()
    if not words:
        return title
    cut = next((i for i, w in enumerate(words) if i and (w in _AFTER_HEAD or w[0].isupper())), len(words))
    head = words[cut - 1]
    words[cut - 1] = head + ("n" if head.endswith("e") else "en")
    return " ".join(words)


def lower_first(text: Any) -> str:
    """'Regionstyrelsen' -> 'regionstyrelsen' mid-sentence; acronyms such as 'HR-direktör' and 'CLG' stay."""
    text = str(text)
    if len(text) > 1 and not text[1].islower():
        return text
    return text[:1].lower() + text[1:]


FILTERS = {
    "date_sv": date_sv,
    "join_sv": join_sv,
    "name": name,
    "names": names,
    "lower_first": lower_first,
    "number_sv": number_sv,
    "ordinal_sv": ordinal_sv,
    "every_sv": every_sv,
}

"""Formatting for Swedish text: dates the Swedish way (Babel) and lists joined with "och"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from jinja2 import pass_context

from ..model.base import PartialDate

LOCALE = "sv_SE"


def date_sv(value: Any) -> str:
    """'2023-10-23' -> '23 oktober 2023'; '2021-03' -> 'mars 2021'; '2022' -> '2022'."""
    from babel.dates import format_date

    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_date(value, "d MMMM y", locale=LOCALE)
    partial = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
    if partial.precision == "day":
        return format_date(partial.earliest(), "d MMMM y", locale=LOCALE)
    if partial.precision == "month":
        return format_date(partial.earliest(), "LLLL y", locale=LOCALE)
    return str(partial.year)


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
def names(context: Any, idents: Iterable[Any], last: str = "och") -> str:
    return join_sv((name(context, i) for i in idents), last)


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


FILTERS = {"date_sv": date_sv, "join_sv": join_sv, "name": name, "names": names, "lower_first": lower_first}

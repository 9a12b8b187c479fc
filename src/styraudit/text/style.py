"""House style applied by code to every sentence of the report, in reading order.

An abbreviation is introduced once, at its first mention ("centrala ledningsgruppen (CLG)"),
and used alone after that; doubled punctuation left where two texts meet is mended. The
words themselves come from the case and the criteria; this module only tidies them. Numbers
in words are text/swedish.py's `number_sv`, which the templates use as a filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|\s+([.,;:!?])|([,;:])\2+")
_SPACES = re.compile(r"[ \t]{2,}")


def tidy(text: str) -> str:
    """'delegation..' -> 'delegation.', 'ord .' -> 'ord.', 'a,, b' -> 'a, b'; an ellipsis stays."""

    def mend(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        if match.group(2):
            return match.group(2)
        return "."

    return _SPACES.sub(" ", _DOUBLED.sub(mend, text)).strip()


@dataclass
class Abbreviations:
    """Names with a short form, introduced at their first mention and shortened after it.

    `names` maps a full name to its short form. A name is matched whole, whatever the case of
    its first letter, so "Centrala ledningsgruppen" at the start of a sentence and
    "centrala ledningsgruppen" inside one are the same name.
    """

    names: dict[str, str]
    introduced: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        ordered = sorted(self.names, key=len, reverse=True)  # the longest name first: no partial matches
        alternatives = "|".join(_either_case(name) for name in ordered)
        self._pattern = re.compile(rf"(?<![\w-])({alternatives})(?:\s*\(([^()]*)\))?(?![\w-])") if ordered else None

    def apply(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def apply_all(self, texts: Iterable[str]) -> list[str]:
        return [self.apply(text) for text in texts]

    def _replace(self, match: re.Match[str]) -> str:
        written = match.group(1)
        full = next(name for name in self.names if name.lower() == written.lower())
        short = self.names[full]
        if full in self.introduced:
            return short
        self.introduced.add(full)
        return f"{written} ({short})"


def _either_case(name: str) -> str:
    head, rest = name[:1], re.escape(name[1:])
    return f"[{re.escape(head.upper())}{re.escape(head.lower())}]{rest}" if head.isalpha() else re.escape(name)

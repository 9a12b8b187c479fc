"""Bounds on what one input file may cost to load, so time and memory stay bounded.

A limit can be raised, but only as far as the implementation can honour it: files are read
into memory, libyaml refuses nesting past 1,000 levels on its own and Python recurses about
1,000 frames deep, so a larger value would be a promise the tool cannot keep. `CEILINGS` says
how far each limit goes and why; a value above it is refused with that reason.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from ..errors import Location, Problem, UsageError

_GIB = 1024 * 1024 * 1024

# name -> (the largest value honoured, why no more)
CEILINGS: dict[str, tuple[int, str]] = {
    "max_file_bytes": (_GIB, "a file is read into memory whole"),
    "max_depth": (500, "the YAML parser stops at 1000 levels and Python recursion at about as many"),
    "max_nodes": (5_000_000, "every node costs memory; five million nodes are about a gigabyte"),
    "max_string_chars": (_GIB, "a text is held in memory whole"),
    "max_aliases": (5_000_000, "aliases count as nodes"),
    "max_text_chars": (_GIB, "all text of a file is held in memory"),
    "max_baseline_bytes": (_GIB, "a baseline is read into memory whole"),
}
_MAX_DIGITS = len(str(max(ceiling for ceiling, _ in CEILINGS.values()))) + 1


@dataclass(frozen=True)
class Limits:
    """Per-file loading limits; raise one with `--limit NAME=VALUE` or `limits:` in the config."""

    max_file_bytes: int = 2 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 200_000
    max_string_chars: int = 100_000
    max_aliases: int = 1_000
    # Text counted as expanded: 200 aliases of a 100,000-character string are 20 million characters
    # for everything downstream (messages, reports), though the file is 100 KB.
    max_text_chars: int = 10_000_000
    # A baseline records one line per deficient result: 10,000 cases fit in a few megabytes.
    max_baseline_bytes: int = 64 * 1024 * 1024

    def with_overrides(self, pairs: list[str], origin: str = "--limit") -> Limits:
        """Return a copy with NAME=VALUE pairs applied; an unknown name or bad value is a UsageError."""
        known = {f.name for f in fields(self)}
        changes: dict[str, int] = {}
        for pair in pairs:
            name, _, raw = pair.partition("=")
            name = name.strip().replace("-", "_")
            if name not in known:
                raise _usage(origin, f"unknown limit {name[:40]!r}", f"known limits: {', '.join(sorted(known))}")
            changes[name] = _value(name, raw.strip(), getattr(self, name), origin)
        return replace(self, **changes)


def _value(name: str, raw: str, current: int, origin: str) -> int:
    """A whole number from 1 to the limit's ceiling; anything else (², 10**5000, -1) is refused by name."""
    ceiling, reason = CEILINGS[name]
    # isdigit() accepts '²' and other digits int() refuses; only ASCII digits are a number here.
    digits = raw.lstrip("0")
    if not (raw.isascii() and raw.isdigit()) or not digits:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise _usage(origin, f"limit {name} needs a positive whole number, got {shown!r}", f"for example {name}={current}")
    if len(digits) > _MAX_DIGITS or int(digits) > ceiling:
        shown = raw if len(raw) <= 40 else f"a number of {len(raw)} digits"
        raise _usage(
            origin,
            f"limit {name}={shown} is more than styraudit can honour: at most {ceiling} ({reason})",
            f"use {name}={ceiling} or less",
        )
    return int(digits)


def _usage(origin: str, message: str, hint: str) -> UsageError:
    return UsageError([Problem(Location(origin), message, hint, "usage")])


DEFAULT_LIMITS = Limits()

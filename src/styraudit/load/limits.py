"""Bounds on what one input file may cost to load, so time and memory stay bounded."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from ..errors import Location, Problem, UsageError


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

    def with_overrides(self, pairs: list[str], origin: str = "--limit") -> Limits:
        """Return a copy with NAME=VALUE pairs applied; an unknown name or bad value is a UsageError."""
        known = {f.name for f in fields(self)}
        changes: dict[str, int] = {}
        for pair in pairs:
            name, _, raw = pair.partition("=")
            name = name.strip().replace("-", "_")
            if name not in known:
                raise UsageError(
                    [Problem(Location(origin), f"unknown limit {name!r}", f"known limits: {', '.join(sorted(known))}", "usage")]
                )
            if not raw.strip().isdigit() or int(raw) < 1:
                raise UsageError(
                    [
                        Problem(
                            Location(origin),
                            f"limit {name} needs a positive whole number, got {raw!r}",
                            f"for example {name}={getattr(self, name)}",
                            "usage",
                        )
                    ]
                )
            changes[name] = int(raw)
        return replace(self, **changes)


DEFAULT_LIMITS = Limits()

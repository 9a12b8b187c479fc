"""The one family of domain errors. The core raises these; only the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file, 1-based like every editor shows it."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, where it is, and what to do about it."""

    location: Location
    message: str
    hint: str = ""
    code: str = "invalid"


@dataclass
class StyrauditError(Exception):
    """Base of every error the core raises on purpose; carries one or more problems."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{p.location}: {p.message}" for p in self.problems)


class InputError(StyrauditError):
    """A file the user wrote (case, criteria, config, template) is not acceptable."""


class UsageError(StyrauditError):
    """The command line asks for something that cannot be done."""


def input_error(location: Location, message: str, hint: str = "", code: str = "invalid") -> InputError:
    """Build an InputError holding a single problem."""
    return InputError([Problem(location, message, hint, code)])


def quoted(value: object, limit: int = 60) -> str:
    """`value` quoted for a message, cut at `limit` characters: a message never echoes a whole file."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 2] + "…" + text[0]

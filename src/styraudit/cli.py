"""The command line: parses arguments, calls a command, turns domain errors into exit codes.

Kept thin on purpose (fastapi-cli style): the commands live in `commands/` and never import
typer; heavy modules are imported inside the command that needs them so that `--version`
and `--help` stay fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import StyrauditError

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2

app = typer.Typer(
    name="styraudit",
    help="Audit how a Swedish region or municipality steers its own initiatives: "
    "case files (YAML) in; findings, answers to audit questions and a Swedish draft report out.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
)

LimitOption = Annotated[
    list[str] | None,
    typer.Option("--limit", metavar="NAME=VALUE", help="Raise a loading limit, e.g. max_file_bytes=10000000 (repeatable)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]


def _finish(code: int) -> None:
    raise typer.Exit(code)


def _run(action: object) -> None:
    """Call a command; print domain errors as messages, never as a traceback."""
    from .console import print_problems

    try:
        code = action()  # type: ignore[operator]
    except StyrauditError as error:
        print_problems(error.problems)
        code = EXIT_INVALID
    _finish(code)


def _limits(pairs: list[str] | None):  # type: ignore[no-untyped-def]
    from .limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS.with_overrides(pairs or [])


def _version(value: bool) -> None:
    if value:
        print(f"styraudit {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """styraudit: audit of steering, follow-up and control."""


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="Case files, directories or globs.")],
    limit: LimitOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
) -> None:
    """Check case files against the schema and their id references (no criteria). Exit 0 valid, 2 invalid."""
    from .commands import validate as command

    _run(lambda: command.run(paths, _limits(limit), quiet))


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of the case file, for editors (yaml-language-server)."""
    from .commands import schema as command

    _run(lambda: command.run(output, force))


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the new case file.")] = Path("case.yaml"),
    force: ForceOption = False,
) -> None:
    """Write a commented starting case file that validates."""
    from .commands import init as command

    _run(lambda: command.run(path, force))


def main() -> None:
    """Console-script entry point."""
    app()

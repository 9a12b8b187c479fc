"""The command line: parses arguments, calls a command, turns domain errors into exit codes.

Kept thin on purpose (fastapi-cli style): the commands live in `commands/` and never import
typer; heavy modules are imported inside the command that needs them so that `--version`
and `--help` stay fast.
"""

from __future__ import annotations

import sys
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


def _run(action: object) -> None:
    """Call a command; print domain errors as messages, never as a traceback.

    Standard output is flushed here, so that a full disk or a closed pipe behind it is an error
    message with exit code 2 too, not a traceback at interpreter exit; Ctrl-C ends with 130.
    """
    from .commands.console import print_problems, stdout_failed
    from .text.control import protect_standard_streams

    protect_standard_streams()
    try:
        code = action()  # type: ignore[operator]
        sys.stdout.flush()
    except StyrauditError as error:
        print_problems(error.problems)
        code = EXIT_INVALID
    except OSError as error:  # standard output (files raise StyrauditError from commands/output.py)
        code = stdout_failed(error)
    except KeyboardInterrupt:
        print("styraudit: interrupted", file=sys.stderr)
        code = 130
    raise typer.Exit(code)


def _limits(pairs: list[str] | None):  # type: ignore[no-untyped-def]
    from .load.limits import DEFAULT_LIMITS

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


AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help="Reference date for time-based checks (default: from the case)."),
]
CriteriaOption = Annotated[
    list[Path] | None,
    typer.Option("--criteria", help="A criteria pack (folder or file) to add; same ids replace the shipped ones."),
]


def _as_of(value: str | None):  # type: ignore[no-untyped-def]
    from datetime import date

    from .errors import Location, Problem, UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError([Problem(Location("--as-of"), f"not a date: {value!r}", "write YYYY-MM-DD", "usage")]) from None


def _outputs(formats: list[str] | None, outputs: list[str] | None):  # type: ignore[no-untyped-def]
    from .errors import Location, Problem, UsageError
    from .reporters import FORMATS

    chosen: list[tuple[str, Path | None]] = [(f, None) for f in formats or []]
    for item in outputs or []:
        name, _, path = item.partition("=")
        chosen.append((name, Path(path) if path else None))
    for name, _ in chosen:
        if name not in FORMATS:
            raise UsageError(
                [Problem(Location("--format"), f"unknown format {name!r}", f"choose from {', '.join(FORMATS)}", "usage")]
            )
    if sum(path is None for _, path in chosen) > 1:
        raise UsageError(
            [
                Problem(
                    Location("--format"),
                    "only one format can go to standard output",
                    "send the others to files with --output FORMAT=PATH",
                    "usage",
                )
            ]
        )
    return chosen or [("text", None)]


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Case files, directories or globs.")] = None,
    criteria: CriteriaOption = None,
    no_default_criteria: Annotated[
        bool | None, typer.Option("--no-default-criteria", help="Use only the --criteria packs.")
    ] = None,
    as_of: AsOfOption = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Lowest severity that fails the run: low, medium or high.")
    ] = None,
    format: Annotated[
        list[str] | None, typer.Option("--format", "-f", help="Output format to stdout: text, json, sarif, junit or github.")
    ] = None,
    output: Annotated[
        list[str] | None, typer.Option("--output", "-o", metavar="FORMAT=PATH", help="Also write a format to a file.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show only failing criteria.")] = False,
    limit: LimitOption = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file (default: nearest styraudit.yaml or pyproject.toml).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip files matching this glob or under this folder.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Only results not in this baseline fail the run.")] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record the current deficient results as the baseline.")
    ] = None,
    show_config: Annotated[
        bool, typer.Option("--show-config", help="Print the effective settings and where each came from.")
    ] = False,
    list_files: Annotated[bool, typer.Option("--list-files", help="Print the files that would be checked.")] = False,
) -> None:
    """Judge case files against the audit criteria. Exit 0 clean, 1 findings at or above --fail-on, 2 invalid input."""
    import os
    from datetime import date

    from .commands import check as command
    from .commands import effective

    def action() -> int:
        line = effective.CommandLine(
            paths=paths or [],
            config=config,
            criteria=criteria,
            no_default_criteria=no_default_criteria,
            as_of=_as_of(as_of),
            fail_on=fail_on,
            outputs=_outputs(format, output) if (format or output) else None,
            limits=limit,
            quiet=quiet,
            exclude=exclude,
            jobs=jobs,
            baseline=baseline,
            write_baseline=write_baseline,
        )
        # The only clock the tool reads: today's date, for waiver expiry, unless --as-of fixes it.
        options, origins = effective.resolve(line, os.environ, date.today())
        if show_config:
            return effective.show(origins)
        if not options.paths:
            from .errors import Location, Problem, UsageError

            raise UsageError([Problem(Location("check"), "no files given", "name case files, folders or globs", "usage")])
        if list_files:
            for path in command.selected_files(options):
                print(path)
            return 0
        return command.run(options)

    _run(action)


criteria_app = typer.Typer(
    help="List and explain the audit criteria and their checks.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("list")
def criteria_list(criteria: CriteriaOption = None) -> None:
    """One line per criterion: id, severity, title and authority."""
    from .commands import criteria as command

    _run(lambda: command.list_criteria(command.pack_for(criteria or [], False)))


@criteria_app.command("show")
def criteria_show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The criterion id.")], criteria: CriteriaOption = None
) -> None:
    """What a criterion requires, its authority, its checks and their parameters."""
    from .commands import criteria as command

    _run(lambda: command.show_criterion(command.pack_for(criteria or [], False), ident))


@app.command()
def report(
    case: Annotated[Path, typer.Argument(help="The case file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The report file: .md, .html or .docx.")],
    force: ForceOption = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="A folder of your own report templates; same file names replace the shipped ones."),
    ] = None,
    criteria: CriteriaOption = None,
    as_of: AsOfOption = None,
    limit: LimitOption = None,
) -> None:
    """Write the Swedish draft audit report; the format follows the extension of -o. Exit 0 written, 2 invalid input."""
    from .commands import report as command

    def action() -> int:
        options = command.ReportOptions(case, output, force, templates, criteria or [], _as_of(as_of), _limits(limit))
        return command.run(options)

    _run(action)


def main() -> None:
    """Console-script entry point."""
    app()

"""The command line: parses arguments, calls a command, turns domain errors into exit codes.

Kept thin on purpose (fastapi-cli style): the commands live in `commands/` and never import
typer; heavy modules are imported inside the command that needs them so that `--version`
and `--help` stay fast.

No `from __future__ import annotations` here, unlike the rest of the package: typer reads every
command's parameter annotations when it builds the command line (for `--help` too), and string
annotations it must evaluate one by one, ~300 evaluations at every start; written as objects,
the interpreter makes them once, with the module.
"""

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperArgument

from . import __version__
from .text.i18n import _, install_for_typer

install_for_typer()  # typer's own words in --help ("Options", "default: ...") from our catalog


def _metavar_says_it_all(self: TyperArgument, ctx: object) -> str | None:
    return None if self.metavar else self.display_type(ctx)  # type: ignore[arg-type]


# Typer prints an argument's Python type after its metavar (`PATH <list[str]>`); the metavar is enough.
TyperArgument.display_type_rich = _metavar_says_it_all  # type: ignore[method-assign]


def _default(text: str) -> str:
    """A default that is not a plain value (the configuration's, "all cores"), in the words typer uses."""
    return "  [" + _("default: {default}").format(default=text) + "]"


EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2

app = typer.Typer(
    name="styraudit",
    help=_(
        "Audit how a Swedish region or municipality steers its own initiatives: "
        "case files (YAML) in; findings, answers to audit questions and a Swedish draft report out."
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
)

LimitOption = Annotated[
    list[str] | None,
    typer.Option("--limit", metavar="NAME=VALUE", help=_("Raise a loading limit, e.g. max_file_bytes=10000000 (repeatable).")),
]
ForceOption = Annotated[bool, typer.Option("--force", help=_("Overwrite an existing output file."))]
PathsArgument = Annotated[list[str], typer.Argument(metavar="PATH", help=_("Case files, folders or globs."), show_default=False)]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help=_("Skip files matching this glob, or below a folder matching it (repeatable; added to the configuration's)."),
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="PATH",
        help=_("Configuration file.") + _default(_("nearest styraudit.yaml or pyproject.toml [tool.styraudit]")),
    ),
]


def _run(action: object) -> None:
    """Call a command and exit with its code (commands/runner.py prints domain errors as messages)."""
    from .commands.runner import exit_code

    raise typer.Exit(exit_code(action))  # type: ignore[arg-type]


def _session(today: bool = False, **given: object):  # type: ignore[no-untyped-def]
    """The one Session a command runs in: the configuration file and what was given on the command line.

    `today` asks for today's date as the waivers' expiry date (check only: the one clock the tool
    reads); without it waivers expire against each case's reference date.
    """
    import os
    from datetime import date

    from .engine.session import CommandLine, Session

    line = CommandLine(**{k: tuple(v) if isinstance(v, list) else v for k, v in given.items()})  # type: ignore[arg-type]
    return Session(line, os.environ, date.today() if today else None)


def _version(value: bool) -> None:
    if value:
        print(f"styraudit {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version and exit."))
    ] = False,
) -> None:
    """styraudit: audit of steering, follow-up and control."""


@app.command(help=_("Check case files against the schema and their id references (no criteria). Exit 0 valid, 2 invalid."))
def validate(
    paths: PathsArgument,
    limit: LimitOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("Print only problems."))] = False,
    exclude: ExcludeOption = None,
    config: ConfigOption = None,
) -> None:
    from .commands import validate as command

    _run(lambda: command.run(_session(paths=paths, limits=limit, config=config, exclude=exclude), quiet))


@app.command(help=_("Print the JSON Schema of the case file, for editors (yaml-language-server)."))
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help=_("Write the schema to this file, e.g. beside the cases.") + _default(_("standard output")),
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    from .commands import schema as command

    _run(lambda: command.run(output, force))


def _asks(answers: Path | None) -> bool:
    """Ask only a person at a terminal: stdin and stdout both a terminal (a test or a script that
    captures the output gets the template), and no answers given."""
    import sys

    return answers is None and sys.stdin.isatty() and sys.stdout.isatty()


ANSWERS_FORMAT = _(
    "\b\nThe --answers file is YAML, a key for each part of the case (all but subject may be left out):\n"
    "  kind: kommun                  # or region\n"
    "  organisation: Lilla kommun\n"
    "  as_of: 2024-06-30             # the facts are known up to this day\n"
    "  bodies: [{id: KS, name: Kommunstyrelsen, kind: styrelse}]   # left out: the kind's usual two\n"
    "  subject: {name: Projekt Y, kind: projekt, owner: KS}\n"
    "  documents: [{title: Protokoll KS, kind: protokoll, date: 2023-03-01, reference: KS 2023/5, paragraph: § 12}]\n"
    "  interviews: [{role: Projektledare, date: 2024-02-01, statements: [Det är försenat.]}]\n"
    "  decisions: [{date: 2023-03-01, by: KS, kind: projektdirektiv, summary: Direktivet antas., sources: [1]}]\n"
    "  reports: [{date: 2023-09-01, by: KS, to: KS, form: skriftlig, covered: Försenat., deviation: ja, sources: [1]}]\n"
    "  absences: [{kind: beslut, statement: Inget beslut., concerns: [KS], in_response_to: [1], sources: [1, intervju 1]}]\n"
    "  audit: {title: ..., purpose: ..., questions: [{text: ..., criteria: [aterrapportering]}]}\n"
    "\n\b\nsources: documents by number (1 is the first) or 'intervju N'; left out, the first document.\n"
    "in_response_to: reports by number. An item may carry any further key of its case section;\n"
    "the ids are made and linked for you."
)


@app.command(
    help=_("Write a commented starting case file that validates, and the schema beside it for the editor."),
    epilog=ANSWERS_FORMAT,
)
def init(
    path: Annotated[Path, typer.Argument(metavar="PATH", help=_("Where to write the new case file."))] = Path("case.yaml"),
    force: ForceOption = False,
    kind: Annotated[
        str | None, typer.Option("--kind", metavar="kommun|region", help=_("A municipality's or a region's bodies."))
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", metavar="FILE.yaml", help=_("Build the case from these answers instead of asking (the format: below).")
        ),
    ] = None,
) -> None:
    from .commands import init as command

    _run(lambda: command.run(path, force, kind, answers, interactive=_asks(answers)))


OutputPath = Annotated[Path, typer.Option("--output", "-o", metavar="PATH", help=_("The file to write."))]


@app.command(
    "import",
    help=_(
        "Read an event log (.xlsx or .csv, Swedish columns: typ, id, datum, organ, ...) and write a case file that validates."
    ),
)
def import_events(
    source: Annotated[Path, typer.Argument(metavar="EVENTS", help=_("The event log: .xlsx or .csv."))],
    output: OutputPath,
    force: ForceOption = False,
    config: ConfigOption = None,
) -> None:
    from .commands import events as command

    _run(lambda: command.run_import(_session(config=config), source, output, force))


@app.command(help=_("Write a case's event log as a table (.xlsx or .csv) that `styraudit import` reads back."))
def export(
    case: Annotated[Path, typer.Argument(metavar="CASE", help=_("The case file."))],
    output: OutputPath,
    force: ForceOption = False,
    config: ConfigOption = None,
) -> None:
    from .commands import events as command

    _run(lambda: command.run_export(_session(config=config), case, output, force))


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="YYYY-MM-DD", help=_("Reference date for time-based checks.") + _default(_("the case's as_of"))
    ),
]
CriteriaOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--criteria",
        metavar="DIR",
        help=_("A criteria pack (folder or file) to add; same ids replace the shipped ones (repeatable)."),
    ),
]


def _as_of(value: str | None):  # type: ignore[no-untyped-def]
    from datetime import date

    from .errors import Location, Problem, UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = _("not a date: {value!r}").format(value=value)
        raise UsageError([Problem(Location("--as-of"), message, _("write YYYY-MM-DD"), "usage")]) from None


def _usage(where: str, message: str, hint: str) -> Exception:
    from .errors import Location, Problem, UsageError

    return UsageError([Problem(Location(where), message, hint, "usage")])


# -o PATH without --format: the format its extension names, else text.
EXTENSIONS = {".json": "json", ".sarif": "sarif", ".xml": "junit", ".txt": "text", ".log": "text"}


def _outputs(formats: list[str] | None, outputs: list[str] | None, output_file: Path | None = None):  # type: ignore[no-untyped-def]
    """(format, path or None for stdout) pairs: --format to stdout (or to -o PATH), --output FORMAT=PATH to files."""
    chosen: list[tuple[str, Path | None]] = [(f, None) for f in formats or []]
    if output_file is not None:
        if len(chosen) > 1:
            raise _usage("-o", _("-o PATH takes one format"), _("write the others with --output FORMAT=PATH"))
        name = chosen[0][0] if chosen else EXTENSIONS.get(output_file.suffix.lower(), "text")
        chosen = [(name, output_file)]
    for item in outputs or []:
        name, _sep, path = item.partition("=")
        if not path:
            raise _usage(
                "--output",
                _("--output needs FORMAT=PATH, got {item!r}").format(item=item),
                _("e.g. --output sarif=styraudit.sarif"),
            )
        chosen.append((name, Path(path)))
    _check_outputs(chosen)
    return chosen or [("text", None)]


def _check_outputs(chosen: list[tuple[str, Path | None]]) -> None:
    """Known formats, at most one to standard output, and never two outputs to one file."""
    import os

    from .reporters import FORMATS

    for name, _path in chosen:
        if name not in FORMATS:
            raise _usage(
                "--format",
                _("unknown format {name!r}").format(name=name),
                _("choose from {names}").format(names=", ".join(FORMATS)),
            )
    if sum(path is None for _name, path in chosen) > 1:
        raise _usage(
            "--format", _("only one format can go to standard output"), _("send the others to files with --output FORMAT=PATH")
        )
    seen: dict[str, str] = {}
    for name, path in chosen:
        if path is not None:
            key = os.path.normcase(os.path.realpath(path))
            if key in seen:
                message = _("{path} is named for two outputs ({first} and {second})").format(
                    path=path, first=seen[key], second=name
                )
                raise _usage(str(path), message, _("give each output its own file"))
            seen[key] = name


@app.command(
    help=_("Judge case files against the audit criteria. Exit 0 clean, 1 findings at or above --fail-on, 2 invalid input.")
)
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help=_("Case files, folders or globs."), show_default=False)
    ] = None,
    criteria: CriteriaOption = None,
    no_default_criteria: Annotated[
        bool | None, typer.Option("--no-default-criteria", help=_("Use only the --criteria packs."), show_default=False)
    ] = None,
    as_of: AsOfOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="low|medium|high", help=_("Lowest severity that fails the run.") + _default("low")),
    ] = None,
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=_("Output format: text, json, sarif, junit or github.") + _default(_("text; github inside GitHub Actions")),
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "-o",
            metavar="PATH",
            help=_("Write the output to this file instead of standard output (the format: --format, else the extension)."),
        ),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option("--output", metavar="FORMAT=PATH", help=_("Also write a format to a file (repeatable).")),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("Show only failing criteria."))] = False,
    limit: LimitOption = None,
    config: ConfigOption = None,
    exclude: ExcludeOption = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help=_("Worker processes.") + _default(_("all cores"))),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", metavar="PATH", help=_("Only results not in this baseline fail the run."))
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", metavar="PATH", help=_("Record the current deficient results as the baseline.")),
    ] = None,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            metavar="DIR",
            help=_("Make the paths in SARIF, JUnit and GitHub output relative to this folder.")
            + _default(_("the git top level, else the working directory")),
        ),
    ] = None,
    show_config: Annotated[
        bool, typer.Option("--show-config", help=_("Print the effective settings and where each came from."))
    ] = False,
    list_files: Annotated[
        bool, typer.Option("--list-files", help=_("Print the files that would be checked, and every skipped file with why."))
    ] = False,
) -> None:
    from .commands import check as command

    def action() -> int:
        session = _session(
            today=True,
            paths=paths or [],
            config=config,
            criteria=criteria,
            no_default_criteria=no_default_criteria,
            as_of=_as_of(as_of),
            fail_on=fail_on,
            limits=limit,
            exclude=exclude,
            jobs=jobs,
            baseline=baseline,
        )
        if show_config:
            from .engine.effective import effective_yaml

            print(effective_yaml(session), end="")
            return 0
        if not paths:
            raise _usage("check", _("no files given"), _("name case files, folders or globs"))
        if list_files:
            from .commands.files import list_files as print_files

            return print_files(session)
        chosen = _outputs(format, output, output_file) if (format or output or output_file) else None
        outputs = command.CheckOutputs(chosen or command.default_outputs(session.environ), quiet, write_baseline)
        return command.run(session, outputs, root)

    _run(action)


criteria_app = typer.Typer(
    help=_("List and explain the audit criteria and their checks."), no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command(
    "list", help=_("One line per criterion: id, severity, title and authority, as the configuration sets them.")
)
def criteria_list(criteria: CriteriaOption = None, config: ConfigOption = None) -> None:
    from .commands import criteria as command

    _run(lambda: command.list_criteria(_session(criteria=criteria, config=config).pack))


@criteria_app.command("show", help=_("What a criterion requires, its authority, its checks and their parameters in force."))
def criteria_show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The criterion id.")],
    criteria: CriteriaOption = None,
    config: ConfigOption = None,
) -> None:
    from .commands import criteria as command

    _run(lambda: command.show_criterion(_session(criteria=criteria, config=config).pack, ident))


@app.command(
    help=_("Write the Swedish draft audit report; the format follows the extension of -o. Exit 0 written, 2 invalid input.")
)
def report(
    case: Annotated[Path, typer.Argument(metavar="CASE", help=_("The case file."))],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="PATH", help=_("The file to write: .md, .html, .docx or .pptx (the board's slides).")
        ),
    ],
    force: ForceOption = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help=_("A folder of your own report templates; same file names replace the shipped ones."),
        ),
    ] = None,
    criteria: CriteriaOption = None,
    as_of: AsOfOption = None,
    limit: LimitOption = None,
    config: ConfigOption = None,
    part: Annotated[
        str,
        typer.Option(
            "--part",
            metavar="PART",
            help=_(
                "What to write: report (the draft report), summary (one page for the board's agenda) or missiv (the cover letter asking for replies)."
            ),
        ),
    ] = "report",
    no_verify: Annotated[
        bool,
        typer.Option(
            "--no-verify-appendix",
            help=_("Leave out the points to verify before publication (the appendix, and the comments in Word)."),
        ),
    ] = False,
) -> None:
    from .commands import report as command

    def action() -> int:
        session = _session(criteria=criteria, as_of=_as_of(as_of), limits=limit, config=config)
        return command.run(session, command.ReportOptions(case, output, force, templates, part, verify=not no_verify))

    _run(action)


@app.command(
    help=_(
        "The audit office's overview of many cases: outcomes per body and theme, open recommendations, overdue "
        "replies, answers, repeated deficiencies. Exit 0 written, 2 if some file did not load."
    )
)
def overview(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help=_("Case files, folders or globs."))],
    output: Annotated[
        list[Path],
        typer.Option("--output", "-o", metavar="PATH", help=_("A file to write: .html, .xlsx or .json (may be repeated).")),
    ],
    force: ForceOption = False,
    criteria: CriteriaOption = None,
    as_of: AsOfOption = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", metavar="N", min=1, help=_("Worker processes.") + _default(_("all cores")))
    ] = None,
    config: ConfigOption = None,
) -> None:
    from .commands import overview as command

    def action() -> int:
        session = _session(paths=paths, criteria=criteria, as_of=_as_of(as_of), jobs=jobs, config=config)
        return command.run(session, command.OverviewOptions(tuple(output), force))

    _run(action)


def main() -> None:
    """Console-script entry point."""
    app()

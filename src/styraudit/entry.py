"""The console-script entry point. `--version` is answered before typer is imported, so that
the command a CI job runs most often costs little more than starting Python; `--help` (of the
tool or of one command) is answered without importing pydantic; and `validate` given only paths
runs without typer, whose parsing (and the value adapters it builds) cost a third of it."""

from __future__ import annotations

import os
import sys
import types


def main() -> None:
    try:
        _main(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C while starting, before a command's own handling took over
        from .commands.runner import interrupted

        sys.exit(interrupted())


def _main(args: list[str]) -> None:
    from .load.lasting import start_up

    start_up()  # no garbage collection while modules and models are made (load/lasting.py)
    # pydantic looks for plugins (entry points of every installed distribution) when it builds the
    # first schema: about 50 ms, more than validating a case. The tool's models are its own and no
    # plugin belongs in them; a user who wants one sets the variable (even empty) themselves.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _without_plugin_lookup()
    if args == ["--version"]:
        from . import __version__

        print(f"styraudit {__version__}")
        return
    if _plain_validate(args):
        sys.exit(_validate(args[1:]))
    if 1 <= len(args) <= 3 and args[-1] == "--help" and not any(a.startswith("-") for a in args[:-1]):
        _without_value_adapters()
    from .cli import main as cli_main

    cli_main()


def _without_plugin_lookup() -> None:
    """With plugins disabled, pydantic's plugin loader finds none, yet importing it imports
    importlib.metadata (~15 ms of `validate`, which reads no other package metadata).

    The loader is replaced by one that answers what pydantic's own answers when the variable
    disables every plugin: none. Any other value (a user's list of plugins) keeps the real one.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true"):
        stub = types.ModuleType("pydantic.plugin._loader")
        stub.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules.setdefault("pydantic.plugin._loader", stub)


def _without_value_adapters() -> None:
    """Help converts no value, so typer needs no pydantic adapters to show it.

    typer builds a pydantic TypeAdapter for every parameter of a command as it builds the
    command, which imports pydantic (five times the cost of `import yaml`) only to print text.
    Its adapter module is replaced by one that builds none: typer then passes values through
    unconverted, which help never does. tests/test_startup.py checks the help is the same.
    """
    stub = types.ModuleType("typer._adapters")
    stub.try_build_adapter = lambda annotation, parameter_info: None  # type: ignore[attr-defined]
    sys.modules.setdefault("typer._adapters", stub)


def _plain_validate(args: list[str]) -> bool:
    """`validate PATH...` with no option: nothing for typer to parse that the paths do not say.

    An argument starting with `-` (an option, `--`, `-` itself) takes the full path, which parses
    it or refuses it as typer does; so does Windows, where click expands globs in the arguments.
    """
    if len(args) < 2 or args[0] != "validate" or os.name == "nt" or "_STYRAUDIT_COMPLETE" in os.environ:
        return False  # (the last: a shell asking typer to complete the words, not to run them)
    return not any(a.startswith("-") for a in args[1:])


def _validate(paths: list[str]) -> int:
    """What `cli.validate` runs for these paths and no option, and its exit code.
    tests/test_startup.py checks that the output and exit code are the full path's."""
    from .commands import validate
    from .commands.runner import exit_code
    from .engine.session import CommandLine, Session

    return exit_code(lambda: validate.run(Session(CommandLine(paths=tuple(paths)), os.environ, None)))

"""The console-script entry point. `--version` is answered before typer is imported, so that
the command a CI job runs most often costs little more than starting Python."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"styraudit {__version__}")
        return
    from .cli import main as cli_main

    cli_main()

"""Running a command to its exit code, without typer: cli.py and the early `validate` path of
entry.py both end every command here, so that both print the same messages and exit alike."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..errors import StyrauditError
from ..text.i18n import _

EXIT_INVALID = 2


def exit_code(action: Callable[[], int]) -> int:
    """Call a command; print domain errors as messages, never as a traceback; return the exit code.

    Standard output is flushed here, so that a full disk or a closed pipe behind it is an error
    message with exit code 2 too, not a traceback at interpreter exit; Ctrl-C ends with 130.
    """
    from ..load.lasting import started
    from ..load.printable import protect_standard_streams
    from ..text.messages import print_problems
    from .stdout import stdout_failed

    protect_standard_streams()
    started()  # what start-up made lasts the run: frozen out of the collections the work makes
    try:
        code = action()
        sys.stdout.flush()
    except StyrauditError as error:
        print_problems(error.problems)
        code = EXIT_INVALID
    except OSError as error:  # standard output (files raise StyrauditError from commands/output.py)
        code = stdout_failed(error)
    except KeyboardInterrupt:
        code = interrupted()
    return code


def interrupted() -> int:
    """Ctrl-C: one line, no traceback, and the shell's exit code for it."""
    print(_("styraudit: interrupted"), file=sys.stderr)
    return 130

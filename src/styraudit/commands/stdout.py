"""Standard output that cannot be written (a full disk, a closed pipe) is an error message too."""

from __future__ import annotations

import contextlib
import errno
import os
import sys

from ..errors import Location, Problem
from ..load.printable import shown_name
from ..text.i18n import _
from ..text.messages import print_problems


def stdout_failed(error: OSError) -> int:
    """Standard output could not be written: say so, exit code 2. (An OSError that names its
    file is about that file instead.)

    What is left in its buffer goes to the null device, so that Python's own flush at exit
    does not fail a second time with a message of its own.
    """
    if error.filename is not None:
        where = Location(shown_name(str(error.filename)))
        message = _("cannot use the file: {reason}").format(reason=error.strerror or error)
        print_problems([Problem(where, message, _("check the path and its permissions"), "io")])
        return 2
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    hint = _("the disk behind it is full") if error.errno == errno.ENOSPC else _("check where standard output goes")
    message = _("cannot write: {reason}").format(reason=error.strerror or error)
    print_problems([Problem(Location("<stdout>"), message, hint, "output")])
    return 2

"""Which files `check` and `validate` judge: one selection for both, and `--list-files`."""

from __future__ import annotations

import sys
from typing import Any

from ..load.discover import Selection, select_cases
from ..text.i18n import _
from ..text.messages import print_warnings


def select_for(options: Any) -> Selection:
    """The selection for a command's resolved options (paths, exclude, include, limits).

    A file named on the command line and skipped is said on stderr, so that `validate x.yaml`
    never passes in silence; so are warnings (a FIFO in a folder). A folder or glob selecting
    nothing raises (exit 2)."""
    selection = select_cases(options.paths, options.exclude, options.include, options.limits.max_file_bytes)
    for skipped in selection.named_skips:
        print(_("{path}: note: skipped: {reason}").format(path=skipped.path, reason=skipped.reason), file=sys.stderr)
    print_warnings(selection.warnings)
    selection.raise_unmatched()
    return selection


def list_files(options: Any) -> int:
    """Print every selected file, then every skipped one with its reason; exit 2 if an argument selected nothing."""
    selection = select_cases(options.paths, options.exclude, options.include, options.limits.max_file_bytes)
    for path in selection.files:
        print(path)
    for skipped in selection.skipped:
        print(_("{path}: skipped: {reason}").format(path=skipped.path, reason=skipped.reason))
    print_warnings(selection.warnings)
    selection.raise_unmatched()
    return 0

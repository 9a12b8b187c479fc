"""`styraudit schema`: the JSON Schema of the case file, to stdout or a file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..load.schema import schema_text
from .output import write_atomic


def run(output: Path | None, force: bool) -> int:
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text, force=force)
    return 0

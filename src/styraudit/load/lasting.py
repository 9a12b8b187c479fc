"""What is made to last the whole run is made without the cyclic garbage collector, then frozen out of it.

Start-up (the command's modules and pydantic's ~70 models), the criteria pack and matplotlib make
hundreds of thousands of objects and next to no garbage (~500 objects of a `validate`), yet the
collector, which runs every 700 new objects, walked them 300 times in a `report` of the shipped
case (~150 ms of its 1.3 s CPU), 160 times in `check` (~60 ms) and 76 in `validate` (~20 ms).
Made with the collector paused, then moved to its permanent generation (`gc.freeze`), they cost
no later collection anything (~10 ms left in each), while the garbage that case after case makes
is collected as before.

Only in the console script's process (its entry calls `start_up`), which makes one session, one
pack and one picture: a frozen object is never collected, so a program or a test that makes many
sessions through the library would keep each one's cycles; there the collector is left alone.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_STARTING: list[bool] = []  # whether start-up paused the collector (the console script's entry does)
_CONSOLE: list[bool] = []  # whether this is the console script's process


def start_up() -> None:
    """The console script's process starts: pause the collector until `started`."""
    _CONSOLE.append(True)
    if gc.isenabled():
        gc.disable()
        _STARTING.append(True)


def started() -> None:
    """Start-up is over (the command begins its work): freeze what it made and collect again."""
    if _STARTING:
        _STARTING.clear()
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def lasting() -> Iterator[None]:
    """What the block makes lives as long as the process (modules, a pack): made without
    collections, then frozen, in the console script's process; the collector is left as it was found."""
    if not _CONSOLE:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()

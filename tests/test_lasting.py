"""What lasts the run is made without garbage collections and frozen; the work after is collected as ever."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from clirunner import ROOT
from styraudit.load import lasting


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    lasting._STARTING.clear()
    lasting._CONSOLE.clear()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_start_up_pauses_the_collector_and_started_freezes_and_resumes_it() -> None:
    gc.enable()
    lasting.start_up()
    assert not gc.isenabled()
    made = [[] for _ in range(1000)]
    lasting.started()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_started_leaves_a_collector_alone_that_start_up_did_not_pause() -> None:
    gc.disable()
    lasting.start_up()
    lasting.started()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_lasting_freezes_what_the_block_made_and_leaves_the_collector_as_it_was(enabled: bool) -> None:
    lasting.start_up()
    lasting.started()
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()
    with pytest.raises(ValueError), lasting.lasting():
        assert not gc.isenabled()
        made = [[] for _ in range(1000)]
        raise ValueError(len(made))
    assert gc.isenabled() is enabled
    assert gc.get_freeze_count() >= 1000


def test_outside_the_console_script_lasting_neither_pauses_nor_freezes() -> None:
    """A program or a test making many sessions keeps each one collectable."""
    gc.enable()
    with lasting.lasting():
        assert gc.isenabled()
        made = [[] for _ in range(1000)]
    assert gc.get_freeze_count() == 0 and len(made) == 1000


PROBE = (
    "import gc, sys; from styraudit.commands import runner; from styraudit.entry import main\n"
    "seen = []\n"
    "real = runner.exit_code\n"
    "runner.exit_code = lambda action: real(lambda: seen.append((gc.isenabled(), gc.get_freeze_count())) or action())\n"
    "sys.argv = ['styraudit', *sys.argv[1:]]\n"
    "try:\n    main()\nfinally:\n    print(seen, file=sys.stderr)\n"
)


@pytest.mark.parametrize("args", [("validate",), ("check", "--quiet", "--format", "json")])
def test_a_command_does_its_work_with_the_collector_on_and_start_up_frozen(args: tuple[str, ...]) -> None:
    """A run of many files collects its garbage: the collector is paused for start-up only."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args, "cases/verksamhetsstyrningsmodell-2021-2023.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seen = ast.literal_eval(result.stderr.strip().splitlines()[-1])
    assert len(seen) == 1, result.stderr
    enabled, frozen = seen[0]
    assert enabled and frozen > 10_000

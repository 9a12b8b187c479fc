"""What the report imports to draw its timeline: matplotlib's Figure, without the 3D toolkit that
matplotlib would otherwise load to register a projection the flat picture never uses, and
without its artists' generated `set()` docstrings and signatures; all are as before for whatever is
imported later."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from clirunner import ROOT

SHIPPED = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"

RUN = (
    "import sys, runpy\n"
    "sys.argv = ['styraudit', 'report', sys.argv[1], '-o', sys.argv[2]]\n"
    "try:\n    runpy.run_module('styraudit', run_name='__main__')\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
    "print('drawn without 3d:', 'matplotlib.figure' in sys.modules and 'mpl_toolkits.mplot3d' not in sys.modules)\n"
    "from mpl_toolkits.mplot3d import Axes3D\n"
    "print('3d importable after:', Axes3D is not None)\n"
    "import matplotlib.artist, matplotlib.lines\n"
    "print('docstrings after:', matplotlib.artist.kwdoc(matplotlib.lines.Line2D) != '')\n"
    "import inspect\n"
    "print('plain set while drawn:', str(inspect.signature(matplotlib.lines.Line2D.set)) == '(self, **kwargs)')\n"
    "class Later(matplotlib.lines.Line2D): pass\n"
    "print('signatures after:', 'linewidth' in inspect.signature(Later.set).parameters)\n"
)


def test_the_timeline_is_drawn_without_the_3d_toolkit_docstrings_or_signatures_which_stay_available(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", RUN, str(SHIPPED), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "drawn without 3d: True" in result.stdout and "3d importable after: True" in result.stdout
    assert "docstrings after: True" in result.stdout
    assert "plain set while drawn: True" in result.stdout and "signatures after: True" in result.stdout
    assert "<svg" in out.read_text(encoding="utf-8")

"""The HTML report as a person sees it: a headless Chromium screenshot of its first A4 page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from report_support import REAL_CASE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium)")
def test_the_html_report_renders_as_a_page_with_content(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    from matplotlib.image import imread

    html, png = tmp_path / "granskningsrapport.html", tmp_path / "screenshot.png"
    assert cli("report", str(REAL_CASE), "-o", str(html)).returncode == 0
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={png}",
        "--window-size=1240,1754",
        html.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert png.is_file() and png.stat().st_size > 20_000
    pixels = imread(str(png))[..., :3]
    assert pixels.shape[:2] == (1754, 1240)
    # The page is drawn: a white sheet on a grey desk, with dark text and the accent colour on it.
    sheet = pixels[200:1500, 400:840]
    assert (sheet > 0.97).all(axis=-1).mean() > 0.6
    assert (sheet < 0.35).all(axis=-1).mean() > 0.002
    assert float(np.std(pixels)) > 0.05

"""One pipeline: with parameters and severities set in styraudit.yaml, every output agrees.

`check --format json`, `report` (md, html, docx), `criteria show` and `--show-config` must show
the same severity, the same parameter and the same texts, because every command goes through
the one session.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from clirunner import ROOT, run_cli

CASE = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
CONFIG = """params:
  aterrapportering:
    follow_up_cadence:
      max_gap_months: 2
severity:
  problemanalys: low
  aterrapportering: low
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    (folder / "styraudit.yaml").write_text(CONFIG, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def judged(project: Path) -> dict:
    result = run_cli("check", str(CASE), "--format", "json", cwd=project)
    assert result.returncode in (0, 1), result.stderr
    [case] = json.loads(result.stdout)["cases"]
    return {c["id"]: c for c in case["criteria"]}


def _texts(criterion: dict) -> list[str]:
    return [o["text"] for o in criterion["observations"]]


def _report_text(project: Path, suffix: str) -> str:
    target = project / f"rapport{suffix}"
    result = run_cli("report", str(CASE), "-o", str(target), "--force", cwd=project)
    assert result.returncode == 0, result.stderr
    if suffix == ".docx":
        with zipfile.ZipFile(target) as package:
            # The doubts the text leaves to the auditor are review comments in Word.
            parts = [n for n in ("word/document.xml", "word/comments.xml") if n in package.namelist()]
            xml = "".join(package.read(n).decode("utf-8") for n in parts)
        paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
        return "\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs).replace("&amp;", "&")
    text = target.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", text)) if suffix == ".html" else re.sub(r"\\(.)", r"\1", text)


def test_json_uses_the_configured_severities_and_parameter(judged: dict) -> None:
    assert judged["problemanalys"]["severity"] == "low"
    assert judged["aterrapportering"]["severity"] == "low"
    texts = " ".join(_texts(judged["aterrapportering"]))
    assert re.search(r"\b(2|två) månader", texts), texts
    assert not re.search(r"\b(6|sex) månader", texts), texts


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_the_report_tells_the_texts_the_json_has(project: Path, judged: dict, suffix: str) -> None:
    flat = " ".join(_report_text(project, suffix).split())
    for text in _texts(judged["aterrapportering"]):
        # Chapter 1 says the same finding for several bodies once ("Varken A eller B har fått ..."):
        # a text is told whole, or with its actors joined, when its ending is there.
        words = text.split()
        assert " ".join(words) in flat or " ".join(words[-5:]) in flat, f"{suffix} lacks: {text}"
    assert not re.search(r"\b(6|sex) månader utan", flat)


def test_criteria_show_prints_the_parameter_and_severity_in_force(project: Path) -> None:
    shown = run_cli("criteria", "show", "aterrapportering", cwd=project).stdout
    assert "param max_gap_months = 2" in shown
    assert "Severity: low" in shown
    assert "Severity: low" in run_cli("criteria", "show", "problemanalys", cwd=project).stdout
    listed = run_cli("criteria", "list", cwd=project).stdout
    assert re.search(r"^problemanalys\s+low\b", listed, re.M)


def test_show_config_is_yaml_that_can_be_pasted_back(project: Path, tmp_path: Path) -> None:
    shown = run_cli("check", "--show-config", cwd=project)
    assert shown.returncode == 0, shown.stderr
    settings = yaml.safe_load(shown.stdout)
    assert settings["params"]["aterrapportering"]["follow_up_cadence"]["max_gap_months"] == 2
    assert settings["severity"]["problemanalys"] == "low"
    assert settings["severity"]["tydligt-uppdrag"] == "high"  # every criterion, not only the configured ones
    origins = dict(re.findall(r"^\s*([\w-]+): .*  # (.+)$", shown.stdout, re.M))
    assert origins["max_gap_months"] == str(project / "styraudit.yaml")
    assert origins["tydligt-uppdrag"] == "shipped criteria"
    pasted = tmp_path / "pasted"
    pasted.mkdir()
    (pasted / "styraudit.yaml").write_text(shown.stdout, encoding="utf-8")
    again = run_cli("check", "--show-config", cwd=pasted)
    assert again.returncode == 0, again.stderr
    assert yaml.safe_load(again.stdout) == settings

"""`styraudit overview` through the real command line: HTML, Excel and JSON from many cases, and a
broken file reported while the rest are still read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from clirunner import ROOT, run_cli
from test_lifecycle import MISSIV, SEED


def test_overview_of_the_shipped_cases_writes_all_three_formats(tmp_path: Path) -> None:
    outputs = [tmp_path / f"översikt.{suffix}" for suffix in ("html", "xlsx", "json")]
    done = run_cli("overview", "cases", *(arg for path in outputs for arg in ("-o", str(path))), timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads(outputs[2].read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((ROOT / "schema" / "overview.schema.json").read_text(encoding="utf-8")))
    assert data["cases"] == len(list((ROOT / "cases").rglob("*.yaml")))
    # the fictional follow-up keeps three recommendations open; Region Västerbotten's bodies fall short twice
    open_ids = {r["id"] for r in data["open_recommendations"] if r["case"] == "uppfoljning-verksamhetsstyrning-fiktiv"}
    assert "rek-forankring.problemanalys" in open_ids and "rek-aterrapportering.tydligt-uppdrag" not in open_ids
    assert any(r["body"] == "Region Västerbotten: Regionstyrelsen" for r in data["repeated_deficiencies"])
    html = outputs[0].read_text(encoding="utf-8")
    assert "Brister per organ och tema" in html and "<link" not in html and "<script" not in html
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(outputs[1])
    assert [s.title for s in book.worksheets][:2] == ["Brister per organ och tema", "Öppna rekommendationer"]
    sheet = book["Öppna rekommendationer"]
    assert sheet.freeze_panes == "A2" and sheet["D1"].value == "Ålder (dagar)"
    assert all(isinstance(row[3].value, int) for row in sheet.iter_rows(min_row=2) if row[3].value is not None)


def test_overview_reports_a_broken_file_and_reads_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "fall"
    folder.mkdir()
    shutil.copy(SEED, folder / "bra.yaml")
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["missiv"] = {**MISSIV, "reply_due": "2024-01-31"}
    (folder / "svar.yaml").write_text(yaml.safe_dump({**data, "id": "svar"}, allow_unicode=True), encoding="utf-8")
    (folder / "trasig.yaml").write_text("schema_version: 1\nid: x\ntitle: [\n", encoding="utf-8")
    out = tmp_path / "o.json"
    done = run_cli("overview", str(folder), "-o", str(out), "--as-of", "2024-03-01", timeout=300)
    assert done.returncode == 2 and "trasig.yaml" in done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["cases"] == 2 and [Path(f["file"]).name for f in result["invalid"]] == ["trasig.yaml"]
    overdue = {(r["case"], r["body"]) for r in result["overdue_replies"]}
    assert overdue == {
        ("svar", "Region Västerbotten: Regionstyrelsen"),
        ("svar", "Region Västerbotten: Hälso- och sjukvårdsnämnden"),
    }


def test_overview_refuses_an_unknown_extension(tmp_path: Path) -> None:
    done = run_cli("overview", "cases", "-o", str(tmp_path / "o.pdf"))
    assert done.returncode == 2 and "the overview cannot be written as '.pdf'" in done.stderr

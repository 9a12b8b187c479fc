"""`styraudit overview` through the real command line: HTML, Excel and JSON from many cases, and a
broken file reported while the rest are still read."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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
    # a case gathered before its report was sent has a recommendation 0 days old, never a negative age
    assert all(r["age_days"] >= 0 for r in data["open_recommendations"] if r["age_days"] is not None)
    assert any(r["age_days"] == 0 for r in data["open_recommendations"])
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


def test_overview_gives_the_same_bytes_on_every_run_in_every_format(tmp_path: Path) -> None:
    runs = []
    for run, jobs in (("a", "1"), ("b", "2")):
        outputs = [tmp_path / f"{run}.{suffix}" for suffix in ("html", "xlsx", "json")]
        done = run_cli("overview", "cases", "-j", jobs, *(arg for path in outputs for arg in ("-o", str(path))), timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append([path.read_bytes() for path in outputs])
    assert runs[0] == runs[1]


@contextmanager
def _folded(summaries: list[dict]) -> Iterator[dict]:
    from styraudit.report.overview import Overview

    with Overview() as overview:
        for summary in summaries:
            overview.add(summary)
        yield overview.as_dict()


def _summary(case: str, ages: list[int], answers: int) -> dict:
    return {
        "file": f"{case}.yaml",
        "case_id": case,
        "title": f"Granskning {case}",
        "as_of": "2024-01-01",
        "bodies": ["Kommun: Kommunstyrelsen"],
        "themes": [("Styrning", "not_fulfilled"), ("Uppföljning", "fulfilled")],
        "answers": [{"question": f"Fråga {n}?", "answer": "no", "overridden": False} for n in range(answers)],
        "open": [
            {"id": f"rek-{n}", "text": "Gör så.", "made": "2023-01-01", "age_days": age, "status": "open"}
            for n, age in enumerate(ages)
        ],
        "overdue": [],
    }


@pytest.mark.parametrize("answers", [0, 3], ids=["no rows", "rows"])
def test_the_streamed_json_is_the_json_of_the_whole_overview(answers: int) -> None:
    from styraudit.report.overview_out import _json

    chunks: list[bytes] = []
    with _folded([_summary("b", [10, 400], answers), _summary("a", [400] if answers else [], answers)]) as data:
        _json(data, {}, chunks.append)
        whole = {key: list(value) if hasattr(value, "reorder") else value for key, value in data.items()}
    assert b"".join(chunks).decode("utf-8") == json.dumps(whole, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    # the oldest first; equal ages in case order
    assert [(r["case"], r["age_days"]) for r in whole["open_recommendations"]] == (
        [("a", 400), ("b", 400), ("b", 10)] if answers else [("b", 400), ("b", 10)]
    )
    assert whole["repeated_deficiencies"][0]["cases"] == ["b", "a"]


def test_the_page_shows_the_first_rows_of_a_long_table_and_says_how_many_there_are(monkeypatch: pytest.MonkeyPatch) -> None:
    from styraudit.report import overview_out
    from styraudit.report.labels import load_labels

    monkeypatch.setattr(overview_out, "HTML_ROWS", 2)
    chunks: list[bytes] = []
    with _folded([_summary("a", [1, 2, 3], 1), _summary("b", [], 1)]) as data:
        overview_out._html(data, load_labels(), chunks.append)
    page = b"".join(chunks).decode("utf-8")
    assert page.count("rek-") == 2 and "de första 2 raderna av 3" in page
    assert page.count("Fråga 0?") == 2 and "raderna av 2" not in page  # a table within the bound is whole


def test_the_overview_gives_the_same_order_however_often_it_is_asked() -> None:
    from styraudit.report.overview import Overview

    with Overview() as overview:
        for summary in (_summary("b", [10, 400], 1), _summary("a", [400, 20], 1)):
            overview.add(summary)
        first = [(r["case"], r["id"]) for r in overview.as_dict()["open_recommendations"]]
        again = [(r["case"], r["id"]) for r in overview.as_dict()["open_recommendations"]]
    assert first == again == [("a", "rek-0"), ("b", "rek-1"), ("a", "rek-1"), ("b", "rek-0")]

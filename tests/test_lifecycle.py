"""The audit after the report, through the real command line: recommendation ids and the auditor's
edits, the missiv and the bodies' replies, and the errors a reply can carry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from clirunner import ROOT, run_cli

SEED = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
FIRST = "rek-aterrapportering.tydligt-uppdrag"
SECOND = "rek-ansvarsfordelning.namndernas-delaktighet"


def case_with(tmp_path: Path, change: dict[str, Any], audit: dict[str, Any] | None = None) -> Path:
    """The seed case with top-level keys replaced and keys added to its audit section."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data.update(change)
    data["audit"].update(audit or {})
    path = tmp_path / "fall.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def check_json(path: Path, *args: str) -> dict[str, Any]:
    done = run_cli("check", str(path), "--format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["cases"][0]


def by_id(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in case["recommendations"]}


def test_ids_name_the_criteria_and_survive_edits_elsewhere_and_new_addressees(tmp_path: Path) -> None:
    before = by_id(check_json(SEED))
    assert FIRST in before and set(before[FIRST]["criteria"]) == {"tydligt-uppdrag", "aterrapportering"}
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["bodies"].reverse()  # the order of the file's lists and its unrelated facts do not enter an id
    data["title"] = "Ett annat namn"
    data["evidence"]["documents"].append({"id": "d-extra", "title": "Ett dokument till", "kind": "other"})
    path = case_with(
        tmp_path, data, {"recommendations": [{"id": FIRST, "action": "keep", "to": ["RS"], "motivation": "Bara RS."}]}
    )
    after = by_id(check_json(path))
    assert list(after) == list(before)
    assert after[FIRST]["addressees"] == ["RS"] and after[FIRST]["status"] == "kept"


def test_the_auditor_rephrases_drops_and_adds_and_the_report_says_so(tmp_path: Path) -> None:
    edits = [
        {"id": FIRST, "action": "rephrase", "text": "Ge arbetet ett skriftligt uppdrag.", "motivation": "Kortare."},
        {"id": SECOND, "action": "drop", "motivation": "Täcks av den första."},
        {"id": "egen-1", "action": "add", "text": "Inför en uppdragsmall.", "to": ["RS"], "motivation": "Egen iakttagelse."},
    ]
    path = case_with(tmp_path, {}, {"recommendations": edits})
    recs = by_id(check_json(path))
    assert recs[FIRST]["text"] == "Ge arbetet ett skriftligt uppdrag." and recs[FIRST]["drafted_text"] != recs[FIRST]["text"]
    assert recs[SECOND]["status"] == "dropped" and recs["egen-1"]["status"] == "added"
    out = tmp_path / "rapport.md"
    assert run_cli("report", str(path), "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "Ge arbetet ett skriftligt uppdrag." in text and "Inför en uppdragsmall." in text
    assert f"Id: {FIRST} · Omformulerad av revisorerna. Motivering: Kortare." in text
    assert recs[SECOND]["drafted_text"] not in text  # dropped: not in the report
    assert "Tillagd av revisorerna. Motivering: Egen iakttagelse." in text


def test_an_edit_of_an_unknown_recommendation_is_located_with_did_you_mean(tmp_path: Path) -> None:
    path = case_with(tmp_path, {}, {"recommendations": [{"id": "rek-tydligt-uppdrag", "action": "drop", "motivation": "x"}]})
    done = run_cli("check", str(path))
    assert done.returncode == 2
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "id: rek-tydligt-uppdrag" in text)
    assert f"fall.yaml:{line}:" in done.stderr and "no drafted recommendation 'rek-tydligt-uppdrag'" in done.stderr
    assert "did you mean" in done.stderr


def test_rephrase_without_text_is_a_schema_error(tmp_path: Path) -> None:
    path = case_with(tmp_path, {}, {"recommendations": [{"id": FIRST, "action": "rephrase", "motivation": "x"}]})
    done = run_cli("check", str(path))
    assert done.returncode == 2 and "`rephrase` needs the recommendation's `text`" in done.stderr


MISSIV = {"date": "2023-11-01", "addressees": ["RS", "HSN"], "reply_due": "2024-01-31"}


def replies(recommendation: str = FIRST, due: str = "2024-06") -> list[dict[str, Any]]:
    measure = {"description": "Ett uppdragsdirektiv tas fram.", "responsible": "regiondirektor", "due": due}
    answer = {"recommendation": recommendation, "accepts": True, "measures": [measure]}
    return [{"body": "RS", "received": "2024-01-15", "recommendations": [answer]}]


def yttrande(case: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in case["criteria"] if c["id"] == "yttrande-rekommendationer")


def test_a_missing_reply_is_overdue_only_after_its_due_date(tmp_path: Path) -> None:
    path = case_with(tmp_path, {"missiv": MISSIV, "replies": replies()})
    late = yttrande(check_json(path, "--as-of", "2024-03-01"))
    codes = [o["code"] for o in late["observations"]]
    assert late["outcome"] == "not_fulfilled" and "reply_overdue" in codes and "recommendation_unanswered" in codes
    early = yttrande(check_json(path, "--as-of", "2024-01-20"))
    assert "reply_overdue" not in [o["code"] for o in early["observations"]]
    assert "reply_not_due" in [o["code"] for o in early["observations"]]


def test_a_reply_to_an_unknown_recommendation_is_located_with_did_you_mean(tmp_path: Path) -> None:
    path = case_with(tmp_path, {"missiv": MISSIV, "replies": replies("rek-aterrapportering.tydligt-uppdrg")})
    done = run_cli("check", str(path))
    assert done.returncode == 2
    assert "the audit makes no recommendation 'rek-aterrapportering.tydligt-uppdrg'" in done.stderr
    assert f"did you mean '{FIRST}'" in done.stderr and "fall.yaml:" in done.stderr


def test_a_due_date_before_the_report_is_an_error(tmp_path: Path) -> None:
    path = case_with(tmp_path, {"missiv": {**MISSIV, "reply_due": "2022-01-31"}, "replies": replies(due="2023-01")})
    done = run_cli("check", str(path))
    assert done.returncode == 2
    assert "due date 2022-01-31 is before the report's date 2023-10-23" in done.stderr
    assert "due date 2023-01 is before the report's date" in done.stderr


def test_the_missiv_is_drafted_in_every_format_with_ids_and_the_due_date(tmp_path: Path) -> None:
    signed = {**MISSIV, "signed_by": ["Anna Andersson"]}
    path = case_with(tmp_path, {"missiv": signed}, {"recommendations": [{"id": SECOND, "action": "drop", "motivation": "x"}]})
    for suffix in ("md", "html", "docx"):
        out = tmp_path / f"missiv.{suffix}"
        done = run_cli("report", str(path), "--part", "missiv", "-o", str(out))
        assert done.returncode == 0, done.stderr
    text = (tmp_path / "missiv.md").read_text(encoding="utf-8")
    assert "senast 31 januari 2024" in text and f"Id: {FIRST}" in text and SECOND not in text
    assert "Till: Regionstyrelsen och Hälso- och sjukvårdsnämnden" in text and "Anna Andersson" in text
    assert f"Id: {FIRST}" in (tmp_path / "missiv.html").read_text(encoding="utf-8")
    import zipfile

    with zipfile.ZipFile(tmp_path / "missiv.docx") as word:
        body = word.read("word/document.xml").decode("utf-8")
    assert f"Id: {FIRST}" in body and "31 januari 2024" in body


def test_a_missiv_of_a_case_without_one_is_refused(tmp_path: Path) -> None:
    done = run_cli("report", str(SEED), "--part", "missiv", "-o", str(tmp_path / "m.md"))
    assert done.returncode == 2 and "the case records no missiv" in done.stderr and not (tmp_path / "m.md").exists()


def test_a_case_without_missiv_is_not_judged_on_replies() -> None:
    assert all(c["id"] != "yttrande-rekommendationer" for c in check_json(SEED)["criteria"])

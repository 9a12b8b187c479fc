"""The auditor's event log: a case exported to Excel (or CSV) and imported again is the same case,
`check` answers it the same, and a row the import cannot use is named by file:sheet:row:column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli
from styraudit.commands.events import run_export, run_import
from styraudit.engine.session import CommandLine, Session
from styraudit.errors import InputError

SHIPPED = sorted((ROOT / "cases").glob("*.yaml")) + sorted((ROOT / "cases" / "real").glob("*.yaml"))


def _session() -> Session:
    return Session(CommandLine())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("case", SHIPPED, ids=lambda p: p.stem)
def test_export_then_import_gives_the_same_case(
    case: Path, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = _session()
    table, back = tmp_path / f"events{suffix}", tmp_path / "back.yaml"
    assert run_export(session, case, table, force=False) == 0
    assert run_import(session, table, back, force=False) == 0
    assert session.load(back).case == session.load(case).case


def test_check_answers_the_round_tripped_case_the_same(tmp_path: Path) -> None:
    case = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
    table, back = tmp_path / "events.xlsx", tmp_path / "back.yaml"
    assert run_cli("export", str(case), "-o", str(table)).returncode == 0
    assert run_cli("import", str(table), "-o", str(back)).returncode == 0
    answers = [json.loads(run_cli("check", str(p), "--format", "json").stdout)["cases"][0]["answers"] for p in (case, back)]
    assert answers[0] and answers[0] == answers[1]


SMALL_CSV = """typ;id;datum;organ;till;slag;dnr;paragraf;beskrivning;form;avvikelse;källa;övrigt
ärende;liten;2024-06-30;;;;;;Granskning av projekt Y;;;;"{organisation: {name: Lilla kommun, kind: kommun}}"
organ;KS;;;;kommunstyrelse;;;Kommunstyrelsen;;;;
objekt;projekt-y;;KS;;projekt;;;Projekt Y;;;;
dokument;p1;2023-03-01;;;protokoll;KS 2023/5;§ 12;Protokoll KS 2023-03-01;;;;
beslut;b1;2023-03-01;KS;;projektdirektiv;KS 2023/5;§ 12;Projektdirektiv antas;;;p1;
rapport;r1;2023-09-01;KS;KS;;;;Försening och kostnadsöverskridande;skriftlig;ja;p1;
avsaknad;a1;;KS;;beslut;;;Inget beslut om åtgärder;;;p1;"{in_response_to: [r1]}"
intervju;i1;2024-02-01;;;;;;"Projektet är försenat; styrgruppen har inte mötts";;;;"{role_as_written: projektledare}"
"""


def test_a_csv_from_swedish_excel_makes_a_case_that_check_judges(tmp_path: Path) -> None:
    events, case = tmp_path / "handelser.csv", tmp_path / "case.yaml"
    events.write_text(SMALL_CSV, encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(case))
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", str(case)).returncode == 0
    judged = run_cli("check", str(case), "--format", "json")
    assert judged.returncode in (0, 1), judged.stderr
    assert "Projektet är försenat" in case.read_text(encoding="utf-8")


def test_an_unusable_row_is_named_by_file_sheet_row_and_column(tmp_path: Path) -> None:
    good = tmp_path / "events.xlsx"
    assert run_cli("export", str(ROOT / "cases" / "fokusomraden-2024-2027.yaml"), "-o", str(good)).returncode == 0
    import openpyxl

    book = openpyxl.load_workbook(good)
    book["Händelser"].cell(row=3, column=1, value="beslutt")
    book.save(good)
    result = run_cli("import", str(good), "-o", str(tmp_path / "case.yaml"))
    assert result.returncode == 2
    assert f"{good}:Händelser:3:1: error: unknown typ 'beslutt'" in result.stderr and "hint:" in result.stderr


def test_a_cell_in_a_column_its_row_does_not_use_is_named(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text("typ;id;form;beskrivning\nintervju;i1;skriftlig;Sades\n", encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 2, result.stderr
    assert f"{events}:2:3: error: column 'form' is filled, but a row of typ intervju does not use it" in result.stderr
    assert "hint: a intervju row uses the columns id (id), datum (date), organ (role), beskrivning (statements)" in result.stderr


def test_an_unknown_column_is_named(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text("typ,id,datumm\n", encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and f"{events}:1:3: error: unknown column 'datumm'" in result.stderr
    assert "hint: the columns are" in result.stderr


def test_import_refuses_what_is_not_a_table(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="not a spreadsheet"):
        run_import(_session(), tmp_path / "x.txt", tmp_path / "c.yaml", force=False)
    assert InputError  # the family every other refusal comes in


BAD_BODY_CSV = """typ;id;datum;organ;slag;beskrivning;källa;övrigt
ärende;liten;2024-06-30;;;Granskning av projekt Y;;"{organisation: {name: Lilla kommun, kind: kommun}}"
organ;KS;;;kommunstyrelse;Kommunstyrelsen;
objekt;projekt-y;;KS;projekt;Projekt Y;;
dokument;p1;2023-03-01;;protokoll;Protokoll KS;
beslut;b1;2023-03-01;KSS;projektdirektiv;Projektdirektiv antas;p1
"""


@pytest.mark.parametrize("existing", [None, "# the auditor's own case\n"])
def test_a_failed_import_writes_nothing_and_names_the_row(existing: str | None, tmp_path: Path) -> None:
    events, case = tmp_path / "e.csv", tmp_path / "case.yaml"
    events.write_text(BAD_BODY_CSV, encoding="utf-8")
    if existing is not None:
        case.write_text(existing, encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(case), "--force")
    assert result.returncode == 2, result.stderr
    assert f"{events}:6:4: error: unknown body" in result.stderr and "hint:" in result.stderr, result.stderr
    assert (case.read_text(encoding="utf-8") if case.exists() else None) == existing
    assert sorted(p.name for p in tmp_path.iterdir()) == (["case.yaml"] if existing else []) + ["e.csv"]


IDLESS_CSV = """typ;datum;organ;slag;beskrivning;källa
organ;;;kommunstyrelse;Kommunstyrelsen;
beslut;2023-03-01;KS;projektdirektiv;Projektdirektiv antas;
beslut;2023-03-01;KS;annat;Projektdirektiv antas;
rapport;2023-09-01;KS;;Försening och kostnadsöverskridande;
"""


def _ids(text: str, tmp_path: Path) -> list[str]:
    from styraudit.load.eventlog import case_from_rows
    from styraudit.load.sheets import read_table

    events = tmp_path / "e.csv"
    events.write_text(text, encoding="utf-8")
    data, problems = case_from_rows(*read_table(events)[:2])
    assert not problems
    return [item["id"] for section in ("bodies", "decisions", "reporting") for item in data.get(section, [])]


def test_ids_made_from_the_rows_content_stay_when_a_row_is_inserted(tmp_path: Path) -> None:
    before = _ids(IDLESS_CSV, tmp_path)
    assert before == [
        "organ-kommunstyrelsen",
        "beslut-2023-03-01-projektdirektiv-antas",
        "beslut-2023-03-01-projektdirektiv-antas-2",
        "rapport-2023-09-01-försening-och-kostnadsöverskridande",
    ]
    lines = IDLESS_CSV.splitlines(keepends=True)
    inserted = "".join([*lines[:2], "beslut;2023-01-15;KS;uppdrag;Uppdrag att utreda;\n", *lines[2:]])
    after = _ids(inserted, tmp_path)
    assert [i for i in after if i != "beslut-2023-01-15-uppdrag-att-utreda"] == before and len(after) == len(before) + 1


def test_a_made_id_never_takes_one_the_table_gives(tmp_path: Path) -> None:
    given = IDLESS_CSV.replace("typ;", "typ;id;", 1).replace("\norgan;", "\norgan;beslut-2023-03-01-projektdirektiv-antas;")
    given = "\n".join(line if line.startswith(("typ", "organ")) else line.replace(";", ";;", 1) for line in given.split("\n"))
    ids = _ids(given, tmp_path)
    assert len(set(ids)) == len(ids) and ids[1] == "beslut-2023-03-01-projektdirektiv-antas-2"


def test_a_bad_ärende_cell_is_named_by_row_and_column_with_what_goes_in_it(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text('typ;id;övrigt\närende;x;"{organisation: {name: X, kind: kommun}"\n', encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and f"{events}:2:3: error: övrigt: YAML syntax" in result.stderr, result.stderr
    assert "hint:" in result.stderr and "In the ärende row, övrigt holds the case's other sections" in result.stderr


def test_a_comma_slip_in_övrigt_is_named(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text('typ;id;beskrivning;övrigt\nintervju;i1;Sades;"{role_as_written: chef, ekonom}"\n', encoding="utf-8")
    result = run_cli("import", str(events), "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and f"{events}:2:4: error: övrigt: in a flow mapping" in result.stderr, result.stderr
    assert "'ekonom' has no value" in result.stderr and "at character 25 of the cell" in result.stderr


def test_bad_yaml_in_the_ärende_sheet_is_named_by_its_row(tmp_path: Path) -> None:
    import openpyxl

    book = tmp_path / "events.xlsx"
    assert run_cli("export", str(ROOT / "cases" / "fokusomraden-2024-2027.yaml"), "-o", str(book)).returncode == 0
    opened = openpyxl.load_workbook(book)
    opened["Ärende"].cell(row=2, column=1, value="organisation: {name: X,, kind: kommun}")
    opened.save(book)
    result = run_cli("import", str(book), "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and f"{book}:Ärende:2:" in result.stderr and "two commas" in result.stderr, result.stderr

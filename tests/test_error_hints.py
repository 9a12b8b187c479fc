"""Every error a person can make gets a `hint:` line, and the Swedish words an auditor types are accepted.

Each case below makes one kind of error once, in a small valid audit (tests/inputs/small-project.yaml),
through the real command line; `validate` must report it with a hint saying what to write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clirunner import run_cli

BASE = (Path(__file__).parent / "inputs" / "small-project.yaml").read_text(encoding="utf-8")

# error kind -> (text to replace, replacement, words the hint must contain)
SLIPS = {
    "bool_parsing": ("deviation: true", "deviation: kanske", "ja or nej"),
    "too_short_criteria": ("criteria: [tydligt-uppdrag]", "criteria: []", "criteria list"),
    "unknown_key_absence": ("absences:", "decisions_missing:", "absences"),
    "unknown_key": ("title: Granskning av projekt X\nas_of", "titel: x\ntitle: y\nas_of", "did you mean 'title'?"),
    "unknown_id_by_name": ("concerns: [KS]", "concerns: [kommunstyrelsen]", "write its id, KS"),
    "unknown_id": ("concerns: [KS]", "concerns: [XYZ]", "define it first"),
    "wrong_kind_id": ("concerns: [KS]", "concerns: [d1]", "name a"),
    "duplicate_id": ("{id: r1,", "{id: b1,", "unique"),
    "enum": ("form: written", "form: skrivet", "muntlig"),
    "missing": ("statement: Inget beslut om åtgärder., ", "", "add `statement:`"),
    "string_type": ("title: Protokoll KS", "title: [a]", "text"),
    "string_too_short": ("covered: Lägesrapport", "covered: ''", "write something"),
    "string_pattern": ("{id: r1,", "{id: 'r 1',", "an id is"),
    "date": ("date: 2023-09-01", "date: 2023-13-01", "YYYY-MM-DD"),
    "date_order": ("owner: KS}", "owner: KS, period: {start: 2024-01, end: 2023-01}}", "YYYY-MM-DD"),
    "section_elsewhere": ("as_of: 2024-06-30", "as_of: 2024-06-30\nreference_date: 2024-06-30", "audit.reference_date"),
    "list_type": ("concerns: [KS]", "concerns: {a: 1}", "list"),
    "dict_type": ("organisation: {name: Exempels kommun, kind: municipality}", "organisation: kommunen", "keys"),
    "int_type": ("id: projekt-x\ntitle", "schema_version: ett\nid: projekt-x\ntitle", "whole number"),
    "too_short_given_to": (
        "subjects:",
        "mandates:\n  - {id: m1, given_by: KS, given_to: [], task: x}\nsubjects:",
        "at least one",
    ),
    "no_subject": ("subjects:\n  - {id: projekt-x, kind: project, name: Projekt X, owner: KS}\n", "", "subjects"),
    "url": ("kind: protocol, date", "kind: protocol, url: ftp://x, date", "https://"),
    "unknown_criterion": ("criteria: [tydligt-uppdrag]", "criteria: [tydligt-uppdrg]", "did you mean 'tydligt-uppdrag'?"),
    "unknown_source": ("sources: [d1]}\nreporting", "sources: [d11]}\nreporting", "did you mean 'd1'?"),
    "yaml_syntax": ("title: Granskning av projekt X\nas_of", "title: [Granskning\nas_of", ""),
}


@pytest.mark.parametrize("kind", sorted(SLIPS))
def test_every_error_kind_has_a_hint(kind: str, tmp_path: Path) -> None:
    old, new, expected = SLIPS[kind]
    assert old in BASE, kind
    case = tmp_path / "case.yaml"
    case.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", str(case))
    assert result.returncode == 2, result.stdout + result.stderr
    rows = result.stderr.splitlines()
    errors = [i for i, row in enumerate(rows) if ": error: " in row]
    assert errors and "Traceback" not in result.stderr, result.stderr
    for index in errors:
        assert index + 1 < len(rows) and rows[index + 1].strip().startswith("hint: "), result.stderr
    assert expected in result.stderr, result.stderr


def test_the_small_project_is_valid_as_written() -> None:
    result = run_cli("validate", "tests/inputs/small-project.yaml")
    assert result.returncode == 0, result.stderr


SWEDISH = {
    "kind: municipality": "kind: kommun",
    "form: written": "form: Skriftlig",
    "deviation: true": "deviation: ja",
    "kind: protocol": "kind: protokoll",
    "kind: directive, summary": "kind: projektdirektiv, summary",
}


def test_swedish_words_mean_the_english_values(tmp_path: Path) -> None:
    swedish = BASE
    for old, new in SWEDISH.items():
        swedish = swedish.replace(old, new)
    english_file, swedish_file = tmp_path / "en.yaml", tmp_path / "sv.yaml"
    english_file.write_text(BASE, encoding="utf-8")
    swedish_file.write_text(swedish, encoding="utf-8")
    english, in_swedish = (run_cli("check", str(p), "--format", "json") for p in (english_file, swedish_file))
    assert in_swedish.returncode == english.returncode and in_swedish.returncode != 2, in_swedish.stderr
    assert in_swedish.stdout.replace("sv.yaml", "en.yaml") == english.stdout


def test_unknown_is_vet_ej_and_a_plain_flag_cannot_be_unknown(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(BASE.replace("deviation: true", "deviation: vet ej"), encoding="utf-8")
    assert run_cli("validate", str(case)).returncode == 0
    case.write_text(
        BASE.replace("kind: directive, summary", "kind: directive, about_initiative: vet ej, summary"), encoding="utf-8"
    )
    result = run_cli("validate", str(case))
    assert result.returncode == 2 and "about_initiative" in result.stderr

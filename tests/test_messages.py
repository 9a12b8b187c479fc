"""Messages for people follow the locale: gettext catalogs extracted and compiled with Babel.

The catalog is checked against the source, so a new message cannot ship untranslated and the
compiled .mo cannot fall behind its .po; then a broken case runs under both locales through the
real command line, and the machine formats keep their English keys whatever the locale.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from clirunner import ROOT, run_cli

LOCALE = ROOT / "src" / "styraudit" / "locale"
PO = LOCALE / "sv" / "LC_MESSAGES" / "styraudit.po"
MO = PO.with_suffix(".mo")
BROKEN = """schema_version: 1
id: trasig
tittle: Ett ärende
organisation: {name: Region Exempel, kind: regon}
initiative: {name: Införandet, period: {start: 2023-13-45}}
"""
UPDATE = "pybabel extract --no-location --omit-header --sort-output -o src/styraudit/locale/styraudit.pot src/styraudit"


def _extracted() -> set[str | tuple[str, ...]]:
    found = extract_from_dir(str(ROOT / "src" / "styraudit"), [("**.py", "python")], keywords=DEFAULT_KEYWORDS)
    return {message if isinstance(message, str) else tuple(message) for _file, _line, message, _comments, _ctx in found}


def _ids(path: Path) -> set[str | tuple[str, ...]]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle) if m.id}


def test_the_template_holds_every_message_of_the_source() -> None:
    assert _ids(LOCALE / "styraudit.pot") == _extracted(), f"run: {UPDATE}"


def test_every_message_has_a_swedish_translation() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    assert _ids(PO) == _ids(LOCALE / "styraudit.pot"), "run: pybabel update -i src/styraudit/locale/styraudit.pot ..."
    untranslated = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)


def test_the_compiled_catalog_is_the_translations() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert MO.read_bytes() == compiled.getvalue(), "run: pybabel compile -d src/styraudit/locale -D styraudit"


def test_a_broken_case_is_explained_in_the_users_language(tmp_path: Path) -> None:
    case = tmp_path / "trasig.yaml"
    case.write_text(BROKEN, encoding="utf-8")
    english = run_cli("validate", str(case), env={"LANG": "en_GB.UTF-8"})
    swedish = run_cli("validate", str(case), env={"LANG": "sv_SE.UTF-8"})
    assert english.returncode == swedish.returncode == 2
    assert f"{case}:3:1: error: unknown key 'tittle'\n  hint: did you mean 'title'?" in english.stderr
    assert f"{case}:3:1: fel: okänd nyckel 'tittle'\n  tips: menade du 'title'?" in swedish.stderr
    assert "ska vara 'region' eller 'municipality', fick 'regon'" in swedish.stderr
    assert "omöjligt datum 2023-13-45: det finns ingen månad 13" in swedish.stderr
    assert english.stdout == "1 file validated: 0 valid, 1 invalid (4 problems)\n"
    assert swedish.stdout == "1 fil validerad: 0 giltiga, 1 ogiltiga (4 problem)\n"
    for word in ("error:", "hint:", "unknown", "missing", "should be"):
        assert word not in swedish.stderr


def test_lc_messages_and_lc_all_choose_the_language_as_gnu_tools_do(tmp_path: Path) -> None:
    case = tmp_path / "trasig.yaml"
    case.write_text(BROKEN, encoding="utf-8")
    assert "fel: " in run_cli("validate", str(case), env={"LANG": "C.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}).stderr
    assert "error: " in run_cli("validate", str(case), env={"LANG": "sv_SE.UTF-8", "LC_ALL": "C.UTF-8"}).stderr


def test_help_follows_the_locale() -> None:
    swedish = run_cli("check", "--help", env={"LANG": "sv_SE.UTF-8"})
    assert "Bedöm ärendefiler mot revisionskriterierna" in swedish.stdout and "Flaggor:" in swedish.stdout
    assert "[standard: low]" in swedish.stdout  # the value typed stays `low`
    assert "Judge case files" in run_cli("check", "--help").stdout


def test_machine_formats_keep_their_english_keys_in_swedish(tmp_path: Path) -> None:
    case = tmp_path / "trasig.yaml"
    case.write_text(BROKEN, encoding="utf-8")
    outputs = [run_cli("check", str(case), "-f", "json", env={"LANG": lang}) for lang in ("C.UTF-8", "sv_SE.UTF-8")]
    english, swedish = (json.loads(o.stdout) for o in outputs)
    assert english.keys() == swedish.keys() and english["summary"] == swedish["summary"]
    assert english["cases"][0].keys() == swedish["cases"][0].keys() and swedish["cases"][0]["status"] == "invalid"
    assert [p["code"] for p in english["cases"][0]["problems"]] == [p["code"] for p in swedish["cases"][0]["problems"]]

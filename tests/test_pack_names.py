"""`validate` reads only the pack's ids (engine/criteria/names.py) to check the criteria an audit's
questions name; the full pack is loaded only to say what is wrong. The cheap reading must agree
with the pack, and the messages must be the full pack's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli
from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.criteria.names import pack_names
from styraudit.errors import InputError
from styraudit.load.limits import DEFAULT_LIMITS

AUDIT = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"


def _naming(tmp_path: Path, ident: str) -> Path:
    text = AUDIT.read_text(encoding="utf-8").replace("criteria: [aterrapportering]", f"criteria: [aterrapportering, {ident}]")
    assert ident in text
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_ids_read_cheaply_are_the_ids_the_pack_resolves() -> None:
    pack = load_pack([default_pack_dir()])
    names = pack_names([default_pack_dir()], DEFAULT_LIMITS)
    assert names is not None
    assert names.names == set(pack.criteria) | set(pack.aliases)
    assert pack.retired and not any(names.knows(ident) for ident in pack.retired)


def test_a_later_pack_retiring_an_id_unnames_it(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").write_text(
        "id: forankring\nretired:\n  citation: KL\n  replaced_by: [aterrapportering]\n", encoding="utf-8"
    )
    names = pack_names([default_pack_dir(), tmp_path], DEFAULT_LIMITS)
    assert names is not None and not names.knows("forankring") and names.knows("aterrapportering")


def test_a_file_that_does_not_read_as_a_criterion_leaves_it_to_the_full_load(tmp_path: Path) -> None:
    (tmp_path / "odd.yaml").write_text("- a list, not a criterion\n", encoding="utf-8")
    assert pack_names([tmp_path], DEFAULT_LIMITS) is None
    assert pack_names([tmp_path / "no-such-folder"], DEFAULT_LIMITS) is None


def test_validate_of_an_audit_loads_no_pack_and_still_names_unknown_and_retired_ids(tmp_path: Path) -> None:
    code = "import sys, runpy; sys.argv = ['styraudit', 'validate', sys.argv[1]]\ntry:\n    runpy.run_module('styraudit', run_name='__main__')\nexcept SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.startswith(('jinja2', 'styraudit.checks', 'styraudit.engine.criteria.pack'))))"
    clean = subprocess.run([sys.executable, "-c", code, str(AUDIT)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert clean.stdout.strip().endswith("[]"), clean.stdout  # the pack is neither loaded nor its checks imported
    misspelt = run_cli("validate", str(_naming(tmp_path, "aterapportering")))
    assert misspelt.returncode == 2
    assert "unknown criterion 'aterapportering'" in misspelt.stderr and "did you mean 'aterrapportering'?" in misspelt.stderr
    retired = run_cli("validate", str(_naming(tmp_path, "kl-6-6")))
    assert retired.returncode == 2 and "criterion 'kl-6-6' is retired" in retired.stderr


def test_the_names_are_read_once_a_run_however_many_audits_it_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from styraudit.engine.criteria import names as module
    from styraudit.engine.session import CommandLine, Session

    reads: list[int] = []
    real = module.pack_names
    monkeypatch.setattr(module, "pack_names", lambda *args: reads.append(1) or real(*args))
    other = tmp_path / "other.yaml"
    other.write_text(AUDIT.read_text(encoding="utf-8"), encoding="utf-8")
    session = Session(CommandLine(paths=(str(AUDIT), str(other))))
    for path in (AUDIT, other, AUDIT):
        assert session.load(path).case.audit is not None
    assert len(reads) == 1 and "pack" not in session.__dict__


def test_a_case_about_to_be_judged_is_checked_against_the_pack_it_loads_not_read_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report judges the case it loads: its criteria files are read once, for the pack."""
    from styraudit.engine.criteria import names as module
    from styraudit.engine.session import CommandLine, Session

    monkeypatch.setattr(module, "pack_names", lambda *args: pytest.fail("the names were read on their own"))
    session = Session(CommandLine())
    assert session.load(AUDIT, judged=True).case.audit is not None and "pack" in session.__dict__
    with pytest.raises(InputError, match="unknown criterion"):
        Session(CommandLine()).load(_naming(tmp_path, "aterapportering"), judged=True)


def test_a_name_the_text_defines_only_inside_a_loop_is_still_undefined_after_it() -> None:
    """The pack load skips Jinja's scope analysis for a text that reads only allowed names; a text
    reading any other name still gets it, so a loop variable read after its loop is an error."""
    from styraudit.engine.criteria.texts import TextNames, compile_text
    from styraudit.load.yamldoc import YamlDocument
    from styraudit.text.jinja import environment

    env, doc = environment(), YamlDocument("c.yaml", {}, {(): (1, 1)})
    names = TextNames(frozenset({"items"}), {})
    problems: list = []
    inside = "{% for x in items %}{{ x }}{% endfor %}"
    assert compile_text(doc, env, (), inside, problems, names) is not None and not problems
    assert compile_text(doc, env, (), inside + "{{ x }}", problems, names) is None
    assert [p.message for p in problems] == ["'x' is undefined in this text"]

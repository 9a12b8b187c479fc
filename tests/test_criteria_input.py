"""Criteria files are input too: a broken criterion passed with `check --criteria DIR` gets a
clear error naming the criterion file, line and column, exit 2, no traceback, in bounded time,
whether the mistake shows when the pack loads (syntax, keys, checks, parameters, texts,
template syntax) or only when a text is rendered for a case (resource bombs, endless loops,
undefined names, type errors).

Each case edits one line of a shipped criterion (`beslut-diarienummer` unless it names another;
a copy in a folder of its own replaces the shipped one by id); the place expected is the line
the edit made.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli

DEFAULT = "beslut-diarienummer.yaml"
RULE_HOLDS = "rule_holds: Samtliga {{ count }} beslut i underlaget anger diarienummer."
SECONDS = 10.0  # rendering is stopped after 2 s (jinja.MAX_RENDER_SECONDS); start-up and the rest fit easily

# name: (text to replace, its replacement, the line to point at (its start), message fragment[, criterion file])
BROKEN: dict[str, tuple[str, ...]] = {
    # libyaml notices the unclosed `[` on the next line
    "yaml-syntax": ("title: Diarienummer för varje beslut", "title: [Diarienummer för", "theme:", "YAML syntax"),
    "unknown-key": ("theme: Revisionsbevis", "theme: Revisionsbevis\ntema: Revisionsbevis", "tema:", "unknown key 'tema'"),
    "unknown-check": ("- check: field_rule", "- check: field_rul", "- check:", "unknown check 'field_rul'"),
    "unknown-parameter": (
        "collection: decisions",
        "collection: decisions\n      collectoin: x",
        "collectoin:",
        "unknown parameter 'collectoin'",
    ),
    "unknown-parameter-in-text": (
        RULE_HOLDS,
        "rule_holds: Samtliga {{ count }} beslut ({{ params.colection }}).",
        "rule_holds:",
        "'params.colection' is not a parameter",
    ),
    "template-syntax": (RULE_HOLDS, "rule_holds: Samtliga {{ oops", "rule_holds:", "template syntax"),
    "string-bomb": (RULE_HOLDS, "rule_holds: \"{{ 'a' * 10**9 }}\"", "rule_holds:", "a repetition longer than"),
    "power-bomb": (RULE_HOLDS, 'rule_holds: "{{ 10 ** 10 ** 10 }}"', "rule_holds:", "is refused"),
    "endless-loop": (
        RULE_HOLDS,
        'rule_holds: "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"',
        "rule_holds:",
        "ran longer than",
    ),
    # a name the code does not declare is found when the pack loads, before any case reaches the text
    "undefined-name": (RULE_HOLDS, "rule_holds: Samtliga {{ antal }} beslut.", "rule_holds:", "'antal' is undefined"),
    "type-error": (RULE_HOLDS, "rule_holds: \"{{ count + 'st' }}\"", "rule_holds:", "TypeError"),
}
CASE = """schema_version: 1
id: kriterier
title: Ett beslut med diarienummer
organisation: {name: Region Exempel}
bodies: [{id: RS, name: Regionstyrelsen, kind: board}]
initiative: {name: Initiativ, owner: RS, lead: RS, sources: [dok]}
decisions:
  - {id: b, date: 2024-01-10, by: RS, kind: plan, summary: Beslut., reference: RS 1-2024, sources: [dok]}
evidence:
  documents: [{id: dok, title: Protokoll, kind: protocol}]
"""


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_criterion_is_reported_at_its_place(name: str, tmp_path: Path) -> None:
    old, new, marker, fragment, file = (*BROKEN[name], DEFAULT)[:5]
    shipped = (ROOT / "criteria" / file).read_text(encoding="utf-8")
    assert old in shipped, f"the shipped criterion changed: update {name}"
    broken = shipped.replace(old, new, 1)
    (tmp_path / "crit").mkdir()
    (tmp_path / "crit" / file).write_text(broken, encoding="utf-8")
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if text.strip().startswith(marker))

    start = time.monotonic()
    result = run_cli("check", "case.yaml", "--criteria", "crit", "-j", "1", cwd=tmp_path)
    elapsed = time.monotonic() - start

    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert elapsed < SECONDS, f"{name} took {elapsed:.1f} s"
    placed = re.compile(rf"^crit/{re.escape(file)}:{line}:\d+: error: .*{re.escape(fragment)}", re.MULTILINE)
    assert placed.search(" ".join(output.split("\n  "))), output  # rich may wrap a long message


def test_the_unbroken_criterion_passes(tmp_path: Path) -> None:
    (tmp_path / "crit").mkdir()
    (tmp_path / "crit" / DEFAULT).write_text((ROOT / "criteria" / DEFAULT).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    result = run_cli("check", "case.yaml", "--criteria", "crit", "--no-default-criteria", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["1 file checked (0 invalid): 1 fulfilled; 0 failing criteria at or above low"]

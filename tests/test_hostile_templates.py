"""Issue 14, items 5-10: templates, labels and criteria are user input. Recursion, memory bombs
through filters (run under a 2 GiB limit, as the attack was), lone surrogates, symbolic links
out of their folder, format strings in labels and nesting past the parsers' recursion each end
in a located message and exit 2, or in a valid report where the input was valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_support import CASE, INTERVIEW_CASE, accepted, refused, snapshot, styraudit

BOMBS = {
    "recursion": "{% macro f(n) %}{{ f(n+1) }}{% endmacro %}{{ f(0) }}",
    "center": "{{ 'a'|center(10**11) }}",
    "format": "{{ '%1000000000s'|format('a') }}",
    "indent": "{{ ('a'*100000)|indent(10**9, first=True) }}",
    "replace": "{{ ('a'*100000)|replace('a', 'a'*100000) }}",
    "join": "{{ range(99999)|map('string')|join('a'*100000) }}",
    "tilde": "{% set ns = namespace(s='a') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
    "str.center": "{{ 'a'.center(10**10) }}",
    "str.format": "{{ '{:>3000000000}'.format('a') }}",
    "list doubling": "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) }}{% endfor %}",
    "nested literal": "{% set ns = namespace(x=[1]) %}{% for i in range(64) %}{% set ns.x = [ns.x, ns.x] %}{% endfor %}{{ ns.x }}",
    "buffered loop": "{% macro m() %}{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}{% endmacro %}{{ m() }}",
    "batch": "{{ range(3)|batch(10**10, 'x')|list }}",
    "deep parse": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
}


def _report(tmp_path: Path, template: str, out: str = "out.md", case: Path = CASE) -> tuple[Path, object]:
    folder = tmp_path / "T"
    folder.mkdir(exist_ok=True)
    (folder / "report.md.j2").write_text(template, encoding="utf-8")
    return folder, styraudit("report", str(case), "-o", out, "--templates", "T", cwd=tmp_path)


@pytest.mark.parametrize("name", BOMBS)
def test_5_6_recursion_and_memory_bombs_are_located_errors(name: str, tmp_path: Path) -> None:
    _, result = _report(tmp_path, BOMBS[name])
    refused(result, "T/report.md.j2")  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["T"]


def test_7_a_lone_surrogate_in_a_template_is_written_as_a_replacement(tmp_path: Path) -> None:
    _, result = _report(tmp_path, "{{ '\\ud800' }} och {{ '\\x1b[31m' }}\n")
    accepted(result)  # type: ignore[arg-type]
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == "\ufffd och \u241b[31m\n"


def test_8_a_symbolic_link_out_of_the_templates_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("HEMLIGT", encoding="utf-8")
    folder = tmp_path / "T"
    folder.mkdir()
    (folder / "root").symlink_to(outside)
    _, result = _report(tmp_path, "{% include 'root/secret.txt' %}")
    refused(result, "T/root/secret.txt", "outside its folder")  # type: ignore[arg-type]
    (folder / "report.md.j2").unlink()
    (folder / "report.md.j2").symlink_to(outside / "secret.txt")
    result = styraudit("report", str(CASE), "-o", "out.md", "--templates", "T", cwd=tmp_path)
    refused(result, "T/report.md.j2", "outside its folder")
    assert "HEMLIGT" not in result.stdout + result.stderr and not (tmp_path / "out.md").exists()


def test_8_a_criteria_file_linked_out_of_its_folder_is_refused_and_not_echoed(tmp_path: Path) -> None:
    (tmp_path / "shadow").write_text("root:$6$hemligt: 19000:0:99999:7:::\ndaemon:*: 19000\n", encoding="utf-8")
    (tmp_path / "crit").mkdir()
    (tmp_path / "crit" / "x.yaml").symlink_to(tmp_path / "shadow")
    result = styraudit("check", str(CASE), "--criteria", "crit", cwd=tmp_path)
    refused(result, "crit/x.yaml", "outside its folder")
    assert "hemligt" not in result.stdout + result.stderr


def test_8_unparseable_content_is_never_echoed_wholesale(tmp_path: Path) -> None:
    (tmp_path / "crit").mkdir()
    (tmp_path / "crit" / "x.yaml").write_text("".join(f"rad{i}x{'y' * 1000}: {i}\n" for i in range(50)), encoding="utf-8")
    result = styraudit("check", str(CASE), "--criteria", "crit", cwd=tmp_path)
    refused(result, "crit/x.yaml")
    assert max(len(line) for line in result.stderr.splitlines()) < 300  # keys of 1,000 characters, quoted briefly


LABELS = {
    "unknown field": ('text:\n  interview_with: "Intervju med {name}"\n', "uses {name}"),
    "lone brace": ('text:\n  interview_with: "Intervju {"\n', "only {name} fields"),
    "group as text": ('text: "str"\n', "a group of labels"),
    "positional": ('text:\n  source_reference: "dnr {0}"\n', "only {name} fields"),
    "format spec bomb": ('text:\n  interview_with: "{role:>1000000000}"\n', "only {name} fields"),
    "attribute access": ('text:\n  interview_with: "{role.__class__.__mro__}"\n', "only {name} fields"),
}


@pytest.mark.parametrize("extension", [".md", ".html", ".docx"])
@pytest.mark.parametrize("name", LABELS)
def test_9_labels_fill_named_fields_only(name: str, extension: str, tmp_path: Path) -> None:
    (tmp_path / "T").mkdir()
    text, phrase = LABELS[name]
    (tmp_path / "T" / "labels.yaml").write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    result = styraudit("report", str(INTERVIEW_CASE), "-o", f"out{extension}", "--templates", "T", cwd=tmp_path)
    refused(result, "T/labels.yaml", phrase)
    assert "class" not in result.stderr.replace("__class__", "") and snapshot(tmp_path) == before


def test_9_a_label_with_escaped_braces_and_named_fields_is_filled(tmp_path: Path) -> None:
    (tmp_path / "T").mkdir()
    (tmp_path / "T" / "labels.yaml").write_text('text:\n  interview_with: "Samtal {{med}} {role}"\n', encoding="utf-8")
    accepted(styraudit("report", str(INTERVIEW_CASE), "-o", "out.md", "--templates", "T", cwd=tmp_path))
    assert "Samtal {med} " in (tmp_path / "out.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("bracket", ["[", "("])
@pytest.mark.parametrize("command", ["check", "criteria list"])
def test_10_a_rule_nested_past_the_parser_is_a_located_error(bracket: str, command: str, tmp_path: Path) -> None:
    shipped = (CASE.parents[1] / "criteria" / "beslut-diarienummer.yaml").read_text(encoding="utf-8")
    closing = {"[": "]", "(": ")"}[bracket]
    deep = bracket * 5000 + "reference" + closing * 5000
    (tmp_path / "crit").mkdir()
    text = shipped.replace("require: [reference]", f"require: ['{deep}']").replace("id: beslut-diarienummer", "id: djup")
    (tmp_path / "crit" / "djup.yaml").write_text(text, encoding="utf-8")
    args = ["check", str(CASE)] if command == "check" else ["criteria", "list"]
    result = styraudit(*args, "--criteria", "crit", cwd=tmp_path)
    refused(result, "crit/djup.yaml", "nests deeper than")
    assert deep not in result.stderr

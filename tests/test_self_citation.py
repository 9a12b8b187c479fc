"""A case citing the audit's own report as a fact's source gets a warning from validate and check, at the citation."""

from __future__ import annotations

from pathlib import Path

from clirunner import run_cli
from report_support import variant

SELF_CITED = "    sources: [int-regiondirektor]\n  - id: clg-analys-2023"


def _self_citing(tmp_path: Path) -> Path:
    return variant(tmp_path, {SELF_CITED: SELF_CITED.replace("[int-regiondirektor]", "[granskningsrapport-2023]")})


def test_validate_and_check_warn_at_a_citation_of_the_audits_own_report(tmp_path: Path) -> None:
    path = _self_citing(tmp_path)
    line = path.read_text(encoding="utf-8").splitlines().index("    sources: [granskningsrapport-2023]") + 1
    for command in (["validate"], ["check", "-f", "json"]):
        result = run_cli(*command, str(path))
        assert result.returncode in (0, 1), result.stderr
        assert f"variant.yaml:{line}:15: warning: the audit's own report (granskningsrapport-2023)" in result.stderr


def test_the_shipped_cases_cite_no_audit_report_of_their_own() -> None:
    result = run_cli("validate", "cases")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr


def test_a_published_report_at_its_address_is_a_source_like_any_other(tmp_path: Path) -> None:
    """cases/real encode published audits: their report has a url, and citing it is no warning."""
    path = _self_citing(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "      kind: audit_report\n", "      kind: audit_report\n      url: https://example.org/granskningsrapport.pdf\n", 1
    )
    path.write_text(text, encoding="utf-8")
    assert "warning" not in run_cli("validate", str(path)).stderr

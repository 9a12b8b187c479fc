"""Rendering: byte-identical output, case text shown as text (HTML and Markdown), one self-contained file, the timeline."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from clirunner import run_cli
from report_support import REAL_CASE, real_report, rendered, report_of, timeline_without_year_dated_reports, variant
from styraudit.report.figure import draw_png, draw_svg
from styraudit.report.labels import load_labels
from styraudit.text.markdown import md_escape

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} <b>fet</b> & [länk](http://x) *kursiv*"


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_two_runs_give_byte_identical_files(cli, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    for path in (first, second):
        assert cli("report", str(REAL_CASE), "-o", str(path)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_bytes()) > 20_000


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The real case with markup and template syntax in texts that reach every part of the report."""
    path = variant(
        tmp_path_factory.mktemp("hostile"),
        {
            "  name: Region Västerbotten": f"  name: 'Region {HOSTILE}'",
            "{id: HSN, name: Hälso- och sjukvårdsnämnden,": f"{{id: HSN, name: 'Nämnden {HOSTILE}',",
            "      Delar av införandet av verksamhetsstyrningsmodellen hade stannat av": f"      {HOSTILE} Delar av införandet av verksamhetsstyrningsmodellen hade stannat av",
            "role_as_written: HR-direktören": f"role_as_written: 'HR-direktören {HOSTILE}'",
        },
    )
    return report_of(path)


def test_html_shows_case_text_literally(hostile_report) -> None:  # type: ignore[no-untyped-def]
    html = rendered(hostile_report, ".html")
    assert "<script" not in html and "<b>fet</b>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} &lt;b&gt;fet&lt;/b&gt; &amp; [länk]") >= 4


def test_markdown_shows_case_text_literally(hostile_report) -> None:  # type: ignore[no-untyped-def]
    markdown = rendered(hostile_report, ".md")
    assert "<script>" not in markdown and "<b>fet</b>" not in markdown
    assert "\\<script\\>alert(1)\\</script\\> {{ 7\\*7 }} \\<b\\>fet\\</b\\> \\& \\[länk\\](http://x) \\*kursiv\\*" in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in html and "<b>fet</b>" not in html and "<em>kursiv</em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a_b*c", "a\\_b\\*c"),
        ("2023. Året", "2023\\. Året"),
        ("- inte en lista", "\\- inte en lista"),
        ("# rubrik | cell", "\\# rubrik \\| cell"),
        ("rad ett\n\nrad två", "rad ett rad två"),
        ("`kod` ~x~ &amp;", "\\`kod\\` \\~x\\~ \\&amp;"),
        ("Hälso- och sjukvårdsnämnden (HSN)", "Hälso- och sjukvårdsnämnden (HSN)"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_the_html_is_one_self_contained_file() -> None:
    html = rendered(real_report(), ".html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html) and "<link" not in html and "@import" not in html
    assert "<svg" in html and "@page" in html and "size: A4" in html
    assert 'href="#kalla-1"' in html and 'id="kalla-1"' in html


def test_the_markdown_carries_the_timeline_inside() -> None:
    markdown = rendered(real_report(), ".md")
    encoded = re.search(r"\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", markdown)
    assert encoded and base64.b64decode(encoded.group(1)).startswith(b"<svg")


def test_the_real_timeline_shows_the_committees_never_reported_to() -> None:
    timeline = real_report().timeline
    assert timeline is not None
    # The bodies, then the officials who decided something themselves (the director, his management group).
    assert [name for _, name in timeline.rows] == [
        "Regionfullmäktige",
        "Regionstyrelsen",
        "Hälso- och sjukvårdsnämnden",
        "Regionala utvecklingsnämnden",
        "Regiondirektören",
        "CLG",  # introduced in chapter 1 as "regiondirektörens ledningsgrupp (CLG)"
    ]
    assert timeline.silent == ("HSN", "RUN") and timeline.max_gap_months == 6
    assert {e.kind for e in timeline.events if e.body == "RS"} == {"decision", "report"}
    # The management group's strategy day is its standpoint, not a decision: an open mark with its own key.
    assert {e.kind for e in timeline.events if e.body == "CLG"} == {"position"}
    # The director's own decision on the organisation (with its diary number) is a decision; his plan is not.
    director = {e.text: e.kind for e in timeline.events if e.body == "regiondirektor"}
    assert sorted(director.values()) == ["decision", "position"], director
    svg = draw_svg(timeline, load_labels())
    assert svg.count("ingen återrapportering") == 2
    assert "Tjänstepersoners plan eller ställningstagande" in svg


def test_a_long_silence_is_drawn_as_a_red_gap_with_its_length() -> None:
    # Without the reports dated only to a year, the board heard nothing from April 2021 to May 2023.
    timeline = timeline_without_year_dated_reports()
    assert timeline is not None
    gaps = [(g.body, g.start, g.end, g.months) for g in timeline.gaps]
    assert gaps == [("RS", "2021-04-30", "2023-05-01", 24)]
    svg = draw_svg(timeline, load_labels())
    assert "24 mån" in svg and "Uppehåll längre än 6 månader" in svg
    assert svg == draw_svg(timeline, load_labels())
    png = draw_png(timeline, load_labels())
    assert png.startswith(b"\x89PNG") and b"tIME" not in png and png == draw_png(timeline, load_labels())


def test_the_gap_limit_comes_from_the_reporting_criterion(tmp_path: Path) -> None:
    from styraudit.engine.criteria import default_pack_dir, load_pack

    criterion = (default_pack_dir() / "aterrapportering.yaml").read_text(encoding="utf-8")
    assert "      max_gap_months: 6\n" in criterion
    (tmp_path / "aterrapportering.yaml").write_text(
        criterion.replace("      max_gap_months: 6\n", "      max_gap_months: 30\n"), encoding="utf-8"
    )
    lenient = load_pack([default_pack_dir(), tmp_path])
    timeline = timeline_without_year_dated_reports(lenient)
    assert timeline is not None and timeline.max_gap_months == 30 and timeline.gaps == ()


def test_points_to_verify_form_a_separate_appendix_that_a_flag_leaves_out(tmp_path: Path) -> None:
    """Doubts go to the auditor: a list after the recommendations, never inside chapter 4, and --no-verify-appendix drops it."""
    report = real_report()
    assert report.verify
    for suffix in (".md", ".html"):
        text = rendered(report, suffix)
        assert text.count("Att verifiera före publicering") == 1
        appendix = text.split("Att verifiera före publicering", 1)[1]
        assert all(html.escape(p.text, quote=False) in appendix or p.text in appendix for p in report.verify)
    doubts = [p.text for p in report.verify if "slutsats" in p.reason or "månad" in p.reason]
    chapter_4 = rendered(report, ".md").split("## 4. ", 1)[1].split("\n## 5. ", 1)[0]
    assert doubts and not any(text in chapter_4 for text in doubts)
    out = tmp_path / "utan.md"
    result = run_cli("report", str(REAL_CASE), "-o", str(out), "--no-verify-appendix")
    assert result.returncode == 0, result.stderr
    assert "Att verifiera" not in out.read_text(encoding="utf-8")

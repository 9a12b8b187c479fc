"""The board's slides (.pptx) and the one-page summary (--part summary): what they hold, identical
bytes, case text kept as text in every format, and what LibreOffice makes of them."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from clirunner import run_cli
from report_support import DIRECTIVE_CASE, REAL_CASE, real_report, report_of, variant
from styraudit.report.labels import load_labels
from styraudit.report.render import renderer
from styraudit.report.summary import summary_renderer


def _slides(data: bytes) -> list[list[str]]:
    """Each slide's texts (text boxes and table cells), in order."""
    import pptx

    deck = pptx.Presentation(io.BytesIO(data))
    found = []
    for slide in deck.slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts += [p.text for p in shape.text_frame.paragraphs if p.text]
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        found.append(texts)
    return found


def _pptx(report: object) -> bytes:
    return renderer(Path("x.pptx"))(report, load_labels(), None)  # type: ignore[arg-type]


def test_the_slides_follow_seed_001_then_answers_recommendations_and_timeline() -> None:
    report = real_report()
    slides = _slides(_pptx(report))
    titles = [texts[0] for texts in slides[1:]]
    assert [t for t in titles if "(forts.)" not in t] == [
        "Bakgrund",
        "Styrelsens målsättningar",
        "Iakttagelser",
        "Våra bedömningar",
        "Svar på revisionsfrågor",
        "Rekommendationer",
        "Tidslinje",
        "Händelser i tidslinjen",
    ]
    assert report.title in slides[0] and "Region Västerbotten" in slides[0]
    everything = "\n".join(t for texts in slides for t in texts)
    for purpose in report.purposes:
        assert purpose in everything
    for item in report.recommendations:
        assert item.text + "\nRiktas till: " in everything or item.text + "\x0bRiktas till: " in everything
    assert all(a.question in everything for a in report.answers) and everything.count("Nej") >= 2
    for event in report.timeline.events:  # type: ignore[union-attr]
        assert f"{event.number}. {event.label} – {event.text}" in everything


def test_a_case_without_purposes_or_answers_leaves_their_slides_out() -> None:
    bare = dataclasses.replace(real_report(), purposes=(), answers=())
    titles = [texts[0] for texts in _slides(_pptx(bare))[1:]]
    assert "Styrelsens målsättningar" not in titles and "Svar på revisionsfrågor" not in titles
    assert "Bakgrund" in titles and "Rekommendationer" in titles


def test_the_directive_case_has_slides_too() -> None:
    titles = [texts[0] for texts in _slides(_pptx(report_of(DIRECTIVE_CASE)))[1:]]
    assert "Tidslinje" in titles and "Svar på revisionsfrågor" not in titles


def test_the_same_report_gives_the_same_slides_byte_for_byte(tmp_path: Path) -> None:
    first, second = _pptx(real_report()), _pptx(real_report())
    assert first == second
    path = tmp_path / "presentation.pptx"
    assert run_cli("report", str(REAL_CASE), "-o", str(path), timeout=120).returncode == 0
    assert path.read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        core = package.read("docProps/core.xml").decode()
    assert "2023-10-23T00:00:00Z" in core and "python-pptx" not in core and "Steve Canny" not in core


def test_the_summary_holds_the_answers_main_observations_and_recommendations() -> None:
    report = real_report()
    html = summary_renderer(Path("s.html"))(report, load_labels(), None).decode()
    markdown = summary_renderer(Path("s.md"))(report, load_labels(), None).decode()
    import docx

    word = "\n".join(
        p.text for p in docx.Document(io.BytesIO(summary_renderer(Path("s.docx"))(report, load_labels(), None))).paragraphs
    )
    for text in ("Svar på revisionsfrågor", "Huvudsakliga iakttagelser", "Rekommendationer", "Nej"):
        assert text in html and text in markdown and text in word
    for item in report.recommendations:
        assert item.text in html and item.text in word
    assert summary_renderer(Path("s.docx"))(report, load_labels(), None) == summary_renderer(Path("s.docx"))(
        report, load_labels(), None
    )


def test_part_chooses_what_is_written_and_the_extension_its_format(tmp_path: Path) -> None:
    out = tmp_path / "sammanfattning.html"
    assert run_cli("report", str(REAL_CASE), "--part", "summary", "-o", str(out)).returncode == 0
    assert "Sammanfattning av granskningsrapport" in out.read_text(encoding="utf-8")
    refused = run_cli("report", str(REAL_CASE), "--part", "summary", "-o", str(tmp_path / "s.pptx"))
    assert refused.returncode == 2 and "hint: end the file name in .md, .html, .docx" in refused.stderr
    unknown = run_cli("report", str(REAL_CASE), "--part", "missiv", "-o", str(tmp_path / "m.html"))
    assert unknown.returncode == 2 and "unknown part 'missiv'" in unknown.stderr
    assert not (tmp_path / "s.pptx").exists() and not (tmp_path / "m.html").exists()


MARKUP = "Styrning & <b>kontroll</b>"


@pytest.mark.parametrize(
    ("part", "suffix"),
    [
        ("report", ".md"),
        ("report", ".html"),
        ("report", ".docx"),
        ("report", ".pptx"),
        ("summary", ".md"),
        ("summary", ".html"),
        ("summary", ".docx"),
    ],
)
def test_case_text_with_markup_characters_stays_text(tmp_path: Path, part: str, suffix: str) -> None:
    case = variant(
        tmp_path,
        {
            "title: Införandet av regionens nya verksamhetsstyrningsmodell": f'title: "{MARKUP}"',
            "Bidra till kostnadskontroll.": f'"{MARKUP}."',
        },
    )
    out = tmp_path / f"out{suffix}"
    result = run_cli("report", str(case), "--part", part, "-o", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    if suffix in (".docx", ".pptx"):
        with zipfile.ZipFile(out) as package:
            text = "".join(package.read(n).decode() for n in package.namelist() if n.endswith(".xml"))
        assert "Styrning &amp; &lt;b&gt;kontroll&lt;/b&gt;" in text and "<b>kontroll" not in text
    elif suffix == ".html":
        text = out.read_text(encoding="utf-8")
        assert "Styrning &amp; &lt;b&gt;kontroll&lt;/b&gt;" in text and "<b>kontroll" not in text
    else:
        text = out.read_text(encoding="utf-8")
        assert r"Styrning \& \<b\>kontroll\</b\>" in text
        assert "<b>kontroll" not in text


# ---- as LibreOffice and Chromium lay them out ----


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (Debian: libreoffice-impress-nogui, libreoffice-writer-nogui, poppler-utils)")
    return found


def _pdf(source: Path, out: Path) -> int:
    """Convert with LibreOffice headless (its own profile) and count the PDF's pages."""
    command = [
        _need("soffice"),
        f"-env:UserInstallation={(out / 'lo').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return _pages(out / (source.stem + ".pdf"))


def _pages(pdf: Path) -> int:
    info = subprocess.run([_need("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.mark.slow
def test_libreoffice_impress_opens_the_slides_one_page_a_slide(tmp_path: Path) -> None:
    data = _pptx(real_report())
    (tmp_path / "presentation.pptx").write_bytes(data)
    assert _pdf(tmp_path / "presentation.pptx", tmp_path) == len(_slides(data)) >= 9


@pytest.mark.slow
@pytest.mark.parametrize("case", [REAL_CASE, DIRECTIVE_CASE], ids=["2021-2023", "directive"])
def test_the_summary_is_one_page_in_word(tmp_path: Path, case: Path) -> None:
    (tmp_path / "sammanfattning.docx").write_bytes(summary_renderer(Path("s.docx"))(report_of(case), load_labels(), None))
    assert _pdf(tmp_path / "sammanfattning.docx", tmp_path) == 1


@pytest.mark.slow
def test_the_summary_prints_on_one_page_from_the_browser(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    html, pdf = tmp_path / "sammanfattning.html", tmp_path / "sammanfattning.pdf"
    html.write_bytes(summary_renderer(html)(real_report(), load_labels(), None))
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert _pages(pdf) == 1

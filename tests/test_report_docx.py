"""The Word report: structure read back with python-docx, identical bytes, and the pages LibreOffice lays out.

The 2021–2023 audit case is rendered once per module. The PDF tests convert it with LibreOffice
headless (each with its own user profile, so parallel runs do not clash) and read the pages with
pdftotext, as a reader would see them: chapter headings in order, the filled contents, footnote
numbers with their sources at the foot of the page, the answer table.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli
from report_support import SEED_CHAPTERS, real_report

CASE = "cases/verksamhetsstyrningsmodell-2021-2023.yaml"
CHAPTERS = SEED_CHAPTERS
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _built() -> tuple[object, dict]:
    """The report model of the audit case, built as the `report` command builds it."""
    from styraudit.engine.session import CommandLine, Session
    from styraudit.report.build import build_report
    from styraudit.report.labels import load_labels

    session = Session(CommandLine())
    loaded = session.load(ROOT / CASE)
    return build_report(loaded, session.judge(loaded), session.pack, load_labels()), load_labels()


def _render(report: object | None = None) -> bytes:
    from styraudit.report.docx.render import render_docx

    built, labels = _built()
    return render_docx(report or built, labels)


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The case as .docx, written by the command line as a user writes it."""
    path = tmp_path_factory.mktemp("docx") / "rapport.docx"
    result = run_cli("report", CASE, "-o", str(path), timeout=120)
    assert result.returncode == 0, result.stderr
    return path


def test_command_line_and_renderer_give_the_same_bytes(docx_file: Path) -> None:
    assert docx_file.read_bytes() == _render()


def _document(path: Path):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(str(path))


def test_headings_are_word_heading_styles_in_the_seed_order(docx_file: Path) -> None:
    document = _document(docx_file)
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert chapters == CHAPTERS
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    # As in seed 000 and the HTML, the summary's recommendations follow the assessment without a heading.
    assert level2[:3] == ["Iakttagelser", "Bedömning", "Syfte och revisionsfrågor"]
    assert "Vår kommentar" in [p.text for p in document.paragraphs if p.style.name == "Heading 3"]


def test_sources_are_real_footnotes_referenced_from_the_text(docx_file: Path) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = _document(docx_file)
    [part] = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES]
    assert part.partname == "/word/footnotes.xml"
    from lxml import etree

    notes = etree.fromstring(part.blob).findall(f"{W}footnote")
    assert [n.get(f"{W}id") for n in notes[:2]] == ["-1", "0"]  # Word's separator and continuation separator
    references = document.element.body.findall(f".//{W}footnoteReference")
    assert [r.get(f"{W}id") for r in references] == [str(i) for i in range(1, len(notes) - 1)]
    texts = ["".join(t.text for t in n.iter(f"{W}t")) for n in notes[2:]]
    assert any("Intervju med regiondirektören" in t for t in texts)
    assert any("protokoll" in t for t in texts)
    with zipfile.ZipFile(docx_file) as package:
        assert "/word/footnotes.xml" in package.read("[Content_Types].xml").decode()


def test_interview_only_statements_say_so(docx_file: Path) -> None:
    body = "\n".join(p.text for p in _document(docx_file).paragraphs)
    assert "(enligt intervju)" in body


def test_answer_table_has_a_style_and_fixed_column_widths(docx_file: Path) -> None:
    [table] = _document(docx_file).tables
    assert table.style.name == "Table Grid"
    assert table._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    assert [c.text for c in table.rows[0].cells] == ["Revisionsfråga", "Svar", "Kommentar"]
    assert [r.cells[1].text for r in table.rows[1:]] == ["Nej", "Nej"]
    widths = {tuple(cell.width for cell in row.cells) for row in table.rows}
    assert len(widths) == 1 and None not in next(iter(widths))


def test_contents_list_every_chapter_with_a_page_field_and_word_is_asked_to_update_it(docx_file: Path) -> None:
    with zipfile.ZipFile(docx_file) as package:
        document = package.read("word/document.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings
    toc = [p for p in _document(docx_file).paragraphs if p.style.name == "toc 1"]
    assert [p.text.rstrip("\t") for p in toc] == CHAPTERS
    # Each entry's page is a PAGEREF field to the bookmark of its heading.
    marks = re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_Toc\d+)"', document)
    pagerefs = re.findall(r"PAGEREF (_Toc\d+) \\h", document)
    assert pagerefs and set(pagerefs) <= set(marks) and len(pagerefs) == len(set(pagerefs))


def test_every_chapter_starts_a_page_and_answer_rows_do_not_split(docx_file: Path) -> None:
    document = _document(docx_file)
    assert document.styles["Heading 1"].paragraph_format.page_break_before is True
    [table] = document.tables
    for index, row in enumerate(table.rows):
        properties = row._tr.trPr
        assert properties.find(f"{W}cantSplit") is not None
        assert (properties.find(f"{W}tblHeader") is not None) == (index == 0)


def test_the_figure_has_a_numbered_caption_under_its_key(docx_file: Path) -> None:
    paragraphs = _document(docx_file).paragraphs
    [caption] = [p for p in paragraphs if p.style.name == "Caption"]
    assert caption.text == "Figur 1. Besluts- och rapporteringstillfällen per organ"
    assert "SEQ Figur" in caption._p.xml
    index = next(i for i, p in enumerate(paragraphs) if p is caption or p._p is caption._p)
    key = [p.text for p in paragraphs[:index] if p.style.name == "Timeline Key"]
    built, _labels = _built()
    assert key and key[0].startswith("1.\t") and len(key) == len(built.timeline.events)  # type: ignore[attr-defined]
    assert paragraphs[index - len(key) - 1]._p.xml.count("<pic:pic") == 1  # the picture, then its key, then the caption


def test_a_repeated_citation_refers_to_its_first_note() -> None:
    """The same sources behind several statements: the list once, then "Se not N." (one list stood 8 times)."""
    data = _render()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/footnotes.xml").decode()
    notes = {
        int(n): re.sub(r"<[^>]+>", "", body).strip()
        for n, body in re.findall(r'<w:footnote w:id="([1-9]\d*)">(.*?)</w:footnote>', xml)
    }
    full = [text for text in notes.values() if not text.startswith("Se not ")]
    assert len(full) == len(set(full)) and len(full) < len(notes)
    for number, text in notes.items():
        if text.startswith("Se not "):
            earlier = int(re.fullmatch(r"Se not (\d+)\.", text).group(1))  # type: ignore[union-attr]
            assert earlier < number and not notes[earlier].startswith("Se not ")


def test_same_report_gives_the_same_bytes_with_the_audit_date() -> None:
    first, second = _render(), _render()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "2023-10-23T00:00:00Z" in core and "<cp:revision>1</cp:revision>" in core
    assert "Petter Bergner; Petra Segerbrant" in core and "python-docx" not in core


def test_a_report_without_audit_section_leaves_out_what_it_lacks() -> None:
    built, _labels = _built()
    bare = dataclasses.replace(built, answers=(), date_iso=None, authors=(), background=(), reason=None)  # type: ignore[type-var]
    data = _render(bare)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "Revisionskontoret" in core
    chapters = [p.text for p in _document_bytes(data).paragraphs if p.style.name == "Heading 1"]
    assert chapters == [
        "1. Sammanfattande analys",
        "2. Granskningens genomförande",
        "3. Iakttagelser och bedömningar",
        "4. Rekommendationer",
    ]


def test_source_titles_with_markup_characters_stay_text() -> None:
    built, _labels = _built()
    first = dataclasses.replace(built.sources[0], label="Protokoll <RS> & bilaga")  # type: ignore[attr-defined]
    data = _render(dataclasses.replace(built, sources=(first, *built.sources[1:])))  # type: ignore[type-var, attr-defined]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "Protokoll &lt;RS&gt; &amp; bilaga" in package.read("word/footnotes.xml").decode()


def test_an_overridden_answer_shows_the_drafted_one_and_the_motivation() -> None:
    built, _labels = _built()
    first = dataclasses.replace(built.answers[0], drafted="Delvis", overridden=True, motivation="Omtaget saknar beslut.")  # type: ignore[attr-defined]
    data = _render(dataclasses.replace(built, answers=(first, *built.answers[1:])))  # type: ignore[type-var, attr-defined]
    cells = _document_bytes(data).tables[0].rows[1].cells
    assert "Revisorns bedömning (ändrad från Delvis)" in cells[1].text and "Motivering: Omtaget saknar beslut." in cells[2].text


def _document_bytes(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


# ---- as laid out by LibreOffice ----


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (Debian: libreoffice-writer-nogui, poppler-utils)")
    return found


def _soffice(profile: Path, *args: str) -> None:
    command = [_need("soffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run([_need("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")


def _flat(text: str) -> str:
    """Compare across line breaks and hyphenation: no whitespace, no hyphens."""
    return re.sub(r"[\s\-\u00ad]", "", text)


@pytest.fixture(scope="module")
def pdf_pages(docx_file: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("pdf")
    _soffice(out / "lo", "--convert-to", "pdf", "--outdir", str(out), str(docx_file))
    return _pages(out / (docx_file.stem + ".pdf"))


def test_pdf_shows_the_chapters_in_order_after_a_filled_contents_page(pdf_pages: list[str]) -> None:
    contents = pdf_pages[1]
    assert "Innehåll" in contents and all(title in contents for title in CHAPTERS)
    body = "\f".join(pdf_pages[2:])
    positions = [body.find(title) for title in CHAPTERS]
    assert -1 not in positions and positions == sorted(positions)
    assert "Utkast" in pdf_pages[0] and "Umeå den 23 oktober 2023" in pdf_pages[-2] + pdf_pages[-1]


def _listed(contents: str) -> dict[str, int]:
    """The chapters the contents page lists, with the page number after the dots."""
    found = re.finditer(r"^\s*(\d\. [^.\n]+?)\s*\.{3,}\s*(\d+)\s*$", contents, re.M)
    return {m.group(1).strip(): int(m.group(2)) for m in found}


@pytest.mark.slow
def test_pdf_contents_give_the_page_each_chapter_starts_on(pdf_pages: list[str]) -> None:
    """A plain conversion, as an auditor's LibreOffice opens it: page numbers with no update by hand,
    and each chapter's heading is the first text on the page the contents name."""
    listed = _listed(pdf_pages[1])
    assert list(listed) == CHAPTERS
    for title, number in listed.items():
        lines = [line.strip() for line in pdf_pages[number - 1].splitlines() if line.strip() and line.strip() != "Utkast"]
        assert lines[0] == title, f"{title} listed on page {number}"


def test_pdf_has_footnotes_at_the_foot_of_the_page(pdf_pages: list[str], docx_file: Path) -> None:
    page = next(p for p in pdf_pages[2:] if "1. Sammanfattande analys" in p)
    lines = [line for line in page.splitlines() if line.strip()]
    first_note = next(i for i, line in enumerate(lines) if re.fullmatch(r"\s*1\s*", line))
    assert "Sammanfattande analys" in "".join(lines[:first_note])
    assert "Regionstyrelsens" in lines[first_note + 1]
    # Below the body text: the notes 1, 2, 3 ... in order, then only the page number.
    numbers = [int(line) for line in lines[first_note:] if re.fullmatch(r"\s*\d+\s*", line)]
    assert len(numbers) > 3 and numbers[:-1] == list(range(1, len(numbers))) and numbers[-1] == 3
    with zipfile.ZipFile(docx_file) as package:
        notes = re.findall(r'<w:footnote w:id="[1-9]\d*">.*?</w:footnote>', package.read("word/footnotes.xml").decode())
    everything = _flat("".join(pdf_pages))
    for note in notes[:5]:
        assert _flat(re.sub(r"<[^>]+>", "", note)) in everything


def test_pdf_answer_table_says_nej(pdf_pages: list[str]) -> None:
    page = next(p for p in pdf_pages[2:] if "5. Svar på revisionsfrågor" in p)
    row = next(line for line in page.splitlines() if "Har regionstyrelsen" in line)
    assert re.search(r"\bNej\b", row)


# Basic, run by LibreOffice from a module in the test's own user profile.
_UPDATE_AND_EXPORT = """Sub Export(source As String, target As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden" : hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, hidden())
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  Dim filter(0) As New com.sun.star.beans.PropertyValue
  filter(0).Name = "FilterName" : filter(0).Value = "writer_pdf_Export"
  doc.storeToURL(ConvertToURL(target), filter())
  doc.close(True)
End Sub
"""


def _basic_module(code: str) -> str:
    from xml.sax.saxutils import escape

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">'
        f"{escape(code, {chr(34): '&quot;'})}</script:module>\n"
    )


def test_contents_is_a_real_field_that_a_word_processor_rebuilds_with_page_numbers(tmp_path: Path) -> None:
    """What Word does on opening (w:updateFields), done by LibreOffice: update the indexes (there are
    none: the contents are PAGEREF fields), then lay out; every chapter is on the page the contents say.

    Written without the review comments: LibreOffice's Basic aborts on any document with a comment
    (NoSuchElementException, even for one python-docx comment), while --convert-to opens it fine."""
    docx_file = tmp_path / "rapport.docx"
    result = run_cli("report", CASE, "-o", str(docx_file), "--no-verify-appendix", timeout=120)
    assert result.returncode == 0, result.stderr
    profile = tmp_path / "lo"
    _soffice(profile, "--terminate_after_init")  # creates the profile, with its Standard Basic library
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(_basic_module(_UPDATE_AND_EXPORT), encoding="utf-8")
    pdf = tmp_path / "updated.pdf"
    _soffice(profile, f'macro:///Standard.Module1.Export("{docx_file}","{pdf}")')
    pages = _pages(pdf)
    listed = _listed(pages[1])
    assert list(listed) == CHAPTERS
    for title, number in listed.items():
        assert title in pages[number - 1], f"{title} listed on page {number}"


def test_answer_table_columns_are_fixed_so_no_word_breaks_mid_word(docx_file: Path) -> None:
    """Autofit breaks Swedish words mid-word (NOTES.md); the property that prevents it lives in the
    document's XML, not in another program's text layout: a fixed layout, a fixed table width in
    twips, grid columns of the same widths as every cell, and each question whole in its cell."""
    built, _labels = _built()
    [table] = _document(docx_file).tables
    tbl = table._tbl
    assert tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    width = tbl.tblPr.find(f"{W}tblW")
    assert width.get(f"{W}type") == "dxa"
    grid = [int(col.get(f"{W}w")) for col in tbl.tblGrid.findall(f"{W}gridCol")]
    assert sum(grid) == int(width.get(f"{W}w"))
    for row in table.rows:
        assert [cell.width.twips for cell in row.cells] == grid
    questions = [row.cells[0].text for row in table.rows[1:]]
    assert questions == [row.question for row in built.answers]  # type: ignore[attr-defined]


def test_points_to_verify_are_review_comments_with_a_fixed_date(docx_file: Path) -> None:
    """Every point to verify is a Word comment anchored in the text; its date is the report's, not the clock's."""
    with zipfile.ZipFile(docx_file) as package:
        comments = package.read("word/comments.xml").decode()
        body = package.read("word/document.xml").decode()
    report = real_report()
    assert report.verify and comments.count("<w:comment ") == len(report.verify)
    assert body.count("<w:commentRangeStart ") == len(report.verify)
    assert set(re.findall(r'w:date="([^"]+)"', comments)) == {"2023-10-23T00:00:00Z"}


def test_no_verify_appendix_leaves_the_comments_out(tmp_path: Path) -> None:
    path = tmp_path / "utan.docx"
    assert run_cli("report", CASE, "-o", str(path), "--no-verify-appendix", timeout=120).returncode == 0
    with zipfile.ZipFile(path) as package:
        assert "word/comments.xml" not in package.namelist()

"""Word says what the HTML says, chapter for chapter: the same headings in the same order, the same
recommendations with their addressees, the same answers, and the same text in every chapter.

The HTML is the reference (its template is what the auditor's office customises); the Word
renderer lays the same report out. Compared without whitespace and without the HTML's [n] source
links, which Word gives as footnotes; the source list (Källor) is the HTML's alone for that reason.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clirunner import ROOT
from report_support import rendered, report_of
from styraudit.text.swedish import join_sv, lower_first

CASES = sorted((ROOT / "cases").glob("*.yaml"))
CHAPTER_IDS = ("summary", "background", "conduct", "findings", "answers", "recommendations")


class _Chapters(HTMLParser):
    """Headings and text of each chapter section, leaving out the picture and the source links."""

    def __init__(self) -> None:
        super().__init__()
        self.chapters: list[dict[str, list[str]]] = []
        self._skip = 0  # depth inside <svg> or a source link
        self._heading: list[str] | None = None
        self._stack: list[str] = []
        self._active = False  # inside a numbered chapter, not the source list

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._stack.append(tag)
        if tag == "section" and found.get("id") in CHAPTER_IDS:
            self.chapters.append({"headings": [], "text": []})
            self._active = True
        elif tag == "section" and found.get("id") in ("kallor", "verifiera"):  # Word has these as notes and comments
            self._active = False
        if self._skip or tag == "svg" or (tag == "span" and found.get("class") == "refs"):
            self._skip += 1
        if tag in ("h2", "h3", "h4") and self._active:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop() != tag:
            pass
        if self._skip:
            self._skip -= 1
        if tag in ("h2", "h3", "h4") and self._heading is not None and self.chapters:
            self.chapters[-1]["headings"].append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip or not self._active:
            return
        self.chapters[-1]["text"].append(data)
        if self._heading is not None:
            self._heading.append(data)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _html(path: Path) -> list[dict[str, str | list[str]]]:
    parser = _Chapters()
    parser.feed(rendered(report_of(path), ".html"))
    return [{"headings": [_flat(h) for h in c["headings"]], "text": _flat("".join(c["text"]))} for c in parser.chapters]


def _docx(path: Path) -> list[dict[str, str | list[str]]]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(rendered_bytes(path)))
    chapters: list[dict[str, list[str]]] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            paragraph = Paragraph(element, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            if style == "Heading 1":
                chapters.append({"headings": [], "text": []})
            if not chapters:
                continue
            if style.startswith("Heading "):
                chapters[-1]["headings"].append(paragraph.text)
            chapters[-1]["text"].append(paragraph.text)
        elif element.tag.endswith("}tbl") and chapters:
            table = Table(element, document)
            chapters[-1]["text"] += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [{"headings": [_flat(h) for h in c["headings"]], "text": _flat("".join(c["text"]))} for c in chapters]


def rendered_bytes(path: Path) -> bytes:
    from styraudit.report.labels import load_labels
    from styraudit.report.render import renderer

    return renderer(Path("report.docx"))(report_of(path), load_labels(), None)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_word_has_the_html_headings_in_the_same_order(case: Path) -> None:
    html, word = _html(case), _docx(case)
    assert [c["headings"] for c in word] == [c["headings"] for c in html]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_word_has_the_html_text_chapter_for_chapter(case: Path) -> None:
    html, word = _html(case), _docx(case)
    assert len(word) == len(html)
    for ours, reference in zip(word, html, strict=True):
        assert ours["text"] == reference["text"], f"chapter {reference['headings'][0]} differs"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_recommendations_and_answers_are_the_same_texts_in_both(case: Path) -> None:
    """Named directly, so a failure says which: every recommendation with "Riktas till", every answer."""
    report = report_of(case)
    html, word = _html(case), _docx(case)
    closing_html, closing_word = html[-1]["text"], word[-1]["text"]
    for item in report.recommendations:
        assert _flat(item.text) in closing_word and _flat(item.text) in closing_html
        if item.addressees:
            # Inside the sentence the bodies take the lower-case form ("Riktas till: regionstyrelsen och ...").
            addressed = _flat("Riktas till: " + join_sv(lower_first(a) for a in item.addressees))
            assert addressed in closing_word and addressed in closing_html
    for row in report.answers:
        for text in (row.question, row.answer, *row.comment):
            assert _flat(text) in "".join(str(c["text"]) for c in word)

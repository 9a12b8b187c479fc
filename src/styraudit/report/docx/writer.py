"""The Word document being written: headings with bookmarks, paragraphs, lists, sourced statements.

Every Swedish word comes from labels.yaml (`label`); this module only arranges them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.document import Document
from docx.text.paragraph import Paragraph

from ..model import Report, Source, Statement
from .comments import Comments
from .fields import bookmark_heading
from .footnotes import Footnotes


def label(labels: dict[str, Any], path: str, **values: object) -> str:
    """labels.yaml's text at a dotted path, with {placeholders} filled."""
    node: Any = labels
    for key in path.split("."):
        node = node[key]
    # A Label's format fills named fields only (report/labels.py); str.format would reach attributes.
    return node.format(**values) if values else str(node)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Appends to a python-docx Document and remembers the headings for the contents."""

    def __init__(self, document: Document, report: Report, labels: dict[str, Any]) -> None:
        self.document = document
        self.labels = labels
        self.footnotes = Footnotes(document)
        self.comments = Comments(document, report.verify, labels, report.date_iso)
        self.headings: list[tuple[int, str, str]] = []  # (level, text, bookmark)
        self._sources = {source.number: source for source in report.sources}
        self._cited: dict[str, int] = {}  # a footnote's full text -> the number of its first note

    def label(self, path: str, **values: object) -> str:
        return label(self.labels, path, **values)

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph = self.document.add_paragraph(style=f"Heading {level}")
        mark = bookmark_heading(paragraph, text, len(self.headings) + 1)
        self.headings.append((level, text, mark))
        return paragraph

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        return self.document.add_paragraph(text, style=style)

    def paragraphs(self, texts: Iterable[str | None]) -> None:
        for text in texts:
            if text:
                self.paragraph(text)

    def bullets(self, texts: Iterable[str]) -> list[Paragraph]:
        return [self.paragraph(text, style="List Bullet") for text in texts]

    def statements(self, statements: Iterable[Statement], style: str | None = None) -> None:
        for statement in statements:
            self.statement(self.paragraph(style=style), statement)

    def statement(self, paragraph: Paragraph, statement: Statement) -> None:
        """The sentence, the same visible markers as the HTML (interviews alone, a fact without a
        source), then a footnote naming its sources; a point to verify on it becomes a review comment."""
        run = paragraph.add_run(statement.text)
        self.comments.anchor(run, statement)
        if statement.interview_only:
            paragraph.add_run(" " + self.label("text.according_to_interview_inline"))
        if statement.unsourced:
            paragraph.add_run(" " + self.label("text.unsourced_inline"))
        note = self.footnote_text(statement)
        if note:
            self.cite(paragraph, note)

    def cite(self, paragraph: Paragraph, text: str) -> int:
        """A footnote with `text`; sources already cited in full refer to that note ("Se not 3.").

        The same five documents behind eight statements would otherwise fill the foot of the
        page with the same list eight times.
        """
        first = self._cited.get(text)
        if first is not None:
            return self.footnotes.add(paragraph, self.label("text.see_note", number=first))
        self._cited[text] = number = self.footnotes.add(paragraph, text)
        return number

    def footnote_text(self, statement: Statement) -> str:
        """'Protokoll …, dnr …; Intervju med regiondirektören.'"""
        text = "; ".join(self.describe(self._sources[n]) for n in statement.sources if n in self._sources)
        return text + "." if text and not text.endswith(".") else text

    def describe(self, source: Source) -> str:
        parts = [source.label]
        if source.paragraph and source.paragraph not in source.label:
            parts.append(self.label("text.source_paragraph", paragraph=source.paragraph))
        if source.reference and source.reference not in source.label:
            parts.append(self.label("text.source_reference", reference=source.reference))
        if source.date and source.date not in source.label:  # "Protokoll maj 2023" already says when
            parts.append(self.label("text.source_date", date=source.date))
        return ", ".join(parts)

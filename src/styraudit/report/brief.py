"""The report in short: the phrases the board's slides and the one-page summary use.

Taken from the report model only, whole sentences, never cut: the first sentence of each
background paragraph, of each paragraph of chapter 1's findings and of each assessment, and each theme's conclusion (the first sentence of its "Vår kommentar").
"""

from __future__ import annotations

import re

from .model import Report

# A sentence ends at . ! or ? followed by a capital; "6 kap. 6 §" and "t.ex. att" do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


SHORT = 40  # a "sentence" this short is a name or a heading ("UPPDRAGiL 3.0."): the next one goes with it


def first_sentence(text: str) -> str:
    """The text's first sentence, whole; with the next one when the first is only a name."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=2)
    if len(parts) > 1 and len(parts[0]) < SHORT:
        return f"{parts[0]} {parts[1]}"
    return parts[0]


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


def background(report: Report) -> list[str]:
    """Bakgrund: the first sentence of each background paragraph and of the reason for the audit."""
    return _unique([first_sentence(text) for text in [*report.background, report.reason or ""]])


def observations(report: Report) -> list[str]:
    """Iakttagelser: the first finding of each paragraph of chapter 1, else the themes' headings.

    Seed 001 shows what was found ("Nämnderna involverades inte i styrningen"), not the themes' names."""
    found = [first_sentence(paragraph[0].text) for paragraph in report.summary_paragraphs if paragraph]
    return _unique(found) or _unique([theme.title for theme in report.themes])


def assessments(report: Report) -> list[str]:
    """Bedömningar: the first sentence of each assessment of the summary."""
    return _unique([first_sentence(text) for text in report.summary_assessment])


def conclusions(report: Report) -> list[str]:
    """The main observations for the board's agenda: each theme's conclusion, else its heading."""
    return _unique([first_sentence(theme.comment[0]) if theme.comment else theme.title for theme in report.themes])

"""House style over every report of every shipped case (cases/*.yaml and cases/real/*.yaml), as the reader sees the Markdown."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from clirunner import ROOT
from report_support import rendered, report_of

CASES = sorted((ROOT / "cases").glob("*.yaml")) + sorted((ROOT / "cases" / "real").glob("*.yaml"))
# Counted things in digits where the house style wants words ("åtta rapporter", "tre månader").
SMALL_COUNT = re.compile(
    r"(?<![\d.,:/–-])\b([1-9]|1[0-2]) (rapporter|rapport|månader|månad|beslut|gånger|nämnder|ledningsgrupper)\b"
)
ENUM_ID = re.compile(r"\b(?:not_fulfilled|partly_fulfilled|cannot_assess|took_part_in_design|root_cause|management_group)\b")
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|[,;:]{2,}| [.,;:](?!\d)")
ENGLISH = re.compile(r"\b(?:the|and|of|is|None|True|False)\b")


@cache
def _text(path: Path) -> str:
    """The report's reading text: no HTML comments, anchors, links' targets, pictures or source list."""
    text = rendered(report_of(path), ".md")
    text = text.split('<a id="kallor"></a>', 1)[0]
    text = re.sub(r"<!--.*?-->|<a id=\"[^\"]*\"></a>|<br>|!\[[^\]]*\]\([^)]*\)", "", text, flags=re.S)
    return re.sub(r"\]\(#[^)]*\)", "]", text)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_report_keeps_the_house_style(path: Path) -> None:
    text = _text(path)
    assert not SMALL_COUNT.findall(text), SMALL_COUNT.findall(text)[:5]
    assert not ENUM_ID.findall(text), ENUM_ID.findall(text)[:5]
    assert not DOUBLED.findall(text), [text[max(0, m.start() - 40) : m.end() + 10] for m in DOUBLED.finditer(text)][:5]
    assert not ENGLISH.findall(text), ENGLISH.findall(text)[:5]
    assert "…" not in text.replace("...", ""), "a text cut off"


def test_the_style_test_can_fail() -> None:
    assert (
        SMALL_COUNT.search("av 8 rapporter var 3 översiktliga")
        and DOUBLED.search("delegation..")
        and ENUM_ID.search("not_fulfilled")
    )

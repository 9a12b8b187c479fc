"""House style over every report of every shipped case (cases/*.yaml and cases/real/*.yaml), as the reader sees the Markdown."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from clirunner import ROOT
from report_support import rendered, report_of
from styraudit.load.case import load_case
from styraudit.text.names import Names
from styraudit.text.style import tidy

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


@cache
def _case(path: Path):  # type: ignore[no-untyped-def]
    return load_case(str(path)).case


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_a_group_abbreviation_is_introduced_once_and_used_after(path: Path) -> None:
    text = _text(path).split('<a id="verifiera">', 1)[0].split("## Att verifiera", 1)[0]
    for group in (g for g in _case(path).groups if g.short and g.short != g.name):
        full = re.compile(rf"(?<![\w-]){re.escape(group.name[:1])}(?i:{re.escape(group.name[1:])})(?![\w-])", re.I)
        found = list(full.finditer(text))
        assert len(found) <= 1, f"{group.name} written out {len(found)} times"
        if found and re.search(rf"(?<![\w-]){re.escape(group.short)}(?![\w-])", text):
            assert text[found[0].end() :].startswith(f" ({group.short})"), f"{group.name} not introduced as ({group.short})"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_bodies_and_roles_take_the_lower_case_definite_form_inside_a_sentence(path: Path) -> None:
    case = _case(path)
    name = Names(case)
    actors = [b.id for b in case.bodies] + [r.id for r in case.roles]
    capital = [n for n in map(name, actors) if n[:1].isupper() and n[1:2].islower()]
    # A name after a lower-case word or a comma stands inside a sentence; list items and headings start lines.
    inside = re.compile(rf"(?<=[a-zåäö,] )(?:{'|'.join(re.escape(n) for n in sorted(capital, key=len, reverse=True))})(?![\w-])")
    text = re.sub(r"^\s*(?:[-*#|]|\d+\\?\.).*$", "", _text(path), flags=re.M) if capital else ""
    assert not (capital and inside.findall(text)), [text[max(0, m.start() - 40) : m.end()] for m in inside.finditer(text)][:5]


# Fields whose value is a title or a wording given as written in the source: quoting it is quoting the source.
AS_WRITTEN = {"title", "name", "task", "written", "as_written", "text"}
QUOTED = re.compile(r"”([^”]{3,}?)”")


def _quotable(node: object, key: str = "") -> set[str]:
    """What the case lets the report put in quotation marks: titles, texts as written, and what it quotes itself."""
    if isinstance(node, dict):
        return {q for k, v in node.items() for q in _quotable(v, str(k))}
    if isinstance(node, list):
        return {q for v in node for q in _quotable(v, key)}
    if isinstance(node, str):
        flat = tidy(" ".join(node.split()))  # as the report tidies it
        return set(QUOTED.findall(flat)) | ({flat.rstrip(".")} if key in AS_WRITTEN else set())
    return set()


def _strings(node: object) -> list[object]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if node is not None else []


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_quotation_marks_only_around_text_quoted_from_a_source(path: Path) -> None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # A directive is transcribed as written: any of its texts may be quoted from it.
    allowed = _quotable(data) | {tidy(" ".join(str(v).split())) for v in _strings(data.get("directive"))}
    quoted = [q.rstrip(".") for q in QUOTED.findall(" ".join(_text(path).split()))]
    invented = [q for q in quoted if not any(q in a or a in q for a in allowed)]
    assert not invented, invented[:5]


def test_the_style_test_can_fail() -> None:
    assert (
        SMALL_COUNT.search("av 8 rapporter var 3 översiktliga")
        and DOUBLED.search("delegation..")
        and ENUM_ID.search("not_fulfilled")
    )


def test_the_quotation_rule_can_fail() -> None:
    case = {"decisions": [{"title": "Plan 2022", "summary": "Styrelsen beslutade om ”en ny modell” för 2022."}]}
    allowed = _quotable(case)
    assert {"Plan 2022", "en ny modell"} <= allowed
    assert "Styrelsen beslutade om ”en ny modell” för 2022" not in allowed  # a summary is the case's account, not a quote

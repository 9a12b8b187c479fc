"""Chapter 4 tells the facts of seed 000's chapter 4 (issue 11's list of 27), each with its sources, in date order."""

from __future__ import annotations

import re

from report_support import real_report, rendered

# One phrase per fact of seed 000's chapter 4, in its order; each must be told in chapter 4.
SEED_FACTS = [
    "påbörjades våren 2021 i samband med att den nuvarande regiondirektören tillträdde",
    "Hälso- och sjukvårdsförvaltningen deltog inte i framtagandet",
    "I mars 2021 informerade regiondirektören regionstyrelsen",
    "En grundmodell hade skapats",
    "huvuduppdrag var att ”erbjuda och ständigt",
    "delar av CLG inte förstod vad modellen innebar",
    "I sin verksamhetsplan för år 2022 beslutade regionstyrelsen",
    "bidra till en tillitsbaserad kultur",
    "skulle följa upp om den nya styrmodellen blev införd",
    "Regionstyrelsen beslutade heller inte om något uppdragsdirektiv",
    "Regionala utvecklingsnämnden har inte tagit några beslut för år 2022 och år 2023",
    "RS 1868-2021",
    "översiktliga powerpointpresentationer",
    "med start i mars år 2022, först i hälso- och sjukvårdsförvaltningen",
    "en serie workshops skulle genomföras",
    "hal tvål",
    "upphörde arbetet i HSLG",
    "Den dåvarande regionala utvecklingsdirektören förstod inte",
    "Efterfrågan från linjecheferna på stöd från Utvecklingsstödet blev dock svag",
    "”senarelagts i väntan på",
    "tio ledningsgrupper",
    "Översiktlig information om arbetet med verksamhetsstyrningsmodellen",
    "har inte hållit sig informerad",
    "basenhet i vården",
    "hade stannat av och det fanns behov av en omstart",
    "Ett omtag hade inletts",
    "hade regionstyrelsen inte fattat något beslut om att arbetet",
]
CITED = re.compile(r"\[\[\d+\]\(#kalla-\d+\)")


def _chapter_4() -> list[str]:
    text = rendered(real_report(), ".md")
    chapter = text.split("## 4. ", 1)[1].split("\n## 5. ", 1)[0]
    return [p for p in chapter.split("\n\n") if p.strip() and not p.startswith(("#", "!", "*"))]


def test_chapter_4_tells_at_least_25_of_the_27_seed_facts_each_with_its_sources() -> None:
    paragraphs = _chapter_4()
    told = [fact for fact in SEED_FACTS if any(fact in p and CITED.search(p) for p in paragraphs)]
    missing = [fact for fact in SEED_FACTS if fact not in told]
    assert len(told) >= 25, f"{len(told)}/27 told; missing: {missing}"


def test_every_theme_tells_its_dated_statements_in_date_order() -> None:
    for theme in real_report().themes:
        dates = [s.date for s in theme.statements if s.date]
        assert dates == sorted(dates), theme.title
        undated_first = [s.date for s in theme.statements]
        assert None not in undated_first[: len(dates)], f"{theme.title}: an undated statement before a dated one"

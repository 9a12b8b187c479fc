"""Helpers for the report tests: the real 2021–2023 case, variants of it, and its report model."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from clirunner import ROOT
from styraudit.engine.criteria import CriteriaPack, default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case
from styraudit.report.build import build_report
from styraudit.report.labels import load_labels
from styraudit.report.model import Report, Timeline
from styraudit.report.render import renderer

REAL_CASE = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"
# The six chapters of seed 000, as every format numbers them.
SEED_CHAPTERS = [
    "1. Sammanfattande analys",
    "2. Bakgrund",
    "3. Granskningens genomförande",
    "4. Iakttagelser och bedömningar",
    "5. Svar på revisionsfrågor",
    "6. Rekommendationer",
]
DIRECTIVE_CASE = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"


@cache
def pack() -> CriteriaPack:
    return load_pack([default_pack_dir()])


def report_of(path: Path) -> Report:
    loaded = load_case(str(path))
    return build_report(loaded, evaluate(loaded, pack()), pack())


@cache
def real_report() -> Report:
    return report_of(REAL_CASE)


def rendered(report: Report, suffix: str) -> str:
    """The report rendered as `.md` or `.html`, as text."""
    return renderer(Path("report" + suffix))(report, load_labels(), None).decode("utf-8")


def variant(tmp_path: Path, replacements: dict[str, str], append: str = "", name: str = "variant.yaml") -> Path:
    """A copy of the real case with texts replaced (each must occur) and lines appended (after the audit section)."""
    text = REAL_CASE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, f"the real case no longer contains {old!r}"
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text + append, encoding="utf-8")
    return path


def timeline_without_year_dated_reports(criteria: CriteriaPack | None = None) -> Timeline | None:
    """The real case's timeline with the reports dated only to a year left out, judged by the engine
    (the timeline draws the engine's data): the board then heard nothing from April 2021 to May 2023."""
    loaded = load_case(str(REAL_CASE))
    kept = [r for r in loaded.case.reporting if r.date.precision != "year"]
    variant = dataclasses.replace(loaded, case=loaded.case.model_copy(update={"reporting": kept}))
    judged_by = criteria or pack()
    return build_report(variant, evaluate(variant, judged_by), judged_by).timeline

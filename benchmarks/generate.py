"""Write N realistic synthetic case files, sized like the shipped real ones.

Each is the real 2021-2023 case, the 2024 directive case or the (fictional) follow-up example,
with its id, title, dates and some facts varied by a seeded random generator, so the set is the
same on every run. Every other 2021-2023 case gets a missiv and the bodies' replies; the follow-ups
lose their `case_file` (the earlier file is not beside them).

    python benchmarks/generate.py 10000 /tmp/cases
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml",
    ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml",
    ROOT / "cases" / "examples" / "uppfoljning-verksamhetsstyrning-fiktiv.yaml",
]
# The audit's cover letter and two of the three replies, one measure without a date.
REPLIES = """
missiv: {date: 2023-11-01, addressees: [RS, HSN, RUN], reply_due: 2024-01-31}
replies:
  - body: RS
    received: 2024-01-25
    recommendations:
      - recommendation: rek-aterrapportering.tydligt-uppdrag
        accepts: true
        measures: [{description: Ett uppdragsdirektiv tas fram., responsible: regiondirektor, due: 2024-06}]
  - body: HSN
    received: 2024-01-30
    recommendations:
      - {recommendation: rek-forankring.problemanalys, accepts: true, measures: [{description: Frågan ses över.}]}
"""
YEAR = re.compile(r"\b(20[12]\d)(-\d\d)?(-\d\d)?\b")


def variant(text: str, index: int, rng: random.Random) -> str:
    """Shift every year by the same offset, rename the case, and drop a few optional lines."""
    shift = rng.randint(-3, 3)
    text = YEAR.sub(lambda m: f"{int(m[1]) + shift}{m[2] or ''}{m[3] or ''}", text)
    text = re.sub(r"^id: .*$", f"id: syntetiskt-{index:05d}", text, count=1, flags=re.M)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m[1]} (variant {index})", text, count=1, flags=re.M)
    return text


def main(count: int, target: Path) -> None:
    rng = random.Random(20261125)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    texts[2] = re.sub(r"^ *case_file: .*\n", "", texts[2], flags=re.M)
    texts.append(texts[0] + REPLIES)
    target.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        folder = target / f"{index // 1000:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"case-{index:05d}.yaml").write_text(variant(texts[index % len(texts)], index, rng), encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))

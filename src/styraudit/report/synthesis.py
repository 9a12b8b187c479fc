"""Chapter 1 as a synthesis: findings aggregated across bodies, a few paragraphs by theme, an argued assessment.

The same finding for several bodies or roles is said once: "Varken A eller B har fått ..."
where the name opens a negated sentence, "A och B ..." where it opens another, and
"... mellan X och A respektive B ..." where it stands inside. The connecting words are
labels.yaml's `synthesis`; the findings' own words come from the criteria.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..text.style import tidy
from ..text.swedish import join_sv, lower_first, number_sv
from .model import Statement
from .statements import pooled

_SLOT = "\x00"


def aggregated(statements: Sequence[Statement], names: Iterable[str], words: dict[str, Any]) -> list[Statement]:
    """`statements` with those that differ only in one actor's name merged into one sentence each."""
    ordered = sorted({n for n in names if n}, key=len, reverse=True)
    if not ordered:
        return list(statements)
    pattern = re.compile("|".join(rf"(?<![\w-]){_either(n)}(?![\w-])" for n in ordered))
    shapes = [_shapes(s.text, pattern) for s in statements]
    used: set[int] = set()
    out: list[Statement] = []
    for i, statement in enumerate(statements):
        if i in used:
            continue
        best: list[tuple[int, str]] = []
        shape_of_best = ""
        for shape, _name in shapes[i]:
            group = [(j, n) for j in range(i, len(statements)) if j not in used for sh, n in shapes[j] if sh == shape]
            if len(group) > len(best):
                best, shape_of_best = group, shape
        if len(best) < 2:
            out.append(statement)
            used.add(i)
            continue
        used.update(j for j, _ in best)
        out.append(_merge([statements[j] for j, _ in best], shape_of_best, [n for _, n in best], words))
    return out


def _shapes(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """The text with each one of its names cut out, and that name."""
    return [(text[: m.start()] + _SLOT + text[m.end() :], m.group(0)) for m in pattern.finditer(text)]


def _merge(group: list[Statement], shape: str, names: list[str], words: dict[str, Any]) -> Statement:
    head, rest = shape.split(_SLOT, 1)
    lowered = [lower_first(n) for n in dict.fromkeys(names)]
    negation = words["negation"]
    if not head and negation in rest and len(lowered) == 2:
        subject = words["neither"].format(first=lowered[0], second=lowered[1])
        text = subject + rest.replace(negation, " ", 1)
    elif not head and negation in rest:
        text = words["none_of"].format(names=join_sv(lowered)) + rest.replace(negation, " ", 1)
    elif not head:
        text = join_sv(lowered) + rest
    else:
        text = head + join_sv(lowered, words["respectively"]) + rest
    return pooled(text[:1].upper() + text[1:], group)


def _either(name: str) -> str:
    head, rest = name[:1], re.escape(name[1:])
    return f"[{re.escape(head.upper())}{re.escape(head.lower())}]{rest}" if head.isalpha() else re.escape(name)


def assessment(intro: str, by_theme: Iterable[Sequence[str]], purposes: Sequence[str], words: dict[str, Any]) -> tuple[str, ...]:
    """The Bedömning as connected paragraphs: the overall judgement, one paragraph per theme, the purposes at risk."""
    paragraphs = [intro] if intro else []
    paragraphs += [" ".join(t for t in texts if t) for texts in by_theme if any(texts)]
    if purposes and len(paragraphs) > 1:
        # The sentence says "att ..." itself: a purpose written "Att vi ..." does not say it twice.
        listed = join_sv(re.sub(r"^att ", "", lower_first(p.rstrip("."))) for p in purposes)
        paragraphs.append(words["purposes_at_risk"].format(purposes=listed))
    return tuple(paragraphs)


def condensed(
    observations: Sequence[Any], limit: int, too_many: Callable[[list[Any]], bool]
) -> tuple[list[Any], list[tuple[Any, list[Any]]]]:
    """The first `limit` observations of each check and finding code that is `too_many` even when joined
    across actors, and for each such kind its last one kept with the ones left over.

    A summary that repeats one finding for forty goals copies instead of condensing; chapter 4 tells them all."""
    kinds: dict[tuple[str, str], list[Any]] = {}
    for o in observations:
        kinds.setdefault((o.check, o.code), []).append(o)
    many = {kind for kind, group in kinds.items() if too_many(group)}
    seen: dict[tuple[str, str], list[Any]] = {}
    kept: list[Any] = []
    rest: dict[tuple[str, str], tuple[Any, list[Any]]] = {}
    for o in observations:
        kind = (o.check, o.code)
        said = seen.setdefault(kind, [])
        if kind not in many or len(said) < limit:
            said.append(o)
            kept.append(o)
        else:
            rest.setdefault(kind, (said[-1], []))[1].append(o)
    return kept, list(rest.values())


def bare(observations: Iterable[Any]) -> list[Statement]:
    """The observations' texts as statements without sources: to see how far joining them goes, citing nothing."""
    return [Statement(tidy(o.text), (), False, False, (), "") for o in dict.fromkeys(observations)]


def more_of(group: Sequence[Statement], words: dict[str, Any]) -> Statement:
    """One sentence saying how many more findings of the kind chapter 4 tells, resting on their sources."""
    return pooled(words["more"].format(count=number_sv(len(group))), group)

"""What the CI reporters (SARIF, JUnit, GitHub) share: which observation decides, where it is, clean text."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..engine.outcome import Outcome
from ..engine.results import CriterionResult, FactRef, Observation
from ..text.i18n import N_

# Words for people (translated where shown), never the ids that JSON and SARIF properties keep.
OUTCOMES = {
    Outcome.fulfilled: N_("fulfilled"),
    Outcome.partly_fulfilled: N_("partly fulfilled"),
    Outcome.not_fulfilled: N_("not fulfilled"),
    Outcome.cannot_assess: N_("cannot be assessed"),
}
SEVERITIES = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}

# Raw, or as the loader shows them (␛[31m, load/printable.py): colour codes and control characters
# are noise in an annotation or a test report.
ANSI_ESCAPE = re.compile("[\x1b\u241b]\\[[0-9;]*[A-Za-z]")
# Not allowed in XML 1.0, garbage in annotations; lone surrogates cannot even be written as UTF-8.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\u2400-\u241f\u2421]")


def clean(text: str) -> str:
    """Text without terminal colour codes and control characters (tab and newlines stay)."""
    return CONTROL.sub("", ANSI_ESCAPE.sub("", text))


def decisive(criterion: CriterionResult) -> list[Observation]:
    """The observations whose outcome is the criterion's (all of them if none is): they explain the verdict."""
    return [o for o in criterion.observations if o.outcome is criterion.outcome] or list(criterion.observations)


def message(criterion: CriterionResult) -> str:
    """The first decisive observation's Swedish text, or the assessment when no observation decides."""
    if criterion.check_failures:
        return "; ".join(" ".join(clean(str(f)).split()) for f in criterion.check_failures)
    first = decisive(criterion)
    text = first[0].text if first and not criterion.composed_of else criterion.assessment
    return " ".join(clean(text).split())


def facts(criterion: CriterionResult) -> list[FactRef]:
    """Every fact behind the criterion once, the decisive ones first: the first is at `criterion.key_path`."""
    ordered = [f for o in (*decisive(criterion), *criterion.observations) for f in o.facts]
    return list({(f.path, f.location): f for f in ordered}.values())


def relative_path(file: str, root: Path) -> str | None:
    """`file` relative to `root` with POSIX separators, or None when it lies outside `root`."""
    absolute = Path(os.path.abspath(file))  # a result's file is as given: relative to the working directory
    try:
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return None


def shown_path(file: str, root: Path) -> str:
    """The path CI tools match against the repository: relative to `root` if possible, else absolute."""
    return relative_path(file, root) or Path(os.path.abspath(file)).as_posix()


def root_of(options: dict[str, object]) -> Path:
    """The folder CI paths are relative to: options["root"] (--root), else the git top level above
    the working directory (what GitHub and GitLab match paths against), else the working directory."""
    root = options.get("root")
    if isinstance(root, str | os.PathLike):
        return Path(os.path.abspath(root))
    return git_top_level(Path.cwd()) or Path.cwd()


def git_top_level(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `.git` (a folder, or a file in a worktree); no git needed."""
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None

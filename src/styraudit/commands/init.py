"""`styraudit init`: a commented starting case that validates, and what the editor needs to check it.

The case's first line tells yaml-language-server where the schema is, as a path relative to the
new file: a `case.schema.json` (or `schema/case.schema.json`) already at or above its folder, up
to the repository's top, else one written beside the new file. A URL would have to be reachable;
a path that only resolves inside this project's checkout would break in the user's repository.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem, UsageError
from ..load.origins import Origins, at_origins
from ..load.resources import data_dir
from ..load.schema import schema_text
from ..load.yamldoc import YamlDocument, load_file
from ..reporters._ci import git_top_level
from ..text.i18n import _
from .output import refuse_existing, write_atomic

STARTER = "init/case.yaml"
MUNICIPAL_STARTER = "init/case-kommun.yaml"
SCHEMA_FILE = "case.schema.json"
MODELINE = "# yaml-language-server: $schema="


def starter_text() -> str:
    return (data_dir("templates") / STARTER).read_text(encoding="utf-8")


def existing_schema(folder: Path) -> Path | None:
    """A schema file at or above `folder`, up to the git top level (or the folder alone outside git)."""
    top = git_top_level(folder)
    for here in [folder, *folder.parents]:
        for candidate in (here / SCHEMA_FILE, here / "schema" / SCHEMA_FILE):
            if candidate.is_file():
                return candidate
        if top is None or here == top:
            return None
    return None


def with_schema_line(text: str, schema: str) -> str:
    """The starter with its modeline pointing at `schema` (a relative POSIX path)."""
    lines = text.splitlines(keepends=True)
    rest = lines[1:] if lines and lines[0].startswith(MODELINE) else lines
    return f"{MODELINE}{schema}\n" + "".join(rest)


def run(path: Path, force: bool, kind: str | None = None, answers: Path | None = None, interactive: bool = False) -> int:
    """Write the case: from `answers` (a YAML file), from questions asked when `interactive`, else the
    commented template for a municipality or a region (`kind`)."""
    folder = Path(os.path.abspath(path)).parent
    schema = existing_schema(folder)
    new_schema = schema is None
    if schema is None:
        schema = folder / SCHEMA_FILE
    refuse_existing(path, force)  # before writing anything: a refused run leaves nothing new
    if not folder.is_dir():
        hint = _("create {folder} first").format(folder=path.parent)
        raise UsageError([Problem(Location(str(path)), _("the folder does not exist"), hint, "usage")])
    text, came_from = _case_text(kind, answers, interactive)
    _check_case(path, text, came_from)  # the case written always validates: an invalid one is refused, nothing written
    if new_schema:
        refuse_existing(schema, False)  # both targets checked before either is written
        write_atomic(schema, schema_text())
    write_atomic(path, with_schema_line(text, Path(os.path.relpath(schema, folder)).as_posix()), force=force)
    wrote = (
        _("wrote {path} and {schema} beside it").format(path=path, schema=SCHEMA_FILE)
        if new_schema
        else _("wrote {path}").format(path=path)
    )
    print(wrote + "; " + _("fill it in, then run: styraudit validate {path}").format(path=path), file=sys.stderr)
    return 0


def _check_case(path: Path, text: str, came_from: tuple[Origins, str] | None) -> None:
    """Refuse a case that does not validate; its problems named where the answers gave them."""
    from ..engine.session import CommandLine, Session

    try:
        Session(CommandLine()).load(path, text=text)
    except InputError as error:
        if came_from is None:
            raise
        raise InputError(at_origins(error.problems, text, str(path), *came_from)) from None


def _case_text(kind: str | None, answers: Path | None, interactive: bool) -> tuple[str, tuple[Origins, str] | None]:
    """The case's text, and (from an answers file) where each of its items came from."""
    from . import guided
    from .answers import origins

    if answers is not None:
        doc = _answers(answers)
        given = dict(doc.data)
        if kind:
            given.setdefault("kind", kind)
        return guided.commented(guided.case_from_answers(given, str(answers))), (origins(doc), str(answers))
    if interactive:
        given = guided.ask(criteria=_criteria())
        try:
            text = guided.commented(guided.case_from_answers(given, "stdin"))
            _check_case(Path("case.yaml"), text, None)
        except InputError:
            _keep(given)
            raise
        return text, None
    municipal = (kind or "region").strip().lower() in guided.MUNICIPALITY_WORDS
    return (data_dir("templates") / (MUNICIPAL_STARTER if municipal else STARTER)).read_text(encoding="utf-8"), None


def _keep(given: dict[str, Any]) -> None:
    """Answers typed at a terminal that make no valid case are shown, in the --answers format, not lost."""
    import yaml

    print(
        _("the answers make a case that does not validate; here they are, to correct and give with --answers:"), file=sys.stderr
    )
    print(yaml.safe_dump(given, allow_unicode=True, sort_keys=False, width=110), file=sys.stderr)


def _criteria() -> tuple[tuple[str, str], ...]:
    """The installed criteria, id and Swedish title, to choose from."""
    from ..engine.criteria import default_pack_dir, load_pack

    pack = load_pack([default_pack_dir()])
    ordered = sorted(pack.criteria.values(), key=lambda c: (c.spec.order, c.id))
    return tuple((c.id, c.spec.title) for c in ordered)


def _answers(path: Path) -> YamlDocument:
    from .answers import HINT, shape_problems

    if not path.is_file():
        raise UsageError([Problem(Location(str(path)), _("no such file"), _("check the --answers path"), "usage")])
    doc = load_file(str(path))
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.locate(()), _("the answers are not a mapping of keys"), HINT, "init")])
    if problems := shape_problems(doc):
        raise InputError(problems)
    return doc

"""Swedish words every output shares (templates/answers.yaml), kept apart from the report so that
the CI reporters need not import the report to name an answer."""

from __future__ import annotations

from functools import cache

from ..load.resources import data_dir
from ..load.yamldoc import load_file

ANSWERS_FILE = "answers.yaml"


@cache
def answer_words() -> dict[str, str]:
    """Answer id -> the Swedish word ("yes" -> "Ja")."""
    return dict(load_file(str(data_dir("templates") / ANSWERS_FILE)).data)

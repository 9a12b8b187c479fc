"""Messages for people in the user's language, as GNU tools do it: gettext catalogs chosen by the locale.

Swedish when LANGUAGE, LC_ALL, LC_MESSAGES or LANG (looked at in that order) names Swedish,
English otherwise. The catalogs in `styraudit/locale/` are extracted from the source and compiled with
Babel (see the README's "Messages in your language"); the English text is the message id, so a
missing translation shows English, never a key. Machine formats (JSON, SARIF keys, baselines)
are not translated.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "styraudit"
LOCALE_DIR = Path(__file__).parent.parent / "locale"


@cache
def translation() -> gettext.NullTranslations:
    """The catalog for the current locale; English (the message ids themselves) when there is none."""
    return gettext.translation(DOMAIN, str(LOCALE_DIR), fallback=True)


def _(message: str) -> str:
    """`message` in the user's language."""
    return translation().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form that fits `count`, in the user's language."""
    return translation().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it with `_` where it is shown."""
    return message


def install_for_typer() -> None:
    """Typer marks its own help words ("Options", "default: ...") with the stdlib's global gettext;
    point the global domain at our catalog so that `--help` is in one language."""
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)


# Typer's own words in `--help`, marked here so that Babel puts them into our catalog too.
TYPER_WORDS = (N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("required"))

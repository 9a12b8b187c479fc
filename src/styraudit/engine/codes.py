"""Finding codes, declared once: each code's outcome, what it means and the values it carries.

A check declares its codes in one `Codes(...)` table and makes its findings from them
(`CODES.no_owner(values, facts)`), so a finding's outcome is never written twice. The same
declaration is the check's documentation (`criteria show`, the module docstring's list of
codes) and what the criteria loader holds a criterion's texts against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..load.refs import suggest
from ..model.paths import YamlPath
from .outcome import Outcome
from .results import Finding


class CheckContractError(Exception):
    """A check broke its own declaration (an undeclared code, outcome or value): a bug in the check."""


@dataclass(frozen=True)
class Code:
    """One finding code. `outcome` is its outcome, or the outcomes it may take when the check
    decides from the whole (a missing section is partly or not fulfilled by how many are missing).
    `values` are the names its findings may carry, which the criterion's texts can use."""

    outcome: Outcome | tuple[Outcome, ...]
    description: str
    values: tuple[str, ...] = ()
    name: str = ""
    # A finding that gives the benefit of the doubt also goes on the auditor's list of points to
    # verify, with this reason (imprecise_date, interview_only or inference).
    verify: str | None = None
    # A shortfall of only a part of a whole the audit examined (a recorded absence of a part, a sample
    # with only minor deviations): the main part holds, which rule 2 weighs when it decides between
    # "Ja, i huvudsak" and Delvis. Only a partly fulfilled finding is ever a part only: a code that may
    # also be not fulfilled (a sample's share) is a part only where it comes out partly.
    part: bool = False

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self.outcome if isinstance(self.outcome, tuple) else (self.outcome,)

    def __call__(
        self, values: Mapping[str, Any] | None = None, facts: Iterable[YamlPath] = (), *, outcome: Outcome | None = None
    ) -> Finding:
        """A finding of this code; `outcome` is given only where the code declares more than one."""
        if outcome is None and len(self.outcomes) > 1:
            raise CheckContractError(f"finding {self.name}: choose one of its outcomes {self._outcome_words()}")
        chosen = outcome or self.outcomes[0]
        if chosen not in self.outcomes:
            raise CheckContractError(f"finding {self.name}: outcome {chosen.value} is not among {self._outcome_words()}")
        given = dict(values or {})
        undeclared = [key for key in given if key not in self.values]
        if undeclared:
            raise CheckContractError(f"finding {self.name}: values {', '.join(undeclared)} are not declared")
        return Finding(self.name, chosen, given, tuple(facts))

    def _outcome_words(self) -> str:
        return " or ".join(o.value for o in self.outcomes)

    def __str__(self) -> str:
        values = f"; values: {', '.join(self.values)}" if self.values else ""
        part = " (a part only: the main part holds)" if self.part else ""
        return f"{self._outcome_words()}: {self.description}{part}{values}"


class Codes(Mapping[str, Code]):
    """A check's finding codes by name, in the order they are documented: `Codes(no_owner=Code(...), ...)`.

    Attribute access makes findings read as what they say: `CODES.no_owner(facts=[...])`."""

    def __init__(self, **codes: Code) -> None:
        self._codes = {name: replace(code, name=name) for name, code in codes.items()}

    def __getitem__(self, name: str) -> Code:
        return self._codes[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __getattr__(self, name: str) -> Code:
        if name.startswith("_"):  # copying and unpickling probe for attributes before _codes exists
            raise AttributeError(name)
        try:
            return self._codes[name]
        except KeyError:
            raise AttributeError(f"no finding code {name!r}; {suggest(name, self._codes) or 'see the Codes table'}") from None

    def documentation(self) -> str:
        """The list of codes as the check's docstring and `criteria show` give it."""
        return "\n".join(f"- {name}: {code}" for name, code in self._codes.items())

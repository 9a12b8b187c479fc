"""The points to verify as Word review comments, anchored at the sentence they concern.

A point is anchored at the first sentence with the same text, or else at the first sentence
resting on one of its facts; a point no sentence carries (a doubt the text leaves out) is
anchored at the last sentence written, see `rest`. Comments carry the report's date, not
the clock's, so the same report always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Statement, VerifyPoint

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class Comments:
    """Review comments for a report's points to verify, each written once."""

    def __init__(self, document: Any, points: tuple[VerifyPoint, ...], labels: dict[str, Any], date_iso: str | None) -> None:
        self._document = document
        self._pending = list(points)
        self._author = labels["sections"]["verify"]
        self._last: Any = None
        self._date = dt.datetime.combine(dt.date.fromisoformat(date_iso), dt.time(), dt.UTC) if date_iso else _EPOCH

    def anchor(self, run: Any, statement: Statement) -> None:
        """Comment `run` with every pending point that concerns `statement`."""
        self._last = run
        same = [p for p in self._pending if p.text == statement.text]
        near = [p for p in self._pending if p not in same and set(p.locations) & set(statement.locations)]
        for point in same + near:
            self._write(run, point)

    def rest(self) -> None:
        """The points no sentence carried, at the last sentence written."""
        if self._last is not None:
            for point in list(self._pending):
                self._write(self._last, point)

    def _write(self, run: Any, point: VerifyPoint) -> None:
        self._pending.remove(point)
        comment = self._document.add_comment(run, text=f"{point.reason} {point.text}", author=self._author, initials="")
        # python-docx stamps the wall clock; the report's own date keeps the bytes the same every run.
        comment._comment_elm.date = self._date

"""Numeric questions: a number within a tolerance, with a unit, a range and known mistakes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from .feedback import Feedback
from .parsing import parse_number
from ..i18n import gettext as _
from .question import Question
from .text import format_number, join_parts, unit_suffix


@dataclass(frozen=True)
class Mistake:
    """A wrong value learners often reach, and what it tells about their method."""

    value: float
    message: str
    tolerance: float = 1e-9


@dataclass(eq=False)
class Numeric(Question):
    """A numeric answer, right within an absolute and/or relative tolerance.

    ``bounds`` (low, high) is the range that makes sense at all (e.g. 0–100 for
    a percentage); an answer outside it gets a message about the range.
    """

    answer: float = math.nan
    tolerance: float = 0.0
    rel_tolerance: float = 0.0
    unit: str = ""
    bounds: tuple[float, float] | None = None
    mistakes: Sequence[Mistake] = ()

    kind = "numeric"

    def __post_init__(self) -> None:
        if not math.isfinite(self.answer):
            raise ValueError(f"{self.id}: the answer must be a finite number")

    def answer_format(self) -> str:
        if self.unit:
            return _("Answer with a number in {unit}.").format(unit=self.unit)
        return _("Answer with a number.")

    def allowed_error(self) -> float:
        """The largest difference from the answer that is still accepted."""
        return max(self.tolerance, abs(self.answer) * self.rel_tolerance, 1e-9)

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        spec.update(
            answer=self.answer,
            allowed_error=self.allowed_error(),
            unit=self.unit,
            bounds=list(self.bounds) if self.bounds else None,
            mistakes=[{"value": m.value, "tolerance": m.tolerance, "message": m.message} for m in self.mistakes],
        )
        return spec

    def _check(self, answer: Any) -> Feedback:
        try:
            value, note = parse_number(answer, self.unit)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        unit = unit_suffix(self.unit)
        if abs(value - self.answer) <= self.allowed_error():
            return Feedback("correct", join_parts(note, _("{value} is right.").format(value=format_number(value) + unit)), 1.0)
        for m in self.mistakes:  # a known mistake says more than "out of range"
            if abs(value - m.value) <= m.tolerance:
                return Feedback("incorrect", join_parts(note, m.message))
        if self.bounds is not None:
            low, high = self.bounds
            if not low <= value <= high:
                return Feedback(
                    "incorrect",
                    join_parts(note, _(
                        "{value} is outside the range that makes sense here ({low} to {high}). "
                        "Check your units and your calculation."
                    ).format(value=format_number(value) + unit, low=format_number(low), high=format_number(high) + unit)),
                )
        direction = _("{value} is too high.") if value > self.answer else _("{value} is too low.")
        return Feedback("incorrect", join_parts(note, direction.format(value=format_number(value) + unit)))

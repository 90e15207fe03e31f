"""Feedback: the verdict on one answer, shown as text and as HTML.

Every check in the course returns a :class:`Feedback`; nothing else reaches the learner.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from .text import inline_html
from ..i18n import N_, gettext as _

#: What each status is called, a short word that does not rely on colour.
LABELS = {
    "correct": N_("Correct"),
    "partial": N_("Partly right"),
    "incorrect": N_("Not yet"),
    "unreadable": N_("Check the form of your answer"),
    "empty": N_("No answer yet"),
    "error": N_("Could not check"),
}

#: Verdict statuses, from best to worst.
STATUSES = ("correct", "partial", "incorrect", "unreadable", "empty", "error")

NOT_ANSWERED = N_("Replace the `...` with your answer, run that cell, then run the check again.")
NOT_WRITTEN = N_(
    "Your function is not written yet: replace the line `raise NotImplementedError(...)` (or the `...`) "
    "with your code, run that cell, then run the check again."
)




class Rendered:
    """Something Jupyter (and nbval, a PDF, a screen reader) shows as text and as HTML.

    Subclasses define ``to_text()`` and ``to_html()``.
    """

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.to_text(), "text/html": self.to_html()}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Feedback(Rendered):
    """The verdict on one answer.

    Attributes
    ----------
    status:
        ``"correct"``, ``"partial"`` (some of it right), ``"incorrect"``,
        ``"unreadable"`` (the answer could not be read, e.g. text where a number
        is expected), ``"empty"`` (no answer given) or ``"error"`` (the check
        itself failed; this is a bug in the course, not the learner's fault).
    message:
        What is right or wrong, in plain words.
    score:
        The fraction of the points earned, from 0 to 1.
    hint:
        A hint for the next try, or ``None``.
    explanation:
        Why the right answer is right (shown with a correct answer).
    """

    status: str
    message: str
    score: float = 0.0
    hint: str | None = None
    explanation: str | None = None

    @property
    def correct(self) -> bool:
        """True when the answer earns all the points."""
        return self.status == "correct"

    @property
    def label(self) -> str:
        """A short word for the verdict that does not rely on colour."""
        return _(LABELS[self.status])

    def to_text(self) -> str:
        """The feedback as plain text, one item a line."""
        lines = [f"{self.label}{_(':')} {self.message}"]
        if self.explanation and self.correct:
            lines.append(f"{_('Why')}{_(':')} {self.explanation}")
        if self.hint and not self.correct:
            lines.append(f"{_('Hint')}{_(':')} {self.hint}")
        return "\n".join(lines)

    def to_html(self) -> str:
        """The feedback as an HTML block (a live region for screen readers)."""
        parts = [
            f'<div class="si-feedback si-{self.status}" role="status">',
            f"<strong>{html.escape(self.label)}{_(':')}</strong> {inline_html(self.message)}",
        ]
        if self.explanation and self.correct:
            parts.append(f"<br><em>{_('Why')}{_(':')}</em> {inline_html(self.explanation)}")
        if self.hint and not self.correct:
            parts.append(f"<br><em>{_('Hint')}{_(':')}</em> {inline_html(self.hint)}")
        parts.append("</div>")
        return "".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for a gradebook or a JSON file."""
        return {
            "status": self.status,
            "correct": self.correct,
            "score": self.score,
            "message": self.message,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        return self.to_text()

"""The question model: what every question has, and the one way it is checked.

:meth:`Question.check` never raises: empty answers, bugs in a checker and
progressive hints are handled here once, for every question type.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Sequence

from .feedback import NOT_ANSWERED, Feedback, Rendered
from ..i18n import gettext as _
from .text import inline_html



@dataclass(eq=False)
class Question(Rendered):
    """What every exercise has: an id, a prompt, hints, a solution.

    Subclasses implement :meth:`_check`; callers use :meth:`check`, which
    never raises.
    """

    id: str
    prompt: str
    hints: Sequence[str] = ()
    solution: str = ""
    explanation: str = ""
    points: int = 1

    kind = "question"

    # -- checking ----------------------------------------------------------
    def check(self, answer: Any, attempt: int = 1) -> Feedback:
        """Check an answer. Never raises.

        ``attempt`` (1, 2, ...) chooses the hint: the first wrong try gets the
        first hint, the second the second, and so on.
        """
        if is_empty(answer):
            return Feedback("empty", _(NOT_ANSWERED), 0.0, hint=self.hint(attempt))
        try:
            result = self._check(answer)
        except Exception as exc:  # a bug in the check, never the learner's fault
            return Feedback(
                "error",
                _("Sorry, this answer could not be checked ({error}). Please tell your teacher.").format(
                    error=type(exc).__name__
                ),
            )
        if not result.correct and result.hint is None:
            result = replace_feedback(result, hint=self.hint(attempt))
        if result.correct and self.explanation and result.explanation is None:
            result = replace_feedback(result, explanation=self.explanation)
        return result

    def _check(self, answer: Any) -> Feedback:  # pragma: no cover - abstract
        raise NotImplementedError

    def hint(self, attempt: int = 1) -> str | None:
        """The hint for the given attempt (the last hint repeats)."""
        if not self.hints:
            return None
        try:
            i = max(int(attempt), 1)
        except (TypeError, ValueError, OverflowError):
            i = 1
        return self.hints[min(i, len(self.hints)) - 1]

    # -- rendering ---------------------------------------------------------
    def answer_format(self) -> str:
        """One line telling the learner how to write the answer."""
        return ""

    def to_text(self) -> str:
        """The question as plain text."""
        lines = [_("Question ({id}): {prompt}").format(id=self.id, prompt=self.prompt)]
        fmt = self.answer_format()
        if fmt:
            lines.append(fmt)
        return "\n".join(lines)

    def to_html(self) -> str:
        """The question as an HTML block, with no answer key in it."""
        fmt = self.answer_format()
        return (
            f'<div class="si-question" id="si-q-{html.escape(self.id)}">'
            f'<p class="si-prompt">{inline_html(self.prompt)}</p>'
            + self._html_body()
            + (f'<p class="si-format">{inline_html(fmt)}</p>' if fmt else "")
            + "</div>"
        )

    def _html_body(self) -> str:
        return ""

    def to_spec(self) -> dict[str, Any]:
        """The question with its answer key, as JSON-ready data.

        This is what a page with no Python needs to check answers in the
        browser; it must stay in step with :meth:`check`.
        """
        return {
            "kind": self.kind,
            "id": self.id,
            "prompt": self.prompt,
            "hints": list(self.hints),
            "solution": self.solution,
            "explanation": self.explanation,
            "points": self.points,
        }


def replace_feedback(fb: Feedback, **changes: Any) -> Feedback:
    data = {
        "status": fb.status,
        "message": fb.message,
        "score": fb.score,
        "hint": fb.hint,
        "explanation": fb.explanation,
    }
    data.update(changes)
    return Feedback(**data)


def is_empty(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...")
    if isinstance(answer, (list, tuple, set, frozenset)):
        return len(answer) == 0
    return False

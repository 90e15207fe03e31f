"""Checking an answer held in a notebook variable, with progressive hints."""

from __future__ import annotations

from typing import Any

from .feedback import Feedback
from .question import Question

#: Wrong tries so far in this kernel, by question id (for the next hint).
_attempts: dict[str, int] = {}


def check(question: Question, answer: Any) -> Feedback:
    """Check an answer in a notebook and show the feedback.

    Each wrong try of the same question in a session shows the next hint.
    """
    from ..i18n.questions import translated

    attempt = _attempts.get(question.id, 0) + 1
    result = translated(question).check(answer, attempt=attempt)
    _attempts[question.id] = 0 if result.correct else attempt
    return result

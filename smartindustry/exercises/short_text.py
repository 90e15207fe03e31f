"""Short-text questions: a word or a short phrase, with accepted variants and known wrong answers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .feedback import Feedback
from .question import Question
from ..i18n import gettext as _
from .text import describe, normalise_text


@dataclass(eq=False)
class ShortText(Question):
    """A word or short phrase.

    Case, spacing, hyphens and a leading "the"/"a" do not matter. A small typo
    in a long word is accepted with a note on spelling. ``wrong`` maps common
    wrong answers to a message saying what they miss.
    """

    accepted: Sequence[str] = ()
    wrong: Mapping[str, str] = field(default_factory=dict)
    max_length: int = 200

    kind = "short_text"

    def __post_init__(self) -> None:
        if not self.accepted:
            raise ValueError(f"{self.id}: a short-text question needs accepted answers")

    def answer_format(self) -> str:
        return _("Answer with a word or a short phrase.")

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        wrong: dict[str, str] = {}
        for k, v in self.wrong.items():  # the first message wins, as in `_check`
            wrong.setdefault(normalise_text(k), v)
        spec.update(
            accepted=[normalise_text(a) for a in self.accepted],
            # how each accepted answer is written, for "the usual spelling is ..."
            spellings={normalise_text(a): a for a in self.accepted},
            wrong=wrong,
            max_length=self.max_length,
        )
        return spec

    def _check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback("unreadable", _("Your answer is {what}. Please write a word or a short phrase in quotes.").format(what=describe(answer)))
        if len(answer) > self.max_length:
            return Feedback("unreadable", _("That is {length} characters long; a few words are enough.").format(length=len(answer)))
        given = normalise_text(answer)
        accepted = {normalise_text(a): a for a in self.accepted}
        if given in accepted:
            return Feedback("correct", _("\"{answer}\" is right.").format(answer=answer.strip()), 1.0)
        for wrong, message in self.wrong.items():
            if given == normalise_text(wrong):
                return Feedback("incorrect", message)
        close = difflib.get_close_matches(given, list(accepted), n=1, cutoff=0.85)
        if close and len(close[0]) >= 6:
            return Feedback(
                "correct",
                _("Right, though the usual spelling is \"{spelling}\".").format(spelling=accepted[close[0]]),
                1.0,
            )
        return Feedback("incorrect", _("\"{answer}\" is not what we are looking for.").format(answer=answer.strip()))

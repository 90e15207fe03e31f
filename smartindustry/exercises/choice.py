"""Multiple-choice questions: one answer, or all that apply, given as letters."""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .feedback import Feedback
from .question import Question
from ..i18n import gettext as _
from .text import cap, describe, inline_html, normalise_text, option_letters


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice question.

    ``feedback`` says why this option is right or wrong; it is shown when the
    learner picks it.
    """

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(eq=False)
class MultipleChoice(Question):
    """Pick one option (``multiple=False``) or all that apply (``multiple=True``).

    Answers are letters: ``"B"``, or for several ``"A, C"`` / ``["A", "C"]``.
    The exact text of an option is accepted too.
    """

    choices: Sequence[Choice] = ()
    multiple: bool = False

    kind = "multiple_choice"

    def __post_init__(self) -> None:
        n_correct = sum(c.correct for c in self.choices)
        if len(self.choices) < 2:
            raise ValueError(f"{self.id}: a multiple-choice question needs two or more choices")
        if n_correct == 0 or (not self.multiple and n_correct != 1):
            raise ValueError(f"{self.id}: wrong number of correct choices ({n_correct})")

    @property
    def letters(self) -> list[str]:
        return option_letters(len(self.choices))

    @property
    def key(self) -> frozenset[str]:
        """The letters of the correct choices."""
        return frozenset(l for l, c in zip(self.letters, self.choices) if c.correct)

    def answer_format(self) -> str:
        if self.multiple:
            return _("Select all that apply. Answer with letters, for example \"A, C\".")
        return _("Answer with one letter, for example \"B\".")

    def to_text(self) -> str:
        lines = [_("Question ({id}): {prompt}").format(id=self.id, prompt=self.prompt)]
        lines += [f"  {l}. {c.text}" for l, c in zip(self.letters, self.choices)]
        lines.append(self.answer_format())
        return "\n".join(lines)

    def _html_body(self) -> str:
        items = "".join(
            f"<li><strong>{l}.</strong> {inline_html(c.text)}</li>"
            for l, c in zip(self.letters, self.choices)
        )
        return f'<ol class="si-choices" type="A">{items}</ol>'

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        spec["multiple"] = self.multiple
        spec["choices"] = [
            {"letter": l, "text": c.text, "correct": c.correct, "feedback": c.feedback}
            for l, c in zip(self.letters, self.choices)
        ]
        return spec

    def parse(self, answer: Any) -> frozenset[str]:
        """Turn an answer into a set of letters; raise ValueError with a kind message."""
        if isinstance(answer, bool) or isinstance(answer, numbers.Number):
            raise ValueError(
                _("Please answer with a letter, such as \"{letter}\", not a number.").format(letter=self.letters[0])
            )
        if isinstance(answer, str):
            text = answer.strip()
            for l, c in zip(self.letters, self.choices):  # the text of an option
                if normalise_text(text) == normalise_text(c.text):
                    return frozenset(l)
            items: Iterable[Any] = [p for p in re.split(r"[\s,;]+", text) if p]
            if len(items) == 1 and len(text) > 1 and text.isalpha() and text.isupper():
                items = list(text)  # "AC"
        elif isinstance(answer, (list, tuple, set, frozenset)):
            items = answer
        else:
            raise ValueError(
                _("Your answer is {what}. Please answer with letters, such as \"{letter}\".").format(
                    what=describe(answer), letter=self.letters[0]
                )
            )
        chosen: set[str] = set()
        for item in items:
            if not isinstance(item, str):
                raise ValueError(
                    _("{what} is not an option. Use letters such as \"A\".").format(what=cap(describe(item)))
                )
            letter = item.strip().strip(".)").upper()
            if letter not in self.letters:
                raise ValueError(
                    _("\"{item}\" is not one of the options ({letters}).").format(
                        item=item.strip(), letters=", ".join(self.letters)
                    )
                )
            chosen.add(letter)
        if not chosen:
            raise ValueError(_("No option was chosen."))
        return frozenset(chosen)

    def _check(self, answer: Any) -> Feedback:
        try:
            chosen = self.parse(answer)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        by_letter = dict(zip(self.letters, self.choices))
        if not self.multiple:
            if len(chosen) > 1:
                return Feedback("unreadable", _("Choose only one option for this question."))
            (letter,) = chosen
            choice = by_letter[letter]
            if choice.correct:
                return Feedback("correct", choice.feedback or _("{letter} is right.").format(letter=letter), 1.0)
            return Feedback("incorrect", choice.feedback or _("{letter} is not the best answer.").format(letter=letter))
        key = self.key
        right = chosen & key
        wrong = chosen - key
        missed = key - chosen
        if not wrong and not missed:
            notes = " ".join(by_letter[l].feedback for l in sorted(chosen) if by_letter[l].feedback)
            return Feedback("correct", notes or _("You found all the right options."), 1.0)
        score = max(0.0, (len(right) - len(wrong)) / len(key))
        msgs = []
        for l in sorted(wrong):
            reason = by_letter[l].feedback
            if reason:
                msgs.append(_("{letter} does not apply: {reason}").format(letter=l, reason=reason))
            else:
                msgs.append(_("{letter} does not apply.").format(letter=l))
        if missed:
            more = (
                _("You found {right} of the {total} right options; {missed} more applies.")
                if len(missed) == 1
                else _("You found {right} of the {total} right options; {missed} more apply.")
            )
            msgs.append(more.format(right=len(right), total=len(key), missed=len(missed)))
        status = "partial" if score > 0 else "incorrect"
        return Feedback(status, " ".join(msgs), score)

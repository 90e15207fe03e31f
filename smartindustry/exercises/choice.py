"""Multiple-choice questions: one answer, or all that apply, given as letters."""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .feedback import Feedback
from .question import Question
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
            return "Select all that apply. Answer with letters, for example \"A, C\"."
        return "Answer with one letter, for example \"B\"."

    def to_text(self) -> str:
        lines = [f"Question ({self.id}): {self.prompt}"]
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
                f"Please answer with a letter, such as \"{self.letters[0]}\", not a number."
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
                f"Your answer is {describe(answer)}. Please answer with letters, "
                f"such as \"{self.letters[0]}\"."
            )
        chosen: set[str] = set()
        for item in items:
            if not isinstance(item, str):
                raise ValueError(
                    f"{cap(describe(item))} is not an option. Use letters such as \"A\"."
                )
            letter = item.strip().strip(".)").upper()
            if letter not in self.letters:
                raise ValueError(
                    f"\"{item.strip()}\" is not one of the options "
                    f"({', '.join(self.letters)})."
                )
            chosen.add(letter)
        if not chosen:
            raise ValueError("No option was chosen.")
        return frozenset(chosen)

    def _check(self, answer: Any) -> Feedback:
        try:
            chosen = self.parse(answer)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        by_letter = dict(zip(self.letters, self.choices))
        if not self.multiple:
            if len(chosen) > 1:
                return Feedback("unreadable", "Choose only one option for this question.")
            (letter,) = chosen
            choice = by_letter[letter]
            if choice.correct:
                return Feedback("correct", choice.feedback or f"{letter} is right.", 1.0)
            return Feedback("incorrect", choice.feedback or f"{letter} is not the best answer.")
        key = self.key
        right = chosen & key
        wrong = chosen - key
        missed = key - chosen
        if not wrong and not missed:
            notes = " ".join(by_letter[l].feedback for l in sorted(chosen) if by_letter[l].feedback)
            return Feedback("correct", notes or "You found all the right options.", 1.0)
        score = max(0.0, (len(right) - len(wrong)) / len(key))
        msgs = []
        for l in sorted(wrong):
            reason = by_letter[l].feedback
            msgs.append(f"{l} does not apply" + (f": {reason}" if reason else "."))
        if missed:
            msgs.append(
                f"You found {len(right)} of the {len(key)} right options; "
                f"{len(missed)} more {'applies' if len(missed) == 1 else 'apply'}."
            )
        status = "partial" if score > 0 else "incorrect"
        return Feedback(status, " ".join(msgs), score)

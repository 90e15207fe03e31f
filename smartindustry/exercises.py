"""Exercise types and their checking functions.

One definition of each question serves every use of it:

* ``question.check(answer)`` is a pure function: answer in, :class:`Feedback`
  out. It never raises, whatever the answer is (empty, text where a number is
  expected, ``NaN``, a DataFrame with missing columns, ...).
* the widget in :mod:`smartindustry.widgets` calls it for instant feedback;
* the tests call it, and a grader can call it on answers taken from a notebook;
* ``question.to_text()`` / ``to_html()`` show the question as plain text and
  HTML (what a PDF, a screen reader and nbval see);
* ``question.to_spec()`` gives the question and its answer key as plain JSON
  data, so that a page with no Python kernel can check answers in the browser.

Question types
--------------
:class:`MultipleChoice`
    one answer, or several ("select all that apply"), given as letters.
:class:`Numeric`
    a number, with a tolerance and a unit.
:class:`ShortText`
    a word or short phrase, with accepted variants.
:class:`CodeTask`
    the learner writes code that produces a value or a function; a check
    function compares it with the expected result (see :func:`compare_frames`,
    :func:`compare_value` and :func:`check_function`).
"""

from __future__ import annotations

import difflib
import html
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "Rendered",
    "Feedback",
    "Question",
    "Choice",
    "MultipleChoice",
    "Numeric",
    "ShortText",
    "CodeTask",
    "check",
    "parse_number",
    "compare_frames",
    "compare_value",
    "check_function",
    "NOT_ANSWERED",
]

#: Verdict statuses, from best to worst.
STATUSES = ("correct", "partial", "incorrect", "unreadable", "empty", "error")

NOT_ANSWERED = "Replace the `...` with your answer, run that cell, then run the check again."
NOT_WRITTEN = (
    "Your function is not written yet: replace the line `raise NotImplementedError(...)` (or the `...`) "
    "with your code, run that cell, then run the check again."
)


# --------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------


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
        return {
            "correct": "Correct",
            "partial": "Partly right",
            "incorrect": "Not yet",
            "unreadable": "Check the form of your answer",
            "empty": "No answer yet",
            "error": "Could not check",
        }[self.status]

    def to_text(self) -> str:
        """The feedback as plain text, one item a line."""
        lines = [f"{self.label}: {self.message}"]
        if self.explanation and self.correct:
            lines.append(f"Why: {self.explanation}")
        if self.hint and not self.correct:
            lines.append(f"Hint: {self.hint}")
        return "\n".join(lines)

    def to_html(self) -> str:
        """The feedback as an HTML block (a live region for screen readers)."""
        parts = [
            f'<div class="si-feedback si-{self.status}" role="status">',
            f"<strong>{html.escape(self.label)}:</strong> {inline_html(self.message)}",
        ]
        if self.explanation and self.correct:
            parts.append(f"<br><em>Why:</em> {inline_html(self.explanation)}")
        if self.hint and not self.correct:
            parts.append(f"<br><em>Hint:</em> {inline_html(self.hint)}")
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


# --------------------------------------------------------------------------
# Small helpers for text
# --------------------------------------------------------------------------

_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """Escape text for HTML and turn `code` spans into <code> elements."""
    return _CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))


def _normalise_text(text: str) -> str:
    """Fold case, accents-compatible forms, hyphens and spacing for comparing words."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\-_/]", " ", text)
    text = re.sub(r"[^\w\s.%+]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = re.sub(r"^(the|a|an) ", "", text)
    return text


def _cap(text: str) -> str:
    """Upper-case the first letter only (leaves `code` and names as they are)."""
    return text[:1].upper() + text[1:]


def _letters(n: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(n)]


def _describe(value: Any) -> str:
    """A short, safe description of any value, for messages."""
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {len(value)} rows and columns {list(value.columns)[:8]}"
    if isinstance(value, pd.Series):
        return f"a pandas Series of length {len(value)}"
    if value is pd.NA or value is pd.NaT:
        return "a missing value (NA)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    name = type(value).__name__
    return {"NoneType": "None", "function": "a function"}.get(name, f"a value of type {name}")


# --------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------


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
        if _is_empty(answer):
            return Feedback("empty", NOT_ANSWERED, 0.0, hint=self.hint(attempt))
        try:
            result = self._check(answer)
        except Exception as exc:  # a bug in the check, never the learner's fault
            return Feedback(
                "error",
                f"Sorry, this answer could not be checked ({type(exc).__name__}). "
                "Please tell your teacher.",
            )
        if not result.correct and result.hint is None:
            result = _replace(result, hint=self.hint(attempt))
        if result.correct and self.explanation and result.explanation is None:
            result = _replace(result, explanation=self.explanation)
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
        lines = [f"Question ({self.id}): {self.prompt}"]
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


def _replace(fb: Feedback, **changes: Any) -> Feedback:
    data = {
        "status": fb.status,
        "message": fb.message,
        "score": fb.score,
        "hint": fb.hint,
        "explanation": fb.explanation,
    }
    data.update(changes)
    return Feedback(**data)


def _is_empty(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...")
    if isinstance(answer, (list, tuple, set, frozenset)):
        return len(answer) == 0
    return False


# -- multiple choice -------------------------------------------------------


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
        return _letters(len(self.choices))

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
                if _normalise_text(text) == _normalise_text(c.text):
                    return frozenset(l)
            items: Iterable[Any] = [p for p in re.split(r"[\s,;]+", text) if p]
            if len(items) == 1 and len(text) > 1 and text.isalpha() and text.isupper():
                items = list(text)  # "AC"
        elif isinstance(answer, (list, tuple, set, frozenset)):
            items = answer
        else:
            raise ValueError(
                f"Your answer is {_describe(answer)}. Please answer with letters, "
                f"such as \"{self.letters[0]}\"."
            )
        chosen: set[str] = set()
        for item in items:
            if not isinstance(item, str):
                raise ValueError(
                    f"{_cap(_describe(item))} is not an option. Use letters such as \"A\"."
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


# -- numbers -------------------------------------------------------------

_MINUS = "\u2212\u2012\u2013"
_THOUSANDS_GROUPS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(answer: Any, unit: str = "") -> tuple[float, str]:
    """Read a number the way people write it. Return (value, note).

    Accepts ints, floats, numpy numbers, one-element pandas objects, and text
    such as ``"1.5"``, ``"1,5"`` (decimal comma), ``"12 000"``, ``"1,200.5"``,
    ``"3.2e3"``, ``"45 %"`` or the number followed by ``unit``. The note says
    how an ambiguous text was read (empty if nothing to say).

    Raises ValueError with a message meant for the learner.
    """
    note = ""
    if isinstance(answer, bool) or isinstance(answer, np.bool_):
        raise ValueError("True/False is not a number. Please give a number.")
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        if isinstance(answer, (list, tuple)):
            items = list(answer)
        else:
            items = list(np.asarray(answer, dtype=object).ravel())
        if len(items) != 1:
            raise ValueError(
                f"Your answer is {_describe(answer)}, with {len(items)} values. "
                "Give one number (for example with `.iloc[0]` or `float(...)`)."
            )
        return parse_number(items[0], unit)
    if isinstance(answer, numbers.Number) and not isinstance(answer, complex):
        try:
            value = float(answer)
        except (TypeError, ValueError, OverflowError):
            raise ValueError("This number is too large to read. Please check it.") from None
    elif isinstance(answer, str):
        text = unicodedata.normalize("NFKC", answer).strip()
        for ch in _MINUS:
            text = text.replace(ch, "-")
        if unit and text.lower().endswith(unit.lower()):
            text = text[: -len(unit)].strip()
        text = text.rstrip("%").strip()
        text = re.sub(r"(?<=\d)[\s\u00a0\u202f'_](?=\d{3}\b)", "", text)  # 12 000
        if "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):  # 1.234,5 (decimal comma)
                text = text.replace(".", "").replace(",", ".")
            else:  # 1,234.5
                text = text.replace(",", "")
        elif "," in text:
            if _THOUSANDS_GROUPS.match(text) and text.count(",") > 1:
                text = text.replace(",", "")  # 1,234,567
            else:
                if _THOUSANDS_GROUPS.match(text):
                    note = (
                        f"We read \"{answer.strip()}\" with a decimal comma. "
                        "If you meant thousands, write the number without the comma."
                    )
                text = text.replace(",", ".")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
            shown = answer.strip() if len(answer.strip()) <= 30 else answer.strip()[:27] + "..."
            raise ValueError(f"\"{shown}\" is not a number we can read. Write digits, such as 12.5.")
        value = float(text)
    else:
        raise ValueError(f"Your answer is {_describe(answer)}. Please give a number.")
    if math.isnan(value):
        raise ValueError("Your answer is NaN (not a number): is a value missing in your calculation?")
    if math.isinf(value):
        raise ValueError("Your answer is infinite: did you divide by zero?")
    return value, note


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
        unit = f" in {self.unit}" if self.unit else ""
        return f"Answer with a number{unit}."

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
        unit = _unit_suffix(self.unit)
        if abs(value - self.answer) <= self.allowed_error():
            return Feedback("correct", _join(note, f"{_fmt(value)}{unit} is right."), 1.0)
        for m in self.mistakes:  # a known mistake says more than "out of range"
            if abs(value - m.value) <= m.tolerance:
                return Feedback("incorrect", _join(note, m.message))
        if self.bounds is not None:
            low, high = self.bounds
            if not low <= value <= high:
                return Feedback(
                    "incorrect",
                    _join(note, f"{_fmt(value)}{unit} is outside the range that makes sense here "
                          f"({_fmt(low)} to {_fmt(high)}{unit}). Check your units and your calculation."),
                )
        direction = "too high" if value > self.answer else "too low"
        return Feedback("incorrect", _join(note, f"{_fmt(value)}{unit} is {direction}."))


def _fmt(x: float) -> str:
    """Format a number for a message: no trailing zeros, no scientific notation for everyday sizes."""
    if abs(x) >= 1e12 or (0 < abs(x) < 1e-4):
        return f"{x:.4g}"
    return f"{x:.6f}".rstrip("0").rstrip(".")


def _unit_suffix(unit: str) -> str:
    """' kg' for most units, '%' with no space."""
    if not unit:
        return ""
    return unit if unit == "%" else f" {unit}"


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


# -- short text ---------------------------------------------------------


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
        return "Answer with a word or a short phrase."

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        wrong: dict[str, str] = {}
        for k, v in self.wrong.items():  # the first message wins, as in `_check`
            wrong.setdefault(_normalise_text(k), v)
        spec.update(
            accepted=[_normalise_text(a) for a in self.accepted],
            # how each accepted answer is written, for "the usual spelling is ..."
            spellings={_normalise_text(a): a for a in self.accepted},
            wrong=wrong,
            max_length=self.max_length,
        )
        return spec

    def _check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback("unreadable", f"Your answer is {_describe(answer)}. Please write a word or a short phrase in quotes.")
        if len(answer) > self.max_length:
            return Feedback("unreadable", f"That is {len(answer)} characters long; a few words are enough.")
        given = _normalise_text(answer)
        accepted = {_normalise_text(a): a for a in self.accepted}
        if given in accepted:
            return Feedback("correct", f"\"{answer.strip()}\" is right.", 1.0)
        for wrong, message in self.wrong.items():
            if given == _normalise_text(wrong):
                return Feedback("incorrect", message)
        close = difflib.get_close_matches(given, list(accepted), n=1, cutoff=0.85)
        if close and len(close[0]) >= 6:
            return Feedback(
                "correct",
                f"Right, though the usual spelling is \"{accepted[close[0]]}\".",
                1.0,
            )
        return Feedback("incorrect", f"\"{answer.strip()}\" is not what we are looking for.")


# -- code tasks ------------------------------------------------------------


@dataclass(eq=False)
class CodeTask(Question):
    """The learner writes code that defines ``name``: a value or a function.

    A **value task** gives ``expected``: a function with no arguments that
    returns the expected value (computed from the course data or a simulation).
    A **function task** gives ``cases`` (a function returning a list of
    argument tuples) and ``reference`` (the reference implementation); the
    learner's function is called on every case and its results compared with
    the reference's.

    ``compare(got, expected) -> Feedback`` says how results are compared; by
    default :func:`compare_frames` for DataFrames and :func:`compare_value`
    otherwise. It works on plain data only (numbers, text, DataFrames), so a
    grader can run the learner's code in a separate process, bring back the
    results as data, and judge them with trusted code.

    ``stub`` is the starter code shown to learners.
    """

    name: str = "answer"
    stub: str = ""
    expected: Callable[[], Any] | None = None
    cases: Callable[[], Sequence[tuple[Any, ...]]] | None = None
    reference: Callable[..., Any] | None = None
    compare: Callable[[Any, Any], Feedback] | None = None

    kind = "code"

    def __post_init__(self) -> None:
        value_task = self.expected is not None
        function_task = self.cases is not None and self.reference is not None
        if value_task == function_task:
            raise ValueError(f"{self.id}: give either `expected` (a value task) or `cases` and `reference` (a function task)")

    @property
    def is_function_task(self) -> bool:
        """True when the learner writes a function, False when they compute a value."""
        return self.cases is not None

    def answer_format(self) -> str:
        return f"Write your code so that it defines `{self.name}`, then run the check."

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        spec.update(name=self.name, stub=self.stub, function=self.is_function_task)
        return spec

    def compare_result(self, got: Any, expected: Any) -> Feedback:
        """Compare one result with the expected one (plain data in, feedback out)."""
        if self.compare is not None:
            result = self.compare(got, expected)
        elif isinstance(expected, pd.DataFrame):
            result = compare_frames(got, expected, what=f"`{self.name}`")
        else:
            result = compare_value(got, expected, what=f"`{self.name}`")
        if not isinstance(result, Feedback):
            raise TypeError("compare must return Feedback")
        return result

    def expected_results(self) -> list[tuple[tuple[Any, ...], Any]]:
        """For a function task: the (arguments, expected result) of every case."""
        assert self.cases is not None and self.reference is not None
        return [(args, self.reference(*_copies(args))) for args in self.cases()]

    def _check(self, answer: Any) -> Feedback:
        if self.is_function_task:
            # The cases load data and run the reference: only worth it when there is a function to try.
            cases = self.expected_results() if callable(answer) else []
            return check_function(answer, cases, self.compare_result, name=f"`{self.name}()`")
        assert self.expected is not None
        return self.compare_result(answer, self.expected())


def _copies(args: tuple[Any, ...]) -> list[Any]:
    """Copies of mutable arguments, so that no function can change the test data."""
    return [a.copy() if hasattr(a, "copy") else a for a in args]


def compare_frames(
    got: Any,
    expected: pd.DataFrame,
    *,
    check_index: bool = False,
    sort: bool = True,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    what: str = "your table",
) -> Feedback:
    """Compare a learner's DataFrame with the expected one, and say what differs.

    Column order never matters. With ``check_index=False`` the index is
    ignored (reset); with ``sort=True`` rows are compared after sorting by all
    columns, so row order does not matter either. Numbers match within
    ``rtol``/``atol``.
    """
    if isinstance(got, pd.Series) and got.name is not None and not check_index:
        got = got.reset_index()
    if not isinstance(got, pd.DataFrame):
        return Feedback("unreadable", f"{_cap(what)} should be a DataFrame, but it is {_describe(got)}.")
    missing = [c for c in expected.columns if c not in got.columns]
    if missing and check_index is False:
        # perhaps the learner kept a grouping key in the index
        flat = got.reset_index()
        if all(c in flat.columns for c in expected.columns):
            got = flat
            missing = []
    if missing:
        return Feedback(
            "incorrect",
            f"{_cap(what)} has no column {', '.join(repr(str(c)) for c in missing)}. "
            f"Its columns are {[str(c) for c in got.columns]}.",
        )
    extra = [c for c in got.columns if c not in expected.columns]
    got = got[list(expected.columns)]
    if len(got) != len(expected):
        return Feedback(
            "incorrect",
            f"{_cap(what)} has {len(got)} rows; {len(expected)} were expected. "
            "Check your filter or grouping.",
        )
    if check_index:
        if not got.index.equals(expected.index):
            return Feedback("incorrect", f"The index (row labels) of {what} is not the expected one.")
        a, b = got, expected
    else:
        a, b = got.reset_index(drop=True), expected.reset_index(drop=True)
        if sort:
            try:
                a = a.sort_values(list(a.columns), kind="mergesort").reset_index(drop=True)
                b = b.sort_values(list(b.columns), kind="mergesort").reset_index(drop=True)
            except TypeError:
                pass
    for col in expected.columns:
        fb = _compare_columns(a[col], b[col], str(col), rtol, atol)
        if fb is not None:
            return fb
    note = f" (The extra column(s) {[str(c) for c in extra]} were ignored.)" if extra else ""
    return Feedback("correct", f"{_cap(what)} matches the expected result.{note}", 1.0)


def _compare_columns(a: pd.Series, b: pd.Series, name: str, rtol: float, atol: float) -> Feedback | None:
    if pd.api.types.is_numeric_dtype(b) and not pd.api.types.is_bool_dtype(b):
        av = pd.to_numeric(a, errors="coerce")
        if av.isna().sum() > b.isna().sum():
            return Feedback("incorrect", f"Column '{name}' should hold numbers, but some values are text or missing.")
        x = av.to_numpy(dtype=float, na_value=np.nan)
        y = b.to_numpy(dtype=float, na_value=np.nan)
        same = np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=True)
    else:
        same = (a.astype("object").to_numpy() == b.astype("object").to_numpy()) | (a.isna().to_numpy() & b.isna().to_numpy())
    if bool(np.all(same)):
        return None
    i = int(np.argmin(same))
    return Feedback(
        "incorrect",
        f"Column '{name}' differs in {int((~same).sum())} row(s); for example row {i} "
        f"has {a.iloc[i]!r} where {b.iloc[i]!r} was expected.",
    )


def compare_value(got: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9, what: str = "your answer") -> Feedback:
    """Compare a single value (number, text, list) with the expected one."""
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        try:
            value, _ = parse_number(got)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        if math.isclose(value, float(expected), rel_tol=rtol, abs_tol=atol):
            return Feedback("correct", f"{_cap(what)} ({_fmt(value)}) is right.", 1.0)
        direction = "too high" if value > expected else "too low"
        return Feedback("incorrect", f"{_cap(what)} ({_fmt(value)}) is {direction}.")
    if isinstance(got, type(expected)) and got == expected:
        return Feedback("correct", f"{_cap(what)} is right.", 1.0)
    return Feedback("incorrect", f"{_cap(what)} is {_describe(got)}, which is not the expected result.")


def check_function(
    fn: Any,
    cases: Sequence[tuple[tuple[Any, ...], Any]],
    compare: Callable[[Any, Any], Feedback] | None = None,
    *,
    name: str = "your function",
) -> Feedback:
    """Call a learner's function on each (args, expected) case and compare results.

    ``compare(got, expected)`` defaults to :func:`compare_value`, or
    :func:`compare_frames` when the expected result is a DataFrame. Errors
    raised by the learner's function become feedback, not tracebacks.
    """
    if not callable(fn):
        return Feedback("unreadable", f"{_cap(name)} should be a function (made with `def`), but it is {_describe(fn)}.")
    passed = 0
    for args, expected in cases:
        try:
            got = fn(*_copies(args))
        except NotImplementedError:
            return Feedback("empty", NOT_WRITTEN)
        except Exception as exc:
            return Feedback("incorrect", f"{_cap(name)} stopped with {type(exc).__name__}: {str(exc)[:200]}")
        if got is None:
            return Feedback("incorrect", f"{_cap(name)} returned None. Did you forget `return`?")
        cmp = compare or (compare_frames if isinstance(expected, pd.DataFrame) else compare_value)
        fb = cmp(got, expected)
        if not fb.correct:
            return _replace(
                fb,
                status="partial" if passed else fb.status,
                score=passed / len(cases),
                message=f"{fb.message} ({passed} of {len(cases)} test cases passed.)",
            )
        passed += 1
    return Feedback("correct", f"{_cap(name)} gives the right result in all {len(cases)} test cases.", 1.0)


# --------------------------------------------------------------------------
# Checking from a notebook, with progressive hints
# --------------------------------------------------------------------------

_attempts: dict[str, int] = {}


def check(question: Question, answer: Any) -> Feedback:
    """Check an answer in a notebook and show the feedback.

    Each wrong try of the same question in a session shows the next hint.
    """
    attempt = _attempts.get(question.id, 0) + 1
    result = question.check(answer, attempt=attempt)
    _attempts[question.id] = 0 if result.correct else attempt
    return result

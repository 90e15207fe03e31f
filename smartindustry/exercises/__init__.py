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

The parts, one module each
--------------------------
:mod:`~smartindustry.exercises.feedback`
    :class:`Feedback`, the verdict on one answer, and the statuses.
:mod:`~smartindustry.exercises.question`
    :class:`Question`, the model every type shares: id, prompt, hints,
    solution, and the one ``check`` that never raises.
:mod:`~smartindustry.exercises.choice`, :mod:`~smartindustry.exercises.numeric`, :mod:`~smartindustry.exercises.short_text`, :mod:`~smartindustry.exercises.code`
    The question types: :class:`MultipleChoice` (one answer, or all that
    apply, as letters), :class:`Numeric` (a number with a tolerance and a
    unit), :class:`ShortText` (a word or short phrase), :class:`CodeTask` (the
    learner's code defines a value or a function).
:mod:`~smartindustry.exercises.parsing`
    Reading answers as people write them (:func:`parse_number`).
:mod:`~smartindustry.exercises.compare`
    Comparing results: :func:`compare_frames` (with known :class:`ColumnMistake` s), :func:`compare_value`,
    :func:`check_function`.
:mod:`~smartindustry.exercises.text`
    How text is compared and how values are written in messages.
:mod:`~smartindustry.exercises.page`
    The self-check form of the static book and the spec it carries, the
    contract with ``static/selfcheck.js``.
:mod:`~smartindustry.exercises.notebook`
    :func:`check`, for an answer held in a notebook variable.

Everything a chapter or a question bank needs is imported from here:
``from smartindustry.exercises import Choice, MultipleChoice, check``.
"""

from __future__ import annotations

from .choice import Choice, MultipleChoice
from .code import CodeTask
from .compare import ColumnMistake, check_function, compare_frames, compare_value
from .feedback import NOT_ANSWERED, NOT_WRITTEN, STATUSES, Feedback, Rendered
from .notebook import check
from .numeric import Mistake, Numeric
from .parsing import parse_number
from .question import Question
from .short_text import ShortText
from .text import inline_html

__all__ = [
    "Rendered",
    "Feedback",
    "Question",
    "Choice",
    "MultipleChoice",
    "Mistake",
    "Numeric",
    "ShortText",
    "CodeTask",
    "check",
    "parse_number",
    "compare_frames",
    "ColumnMistake",
    "compare_value",
    "check_function",
    "inline_html",
    "NOT_ANSWERED",
    "NOT_WRITTEN",
    "STATUSES",
]

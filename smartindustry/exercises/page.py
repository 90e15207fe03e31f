"""A question on a page with no Python: the self-check form and the spec it carries.

This is the contract with the book's ``static/selfcheck.js``: the form is
written here (:func:`question_form`), with the question's :meth:`~Question.to_spec`
as JSON inside it, and the script checks answers with the same rules as
:meth:`Question.check`. ``tests/test_selfcheck_parity.py`` proves the two agree.

An exercise page shows each question of its notebook the same way
(:func:`exercise_html`, used by ``smartindustry.book``): a choice, a number
or a short text as a form; a code task whose result is one number or a short
text as a form where the reader types that result (:func:`page_question`);
any other code task (a function, a table) as its text and a note on how to
run the notebook (:data:`RUN_NOTE`).
"""

from __future__ import annotations

import functools
import html
import json
import math
import numbers
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .choice import MultipleChoice
from .code import CodeTask
from .numeric import Numeric
from .question import Question
from .short_text import ShortText
from .text import inline_html
from ..i18n import N_, gettext as _

#: The script that checks the forms in the browser (and in Node.js, for the parity test).
SELFCHECK_JS = Path(__file__).resolve().parents[1] / "static" / "selfcheck.js"


def json_for_html(data: Any) -> str:
    """JSON that is safe inside a <script> element (no "<", ">" or "&" in it)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def question_form(question: Question) -> str:
    """The question as a self-contained HTML form, for a page with no kernel.

    The form has labelled radio buttons, checkboxes or a text box, a Check
    button, Hint and Solution toggles and a live region for the feedback. It
    carries ``question.to_spec()`` as JSON; the book's ``selfcheck.js`` checks
    answers with it in the browser (the buttons are disabled until that script
    runs). Element ids derive from the question id, so the HTML is the same on
    every run.
    """
    q = question
    base = html.escape(f"si-check-{q.id}")
    if isinstance(q, MultipleChoice):
        kind = "checkbox" if q.multiple else "radio"
        options = "".join(
            f'<div class="si-option"><input type="{kind}" name="{base}" id="{base}-{l.lower()}" value="{l}">'
            f'<label for="{base}-{l.lower()}"><strong>{l}.</strong> {inline_html(c.text)}</label></div>'
            for l, c in zip(q.letters, q.choices)
        )
        body = options
        fmt = _("Choose all the answers that apply.") if q.multiple else _("Choose one answer.")
    else:
        unit = f" ({html.escape(q.unit)})" if isinstance(q, Numeric) and q.unit else ""
        body = (
            f'<label for="{base}-answer">{_("Your answer")}{unit}</label> '
            f'<input type="text" id="{base}-answer" name="answer" autocomplete="off" spellcheck="false">'
        )
        fmt = q.answer_format() + (" " + _("A decimal comma is fine.") if isinstance(q, Numeric) else "")
    buttons = [f'<button type="submit" disabled>{_("Check")}</button>']
    if q.hints:
        buttons.append(
            f'<button type="button" class="si-hint-button" aria-expanded="false" aria-controls="{base}-hints" disabled>{_("Hint")}</button>'
        )
    if q.solution:
        buttons.append(
            f'<button type="button" class="si-solution-button" aria-expanded="false" aria-controls="{base}-solution" disabled>{_("Show solution")}</button>'
        )
    return (
        f'<form class="si-check" id="{base}" novalidate>'
        f'<fieldset><legend class="si-prompt">{inline_html(q.prompt)}</legend>{body}'
        f'<p class="si-format">{inline_html(fmt)}</p></fieldset>'
        f'<div class="si-buttons">{"".join(buttons)}</div>'
        '<div class="si-live" role="status" aria-live="polite"></div>'
        f'<div class="si-hints" id="{base}-hints" hidden></div>'
        f'<div class="si-solution" id="{base}-solution" hidden></div>'
        f'<script type="application/json" class="si-spec">{json_for_html(q.to_spec())}</script>'
        '<noscript><p class="si-static-note">'
        + _("Checking this question on the page needs JavaScript; or run this notebook.")
        + "</p></noscript></form>"
    )


# -- exercise pages ------------------------------------------------------------------

#: How to run a notebook, for a page where no Python runs.
RUN_WAYS = N_(
    "run this notebook: <strong>Run in the browser</strong> (if this book offers it), Binder or Colab, "
    "from the launch button (rocket icon) at the top of this page; or download it as .ipynb "
    "(download button) and open it in JupyterLab with your own Python."
)
#: Under a code task on an exercise page.
RUN_NOTE = N_('<p class="si-static-note si-run-note">This page runs no code. To write your code and check it, {ways}</p>')
#: Under a code task whose result the reader can type into the form above the note.
RUN_NOTE_VALUE = N_(
    '<p class="si-static-note si-run-note">This page runs no code. To compute the value, '
    "{ways} Then type the value in the form above to check it.</p>"
)

#: The longest expected text of a code task that a reader types on the page.
LONGEST_TYPED_TEXT = 60
#: Tolerances tried (times the size of the expected number), largest first, to find the one a code task accepts.
TOLERANCE_STEPS = (0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8)


@dataclass(eq=False)
class TypedNumber(Numeric):
    """The number a code task computes, typed by the reader on a page with no Python."""

    name: str = "answer"

    def answer_format(self) -> str:
        return _("Type the value of `{name}` that your code gives: a number.").format(name=self.name)


@dataclass(eq=False)
class TypedText(ShortText):
    """The short text a code task computes, typed by the reader on a page with no Python."""

    name: str = "answer"

    def answer_format(self) -> str:
        return _("Type the value of `{name}` that your code gives: a word or short phrase.").format(name=self.name)


def _accepted_error(task: CodeTask, value: float) -> float:
    """The largest error (from TOLERANCE_STEPS) that ``task`` accepts on both sides of ``value``; 0 if none."""
    scale = abs(value) or 1.0
    for step in TOLERANCE_STEPS:
        error = step * scale
        if task.check(value + error).correct and task.check(value - error).correct:
            return error
    return 0.0


@functools.lru_cache(maxsize=None)
def page_question(question: Question) -> Question | None:
    """The question a page with no Python can check, or None.

    A choice, a number or a short text is itself. A code task whose expected
    result is one number or a short text becomes a :class:`TypedNumber` or
    :class:`TypedText` with the same id, prompt, hints and solution: the reader
    computes the value in a notebook and types it. A number is right within
    the error the task itself accepts (found by trying the task's own check).
    Any other code task (a function, a table, a list) is None.
    """
    if isinstance(question, (MultipleChoice, Numeric, ShortText)):
        return question
    if not isinstance(question, CodeTask) or question.is_function_task or question.expected is None:
        return None
    try:
        value = question.expected()
    except Exception:  # the expected value cannot be computed here: no form, the note on running the notebook
        return None
    common = dict(id=question.id, prompt=question.prompt, hints=tuple(question.hints), solution=question.solution,
                  explanation=question.explanation, points=question.points, name=question.name)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(float(value)):
        number = float(value)
        if not question.check(number).correct:
            return None
        return TypedNumber(answer=number, tolerance=_accepted_error(question, number), **common)
    if isinstance(value, str) and 0 < len(value.strip()) <= LONGEST_TYPED_TEXT and "\n" not in value:
        if not question.check(value).correct:
            return None
        return TypedText(accepted=[value], max_length=max(200, 2 * len(value)), **common)
    return None


def run_note(value: bool) -> str:
    """The note under a code task: how to run the notebook (and, with ``value``, to type the result above)."""
    return _(RUN_NOTE_VALUE if value else RUN_NOTE).format(ways=_(RUN_WAYS))


def exercise_html(question: Question) -> str:
    """What an exercise page shows where its notebook shows ``question``.

    A form the reader can answer (:func:`page_question`), else the question's
    text; a code task gets a note on how to run the notebook under either.
    """
    typed = page_question(question)
    shown = question_form(typed) if typed is not None else question.to_html()
    if isinstance(question, CodeTask):
        shown += run_note(value=typed is not None)
    return shown

"""A question on a page with no Python: the self-check form and the spec it carries.

This is the contract with the book's ``static/selfcheck.js``: the form is
written here (:func:`question_form`), with the question's :meth:`~Question.to_spec`
as JSON inside it, and the script checks answers with the same rules as
:meth:`Question.check`. ``tests/test_selfcheck_parity.py`` proves the two agree.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from .choice import MultipleChoice
from .numeric import Numeric
from .question import Question
from .text import inline_html

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
        fmt = "Choose all the answers that apply." if q.multiple else "Choose one answer."
    else:
        unit = f" ({html.escape(q.unit)})" if isinstance(q, Numeric) and q.unit else ""
        body = (
            f'<label for="{base}-answer">Your answer{unit}</label> '
            f'<input type="text" id="{base}-answer" name="answer" autocomplete="off" spellcheck="false">'
        )
        fmt = q.answer_format() + (" A decimal comma is fine." if isinstance(q, Numeric) else "")
    buttons = ['<button type="submit" disabled>Check</button>']
    if q.hints:
        buttons.append(
            f'<button type="button" class="si-hint-button" aria-expanded="false" aria-controls="{base}-hints" disabled>Hint</button>'
        )
    if q.solution:
        buttons.append(
            f'<button type="button" class="si-solution-button" aria-expanded="false" aria-controls="{base}-solution" disabled>Show solution</button>'
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
        '<noscript><p class="si-static-note">Checking this question on the page needs JavaScript; '
        "or run this notebook.</p></noscript></form>"
    )

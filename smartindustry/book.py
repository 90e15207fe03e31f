"""Helpers for building the book (used by ``_config.yml``, not by learners).

:func:`read_notebook` reads each notebook for the book and changes three
things in what the reader sees, never in the notebook file:

* The stored widget state is left out. The static book cannot run a widget's
  Python callbacks, so it shows each widget's HTML rendering instead (see
  ``nb_mime_priority_overrides`` in ``_config.yml``); the state would only add
  weight to every page and make it load the widget manager's JavaScript.
* In an exercise notebook, a cell that shows a question (``q.drift_word``,
  stored as the question's HTML) shows it as the page can use it
  (``smartindustry.exercises.page.exercise_html``): a self-check form the
  reader answers on the page, with the same checker and hints as a chapter's
  ``ask(...)``, or, for a code task, the question and how to run the notebook.
  The question is found by the id in the stored HTML, so a new exercise
  notebook gets its forms with nothing to do.
* The stored output of each check cell (``check(q.drift_word, answer_5)``) is
  the verdict on the worked solution ("Correct: 59.4% is right"), which would
  give away the folded solution. The book shows a short note instead: where to
  answer on the page, or how to check one's code in the notebook.
* A ``## Setup`` heading with nothing under it but a hidden setup cell would
  be an empty section in the book; it is left out.
* In a translated book (``SMARTINDUSTRY_LANG``), every question is shown in
  that language (its self-check form, its text for a PDF), and so are the notes
  above, the comments in the code, the alt text of figures, and each figure and
  demo (drawn in that language when the notebook ran, see ``smartindustry.plots``);
  the prose is translated by Sphinx.
"""

from __future__ import annotations

import ast
import functools
import re

import nbformat

from smartindustry.i18n import N_, language
from smartindustry.i18n import gettext as _
from smartindustry.i18n.questions import translated

#: Under a check cell whose question has a form on the page.
CHECK_NOTE = N_(
    '<p class="si-static-note">On this page, answer in the form above. In the notebook, put your answer '
    "in the answer cell and run this cell to check it. The worked solution is folded above this cell.</p>"
)
#: Under a check cell whose question is a code task with no form on the page.
CHECK_CODE_NOTE = N_(
    '<p class="si-static-note">In the notebook, run this cell to check your code (how to run the notebook '
    "is under the question). The worked solution is folded above this cell.</p>"
)
#: The HTML a question stores when a notebook cell shows it (``Question.to_html``).
QUESTION_HTML = re.compile(r'<div class="si-question" id="si-q-([^"]+)">')
#: The HTML of a self-check a chapter shows with ``ask(question)`` (``question_form``).
FORM_HTML = re.compile(r'^<form class="si-check" id="si-check-([^"]+)"')


@functools.lru_cache(maxsize=1)
def _questions() -> dict:
    from smartindustry.questions import all_questions

    return all_questions()


def _warn(message: str) -> None:
    from sphinx.util import logging

    logging.getLogger(__name__).warning(message)


def _html_of(cell: nbformat.NotebookNode) -> str:
    for out in cell.get("outputs", []):
        html = out.get("data", {}).get("text/html")
        if html:
            return "".join(html) if isinstance(html, list) else html
    return ""


def _expression(source: str) -> str | None:
    """The cell's source as one expression, written the same way every time (None if it is not one)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    return ast.unparse(body[0].value) if len(body) == 1 and isinstance(body[0], ast.Expr) else None


def _checked(source: str) -> str | None:
    """The question of a check cell ``check(q.x, answer)``, written as `_expression` writes it."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    call = body[-1].value if body and isinstance(body[-1], ast.Expr) else None
    if isinstance(call, ast.Call) and call.args:
        return ast.unparse(call.args[0])
    return None


def _exercise_page(nb: nbformat.NotebookNode) -> None:
    """Questions as the page can use them; check cells with a note, not the verdict on the solution."""
    from smartindustry.exercises.page import exercise_html, page_question

    has_form: dict[str, bool] = {}  # by how the notebook writes the question ("q.drift_word")
    seen: set[str] = set()
    last = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        found = QUESTION_HTML.search(_html_of(cell))
        if found and not cell.source.lstrip().startswith("check("):
            question = _questions().get(found.group(1))
            if question is None:
                _warn(f"an exercise notebook shows the question {found.group(1)!r}, which no question bank defines")
                continue
            if question.id in seen:  # a form's ids come from the question id: one form a question on a page
                continue
            seen.add(question.id)
            question = translated(question)
            for out in cell.outputs:
                if "text/html" in out.get("data", {}):
                    out["data"]["text/html"] = exercise_html(question)
                if "text/plain" in out.get("data", {}) and language() != "en":
                    out["data"]["text/plain"] = question.to_text()
            last = page_question(question) is not None
            key = _expression(cell.source)
            if key is not None:
                has_form[key] = last
        elif cell.source.lstrip().startswith("check(") and cell.outputs:
            form = has_form.get(_checked(cell.source) or "", last)
            note = _(CHECK_NOTE if form else CHECK_CODE_NOTE)
            text = _("Answer in the form above, or run this cell to check your own answer.") if form else _(
                "Run this cell in the notebook to check your code.")
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": note, "text/plain": text})]


def _is_exercise_notebook(nb: nbformat.NotebookNode) -> bool:
    return any(c.cell_type == "markdown" and "{solution-start}" in c.source for c in nb.cells)


def _hidden(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and "remove-input" in cell.metadata.get("tags", [])


def _translate(nb: nbformat.NotebookNode) -> None:
    """A chapter's self-checks and every figure's alt text in the book's language."""
    from smartindustry.exercises.page import question_form
    from smartindustry.i18n.notebooks import translate_comments
    from smartindustry.plots import FIGURE_METADATA

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.source = translate_comments(cell.source)  # the code as it is, its comments in this language
        image = cell.metadata.get("mystnb", {}).get("image", {})
        if image.get("alt"):
            image["alt"] = _(image["alt"])
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            translation = out.get("metadata", {}).get(FIGURE_METADATA, {}).get(language(), {})
            for mime in ("image/png", "text/html"):  # a figure drawn, a demo shown, in this language
                if mime in data and translation.get(mime):
                    data[mime] = translation[mime]
            found = FORM_HTML.search("".join(data.get("text/html", "")))
            question = _questions().get(found.group(1)) if found else None
            if question is not None:
                question = translated(question)
                data["text/html"] = question_form(question)
                if "text/plain" in data:
                    data["text/plain"] = question.to_text()


def read_notebook(text: str) -> nbformat.NotebookNode:
    """Read a notebook for the book (see the module text for what changes)."""
    nb = nbformat.reads(text, as_version=4)
    nb.metadata.pop("widgets", None)
    if language() != "en":
        _translate(nb)
    if _is_exercise_notebook(nb):
        _exercise_page(nb)
    keep = []
    for i, cell in enumerate(nb.cells):
        following = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        if cell.cell_type == "markdown" and following is not None and _hidden(following):
            text = cell.source.rstrip()
            if text == "## Setup":
                continue
            if text.endswith("\n## Setup"):
                cell.source = text[: -len("## Setup")].rstrip() + "\n"
        keep.append(cell)
    nb.cells = keep
    return nb

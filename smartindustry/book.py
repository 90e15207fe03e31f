"""Helpers for building the book (used by ``_config.yml``, not by learners).

:func:`read_notebook` reads each notebook for the book and changes three
things in what the reader sees, never in the notebook file:

* The stored widget state is left out. The static book cannot run a widget's
  Python callbacks, so it shows each widget's HTML rendering instead (see
  ``nb_mime_priority_overrides`` in ``_config.yml``); the state would only add
  weight to every page and make it load the widget manager's JavaScript.
* In an exercise notebook, the stored output of each check cell is the
  verdict on the worked solution ("Correct: 59.4% is right"), which would give
  away the folded solution. The book shows a short note instead.
* A ``## Setup`` heading with nothing under it but a hidden setup cell would
  be an empty section in the book; it is left out.
"""

from __future__ import annotations

import nbformat

CHECK_NOTE = (
    '<p class="si-static-note">Run this cell in the notebook to check your own answer. '
    "The worked solution is folded above it.</p>"
)


def _is_exercise_notebook(nb: nbformat.NotebookNode) -> bool:
    return any(c.cell_type == "markdown" and "{solution-start}" in c.source for c in nb.cells)


def _hidden(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and "remove-input" in cell.metadata.get("tags", [])


def read_notebook(text: str) -> nbformat.NotebookNode:
    """Read a notebook for the book (see the module text for what changes)."""
    nb = nbformat.reads(text, as_version=4)
    nb.metadata.pop("widgets", None)
    if _is_exercise_notebook(nb):
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.source.lstrip().startswith("check(") and cell.outputs:
                cell.outputs = [
                    nbformat.v4.new_output(
                        "display_data",
                        data={"text/html": CHECK_NOTE, "text/plain": "Run this cell to check your own answer."},
                    )
                ]
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

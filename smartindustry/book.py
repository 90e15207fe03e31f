"""Helpers for building the book (used by ``_config.yml``, not by learners).

The notebooks store their widget state, so that JupyterLab can show the
widgets of a notebook that has not been run yet. The static book cannot run
a widget's Python callbacks, so it shows each widget's HTML rendering instead
(see ``nb_mime_priority_overrides`` in ``_config.yml``). The stored widget
state would then only add weight to every page, and make the page load the
widget manager's JavaScript: :func:`read_notebook` leaves it out.
"""

from __future__ import annotations

import nbformat


def read_notebook(text: str) -> nbformat.NotebookNode:
    """Read a notebook for the book, without its stored widget state."""
    nb = nbformat.reads(text, as_version=4)
    nb.metadata.pop("widgets", None)
    return nb

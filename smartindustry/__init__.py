"""Smart and Inclusive Industry: the course's own Python package.

Modules
-------
exercises
    Question types (multiple choice, numeric, short text, code tasks) and their
    pure checking functions: answer in, feedback out; a package, one module a
    part (question model, types, answer parsing, the static page's form).
questions
    The question bank of each chapter, one module a chapter topic.
models
    The model of each chapter (calculations, seeded simulations), one module a
    chapter topic, with the same name as the chapter's question bank.
widgets
    Thin ipywidgets layers over :mod:`smartindustry.exercises` for instant
    feedback in Jupyter.
data
    Finding and loading the course's curated data tables.
plots
    Accessible figure defaults (colour-blind-safe palette, readable sizes,
    source lines under figures).
classroom
    Student and instructor editions of the exercise notebooks, and grading.
book
    How the book reads notebooks (smartindustry.sphinxext is its Sphinx extension).
i18n
    Languages: the course's texts in French (``set_language("fr")``) from gettext
    catalogues, English being the source.
"""

__version__ = "0.1.0"

from .i18n import set_language  # noqa: E402  (set_language("fr"): questions and feedback in French)

__all__ = ["set_language"]

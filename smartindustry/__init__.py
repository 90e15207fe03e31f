"""Smart and Inclusive Industry: the course's own Python package.

Modules
-------
exercises
    Question types (multiple choice, numeric, short text, code tasks) and their
    pure checking functions: answer in, feedback out.
widgets
    Thin ipywidgets layers over :mod:`smartindustry.exercises` for instant
    feedback in Jupyter.
data
    Finding and loading the course's curated data tables.
plots
    Accessible figure defaults (colour-blind-safe palette, readable sizes,
    source lines under figures).
sim
    Small, transparent, seeded simulations used in the Industry 4.0 chapters.
"""

__version__ = "0.1.0"

"""The classroom: student and instructor editions, and trustworthy grading.

Command line (from the course folder; ``make student``, ``make instructor``
and ``make grade SUBMISSIONS=folder`` call these)::

    python -m smartindustry.classroom student     [--out _build/student]
    python -m smartindustry.classroom instructor  [--out _build/instructor]
    python -m smartindustry.classroom nbgrader    [--out _build/nbgrader]
    python -m smartindustry.classroom grade FOLDER [--assignment exercises/NN_x_exercises.ipynb]
                                                   [--out _build/grades] [--workers N] [--timeout S] ...

Modules
-------
assignment
    Finds the exercises of an exercise notebook from its own cells.
editions
    Writes the student, instructor and nbgrader editions.
grading
    Grades submissions: the trusted side (answer keys, verdicts).
sandbox, _child
    Runs one submission in a separate, limited, unprivileged process.
plaindata
    How answers cross between the two: plain JSON data only.
report
    The gradebook CSV and the feedback reports.
"""

__all__ = ["assignment", "editions", "grading", "plaindata", "report", "sandbox"]

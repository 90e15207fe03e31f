"""The course's question banks: one module a chapter.

Each module defines its questions as module-level objects (``Question``
subclasses from :mod:`smartindustry.exercises`). Notebooks import them, the
tests check every one of them, and a grader or a static page can list them
all with :func:`all_questions`. A question's ``id`` is unique across the course.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..exercises import Question

__all__ = ["all_questions", "get", "bank_modules"]


def bank_modules() -> list[str]:
    """Names of the chapter modules in this package, in order."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def all_questions() -> dict[str, Question]:
    """Every question of the course, by id. Raises if two questions share an id."""
    found: dict[str, Question] = {}
    for name in bank_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        for value in vars(module).values():
            if isinstance(value, Question):
                if value.id in found and found[value.id] is not value:
                    raise ValueError(f"two questions have the id {value.id!r}")
                found[value.id] = value
    return found


def get(question_id: str) -> Question:
    """The question with this id."""
    questions = all_questions()
    if question_id not in questions:
        raise KeyError(f"no question with id {question_id!r}")
    return questions[question_id]

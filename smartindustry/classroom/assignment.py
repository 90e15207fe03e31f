"""What an exercise notebook asks: its exercises, found in the course's own source.

An *assignment* is one exercise notebook of the course (``exercises/*.ipynb``).
Its exercises are discovered from the notebook itself, the way CONTRIBUTING.md
writes them, so that every exercise notebook, present or future, works with
no list to keep up to date:

* the setup cell imports the chapter's question bank,
  ``from smartindustry.questions import <bank> as q``;
* each exercise has a check cell ``check(q.<question>, <answer>)``; the
  ``<answer>`` expression (usually a variable or a function name) is what the
  learner defines;
* the ``## Exercise n: ...`` heading above it gives the exercise number, and
  the ``{exercise}`` directive its label.

Only the course's source notebooks are read this way; a learner's submission
is never trusted to say what its exercises are.
"""

from __future__ import annotations

import ast
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from ..exercises import CodeTask, Question

__all__ = ["Exercise", "Assignment", "load_assignment", "course_assignments", "find_root"]

_HEADING = re.compile(r"^##\s+(?:Interactive demo \d+ and )?Exercise\s+(\d+)\s*:\s*(.+?)\s*$", re.M)
_LABEL = re.compile(r"```\{exercise\}[^\n]*\n:label:\s*(\S+)")
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Exercise:
    """One graded exercise of an assignment."""

    number: int
    title: str
    label: str
    question: Question
    #: the attribute of the bank module (``q.<attr>``)
    attr: str
    #: the expression the check cell passes as the answer (``answer_1``, ``percent``)
    answer_expr: str
    #: index of the check cell in the notebook
    check_cell: int

    @property
    def points(self) -> float:
        return float(self.question.points)

    @property
    def is_function(self) -> bool:
        return isinstance(self.question, CodeTask) and self.question.is_function_task

    @property
    def column(self) -> str:
        """The gradebook column of this exercise."""
        return f"Exercise {self.number} ({self.question.id})"


@dataclass
class Assignment:
    """An exercise notebook of the course and the exercises found in it."""

    path: Path
    #: path relative to the course root, with forward slashes (``exercises/07_..._exercises.ipynb``)
    name: str
    title: str
    label: str
    bank: str
    setup_source: str
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def max_points(self) -> float:
        return sum(e.points for e in self.exercises)


def find_root(start: Path | str = ".") -> Path:
    """The course folder: the first folder upwards from ``start`` with ``exercises/`` and ``_toc.yml``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / "exercises").is_dir() and (folder / "_toc.yml").is_file():
            return folder
    raise FileNotFoundError(f"no course folder (with exercises/ and _toc.yml) at or above {start}")


def _bank_aliases(tree: ast.AST) -> dict[str, str]:
    """Map the names under which question-bank modules are imported to the module names."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "smartindustry.questions" and node.level == 0:
            for a in node.names:
                aliases[a.asname or a.name] = f"smartindustry.questions.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("smartindustry.questions.") and a.asname:
                    aliases[a.asname] = a.name
    return aliases


def _parse(source: str) -> ast.AST | None:
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def _check_calls(tree: ast.AST, aliases: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(alias, attribute, answer expression)`` of every ``check(alias.attr, expr)`` call."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "check"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Attribute)
            and isinstance(node.args[0].value, ast.Name)
            and node.args[0].value.id in aliases
        ):
            found.append((node.args[0].value.id, node.args[0].attr, ast.unparse(node.args[1])))
    return found


def load_assignment(path: Path | str, root: Path | str | None = None) -> Assignment:
    """Read a course exercise notebook and find its exercises.

    Raises ``ValueError`` when the notebook does not follow the exercise
    template closely enough to be graded (no bank import, no check cells, a
    check on a name that is not a question).
    """
    path = Path(path).resolve()
    root = Path(root).resolve() if root is not None else find_root(path.parent)
    nb = nbformat.read(path, as_version=4)
    code_cells = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()]
    if not code_cells:
        raise ValueError(f"{path.name}: no code cells")
    setup = code_cells[0][1]
    aliases: dict[str, str] = {}
    for _, cell in code_cells:
        tree = _parse(cell.source)
        if tree is not None:
            aliases.update(_bank_aliases(tree))
    if not aliases:
        raise ValueError(f"{path.name}: no `from smartindustry.questions import <bank> as q` in the notebook")
    markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    title_match = _TITLE.search(markdown)
    label_match = re.search(r"^\((\S+)\)=\s*$", markdown, flags=re.M)
    title = title_match.group(1) if title_match else path.stem

    exercises: list[Exercise] = []
    seen: set[str] = set()
    number = heading = label = None
    ordinal = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for m in _HEADING.finditer(cell.source):
                number, heading = int(m.group(1)), m.group(2)
            for m in _LABEL.finditer(cell.source):
                label = m.group(1)
            continue
        if cell.cell_type != "code" or "check(" not in cell.source:
            continue
        tree = _parse(cell.source)
        if tree is None:
            continue
        for alias, attr, expr in _check_calls(tree, aliases):
            module = importlib.import_module(aliases[alias])
            question = getattr(module, attr, None)
            if not isinstance(question, Question):
                raise ValueError(f"{path.name}: `{alias}.{attr}` in a check cell is not a question of {aliases[alias]}")
            if question.id in seen:
                continue
            seen.add(question.id)
            ordinal += 1
            exercises.append(
                Exercise(
                    number=number if number is not None else ordinal,
                    title=heading or question.id,
                    label=label or question.id,
                    question=question,
                    attr=attr,
                    answer_expr=expr,
                    check_cell=i,
                )
            )
    if not exercises:
        raise ValueError(f"{path.name}: no check cells `check(q.<question>, <answer>)`")
    banks = sorted(set(aliases.values()))
    return Assignment(
        path=path,
        name=path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name,
        title=title,
        label=label_match.group(1) if label_match else path.stem,
        bank=banks[0] if len(banks) == 1 else ", ".join(banks),
        setup_source=setup.source,
        exercises=exercises,
    )


def course_assignments(root: Path | str = ".", problems: list[str] | None = None) -> list[Assignment]:
    """Every exercise notebook of the course, in file-name order.

    A notebook that does not follow the exercise template raises ``ValueError``,
    unless ``problems`` is a list: then it is left out and the reason appended.
    """
    root = find_root(root)
    found = []
    for path in sorted((root / "exercises").glob("*.ipynb")):
        try:
            found.append(load_assignment(path, root))
        except (ValueError, OSError) as exc:
            if problems is None:
                raise
            problems.append(f"{path.name}: {exc}")
    return found


def describe(assignment: Assignment) -> list[dict[str, Any]]:
    """The exercises as plain rows (for listings and tests)."""
    return [
        {"number": e.number, "id": e.question.id, "kind": e.question.kind, "answer": e.answer_expr, "points": e.points}
        for e in assignment.exercises
    ]

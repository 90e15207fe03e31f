"""Student, instructor and nbgrader editions of the exercise notebooks.

All three are made from the course's exercise notebooks (``exercises/*.ipynb``)
and written under ``_build/``; they are build outputs, never committed.

* **Student edition** (``_build/student/``): no solution cells, no solution
  text, no cells tagged ``instructor``; outputs, execution counts and widget
  state cleared; a function stub raises ``NotImplementedError`` so that its
  check says "No answer yet"; the book's MyST markup turned into plain
  Markdown that Jupyter shows well. Question cells, answer cells, check cells
  and self-check widgets stay, so that the notebook runs top to bottom and
  gives feedback.
* **Instructor edition** (``_build/instructor/``): the notebooks with their
  solutions and outputs, an answer key after each exercise (from the question
  bank), the chapter's teaching notes (from ``instructor/``), and
  ``answer_key.md``, the key of every question in the course.
* **nbgrader edition** (``_build/nbgrader/source/<assignment>/``): for a
  teacher who uses nbgrader on a JupyterHub. Answer cells hold the solution
  between ``### BEGIN SOLUTION`` / ``### END SOLUTION``; each check becomes an
  autograded test cell worth the question's points, with partial credit.
  nbgrader runs those tests in the student's own kernel, so a student can
  defeat them; for grades that matter, use ``make grade`` (see
  ``instructor/index.md``).
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path
from typing import Any, Callable

import nbformat

from ..exercises import CodeTask, MultipleChoice, Numeric, Question, ShortText
from ..i18n import N_, format_decimal, gettext
from ..i18n.notebooks import book_catalogue, translate_markdown, translate_notebook
from ..i18n.questions import translated
from ..questions import all_questions, bank_modules
from .assignment import Assignment, course_assignments, find_root

__all__ = [
    "student_edition",
    "instructor_edition",
    "nbgrader_edition",
    "write_student_editions",
    "write_instructor_editions",
    "write_nbgrader_editions",
    "myst_to_markdown",
    "answer_key_markdown",
]

STUDENT_NOTE = N_(
    "**Student edition.** This copy of the exercises has no worked solutions. Run the first code "
    "cell, then for each exercise: read the question, replace `...` in the answer cell with your "
    "answer, run that cell, and run the check cell below it. The check says whether your answer is "
    "right and gives a hint if it is not; try again as often as you like. When you are done, choose "
    "**Kernel → Restart Kernel and Run All Cells**, check that every cell runs, save the notebook and "
    "hand it in."
)

INSTRUCTOR_NOTE = N_(
    "**Instructor edition: do not share with learners.** It holds the worked solutions, an answer key "
    "after each exercise, and the teaching notes of the chapter at the end. Learners get the student "
    "edition (`make student`); hand-ins are graded with `make grade`."
)

STUB_LINE = 'raise NotImplementedError("write your code here")'

#: The line a translated edition adds at the top of its setup cell: questions and feedback in that language.
LANGUAGE_LINE = 'import smartindustry; smartindustry.set_language("{lang}")  # {comment}\n'
LANGUAGE_COMMENT = N_("questions and feedback in this language")


def _read(assignment: Assignment, lang: str) -> nbformat.NotebookNode:
    """The exercise notebook, in ``lang`` (its text from the book's catalogue; code unchanged but comments)."""
    nb = nbformat.read(assignment.path, as_version=4)
    if lang != "en":
        translate_notebook(nb, f"exercises/{assignment.stem}", lang)
        setup = next(c for c in nb.cells if c.cell_type == "code" and c.source.strip())
        comment = gettext(LANGUAGE_COMMENT, lang)
        setup.source = LANGUAGE_LINE.format(lang=lang, comment=comment) + setup.source
    return nb

# --------------------------------------------------------------------------
# MyST markup to plain Markdown (for notebooks opened in Jupyter)
# --------------------------------------------------------------------------

_FENCE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}(?P<arg>[^\n]*)\n(?P<opts>(?::[\w-]+:[^\n]*\n)*)\n?(?P<body>.*?)\n?^(?P=fence)[ \t]*$",
    re.M | re.S,
)
_ROLE = re.compile(r"\{(?P<role>[\w-]+)(?::[\w-]+)?\}`(?P<text>[^`]+)`")
_TARGET_LINE = re.compile(r"^\([\w.:-]+\)=[ \t]*\n", re.M)
_LABEL_TITLE = re.compile(r"^\(([\w.:-]+)\)=[ \t]*\n+#+\s+(.+?)\s*$", re.M)


def course_labels(root: Path, lang: str = "en") -> dict[str, str]:
    """Map each page label of the course (``(ch-industry40)=``) to the page title (in ``lang``)."""
    labels: dict[str, str] = {}

    def add(text: str, page: str) -> None:
        for label, title in _LABEL_TITLE.findall(text):
            labels[label] = book_catalogue(page, lang).get(title, title) if lang != "en" else title

    for path in sorted([*root.glob("chapters/*.ipynb"), *root.glob("exercises/*.ipynb")]):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                add(cell.source, f"{path.parent.name}/{path.stem}")
    for path in sorted([*root.glob("*.md"), *root.glob("instructor/*.md"), *root.glob("appendix/*.md")]):
        add(path.read_text(encoding="utf-8"), path.relative_to(root).with_suffix("").as_posix())
    return labels


#: The title a directive gets in a notebook (others: their name, capitalised).
DIRECTIVE_TITLES = {"exercise": N_("Your task"), "note": N_("Note"), "tip": N_("Tip"), "warning": N_("Warning"),
                    "important": N_("Important"), "admonition": N_("Admonition"), "seealso": N_("See also")}


def myst_to_markdown(text: str, labels: dict[str, str] | None = None, lang: str = "en") -> str:
    """Turn the book's MyST markup into Markdown that JupyterLab shows well.

    Directives become quoted blocks (``{exercise}`` a "Your task" block),
    roles become their text (``{ref}`ch-x``` the title of the page), and
    target lines such as ``(ex-x)=`` are dropped.
    """
    labels = labels or {}

    def role(m: re.Match[str]) -> str:
        text = m.group("text")
        explicit = re.match(r"^(.*?)\s*<([^>]+)>$", text, flags=re.S)
        if explicit:
            return explicit.group(1)
        if m.group("role") in ("ref", "numref", "doc"):
            return f"*{labels.get(text, text)}*"
        return text

    def directive(m: re.Match[str]) -> str:
        name, arg, body = m.group("name"), m.group("arg").strip(), m.group("body").strip()
        if name == "solution-start":
            return f"**{gettext('Worked solution', lang)}**"
        if name == "solution-end":
            return ""
        title = gettext(DIRECTIVE_TITLES.get(name, name.replace("-", " ").capitalize()), lang)
        if arg and name != "exercise":
            title = f"{title}{gettext(':', lang)} {arg}"
        lines = f"**{title}.** {body}".splitlines() or [""]
        return "\n".join(f"> {line}" if line else ">" for line in lines)

    text = _TARGET_LINE.sub("", text)
    previous = None
    while previous != text:  # nested directives, outermost last
        previous = text
        text = _FENCE.sub(directive, text)
    text = _ROLE.sub(role, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --------------------------------------------------------------------------
# Walking an exercise notebook
# --------------------------------------------------------------------------


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _solution_spans(nb: nbformat.NotebookNode) -> dict[int, str]:
    """Cells that belong to a folded solution: index -> 'start', 'inside', 'end' or 'tagged'."""
    spans: dict[int, str] = {}
    inside = False
    for i, cell in enumerate(nb.cells):
        src = cell.source
        if cell.cell_type == "markdown" and "{solution-start}" in src:
            spans[i] = "start"
            inside = "{solution-end}" not in src
            if not inside:
                spans[i] = "end"
            continue
        if inside:
            if cell.cell_type == "markdown" and "{solution-end}" in src:
                spans[i] = "end"
                inside = False
            else:
                spans[i] = "inside"
            continue
        if "solution" in _tags(cell):
            spans[i] = "tagged"
    return spans


def _after_solution_end(src: str) -> str:
    """Text that follows the closing fence of ``{solution-end}`` in the same cell, if any."""
    m = re.search(r"^(`{3,}|:{3,})\{solution-end\}[^\n]*\n(?:.*?\n)?^\1[ \t]*$", src, flags=re.M | re.S)
    return src[m.end():].strip() if m else ""


def _stub_function(source: str, name: str) -> str:
    """Make the body of function ``name`` raise NotImplementedError if it is only ``...``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
                body = body[1:]  # a docstring
            if len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and body[0].value.value is Ellipsis:
                stmt = body[0]
                line = lines[stmt.lineno - 1]
                indent = line[: len(line) - len(line.lstrip())]
                if stmt.lineno == node.lineno:  # def f(x): ...
                    return source
                lines[stmt.lineno - 1] = f"{indent}# Write your code here, in place of the next line.\n{indent}{STUB_LINE}"
                return "\n".join(lines) + ("\n" if source.endswith("\n") else "")
    return source


def _answer_cells(nb: nbformat.NotebookNode, assignment: Assignment, spans: dict[int, str]) -> dict[int, Any]:
    """Index of each exercise's answer cell (the last non-solution code cell before its check that defines the answer)."""
    found: dict[int, Any] = {}
    previous = -1
    for ex in assignment.exercises:
        name = ex.answer_expr
        for i in range(ex.check_cell - 1, previous, -1):
            cell = nb.cells[i]
            if cell.cell_type != "code" or i in spans:
                continue
            if re.search(rf"^(def\s+{re.escape(name)}\s*\(|{re.escape(name)}\s*=)", cell.source, flags=re.M):
                found[i] = ex
                break
        previous = ex.check_cell
    return found


def _without_solution_sentences(text: str) -> str:
    """Drop the sentences of plain paragraphs that mention solutions."""
    paragraphs = []
    for para in text.split("\n\n"):
        if re.search(r"^\s*([#>|`*-]|\d+\.)", para, flags=re.M) or "solution" not in para.lower():
            paragraphs.append(para)
            continue
        sentences = re.split(r"(?<=[.!?])\s+", " ".join(para.split()))
        kept = " ".join(s for s in sentences if "solution" not in s.lower())
        if kept:
            paragraphs.append(kept)
    return "\n\n".join(paragraphs)


def _clean_code_cell(cell: Any) -> None:
    cell.outputs = []
    cell.execution_count = None
    for key in ("execution", "ExecuteTime", "collapsed", "scrolled"):
        cell.metadata.pop(key, None)


def _new_markdown(source: str, cell_id: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source)
    cell.id = cell_id
    return cell


# --------------------------------------------------------------------------
# Student edition
# --------------------------------------------------------------------------


def student_edition(assignment: Assignment, labels: dict[str, str] | None = None, lang: str = "en") -> nbformat.NotebookNode:
    """The student edition of one exercise notebook (see the module docstring), in ``lang``."""
    nb = _read(assignment, lang)
    spans = _solution_spans(nb)
    answers = _answer_cells(nb, assignment, spans)
    cells = []
    first_markdown = True
    for i, cell in enumerate(nb.cells):
        cell = copy.deepcopy(cell)
        if "instructor" in _tags(cell):
            continue
        if i in spans:
            rest = _after_solution_end(cell.source) if spans[i] == "end" else ""
            if rest:
                cells.append(_new_markdown(myst_to_markdown(rest, labels, lang), f"{cell.id}-after"))
            continue
        if cell.cell_type == "markdown":
            text = myst_to_markdown(cell.source, labels, lang)
            if first_markdown:
                # the introduction may point to folded solutions, which this edition does not have
                text = _without_solution_sentences(text)
            cell.source = text.strip()
            cells.append(cell)
            if first_markdown:
                cells.append(_new_markdown(gettext(STUDENT_NOTE, lang), "student-edition-note"))
                first_markdown = False
            continue
        if cell.cell_type == "code":
            _clean_code_cell(cell)
            ex = answers.get(i)
            if ex is not None and ex.is_function:
                cell.source = _stub_function(cell.source, ex.question.name)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    nb.metadata["smartindustry"] = {"edition": "student", "assignment": assignment.name, "language": lang}
    nbformat.validate(nb)
    return nb


# --------------------------------------------------------------------------
# Instructor edition and answer keys
# --------------------------------------------------------------------------


def _md(text: str) -> str:
    """A text of a question as one Markdown line (a dollar sign stays a dollar sign, not maths)."""
    return text.replace("\n", " ").replace("$", "\\$").strip()


def answer_key_markdown(q: Question, *, heading: str = "####", lang: str = "en") -> str:
    """The answer key of one question, as Markdown (everything a teacher needs to mark it by hand), in ``lang``."""
    q = translated(q, lang)

    def _(text: str) -> str:
        return gettext(text, lang)

    def num(x: float, spec: str) -> str:
        return format_decimal(format(x, spec), lang)

    points = _("{points} point") if q.points == 1 else _("{points} points")
    kind = _(KINDS.get(q.kind, q.kind))
    lines = [_("{heading} Answer key: `{id}` ({points}, {kind})").format(
        heading=heading, id=q.id, points=points.format(points=num(q.points, "g")), kind=kind),
        "", _("*Question:* {prompt}").format(prompt=_md(q.prompt)), ""]
    if isinstance(q, MultipleChoice):
        key = ", ".join(sorted(q.key))
        lines.append(_("- **Correct:** {key}").format(key=key) + (" " + _("(all of these, and no other)") if q.multiple else ""))
        for letter, choice in zip(q.letters, q.choices):
            mark = _("right") if choice.correct else _("wrong")
            feedback = " " + _("*Feedback:* {feedback}").format(feedback=_md(choice.feedback)) if choice.feedback else ""
            lines.append(f"- {letter} ({mark}): {_md(choice.text)}" + feedback)
        if q.multiple:
            lines.append(_("- Partial credit: (right options chosen − wrong options chosen) / right options, never below 0."))
    elif isinstance(q, Numeric):
        unit = f" {q.unit}" if q.unit else ""
        lines.append(_("- **Answer:** {answer}, accepted within ±{error}").format(
            answer=num(q.answer, ".6g") + unit, error=num(q.allowed_error(), ".3g") + unit))
        if q.bounds:
            lines.append(_("- Answers outside {low} to {high} are told that they make no sense here.").format(
                low=num(q.bounds[0], "g"), high=num(q.bounds[1], "g") + unit))
        for m in q.mistakes:
            lines.append(_("- Known mistake: {value} → \"{message}\"").format(value=num(m.value, ".6g") + unit, message=_md(m.message)))
    elif isinstance(q, ShortText):
        lines.append(_("- **Accepted:** {answers} (case, spacing, hyphens and a small typo in a long word do not matter)").format(
            answers="; ".join(f"\"{a}\"" for a in q.accepted)))
        for wrong, message in q.wrong.items():
            lines.append(_("- Known wrong answer \"{answer}\" → \"{message}\"").format(answer=wrong, message=_md(message)))
    elif isinstance(q, CodeTask):
        if q.is_function_task:
            n = len(q.cases()) if q.cases else 0
            lines.append(_("- **Task:** define the function `{name}`. The check calls it on {n} test cases and compares each result with the reference solution's.").format(name=q.name, n=n))
        else:
            expected = q.expected() if q.expected else None
            if hasattr(expected, "shape") and getattr(expected, "ndim", 0) == 2:
                shown = _("a table of {rows} rows × {columns} columns").format(rows=expected.shape[0], columns=expected.shape[1])
            else:
                shown = repr(expected)
            lines.append(_("- **Task:** define `{name}`. **Expected value:** {value}").format(name=q.name, value=shown))
        if q.stub:
            lines.append(_("- Learners start from: `{stub}`").format(stub=_md(q.stub)))
    if q.solution:
        if isinstance(q, CodeTask) and "\n" in q.solution:
            lines += [_("- **Worked solution:**"), "", "```python", q.solution.rstrip(), "```", ""]
        else:
            lines.append(_("- **Worked solution:** {solution}").format(solution=_md(q.solution)))
    if q.explanation:
        lines.append(_("- *Explanation shown with a right answer:* {explanation}").format(explanation=_md(q.explanation)))
    if q.hints:
        lines.append(_("- Hints, in the order learners see them: {hints}").format(
            hints=" ".join(f"({i}) {_md(h)}" for i, h in enumerate(q.hints, 1))))
    return "\n".join(lines).rstrip() + "\n"


#: How the answer key names each kind of question.
KINDS = {"multiple_choice": N_("multiple choice"), "numeric": N_("numeric"), "short_text": N_("short text"), "code": N_("code")}


def teaching_notes(path: Path, lang: str = "en") -> str:
    """A page of teaching notes (``instructor/<chapter>.md``), in ``lang``."""
    text = path.read_text(encoding="utf-8")
    return text if lang == "en" else translate_markdown(text, book_catalogue(f"instructor/{path.stem}", lang))


def _notes_path(assignment: Assignment, root: Path) -> Path:
    chapter = re.sub(r"_exercises$", "", assignment.stem)
    return root / "instructor" / f"{chapter}.md"


def instructor_edition(assignment: Assignment, root: Path, labels: dict[str, str] | None = None,
                       lang: str = "en") -> nbformat.NotebookNode:
    """The instructor edition of one exercise notebook (see the module docstring), in ``lang``."""
    nb = _read(assignment, lang)
    by_check = {ex.check_cell: ex for ex in assignment.exercises}
    cells = []
    first_markdown = True
    for i, cell in enumerate(nb.cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "markdown":
            cell.source = myst_to_markdown(cell.source, labels, lang)
            if not cell.source:
                continue
        cells.append(cell)
        if cell.cell_type == "markdown" and first_markdown:
            cells.append(_new_markdown(gettext(INSTRUCTOR_NOTE, lang), "instructor-edition-note"))
            first_markdown = False
        if i in by_check:
            ex = by_check[i]
            cells.append(_new_markdown(answer_key_markdown(ex.question, lang=lang), f"answer-key-{ex.question.id}"))
    notes = _notes_path(assignment, root)
    if notes.exists():
        text = myst_to_markdown(teaching_notes(notes, lang), labels, lang)
        # the page's title already reads "Teaching notes: <chapter>"; make it a section
        heading = gettext("Teaching notes: ", lang)
        text = re.sub(rf"^# ({re.escape(heading)})?", f"## {heading}", text, count=1, flags=re.M)
        cells.append(_new_markdown(text, "teaching-notes"))
    nb.cells = cells
    nb.metadata["smartindustry"] = {"edition": "instructor", "assignment": assignment.name, "language": lang}
    nbformat.validate(nb)
    return nb


def course_answer_key(lang: str = "en") -> str:
    """The answer key of every question of the course, chapter by chapter, as Markdown, in ``lang``."""
    import importlib

    parts = [
        "# " + gettext("Answer key of every question in the course", lang),
        "",
        gettext("For teachers only. It covers the self-check questions of the chapters and the exercises, "
                "from the question banks in `smartindustry/questions/`.", lang),
        "",
    ]
    questions = all_questions()
    for bank in bank_modules():
        module = importlib.import_module(f"smartindustry.questions.{bank}")
        title = (module.__doc__ or bank).strip().splitlines()[0]
        parts += [f"## {bank}: {title}", ""]
        for value in vars(module).values():
            if isinstance(value, Question) and questions.get(value.id) is value:
                parts.append(answer_key_markdown(value, heading="###", lang=lang))
    return "\n".join(parts).rstrip() + "\n"


# --------------------------------------------------------------------------
# nbgrader edition
# --------------------------------------------------------------------------


def _nbgrader(cell: Any, grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = False, points: float | None = None) -> None:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta


def _solution_in_markers(stub: str, solution: str, name: str, is_function: bool) -> str:
    """An nbgrader answer cell: the solution between BEGIN/END SOLUTION markers."""
    if is_function:
        try:
            tree = ast.parse(solution)
        except SyntaxError:
            tree = None
        if tree is not None:
            lines = solution.splitlines()
            for node in tree.body:
                if isinstance(node, ast.FunctionDef) and node.name == name and node.body[0].lineno > node.lineno:
                    first = node.body[0]
                    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str) and len(node.body) > 1:
                        first = node.body[1]
                    head = lines[node.lineno - 1 : first.lineno - 1]
                    body = lines[first.lineno - 1 : node.end_lineno]
                    indent = body[0][: len(body[0]) - len(body[0].lstrip())]
                    return "\n".join([*head, f"{indent}### BEGIN SOLUTION", *body, f"{indent}### END SOLUTION"])
    return "\n".join([stub.rstrip(), "### BEGIN SOLUTION", solution.rstrip(), "### END SOLUTION"])


def nbgrader_edition(assignment: Assignment, labels: dict[str, str] | None = None, lang: str = "en") -> nbformat.NotebookNode:
    """The exercise notebook as an nbgrader *source* notebook (see the module docstring), in ``lang``."""
    nb = _read(assignment, lang)
    spans = _solution_spans(nb)
    answers = _answer_cells(nb, assignment, spans)
    by_check = {ex.check_cell: ex for ex in assignment.exercises}
    solutions: dict[str, list[str]] = {}
    owner = None
    for i, cell in enumerate(nb.cells):  # the solution code of each exercise
        if i in answers:
            owner = answers[i].question.id
        if i in spans and cell.cell_type == "code" and owner:
            solutions.setdefault(owner, []).append(cell.source)
    cells = []
    setup_done = False
    for i, cell in enumerate(nb.cells):
        cell = copy.deepcopy(cell)
        if i in spans or "instructor" in _tags(cell):
            continue
        if cell.cell_type == "markdown":
            cell.source = myst_to_markdown(cell.source, labels, lang)
            if not cell.source:
                continue
            cells.append(cell)
            continue
        _clean_code_cell(cell)
        if not setup_done and cell.source.strip():
            _nbgrader(cell, "setup", locked=True)
            setup_done = True
        elif i in answers:
            ex = answers[i]
            solution = "\n".join(solutions.get(ex.question.id, [])) or getattr(ex.question, "solution", "")
            cell.source = _solution_in_markers(cell.source, solution, ex.question.name if isinstance(ex.question, CodeTask) else "", ex.is_function)
            _nbgrader(cell, f"answer-{ex.question.id}", solution=True)
        elif i in by_check:
            ex = by_check[i]
            pts = float(ex.points)
            cell.source = (
                f"_feedback = check(q.{ex.attr}, {ex.answer_expr})\n"
                "print(_feedback)\n"
                'assert _feedback.score > 0, "No points for this exercise: read the feedback above."\n'
                f"round(_feedback.score * {pts:g}, 2)  # the points earned (nbgrader reads this as partial credit)"
            )
            _nbgrader(cell, f"test-{ex.question.id}", grade=True, locked=True, points=pts)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    return nb


# --------------------------------------------------------------------------
# Writing the editions
# --------------------------------------------------------------------------


def _assignments(root: Path, notebooks: list[Path] | None) -> list[Assignment]:
    everything = course_assignments(root)
    if not notebooks:
        return everything
    wanted = {Path(n).resolve() for n in notebooks}
    chosen = [a for a in everything if a.path in wanted]
    if len(chosen) != len(wanted):
        raise ValueError("only the course's exercise notebooks (exercises/*.ipynb) have editions")
    return chosen


def _write_editions(root: Path, out: Path, notebooks: list[Path] | None,
                    edition: Callable[..., Any],
                    place: Callable[[Assignment], Path] = lambda a: Path(a.path.name), lang: str = "en") -> list[Path]:
    """Write one edition of each chosen exercise notebook under ``out``, in ``lang``; ``place`` gives its path there."""
    labels = course_labels(root, lang)
    written = []
    for a in _assignments(root, notebooks):
        path = out / place(a)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(edition(a, labels, lang=lang), path)
        written.append(path)
    return written


def write_student_editions(root: Path | str = ".", out: Path | str | None = None, notebooks: list[Path] | None = None,
                           lang: str = "en") -> list[Path]:
    root = find_root(root)
    return _write_editions(root, Path(out) if out else root / "_build" / "student", notebooks, student_edition, lang=lang)


def write_instructor_editions(root: Path | str = ".", out: Path | str | None = None, notebooks: list[Path] | None = None,
                              lang: str = "en") -> list[Path]:
    root = find_root(root)
    out = Path(out) if out else root / "_build" / "instructor"
    out.mkdir(parents=True, exist_ok=True)
    labels = course_labels(root, lang)
    written = _write_editions(root, out, notebooks, lambda a, labels, lang: instructor_edition(a, root, labels, lang), lang=lang)
    key = out / "answer_key.md"
    key.write_text(course_answer_key(lang), encoding="utf-8")
    written.append(key)
    notes = out / "teaching_notes"
    notes.mkdir(exist_ok=True)
    for page in sorted((root / "instructor").glob("*.md")):
        target = notes / page.name
        target.write_text(myst_to_markdown(teaching_notes(page, lang), labels, lang) + "\n", encoding="utf-8")
        written.append(target)
    return written


def write_nbgrader_editions(root: Path | str = ".", out: Path | str | None = None, notebooks: list[Path] | None = None,
                            lang: str = "en") -> list[Path]:
    root = find_root(root)
    out = Path(out) if out else root / "_build" / "nbgrader"
    return _write_editions(root, out, notebooks, nbgrader_edition,
                           lambda a: Path("source") / re.sub(r"_exercises$", "", a.stem) / a.path.name, lang=lang)

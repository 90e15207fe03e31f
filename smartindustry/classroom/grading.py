"""Grade handed-in exercise notebooks, trusting nothing in them.

The trust model
---------------
* **Trusted**: the course folder (its exercise notebooks and the question
  banks in :mod:`smartindustry.questions`), and this process. Before any
  submission runs, :class:`Grader` reads every exercise notebook of the
  course, finds its exercises (:mod:`.assignment`), and computes every
  expected value and every test case.
* **Untrusted**: everything in a submission. Each one runs in its own fresh
  Python process (:mod:`.sandbox`, :mod:`._child`) with limits on time,
  memory, file size and processes, as an unprivileged user when the grader
  runs as root. That process only hands back plain JSON data: the learner's
  answers, and the results of the learner's functions on the grader's test
  cases. Verdicts are computed here, by the questions' own ``check`` /
  ``compare_result``, on that data. Printed text, stored outputs, the
  notebook's own ``check`` calls and anything the submission redefines play
  no part.
* Whatever a submission does (loops, crashes, floods of output, broken
  files), the grader records why it got what it got, and goes on with the
  others. Submissions run in parallel, one process each.

Which assignment a submission belongs to is taken from ``assignment=`` when
given, or else detected from its content (the question bank it imports, its
check cells, its title, the edition's metadata); that only chooses which
answer key to use, so a wrong guess can cost points but never give any.
The student's name comes from the file name (see :func:`student_name`), never
from the notebook's content.
"""

from __future__ import annotations

import dataclasses
import json
import re
import signal
import stat
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from ..exercises import NOT_ANSWERED, CodeTask, Feedback, check_function
from ..i18n import N_
from ..i18n import gettext as _
from ..i18n.questions import translated
from . import plaindata
from .assignment import Assignment, Exercise, course_assignments, find_root, load_assignment
from .sandbox import Limits, RunResult, run_child, sandbox_settings

__all__ = ["Grader", "SubmissionResult", "ExerciseResult", "student_name", "MAX_FILE_MB"]

#: Largest submission file read at all.
MAX_FILE_MB = 20


class NotANotebook(ValueError):
    """The file cannot be read as a Jupyter notebook; the message says why."""


@dataclass
class ExerciseResult:
    exercise: Exercise
    feedback: Feedback

    @property
    def points(self) -> float:
        score = min(max(float(self.feedback.score), 0.0), 1.0)
        return round(self.exercise.points * score, 2)


@dataclass
class SubmissionResult:
    """The grade of one handed-in file."""

    student: str
    file: str
    assignment: Assignment | None
    exercises: list[ExerciseResult] = field(default_factory=list)
    #: ``graded``, or ``failed`` when nothing could be graded (then ``reason`` says why)
    status: str = "graded"
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    cell_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: the child process died of a signal: worth one more try, alone
    crashed: bool = False

    @property
    def total(self) -> float:
        return round(sum(e.points for e in self.exercises), 2)

    @property
    def max_points(self) -> float:
        return self.assignment.max_points if self.assignment else 0.0


# --------------------------------------------------------------------------
# Reading a submission (untrusted bytes)
# --------------------------------------------------------------------------


@dataclass
class Submission:
    code_cells: list[str]
    #: the 1-based notebook cell number of each code cell
    cell_numbers: list[int]
    markdown: str
    metadata: dict[str, Any]


def read_submission(path: Path) -> Submission:
    """Read the code and text of a notebook file; raise :class:`NotANotebook` if it is not one."""
    try:
        info = path.stat()
    except OSError as exc:
        raise NotANotebook(f"the file could not be opened ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotANotebook("it is not a regular file")
    size = info.st_size
    if size > MAX_FILE_MB * 2**20:
        raise NotANotebook(f"the file is {size / 2**20:.0f} MB; notebooks larger than {MAX_FILE_MB} MB are not graded")
    if size == 0:
        raise NotANotebook("the file is empty")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotANotebook("the file is not a notebook (it is not text; perhaps a PDF, a picture or a zip file)") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise NotANotebook("the file is not a notebook (its structure is nested too deeply)") from None
    except ValueError:
        raise NotANotebook("the file is not a valid notebook: it is not JSON, or it is damaged or cut short") from None
    if not isinstance(data, dict):
        raise NotANotebook("the file is JSON but not a Jupyter notebook")
    if isinstance(data.get("cells"), list):
        cells = data["cells"]
        code_key = "source"
    elif isinstance(data.get("worksheets"), list) and data["worksheets"] and isinstance(data["worksheets"][0], dict):
        cells = data["worksheets"][0].get("cells", [])  # nbformat 3
        code_key = "input"
        if not isinstance(cells, list):
            raise NotANotebook("the file is JSON but not a Jupyter notebook (no cells)")
    else:
        raise NotANotebook("the file is JSON but not a Jupyter notebook (no cells)")
    code, numbers, markdown = [], [], []
    for n, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            continue
        kind = cell.get("cell_type")
        source = cell.get(code_key if kind == "code" else "source", "")
        if isinstance(source, list) and all(isinstance(s, str) for s in source):
            source = "".join(source)
        if not isinstance(source, str):
            continue
        if kind == "code":
            code.append(source)
            numbers.append(n)
        elif kind in ("markdown", "heading"):
            markdown.append(source)
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    return Submission(code, numbers, "\n\n".join(markdown), metadata)


_SEPARATORS = " _-.+()[]"


def student_name(path: Path, folder: Path, assignment: Assignment | None = None) -> str:
    """The student's name, from where the file is in the submissions folder.

    * ``folder/<name>/<anything>.ipynb`` (one sub-folder per student, as
      nbgrader and most hubs collect): the sub-folder's name;
    * ``folder/<file>.ipynb``: the file name without ``.ipynb``, without the
      exercise notebook's own name if it is part of it, and without
      separators at either end (``amina_07_industry40_fundamentals_exercises.ipynb``
      gives ``amina``).
    """
    rel = path.relative_to(folder)
    if len(rel.parts) > 1:
        return rel.parts[0]
    name = path.name[: -len(".ipynb")] if path.name.endswith(".ipynb") else path.stem
    if assignment is not None and assignment.stem in name and name != assignment.stem:
        name = name.replace(assignment.stem, " ")
    name = name.strip(_SEPARATORS)
    return name or path.name


def submission_files(folder: Path) -> list[Path]:
    """Every file in the folder and its sub-folders, except hidden files and checkpoints."""
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") or part == "__MACOSX" for part in rel.parts):
            continue
        if path.is_file() or (path.is_symlink() and not path.is_dir()):
            files.append(path)
    return files


# --------------------------------------------------------------------------
# The answer key (computed before any submission runs)
# --------------------------------------------------------------------------


@dataclass
class _Key:
    exercise: Exercise
    expected: Any = None
    pairs: list[tuple[tuple[Any, ...], Any]] | None = None
    cases: list[Any] = field(default_factory=list)


def _answer_key(assignment: Assignment) -> list[_Key]:
    keys = []
    for ex in assignment.exercises:
        q = ex.question
        key = _Key(ex)
        if isinstance(q, CodeTask):
            if q.is_function_task:
                key.pairs = q.expected_results()
                key.cases = [plaindata.encode(tuple(args))["items"] for args, _expected in key.pairs]
                key.cases = [{"$": "tuple", "items": items} for items in key.cases]
            else:
                assert q.expected is not None
                key.expected = q.expected()
        keys.append(key)
    return keys


class _Replay:
    """Stands in for a learner's function: gives back, in order, what it returned in the sandbox."""

    def __init__(self, results: list[Any]) -> None:
        self._results = list(results)

    def __call__(self, *args: Any) -> Any:
        kind, value = self._results.pop(0)
        if kind == "raised":
            raise value
        return value


def _exception(record: Any) -> BaseException:
    """A trusted exception that carries the learner's error type name and message."""
    if not isinstance(record, dict):
        raise plaindata.DecodeError("bad error record")
    name = record.get("type")
    message = record.get("message", "")
    if not isinstance(name, str) or not isinstance(message, str):
        raise plaindata.DecodeError("bad error record")
    if name == "NotImplementedError":
        return NotImplementedError(message[:300])
    clean = re.sub(r"\W", "", name)[:60] or "Error"
    if not clean[0].isalpha():
        clean = "E" + clean
    return type(clean, (Exception,), {})(message[:300])


UNREADABLE = N_("The grader could not read this answer.")
UNREADABLE_RESULTS = N_("The grader could not read the results of your function.")


def _with_hint(fb: Feedback, ex: Exercise) -> Feedback:
    if not fb.correct and fb.hint is None and fb.status != "error":
        return dataclasses.replace(fb, hint=translated(ex.question).hint(1))
    return fb


def _judge(key: _Key, answer: Any) -> Feedback:
    """The verdict on one exercise, from the plain data the sandbox returned."""
    ex = key.exercise
    q = translated(ex.question)  # its texts in the language of the reports (set_language)
    if not isinstance(answer, dict) or not isinstance(answer.get("status"), str):
        return Feedback("unreadable", _(UNREADABLE))
    status = answer["status"]
    if status == "missing":
        return Feedback("empty", _(
            "`{answer}` is not defined in the notebook: its cell was deleted, or it stopped with an error before defining it."
        ).format(answer=ex.answer_expr) + " " + _(NOT_ANSWERED))
    if status == "error":
        err = answer.get("error") if isinstance(answer.get("error"), dict) else {}
        return Feedback("incorrect", _("Reading `{answer}` stopped with {error}: {message}").format(
            answer=ex.answer_expr, error=str(err.get("type", _("an error")))[:60], message=str(err.get("message", ""))[:200]))
    try:
        if status == "value":
            value = plaindata.decode(answer.get("value"))
            if isinstance(value, plaindata.Opaque):
                return Feedback("unreadable", _("Your answer is {value}, which cannot be graded. Use a number, a text, a list or a table.").format(value=repr(value)))
            if key.pairs is not None:  # a function task, but the learner's name is not a function
                return check_function(value, key.pairs, q.compare_result, name=f"`{q.name}()`")  # type: ignore[attr-defined]
            if isinstance(q, CodeTask):
                fb = q.check(Ellipsis) if value is Ellipsis or value is None else q.compare_result(value, key.expected)
                return _with_hint(fb, ex)
            return q.check(value, attempt=1)
        if status == "function" and key.pairs is not None:
            results = answer.get("results")
            if not isinstance(results, list) or len(results) != len(key.pairs):
                return Feedback("unreadable", _(UNREADABLE_RESULTS))
            replay = []
            for r in results:
                if isinstance(r, dict) and "ok" in r:
                    value = plaindata.decode(r["ok"])
                    if isinstance(value, plaindata.Opaque):
                        return Feedback("unreadable", _("Your function returned {value}, which cannot be graded.").format(value=repr(value)))
                    replay.append(("ok", value))
                elif isinstance(r, dict) and "raised" in r:
                    replay.append(("raised", _exception(r["raised"])))
                else:
                    return Feedback("unreadable", _(UNREADABLE_RESULTS))
            fb = check_function(_Replay(replay), key.pairs, q.compare_result, name=f"`{q.name}()`")  # type: ignore[attr-defined]
            return _with_hint(fb, ex)
    except plaindata.DecodeError:
        return Feedback("unreadable", _(UNREADABLE))
    except Exception as exc:  # a bug in a checker: never the learner's fault, never points
        return Feedback("error", _("This answer could not be checked ({error}). Please tell the course team.").format(error=type(exc).__name__))
    return Feedback("unreadable", _(UNREADABLE))


# --------------------------------------------------------------------------
# The grader
# --------------------------------------------------------------------------


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class Grader:
    """Grades submissions against the course's own exercise notebooks.

    ``root`` is the course folder. ``assignment`` (a path to one of the
    course's exercise notebooks) makes every submission count as that
    assignment; without it, each submission's assignment is detected.
    ``hide`` lists folders the sandboxed processes must not see (the
    submissions and the output folder), where the system allows it.
    """

    def __init__(
        self,
        root: Path | str = ".",
        *,
        assignment: Path | str | None = None,
        limits: Limits = Limits(),
        workers: int | None = None,
        user: str | int = "nobody",
        hide: Sequence[Path | str] = (),
    ) -> None:
        self.root = find_root(root)
        self.limits = limits
        import os

        self.workers = max(1, workers or len(os.sched_getaffinity(0)))
        #: exercise notebooks of the course that could not be read as assignments, and why
        self.problems: list[str] = []
        self.assignments = course_assignments(self.root, self.problems)
        self.fixed: Assignment | None = None
        if assignment is not None:
            wanted = Path(assignment).resolve()
            if not any(a.path == wanted for a in self.assignments) and wanted.is_file():
                self.assignments.append(load_assignment(wanted, self.root))  # raises with the reason
            matches = [a for a in self.assignments if a.path == wanted]
            if not matches:
                names = ", ".join(a.name for a in self.assignments)
                raise ValueError(f"{assignment} is not an exercise notebook of the course ({names})")
            self.fixed = matches[0]
        # Trusted work first: every expected value and test case, before any submission runs.
        self._keys = {a.name: _answer_key(a) for a in self.assignments}
        self._sandbox = sandbox_settings(self.root, [Path(h) for h in hide], user)
        self.sandbox_notes: dict[str, Any] = {}

    # -- the sandbox -----------------------------------------------------
    def _job(self, assignment: Assignment, cells: list[str]) -> dict[str, Any]:
        return {
            "setup": assignment.setup_source,
            "cells": cells,
            "sandbox": self._sandbox,
            "exercises": [
                {"key": k.exercise.question.id, "expr": k.exercise.answer_expr, "function": k.pairs is not None, "cases": k.cases}
                for k in self._keys[assignment.name]
            ],
        }

    def preflight(self) -> dict[str, Any]:
        """Run a tiny job to prove the sandbox works here; raise ``RuntimeError`` if not."""
        assignment = self.fixed or self.assignments[0]
        job = self._job(assignment, ["probe = 6 * 7"])
        job["exercises"] = [{"key": "probe", "expr": "probe", "function": False, "cases": []}]
        run = run_child(job, dataclasses.replace(self.limits, timeout=max(self.limits.timeout, 60)))
        start = run.last("start") or {}
        result = run.last("result") or {}
        notes = start.get("sandbox", {}) if isinstance(start.get("sandbox"), dict) else {}
        ok = result.get("answers", {}).get("probe", {}).get("value") == 42 and notes.get("setup") == "ok"
        if not ok:
            raise RuntimeError(
                "The grader's sandbox does not work on this computer, so no submission was graded.\n"
                f"Setup: {notes.get('setup', 'did not start')}\n{run.stderr[-2000:]}"
            )
        self.sandbox_notes = notes
        return notes

    # -- one submission --------------------------------------------------
    def detect(self, sub: Submission) -> Assignment | None:
        """The course assignment a submission most likely belongs to, or None."""
        if self.fixed is not None:
            return self.fixed
        code = "\n".join(sub.code_cells)
        meta = sub.metadata.get("smartindustry") if isinstance(sub.metadata.get("smartindustry"), dict) else {}
        scores = []
        for a in self.assignments:
            score = 0
            if meta.get("assignment") == a.name:
                score += 5
            bank = a.bank.rsplit(".", 1)[-1]
            if re.search(rf"from\s+smartindustry\.questions\s+import\s+{re.escape(bank)}\b", code):
                score += 4
            score += sum(2 for e in a.exercises if f"q.{e.attr}" in code)
            score += sum(
                1 for e in a.exercises
                if e.answer_expr.isidentifier() and re.search(rf"^(def\s+{e.answer_expr}\s*\(|{e.answer_expr}\s*=)", code, flags=re.M)
            )
            if a.title and a.title in sub.markdown:
                score += 3
            scores.append((score, a.name, a))
        best = max(scores, key=lambda s: s[0])
        return best[2] if best[0] > 0 else None

    def grade_file(self, path: Path, folder: Path, assignment: Assignment | None = None) -> SubmissionResult:
        """Grade one file. Never raises for anything the file contains."""
        return self._grade(path, folder, self._read(path), assignment)

    @staticmethod
    def _read(path: Path) -> Submission | str:
        try:
            return read_submission(path)
        except NotANotebook as exc:
            return str(exc)

    def _grade(self, path: Path, folder: Path, sub: Submission | str, assignment: Assignment | None, note: str = "") -> SubmissionResult:
        start = time.monotonic()
        rel = path.relative_to(folder).as_posix()
        target = assignment or self.fixed
        if isinstance(sub, str):
            result = self._failed(student_name(path, folder, target), rel, target, sub, start)
        else:
            target = target or self.detect(sub)
            name = student_name(path, folder, target)
            if target is None:
                result = self._failed(name, rel, None, "the grader could not tell which exercise notebook this is; grade it with --assignment", start)
            else:
                run = run_child(self._job(target, sub.code_cells), self.limits)
                result = self._interpret(name, rel, target, sub, run)
        if note:
            result.notes.append(note)
        result.seconds = time.monotonic() - start
        return result

    def _failed(self, student: str, rel: str, assignment: Assignment | None, reason: str, start: float, **extra: Any) -> SubmissionResult:
        result = SubmissionResult(student, rel, assignment, status="failed", reason=reason, seconds=time.monotonic() - start, **extra)
        if assignment is not None:
            fb = Feedback("error", _("Not graded: {reason}.").format(reason=reason))
            result.exercises = [ExerciseResult(e, fb) for e in assignment.exercises]
        return result

    def _interpret(self, student: str, rel: str, assignment: Assignment, sub: Submission, run: RunResult) -> SubmissionResult:
        start = time.monotonic() - run.seconds
        last_cell = run.last("cell")
        where = ""
        if last_cell is not None and isinstance(last_cell.get("index"), int) and 0 <= last_cell["index"] < len(sub.cell_numbers):
            where = f" in cell {sub.cell_numbers[last_cell['index']]}"
        if run.too_much_output:
            return self._failed(student, rel, assignment, f"the notebook sent more than {self.limits.output_mb} MB of output to the grader", start)
        if run.timed_out:
            return self._failed(student, rel, assignment, f"the notebook did not finish within {self.limits.timeout:g} seconds (stopped{where}; is there an endless loop?)", start)
        result_record = run.last("result")
        if result_record is None:
            if run.returncode is not None and run.returncode < 0:
                why = f"the Python process running the notebook crashed ({_signal_name(run.returncode)}){where}"
                return self._failed(student, rel, assignment, why, start, crashed=True)
            if run.last("start") is None:
                return self._failed(student, rel, assignment, "the grader could not start the notebook (see the grader's log)", start)
            code = run.returncode
            return self._failed(student, rel, assignment, f"the notebook ended the Python process running it (exit code {code}){where} before its answers could be read", start)
        answers = result_record.get("answers")
        cells = result_record.get("cells")
        if not isinstance(answers, dict) or not isinstance(cells, list):
            return self._failed(student, rel, assignment, "the grader could not read what the notebook returned", start)
        result = SubmissionResult(student, rel, assignment)
        for k in self._keys[assignment.name]:
            fb = _judge(k, answers.get(k.exercise.question.id))
            result.exercises.append(ExerciseResult(k.exercise, fb))
        for cell in cells[:200]:
            if not isinstance(cell, dict) or cell.get("status") == "ok":
                continue
            i = cell.get("index")
            err = cell.get("error") if isinstance(cell.get("error"), dict) else {}
            number = sub.cell_numbers[i] if isinstance(i, int) and 0 <= i < len(sub.cell_numbers) else "?"
            result.cell_errors.append(f"cell {number}: {str(err.get('type', 'error'))[:60]}: {str(err.get('message', ''))[:160]}".rstrip(": "))
        if run.unreadable_output:
            result.notes.append("Some of the notebook's output to the grader could not be read and was ignored.")
        return result

    # -- a folder ----------------------------------------------------------
    def grade_folder(self, folder: Path | str, progress: Callable[[SubmissionResult], None] | None = None) -> list[SubmissionResult]:
        """Grade every file in ``folder``, in parallel. Results are in file order.

        A notebook whose exercise notebook cannot be recognised is graded as
        the one most of the folder's notebooks belong to, with a note.
        """
        folder = Path(folder).resolve()
        files = submission_files(folder)
        if not files:
            return []
        subs = [self._read(p) for p in files]
        targets: list[Assignment | None] = [
            self.fixed or (self.detect(s) if isinstance(s, Submission) else None) for s in subs
        ]
        found = Counter(t.name for t in targets if t is not None)
        common = next((a for a in self.assignments if found and a.name == found.most_common(1)[0][0]), None)
        notes = ["" if t is not None or common is None else f"Graded as {common.name}, the notebook most of the folder belongs to." for t in targets]
        targets = [t or common for t in targets]

        def one(i: int) -> SubmissionResult:
            return self._report(self._grade(files[i], folder, subs[i], targets[i], notes[i]), progress)

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            results = list(pool.map(one, range(len(files))))
        # A process that died of a signal may have been hit by something else running at the
        # same time (memory pressure, another submission): try those once more, alone.
        for i, result in enumerate(results):
            if result.crashed:
                again = self._grade(files[i], folder, subs[i], targets[i], notes[i])
                again.notes.append("Graded a second time, alone, after its process crashed the first time.")
                results[i] = self._report(again, progress)
        _unique_names(results)
        return results

    @staticmethod
    def _report(result: SubmissionResult, progress: Callable[[SubmissionResult], None] | None) -> SubmissionResult:
        if progress is not None:
            progress(result)
        return result


def _unique_names(results: list[SubmissionResult]) -> None:
    counts = Counter(r.student for r in results)
    for r in results:
        if counts[r.student] > 1:
            r.notes.append(f"Several files gave the name {r.student!r}; this one is named after its file.")
            r.student = f"{r.student} ({r.file})"

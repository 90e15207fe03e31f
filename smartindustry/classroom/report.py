"""The gradebook (one CSV file) and a short feedback report for each student."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..i18n import gettext as _
from ..i18n import format_decimal, language
from .grading import SubmissionResult

__all__ = ["write_gradebook", "write_feedback", "feedback_text", "safe_file_name"]


def _cell(text: str) -> str:
    """Text for a spreadsheet cell that no spreadsheet program reads as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _fmt(points: float) -> str:
    return f"{points:g}"


def _shown(points: float) -> str:
    """Points as a report writes them, in its language (2.33, or 2,33 in French)."""
    return format_decimal(_fmt(points))


def write_gradebook(results: list[SubmissionResult], path: Path) -> Path:
    """One row per submission: student, file, assignment, points per exercise, total, max, status, reason."""
    columns: list[str] = []
    for r in results:
        for e in r.exercises:
            if e.exercise.column not in columns:
                columns.append(e.exercise.column)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "file", "assignment", *columns, "total", "max", "status", "reason"])
        for r in sorted(results, key=lambda r: r.student.casefold()):
            points = {e.exercise.column: _fmt(e.points) for e in r.exercises}
            writer.writerow([
                _cell(r.student),
                _cell(r.file),
                r.assignment.name if r.assignment else "",
                *[points.get(c, "") for c in columns],
                _fmt(r.total),
                _fmt(r.max_points) if r.assignment else "",
                r.status,
                _cell(r.reason),
            ])
    return path


def exercise_heading(number: int, title: str, page: str, lang: str | None = None) -> str:
    """``Exercise 3: The usage gap``, as the exercise page's heading reads in ``lang``."""
    english = f"Exercise {number}: {title}"
    lang = lang or language()
    if lang == "en":
        return english
    from ..i18n.notebooks import book_catalogue

    table = book_catalogue(page, lang)
    for key, value in table.items():  # the heading may say more ("Interactive demo 1 and Exercise 3: ...")
        if key.endswith(english):
            return value
    return _("Exercise {number}: {title}").format(number=number, title=title)


def feedback_text(r: SubmissionResult) -> str:
    """The feedback report of one student, as plain text (in the language chosen with set_language)."""
    colon = _(":")
    lines = [
        _("Smart and Inclusive Industry: feedback on your exercises"),
        "",
        _("Student: {name}").format(name=r.student),
        _("File: {file}").format(file=r.file),
    ]
    if r.assignment is not None:
        page = f"exercises/{Path(r.assignment.name).stem}"
        title = r.assignment.title
        if language() != "en":
            from ..i18n.notebooks import book_catalogue

            title = book_catalogue(page, language()).get(title, title)
        lines.append(_("Notebook: {title} ({name})").format(title=title, name=r.assignment.name))
        lines.append(_("Score: {total} of {points} points").format(total=_shown(r.total), points=_shown(r.max_points)))
    else:
        page = ""
        lines.append(_("Score: 0 points"))
    lines.append("")
    if r.status != "graded":
        lines += [
            _("Your notebook could not be graded, so it scores 0: {reason}.").format(reason=r.reason),
            _("Open it in Jupyter, choose Kernel > Restart Kernel and Run All Cells, check that it finishes, save it, and hand it in again."),
            "",
        ]
    else:
        passed = [e for e in r.exercises if e.feedback.correct]
        lines.append(_("Passed: {passed} of {total} exercises.").format(passed=len(passed), total=len(r.exercises)))
        lines.append("")
        for e in r.exercises:
            fb = e.feedback
            heading = exercise_heading(e.exercise.number, e.exercise.title, page)
            lines.append(_("{heading} ({points} of {max})").format(heading=heading, points=_shown(e.points), max=_shown(e.exercise.points)))
            lines.append(f"  {fb.label}{colon} {fb.message}")
            if fb.hint and not fb.correct:
                lines.append(f"  {_('Hint')}{colon} {fb.hint}")
            lines.append("")
        if r.cell_errors:
            lines.append(_("Cells that stopped with an error when the grader ran your notebook:"))
            lines += [f"  - {c}" for c in r.cell_errors[:15]]
            if len(r.cell_errors) > 15:
                lines.append("  - " + _("... and {count} more").format(count=len(r.cell_errors) - 15))
            lines.append("")
    for note in r.notes:
        lines.append(_("Note: {note}").format(note=note))
    return "\n".join(lines).rstrip() + "\n"


def safe_file_name(name: str) -> str:
    """A file name made from a student's name: letters, digits, dot, dash, underscore."""
    clean = re.sub(r"[^\w.\-]+", "_", name, flags=re.UNICODE).strip("._") or "student"
    return clean[:80]


def write_feedback(results: list[SubmissionResult], folder: Path) -> list[Path]:
    """One ``<student>.txt`` per submission in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written, used = [], set()
    for r in results:
        base = safe_file_name(r.student)
        name, n = base, 2
        while name.casefold() in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name.casefold())
        path = folder / f"{name}.txt"
        path.write_text(feedback_text(r), encoding="utf-8")
        written.append(path)
    return written

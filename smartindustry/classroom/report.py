"""The gradebook (one CSV file) and a short feedback report for each student."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .grading import SubmissionResult

__all__ = ["write_gradebook", "write_feedback", "feedback_text", "safe_file_name"]


def _cell(text: str) -> str:
    """Text for a spreadsheet cell that no spreadsheet program reads as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _fmt(points: float) -> str:
    return f"{points:g}"


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


def feedback_text(r: SubmissionResult) -> str:
    """The feedback report of one student, as plain text."""
    lines = [
        "Smart and Inclusive Industry: feedback on your exercises",
        "",
        f"Student: {r.student}",
        f"File: {r.file}",
    ]
    if r.assignment is not None:
        lines.append(f"Notebook: {r.assignment.title} ({r.assignment.name})")
        lines.append(f"Score: {_fmt(r.total)} of {_fmt(r.max_points)} points")
    else:
        lines.append("Score: 0 points")
    lines.append("")
    if r.status != "graded":
        lines += [
            f"Your notebook could not be graded, so it scores 0: {r.reason}.",
            "Open it in Jupyter, choose Kernel > Restart Kernel and Run All Cells, check that it finishes, save it, and hand it in again.",
            "",
        ]
    else:
        passed = [e for e in r.exercises if e.feedback.correct]
        lines.append(f"Passed: {len(passed)} of {len(r.exercises)} exercises.")
        lines.append("")
        for e in r.exercises:
            fb = e.feedback
            lines.append(f"Exercise {e.exercise.number}: {e.exercise.title} ({_fmt(e.points)} of {_fmt(e.exercise.points)})")
            lines.append(f"  {fb.label}: {fb.message}")
            if fb.hint and not fb.correct:
                lines.append(f"  Hint: {fb.hint}")
            lines.append("")
        if r.cell_errors:
            lines.append("Cells that stopped with an error when the grader ran your notebook:")
            lines += [f"  - {c}" for c in r.cell_errors[:15]]
            if len(r.cell_errors) > 15:
                lines.append(f"  - ... and {len(r.cell_errors) - 15} more")
            lines.append("")
    for note in r.notes:
        lines.append(f"Note: {note}")
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

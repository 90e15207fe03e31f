"""Command line of the classroom tools: ``python -m smartindustry.classroom --help``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..i18n import LANGUAGES
from .assignment import find_root


def _editions(args: argparse.Namespace) -> int:
    from . import editions

    write = {
        "student": editions.write_student_editions,
        "instructor": editions.write_instructor_editions,
        "nbgrader": editions.write_nbgrader_editions,
    }[args.command]
    root = find_root(args.root)
    written = write(root, args.out, args.notebooks or None, lang=args.lang)
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    if args.command == "nbgrader":
        print("Copy the folder 'source' into your nbgrader course folder, then run: nbgrader generate_assignment <name>")
    return 0


def _grade(args: argparse.Namespace) -> int:
    from .grading import Grader
    from .report import write_feedback, write_gradebook
    from .sandbox import Limits

    from ..i18n import set_language

    set_language(args.lang)  # feedback and reports in this language
    root = find_root(args.root)
    folder = Path(args.submissions)
    if not folder.is_dir():
        print(f"No folder {folder}: give the folder of handed-in notebooks, e.g. make grade SUBMISSIONS=hand-ins", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else root / "_build" / "grades"
    limits = Limits(
        timeout=args.timeout,
        cell_timeout=args.cell_timeout,
        memory_mb=args.memory_mb,
        file_mb=args.file_mb,
        output_mb=args.output_mb,
    )
    start = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)  # so that it exists, and is hidden from the notebooks
    grader = Grader(root, assignment=args.assignment, limits=limits, workers=args.workers, user=args.user, hide=[folder, out])
    notes = grader.preflight()
    print("Sandbox: " + "; ".join(f"{k}: {v}" for k, v in notes.items() if k != "setup"))
    for problem in grader.problems:
        print(f"Warning: not an exercise notebook the grader can use: {problem}")
    if "right to read files" in notes.get("user", "") and notes.get("files", "").startswith("shared file system"):
        print("Warning: the notebooks may be able to read the folder of hand-ins; keep it where only the grader can read it.")
    if "not started as root" in notes.get("user", ""):
        print(
            "Warning: the grader is not running as root, so each notebook runs as your own user and could "
            "change or delete your files. For a class, run it as root (each notebook then runs as an "
            "unprivileged user), in a container, or under a separate account."
        )
    print(f"Grading the files in {folder} with {grader.workers} worker(s)...")

    def progress(r):
        score = f"{r.total:g}/{r.max_points:g}" if r.assignment else "0"
        extra = f"  [{r.reason}]" if r.status != "graded" else ""
        if any("second time" in n for n in r.notes):
            extra += "  (second try, alone)"
        print(f"  {r.student}: {score} ({r.seconds:.1f} s){extra}", flush=True)

    results = grader.grade_folder(folder, progress=progress)
    if not results:
        print(f"No files in {folder}.")
        return 1
    gradebook = write_gradebook(results, out / "gradebook.csv")
    reports = write_feedback(results, out / "feedback")
    elapsed = time.monotonic() - start
    failed = sum(r.status != "graded" for r in results)
    print(f"Graded {len(results)} file(s) in {elapsed:.1f} s ({failed} could not be graded; see their reports).")
    print(f"Gradebook: {gradebook}")
    print(f"Feedback:  {reports[0].parent}/ (one file per student)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smartindustry.classroom", description=__doc__)
    parser.add_argument("--root", default=".", help="the course folder (default: the current folder or the first one above it)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in [
        ("student", "write the student editions of the exercise notebooks (default: _build/student)"),
        ("instructor", "write the instructor editions, the answer key and the teaching notes (default: _build/instructor)"),
        ("nbgrader", "write nbgrader source notebooks, for a JupyterHub that uses nbgrader (default: _build/nbgrader)"),
    ]:
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("notebooks", nargs="*", type=Path, help="only these exercise notebooks (default: all)")
        p.add_argument("--out", type=Path, default=None, help="output folder")
        p.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the edition (default: en)")
        p.set_defaults(func=_editions)
    g = sub.add_parser(
        "grade",
        help="grade a folder of handed-in notebooks",
        description=(
            "Grade every file in SUBMISSIONS (one notebook per student, any file names; or one sub-folder per "
            "student). The student's name is the sub-folder's name, or the file name without .ipynb and "
            "without the exercise notebook's own name. Writes gradebook.csv and feedback/<student>.txt."
        ),
    )
    g.add_argument("submissions", help="the folder of handed-in notebooks")
    g.add_argument("--assignment", type=Path, default=None, help="grade every file as this exercise notebook (e.g. exercises/07_industry40_fundamentals_exercises.ipynb); default: detect it from each file")
    g.add_argument("--out", type=Path, default=None, help="output folder (default: _build/grades)")
    g.add_argument("--workers", type=int, default=None, help="notebooks graded at the same time (default: the number of cores)")
    g.add_argument("--timeout", type=float, default=120.0, help="seconds for a whole notebook (default: 120)")
    g.add_argument("--cell-timeout", type=float, default=30.0, help="seconds for one cell or one test call (default: 30)")
    g.add_argument("--memory-mb", type=int, default=2048, help="memory per notebook, in MB (default: 2048)")
    g.add_argument("--file-mb", type=int, default=32, help="largest file a notebook may write, in MB (default: 32)")
    g.add_argument("--output-mb", type=int, default=8, help="most data a notebook may return to the grader, in MB (default: 8)")
    g.add_argument("--user", default="nobody", help="when run as root: the unprivileged user that runs the notebooks (default: nobody)")
    g.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the feedback reports (default: en)")
    g.set_defaults(func=_grade)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""Grading: right answers earn their points, and no hostile notebook earns any it did not.

One folder of submissions (honest and hostile) is graded once, in parallel,
with small limits; each test then checks one submission's row. The hostile
ones are the behaviours the grader must survive: edited and deleted cells,
redefined checks, monkeypatched pandas/numpy, fake "Correct!" output, written
files, endless loops, memory bombs, crashes, broken files, floods of output.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from pathlib import Path

import nbformat
import pytest

from smartindustry.classroom import plaindata
from smartindustry.classroom.assignment import course_assignments, load_assignment
from smartindustry.classroom.editions import student_edition
from smartindustry.classroom.grading import Grader, _judge, _answer_key, student_name
from smartindustry.classroom.report import feedback_text, write_feedback, write_gradebook
from smartindustry.classroom.sandbox import Limits

ROOT = Path(__file__).resolve().parents[1]
EX07 = ROOT / "exercises" / "07_industry40_fundamentals_exercises.ipynb"
IS_ROOT = os.geteuid() == 0
# Small limits, so that hostile notebooks are stopped soon; but with room for an honest cell
# (the setup cell imports pandas and reads the tables) on a 2-core machine that also runs
# the rest of the suite: the untouched editions of all chapters are graded three at a time.
LIMITS = Limits(timeout=40, cell_timeout=10, memory_mb=768, file_mb=4, output_mb=2, answer_kb=500)
ASSIGNMENTS = course_assignments(ROOT)


def _book(path: Path = EX07) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _student(path: Path = EX07) -> nbformat.NotebookNode:
    return student_edition(load_assignment(path, ROOT))


def _set(nb, first_line: str, source: str):
    """Replace the code cell whose source starts with ``first_line``."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "solution" not in cell.metadata.get("tags", []) and cell.source.startswith(first_line):
            cell.source = source
            return nb
    raise AssertionError(f"no cell starting with {first_line!r}")


def _add(nb, source: str, at: int | None = None):
    cell = nbformat.v4.new_code_cell(source)
    if at is None:
        nb.cells.append(cell)
    else:
        nb.cells.insert(at, cell)
    return nb


def _write(folder: Path, name: str, nb) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb), encoding="utf-8")


WRONG_DAILY = "def daily_summary(line):\n    return line.head(1)\n"
PARTLY_RIGHT_DAILY = (
    "def daily_summary(line):\n"
    "    days = line.assign(date=line['timestamp'].dt.date)\n"
    "    out = days.groupby('date', as_index=False)[['units_made', 'units_defective']].sum()\n"
    "    out['good_units'] = out['units_made'] - out['units_defective']\n"
    "    if len(line) < 100:\n"
    "        out['good_units'] = 0\n"
    "    return out\n"
)


def _all_wrong(nb):
    _set(nb, "answer_1 = ...", 'answer_1 = "D"')
    _set(nb, "answer_2 = ...", "answer_2 = 62.5")
    _set(nb, "breakdown_hours = ...", "breakdown_hours = 138")
    _set(nb, "def daily_summary", WRONG_DAILY)
    _set(nb, "answer_5 = ...", 'answer_5 = "preventive"')
    _set(nb, "answer_6 = ...", 'answer_6 = "A"')
    return nb


@pytest.fixture(scope="module")
def sentinel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sentinel")
    folder.chmod(0o755)
    path = folder / "teacher_file.txt"
    path.write_text("do not change\n")
    path.chmod(0o644)
    return path


@pytest.fixture(scope="module")
def graded(tmp_path_factory, sentinel):
    folder = tmp_path_factory.mktemp("submissions")
    course_file = ROOT / "smartindustry" / "questions" / "__init__.py"
    before = hashlib.sha256(course_file.read_bytes()).hexdigest()

    # honest work
    for a in ASSIGNMENTS:
        _write(folder, f"book_{a.stem}.ipynb", _book(a.path))
        _write(folder, f"untouched_{a.stem}.ipynb", student_edition(a))
    nb = _student()
    _set(nb, "answer_1 = ...", 'answer_1 = "C"')
    _set(nb, "answer_2 = ...", "answer_2 = 62.5")
    _set(nb, "def daily_summary", PARTLY_RIGHT_DAILY)
    _set(nb, "answer_5 = ...", 'answer_5 = "Predictive maintenance"')
    _write(folder, "Partial Paula.ipynb", nb)
    _write(folder, "amina/07_industry40_fundamentals_exercises.ipynb", _book())

    # edited and deleted cells: no setup cell, no question or check cells, exercise 6 deleted
    nb = _book()
    keep = []
    for cell in nb.cells:
        src = cell.source
        if cell.cell_type == "markdown" or src.startswith(("check(", "q.", "import ipywidgets")) or "answer_6" in src:
            continue
        keep.append(cell)
    nb.cells = keep
    _write(folder, "edited.ipynb", nb)

    # redefined checks and assert, patched course code, wrong answers
    nb = _all_wrong(_student())
    _add(nb, (
        "import builtins, smartindustry.exercises as ex\n"
        "from smartindustry.exercises import Feedback\n"
        "def check(*args, **kwargs):\n    return Feedback('correct', 'Correct!', 1.0)\n"
        "ex.check = check\n"
        "ex.Question.check = lambda self, *a, **k: Feedback('correct', 'Correct!', 1.0)\n"
        "ex.CodeTask.compare_result = lambda self, *a, **k: Feedback('correct', 'Correct!', 1.0)\n"
        "ex.compare_value = ex.compare_frames = ex.check_function = lambda *a, **k: Feedback('correct', 'Correct!', 1.0)\n"
        "builtins.AssertionError = type('NeverRaised', (Exception,), {})\n"
    ), at=3)
    _write(folder, "redefines_check.ipynb", nb)

    # monkeypatched pandas and numpy, and answers that claim to equal anything
    nb = _all_wrong(_student())
    _add(nb, (
        "import math, numpy as np, pandas as pd\n"
        "np.isclose = lambda *a, **k: np.array(True)\n"
        "np.allclose = lambda *a, **k: True\n"
        "math.isclose = lambda *a, **k: True\n"
        "pd.DataFrame.equals = lambda *a, **k: True\n"
        "pd.testing.assert_frame_equal = lambda *a, **k: None\n"
        "pd.DataFrame.__eq__ = lambda *a, **k: True\n"
        "class Sneaky(str):\n    __eq__ = lambda self, other: True\n    __hash__ = str.__hash__\n"
        "class Anything(float):\n    __eq__ = lambda self, other: True\n"
        "answer_5 = Sneaky('no idea')\n"
        "answer_2 = Anything(1.0)\n"
        "class Weird:\n    def __eq__(self, other):\n        return True\n"
        "breakdown_hours = Weird()\n"
    ))
    _write(folder, "monkeypatch.ipynb", nb)

    # fake "Correct!" everywhere: printed, in stored outputs, in metadata; no answers
    nb = _student()
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("check("):
            cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "Correct: well done."}, execution_count=1)]
    _add(nb, "print('Correct! 6 of 6 points')\nprint('Exercise 1: Correct')")
    nb.metadata["smartindustry"] = {"edition": "instructor", "assignment": "exercises/07_industry40_fundamentals_exercises.ipynb", "score": 6}
    _write(folder, "fake_correct.ipynb", nb)

    # writes files: a big one, one in the teacher's folder, one in the course package
    nb = _book()
    code = (
        "import os\n"
        "results = []\n"
        "for target, mode in [('big.bin', 'wb'), (%r, 'w'), (%r, 'w')]:\n"
        "    try:\n"
        "        with open(target, mode) as f:\n"
        "            f.write(b'x' * (20 * 2**20) if 'b' in mode else 'changed')\n"
        "        results.append('written')\n"
        "    except OSError as exc:\n"
        "        results.append(type(exc).__name__)\n"
    ) % (str(sentinel), str(sentinel.parent / "new_file.txt"))
    if IS_ROOT:  # only when the grader can protect the course (as a normal user it cannot)
        code += (
            "try:\n    open(%r, 'a').write('# injected')\nexcept OSError:\n    pass\n"
            "try:\n    open(%r, 'w').write('x = 1')\nexcept OSError:\n    pass\n"
        ) % (str(course_file), str(course_file.parent / "zz_injected.py"))
    _add(nb, code, at=3)
    _write(folder, "writes_files.ipynb", nb)

    # endless loops: one a cell limit stops, one that ignores it
    nb = _book()
    _add(nb, "while True:\n    pass\n", at=3)
    _write(folder, "endless_loop.ipynb", nb)
    nb = _book()
    _add(nb, (
        "import signal, time\n"
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "while True:\n"
        "    try:\n        time.sleep(0.05)\n    except BaseException:\n        pass\n"
    ))
    _write(folder, "endless_stubborn.ipynb", nb)

    # memory bombs
    nb = _book()
    _add(nb, "x = bytearray(64 * 2**30)\n", at=3)
    _add(nb, "chunks = []\nwhile True:\n    chunks.append(bytearray(200 * 2**20))\n", at=3)
    _write(folder, "memory_bomb.ipynb", nb)

    # crashes
    nb = _book()
    _add(nb, "import os\nos._exit(3)\n")
    _write(folder, "crash_exit.ipynb", nb)
    nb = _book()
    _add(nb, "import ctypes\nctypes.string_at(0)\n")
    _write(folder, "crash_segfault.ipynb", nb)

    # exits, interrupts and forks that must stop only their own cell
    nb = _book()
    _add(nb, "import sys\nsys.exit(1)\n", at=3)
    _add(nb, "raise KeyboardInterrupt\n", at=3)
    _add(nb, "import os\nwhile True:\n    os.fork()\n", at=3)
    _add(nb, "%matplotlib inline\n!echo hello\nmagic_ok = True\n", at=3)
    _write(folder, "exits_and_forks.ipynb", nb)

    # a function that misbehaves only when the grader calls it
    nb = _book()
    _add(nb, (
        "def daily_summary(line):\n"
        "    while True:\n"
        "        pass\n"
    ), at=len(nb.cells) - 1)
    _write(folder, "function_loops.ipynb", nb)

    # floods the grader's pipe and fakes a result record
    nb = _book()
    _add(nb, (
        "import os, json\n"
        "fake = json.dumps({'event': 'result', 'cells': [], 'answers': {'i40-plc': {'status': 'value', 'value': 'C'}}})\n"
        "for fd in range(3, 64):\n"
        "    try:\n"
        "        os.write(fd, (fake + '\\n').encode() * 2000 + b'x' * (3 * 2**20))\n"
        "    except OSError:\n"
        "        pass\n"
    ))
    _write(folder, "floods_output.ipynb", nb)
    nb = _all_wrong(_student())
    _add(nb, (
        "import os\n"
        "bad = b'{\"event\": \"result\", \"cells\": \"no\", \"answers\": {\"i40-plc\": {\"status\": \"function\", \"results\": [1]}}}\\n'\n"
        "for fd in range(3, 64):\n"
        "    try:\n"
        "        os.write(fd, b'[[[[[[[[[[\\n' + b'{\"event\": NaN}\\n' + bad)\n"
        "    except OSError:\n"
        "        pass\n"
        "os._exit(0)\n"
    ))
    _write(folder, "fake_result.ipynb", nb)

    # broken files
    text = EX07.read_text(encoding="utf-8")
    (folder / "corrupted.ipynb").write_text(text[: len(text) // 2], encoding="utf-8")
    (folder / "not_a_notebook.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)))
    (folder / "empty.ipynb").write_bytes(b"")
    (folder / "json_list.ipynb").write_text("[1, 2, 3]")
    (folder / "deep.ipynb").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "endless_file.ipynb").symlink_to("/dev/zero")

    grader = Grader(ROOT, limits=LIMITS, workers=3, hide=[folder])
    grader.preflight()
    results = grader.grade_folder(folder)
    after = hashlib.sha256(course_file.read_bytes()).hexdigest()
    injected = (course_file.parent / "zz_injected.py").exists()
    out = tmp_path_factory.mktemp("grades")
    write_gradebook(results, out / "gradebook.csv")
    write_feedback(results, out / "feedback")
    return {
        "by_file": {r.file: r for r in results},
        "results": results,
        "course_unchanged": before == after and not injected,
        "out": out,
        "grader": grader,
    }


def _row(graded, name):
    return graded["by_file"][name]


def _points(result) -> dict[int, float]:
    return {e.exercise.number: e.points for e in result.exercises}


# -- honest work ------------------------------------------------------------------


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=[a.stem for a in ASSIGNMENTS])
def test_the_book_notebook_with_its_solutions_scores_full_marks(graded, a):
    r = _row(graded, f"book_{a.stem}.ipynb")
    assert r.status == "graded", r.reason
    assert r.assignment.name == a.name
    assert r.total == r.max_points == a.max_points > 0, [(e.exercise.column, e.feedback.message) for e in r.exercises]
    assert r.cell_errors == []


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=[a.stem for a in ASSIGNMENTS])
def test_the_untouched_student_edition_scores_zero_without_crashing(graded, a):
    r = _row(graded, f"untouched_{a.stem}.ipynb")
    assert r.status == "graded", r.reason
    assert r.assignment.name == a.name
    assert r.total == 0
    assert {e.feedback.status for e in r.exercises} == {"empty"}
    assert r.cell_errors == []


def test_a_partial_answer_scores_partially(graded):
    r = _row(graded, "Partial Paula.ipynb")
    assert r.student == "Partial Paula"
    assert _points(r) == {1: 1.0, 2: 0.0, 3: 0.0, 4: pytest.approx(0.33), 5: 1.0, 6: 0.0}
    assert r.total == pytest.approx(2.33)
    daily = r.exercises[3].feedback
    assert daily.status == "partial" and "1 of 3 test cases" in daily.message
    assert "counted all 300 parts" in r.exercises[1].feedback.message  # the known mistake, recognised by the grader


def test_the_feedback_report_in_french(graded):
    from smartindustry.i18n import using

    r = _row(graded, "Partial Paula.ipynb")
    english = feedback_text(r)
    with using("fr"):
        text = feedback_text(r)
    assert english.startswith("Smart and Inclusive Industry: feedback on your exercises")
    assert text.startswith("Industrie intelligente et inclusive\u00a0: retour sur vos exercices")
    assert "Note\u00a0: 2,33 sur 6 points" in text and "Score: 2.33 of 6 points" in english
    assert "Exercice 1\u00a0: " in text and "Exercise" not in text


def test_student_names_come_from_file_and_folder_names(graded):
    assert _row(graded, "amina/07_industry40_fundamentals_exercises.ipynb").student == "amina"
    a = load_assignment(EX07, ROOT)
    folder = Path("/x")
    assert student_name(folder / "07_industry40_fundamentals_exercises_Kofi.ipynb", folder, a) == "Kofi"
    assert student_name(folder / "lin-07_industry40_fundamentals_exercises.ipynb", folder, a) == "lin"
    assert student_name(folder / "07_industry40_fundamentals_exercises.ipynb", folder, a) == "07_industry40_fundamentals_exercises"


# -- hostile behaviours -------------------------------------------------------------


def test_edited_and_deleted_cells(graded):
    """No setup, question or check cells, exercise 6 deleted: the rest is still graded."""
    r = _row(graded, "edited.ipynb")
    assert r.status == "graded"
    assert r.total == 5
    six = r.exercises[5].feedback
    assert six.status == "empty" and "not defined" in six.message


def test_redefined_check_functions_and_assert_earn_nothing(graded):
    r = _row(graded, "redefines_check.ipynb")
    assert r.status == "graded"
    assert r.total == 0
    assert all(e.feedback.status in ("incorrect", "partial", "unreadable") for e in r.exercises)


def test_monkeypatched_pandas_numpy_and_sneaky_objects_earn_nothing(graded):
    r = _row(graded, "monkeypatch.ipynb")
    assert r.status == "graded"
    assert r.total == 0
    assert "no idea" in r.exercises[4].feedback.message  # the text, not the object that equals anything
    assert r.exercises[2].feedback.status == "unreadable"


def test_fake_correct_text_outputs_and_metadata_earn_nothing(graded):
    r = _row(graded, "fake_correct.ipynb")
    assert r.status == "graded"
    assert r.total == 0
    assert {e.feedback.status for e in r.exercises} == {"empty"}


def test_written_files_stay_in_the_sandbox(graded, sentinel):
    r = _row(graded, "writes_files.ipynb")
    assert r.status == "graded" and r.total == 6
    if not IS_ROOT:
        pytest.skip("the grader protects the teacher's files only when it runs as root")
    assert sentinel.read_text() == "do not change\n"
    assert not (sentinel.parent / "new_file.txt").exists()
    assert graded["course_unchanged"]


def test_endless_loops_are_stopped(graded):
    looping = _row(graded, "endless_loop.ipynb")
    assert looping.status == "graded" and looping.total == 6
    assert any("Timeout" in e for e in looping.cell_errors)
    stubborn = _row(graded, "endless_stubborn.ipynb")
    assert stubborn.status == "failed" and stubborn.total == 0
    assert f"did not finish within {LIMITS.timeout:g} seconds" in stubborn.reason


def test_memory_bombs_stop_their_cell_only(graded):
    r = _row(graded, "memory_bomb.ipynb")
    assert r.status == "graded" and r.total == 6
    assert len(r.cell_errors) == 2 and "MemoryError" in r.cell_errors[1]  # the 64 GB request
    assert "MemoryError" in r.cell_errors[0] or "Timeout" in r.cell_errors[0]  # the growing list (a slow machine may hit the time limit first)


def test_crashing_the_process_gives_zero_with_the_reason(graded):
    exited = _row(graded, "crash_exit.ipynb")
    assert exited.status == "failed" and exited.total == 0
    assert "exit code 3" in exited.reason and "cell" in exited.reason
    segfault = _row(graded, "crash_segfault.ipynb")
    assert segfault.status == "failed" and segfault.total == 0
    assert "SIGSEGV" in segfault.reason
    assert any("second time" in n for n in segfault.notes)


def test_exits_interrupts_forks_and_magics_stop_only_their_cell(graded):
    r = _row(graded, "exits_and_forks.ipynb")
    assert r.status == "graded" and r.total == 6
    errors = " ".join(r.cell_errors)
    assert "SystemExit" in errors and "KeyboardInterrupt" in errors
    assert "BlockingIOError" in errors  # no new process can start


def test_a_function_that_loops_when_called_is_stopped(graded):
    r = _row(graded, "function_loops.ipynb")
    assert r.status == "graded" and r.total == 5
    assert "Timeout" in r.exercises[3].feedback.message


def test_floods_and_fake_results_earn_nothing(graded):
    flood = _row(graded, "floods_output.ipynb")
    assert flood.status == "failed" and flood.total == 0
    assert "more than 2 MB" in flood.reason
    fake = _row(graded, "fake_result.ipynb")
    assert fake.total == 0
    assert fake.status == "failed" or all(e.feedback.status != "correct" for e in fake.exercises)


@pytest.mark.parametrize(
    "name, words",
    [
        ("corrupted.ipynb", "not a valid notebook"),
        ("not_a_notebook.pdf", "not text"),
        ("empty.ipynb", "empty"),
        ("json_list.ipynb", "not a Jupyter notebook"),
        ("deep.ipynb", "not a"),
        ("endless_file.ipynb", "not a regular file"),
    ],
)
def test_corrupted_and_non_notebook_files_get_zero_with_the_reason(graded, name, words):
    r = _row(graded, name)
    assert r.status == "failed" and r.total == 0
    assert words in r.reason
    assert r.max_points > 0  # counted against the class's assignment
    assert "could not be graded" in feedback_text(r)


def test_every_other_submission_was_graded_and_reported(graded):
    results = graded["results"]
    assert len(results) == len(graded["by_file"])
    csv = (graded["out"] / "gradebook.csv").read_text().splitlines()
    assert csv[0].startswith("student,file,assignment,Exercise 1 (")
    assert len(csv) == len(results) + 1
    reports = list((graded["out"] / "feedback").glob("*.txt"))
    assert len(reports) == len(results)
    assert all(r.status == "failed" or r.reason == "" for r in results)


# -- the trusted side on bad data -------------------------------------------------


def test_the_judge_never_raises_and_never_passes_malformed_records():
    a = load_assignment(EX07, ROOT)
    bad = [None, 1, "x", [], {"status": 3}, {"status": "value"}, {"status": "value", "value": {"$": "frame"}},
           {"status": "value", "value": {"$": "no-such-kind"}}, {"status": "function", "results": "x"},
           {"status": "function", "results": [{"raised": {"type": 5}}]}, {"status": "function", "results": [{"ok": 1}] * 99},
           {"status": "error", "error": "x"}, {"status": "value", "value": {"$": "float", "v": "nan"}}]
    for key in _answer_key(a):
        for record in bad:
            fb = _judge(key, record)
            assert not fb.correct and fb.score == 0, (key.exercise.column, record, fb)


def test_a_sandbox_that_cannot_start_stops_the_grading_with_a_clear_message(monkeypatch):
    import smartindustry.classroom.grading as grading

    grader = Grader(ROOT, limits=LIMITS, workers=1)
    monkeypatch.setattr(grading, "run_child", lambda job, limits: grading.RunResult(stderr="ImportError: no pandas"))
    with pytest.raises(RuntimeError, match="sandbox does not work"):
        grader.preflight()


def test_plain_data_round_trip_keeps_every_function_task_gradable():
    """The grader sends test cases as plain data: the reference must still pass on what arrives."""
    for a in ASSIGNMENTS:
        for key in _answer_key(a):
            if key.pairs is None:
                continue
            task = key.exercise.question
            for case, (args, expected) in zip(key.cases, key.pairs):
                sent = plaindata.decode(json.loads(json.dumps(case)))
                got = task.reference(*copy.deepcopy(sent))
                back = plaindata.decode(json.loads(json.dumps(plaindata.encode(got))))
                assert task.compare_result(back, expected).correct, (task.id, args)

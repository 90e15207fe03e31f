"""Student, instructor and nbgrader editions, exercise discovery and the plain-data codec.

Every test runs on every exercise notebook of the course, so a new chapter's
notebook is covered as soon as it is added.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbclient import NotebookClient

from smartindustry.classroom import plaindata
from smartindustry.classroom.assignment import course_assignments
from smartindustry.classroom.editions import (
    STUB_LINE,
    course_answer_key,
    course_labels,
    instructor_edition,
    myst_to_markdown,
    nbgrader_edition,
    student_edition,
)
from smartindustry.exercises import CodeTask
from smartindustry.questions import all_questions

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = course_assignments(ROOT)
IDS = [a.stem for a in ASSIGNMENTS]
LABELS = course_labels(ROOT)


def _code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def _text(nb) -> str:
    return "\n".join(c.source for c in nb.cells)


def _run(nb, tmp_path: Path) -> nbformat.NotebookNode:
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    return nb


def _solution_sources(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if "solution" in c.metadata.get("tags", []) and c.source.strip()]


# -- discovery ------------------------------------------------------------------------


def test_every_exercise_notebook_is_found_with_its_exercises():
    names = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "exercises").glob("*.ipynb"))
    assert [a.name for a in ASSIGNMENTS] == names
    questions = all_questions()
    for a in ASSIGNMENTS:
        assert len(a.exercises) >= 4, a.name
        assert [e.number for e in a.exercises] == list(range(1, len(a.exercises) + 1)), a.name
        for e in a.exercises:
            assert questions[e.question.id] is e.question
        assert "smartindustry.questions." in a.bank and "import" in a.setup_source


# -- student edition ---------------------------------------------------------------------


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=IDS)
def test_student_edition_has_no_solutions_and_keeps_every_exercise(a):
    nb = student_edition(a, LABELS)
    text = _text(nb)
    for solution in _solution_sources(a.path):
        assert solution not in text, f"a solution is left in the student edition of {a.name}"
    assert "{solution" not in text and "```{" not in text and "solution" not in nb.cells[0].source.lower()
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert all("solution" not in c.metadata.get("tags", []) for c in nb.cells)
    assert "widgets" not in nb.metadata
    assert nb.metadata["smartindustry"] == {"edition": "student", "assignment": a.name, "language": "en"}
    code = _code(nb)
    for e in a.exercises:
        assert f"check(q.{e.attr}, {e.answer_expr})" in code
        assert f"q.{e.attr}" in code
        if e.is_function:
            assert STUB_LINE in code
        else:
            # a plain `answer = ...`, or a template with `...` to fill (e.g. a dict)
            stub = re.search(rf"^{re.escape(e.answer_expr)} = (.*?)(?=^\S|\Z)", code, flags=re.M | re.S)
            assert stub and "..." in stub.group(1), e.answer_expr


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=IDS)
def test_student_edition_runs_top_to_bottom_with_only_no_answer_yet_feedback(a, tmp_path):
    nb = _run(student_edition(a, LABELS), tmp_path)
    checks = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"{a.name}: {cell.source[:60]!r} raised {errors[0].ename}: {errors[0].evalue}"
        assert not any(o.output_type == "stream" and o.name == "stderr" for o in cell.outputs), cell.source[:60]
        if cell.source.startswith("check("):
            checks += 1
            text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert text.startswith("No answer yet"), f"{cell.source!r} -> {text[:100]!r}"
    assert checks == len(a.exercises)


def test_myst_markup_becomes_plain_markdown():
    text = "(ex-x)=\n# Title\n\nSee {ref}`ch-industry40` and {term}`sensors <Sensor>` or {term}`OEE`.\n\n```{exercise}\n:label: ex-a\n\nDo this.\n```\n"
    out = myst_to_markdown(text, LABELS)
    assert out.startswith("# Title")
    assert "*Industry 4.0 fundamentals*" in out and "sensors or OEE" in out
    assert "> **Your task.** Do this." in out
    assert "{" not in out and "(ex-x)=" not in out
    nested = "````{solution-start} ex-a\n:class: dropdown\n````\n"
    assert myst_to_markdown(nested) == "**Worked solution**"


# -- instructor edition ----------------------------------------------------------------


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=IDS)
def test_instructor_edition_has_solutions_answer_keys_and_notes(a):
    nb = instructor_edition(a, ROOT, LABELS)
    text = _text(nb)
    for solution in _solution_sources(a.path):
        assert solution in text
    for e in a.exercises:
        assert f"Answer key: `{e.question.id}`" in text
    notes = ROOT / "instructor" / f"{a.stem.removesuffix('_exercises')}.md"
    if notes.exists():
        assert nb.cells[-1].source.startswith("## Teaching notes: ")
        assert "Teaching notes: Teaching notes" not in nb.cells[-1].source
    assert "do not share with learners" in nb.cells[1].source


def test_the_course_answer_key_covers_every_question():
    key = course_answer_key()
    for qid, q in all_questions().items():
        assert f"Answer key: `{qid}`" in key
        if not isinstance(q, CodeTask) and q.solution:
            # as Markdown writes it: a dollar sign escaped, so that Jupyter does not read maths
            assert q.solution.split(".")[0].replace("$", "\\$") in key
    assert "US\\$1,033 per 1,000 parts" in key and "US$1,033" not in key


# -- nbgrader edition ---------------------------------------------------------------------


@pytest.mark.parametrize("a", ASSIGNMENTS, ids=IDS)
def test_nbgrader_source_notebook_runs_and_its_tests_give_full_points(a, tmp_path):
    nb = nbgrader_edition(a, LABELS)
    cells = [c for c in nb.cells if "nbgrader" in c.metadata]
    ids = [c.metadata.nbgrader["grade_id"] for c in cells]
    assert len(ids) == len(set(ids))
    answers = [c for c in cells if c.metadata.nbgrader["solution"]]
    tests = [c for c in cells if c.metadata.nbgrader["grade"]]
    assert len(answers) == len(tests) == len(a.exercises)
    assert all("### BEGIN SOLUTION" in c.source and "### END SOLUTION" in c.source for c in answers)
    assert [c.metadata.nbgrader["points"] for c in tests] == [e.points for e in a.exercises]
    _run(nb, tmp_path)
    for c in nb.cells:
        assert not any(o.output_type == "error" for o in c.get("outputs", [])), c.source[:80]
    for c, e in zip(tests, a.exercises):
        result = [o for o in c.outputs if o.output_type == "execute_result"]
        assert float(result[0].data["text/plain"]) == e.points  # nbgrader's partial-credit value


# -- plain data ---------------------------------------------------------------------------

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["$", "v", "items", "columns", "data", "index", "dtype", "values", "names", "range", "levels", "type", "ns", "tz"]), children, max_size=5),
    max_leaves=30,
)
kinds = st.sampled_from(["frame", "series", "index", "tuple", "set", "dict", "array", "float", "timestamp", "date", "time", "timedelta", "opaque", "na", "nat", "ellipsis", "bogus"])


@settings(max_examples=300, deadline=None)
@given(data=json_like, kind=kinds, extra=json_like)
def test_decoding_untrusted_data_raises_nothing_but_decode_error(data, kind, extra):
    for candidate in (data, {"$": kind, "items": extra, "v": extra, "columns": extra, "data": extra, "index": extra}):
        try:
            plaindata.decode(json.loads(json.dumps(candidate)))
        except plaindata.DecodeError:
            pass


def test_objects_that_pretend_become_what_they_hold():
    class Sneaky(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    class Weird:
        pass

    assert type(plaindata.decode(plaindata.encode(Sneaky("abc")))) is str
    opaque = plaindata.decode(plaindata.encode(Weird()))
    assert isinstance(opaque, plaindata.Opaque) and opaque != opaque.type_name


# -- the instructor guide ---------------------------------------------------------------

GUIDE = ROOT / "instructor"
CHAPTER_PAGES = sorted(p for p in GUIDE.glob("*.md") if p.name != "index.md")
SECTIONS = ["At a glance", "Lesson plan: 45 minutes", "Lesson plan: 90 minutes", "Discussion questions",
            "Common misconceptions", "Exercises and learning objectives"]


def test_the_guide_is_a_part_of_the_book_before_the_reference():
    import yaml

    parts = yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]
    captions = [p["caption"] for p in parts]
    assert captions.index("For teachers") == captions.index("Reference") - 1
    teachers = parts[captions.index("For teachers")]["chapters"][0]
    assert teachers["file"] == "instructor/index"
    assert sorted(s["file"] for s in teachers["sections"]) == [p.relative_to(ROOT).with_suffix("").as_posix() for p in CHAPTER_PAGES]


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=[p.stem for p in CHAPTER_PAGES])
def test_each_chapter_page_follows_the_format(page):
    text = page.read_text(encoding="utf-8")
    label = re.match(r"^\((teach-[\w-]+)\)=\n# Teaching notes: ", text)
    assert label, f"{page.name}: starts with (teach-...)= and '# Teaching notes: <chapter title>'"
    assert f"{{ref}}`{label.group(1)}`" in (GUIDE / "index.md").read_text(), "the course page links to every chapter page"
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == SECTIONS, f"{page.name}: sections must be {SECTIONS}"
    body = {h: text.split(f"## {h}\n", 1)[1].split("\n## ", 1)[0] for h in SECTIONS}
    for minutes in (45, 90):
        rows = re.findall(r"^\| (\d+)–(\d+) min \|", body[f"Lesson plan: {minutes} minutes"], flags=re.M)
        assert rows and rows[0][0] == "0" and int(rows[-1][1]) == minutes, f"{page.name}: the {minutes}-minute plan"
        assert all(a[1] == b[0] for a, b in zip(rows, rows[1:])), f"{page.name}: gaps in the {minutes}-minute plan"
    assert len(re.findall(r"^\d+\. ", body["Discussion questions"], flags=re.M)) >= 3
    assert len(re.findall(r"^- \*\*", body["Common misconceptions"], flags=re.M)) >= 3


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=[p.stem for p in CHAPTER_PAGES])
def test_each_chapter_page_maps_every_exercise_to_the_chapter_objectives(page):
    chapter = nbformat.read(ROOT / "chapters" / f"{page.stem}.ipynb", as_version=4)
    md = "\n".join(c.source for c in chapter.cells if c.cell_type == "markdown")
    objectives = md.split("## Learning objectives", 1)[1].split("\n## ", 1)[0]
    n = len(re.findall(r"^\d+\. \*\*", objectives, flags=re.M))
    assignment = next(a for a in ASSIGNMENTS if a.stem == f"{page.stem}_exercises")
    table = page.read_text(encoding="utf-8").split("## Exercises and learning objectives", 1)[1]
    rows = re.findall(r"^\| \{ref\}`Exercise (\d+) <([\w-]+)>` \| `([\w-]+)` \| [^|]+ \| ([\d, ]+) \|", table, flags=re.M)
    assert [(int(num), label, qid) for num, label, qid, _ in rows] == [(e.number, e.label, e.question.id) for e in assignment.exercises]
    covered = {int(x) for *_, objs in rows for x in objs.split(",")}
    assert covered <= set(range(1, n + 1)), f"{page.name}: objectives are numbered 1 to {n}"
    for k in set(range(1, n + 1)) - covered:
        assert f"Objective {k}" in table, f"{page.name}: say how objective {k} is taught or assessed"


def test_every_chapter_has_a_teaching_notes_page():
    chapters = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))
    assert chapters and [p.stem for p in CHAPTER_PAGES] == chapters


# -- the French editions (--lang fr) ----------------------------------------------------

FRENCH = course_labels(ROOT, "fr")


def test_french_student_edition_is_the_same_notebook_in_french_and_runs_in_french(tmp_path):
    a = next(x for x in ASSIGNMENTS if x.stem == "03_digital_divide_exercises")
    english, nb = student_edition(a, LABELS), student_edition(a, FRENCH, lang="fr")
    assert [c.cell_type for c in nb.cells] == [c.cell_type for c in english.cells]
    assert nb.metadata["smartindustry"]["language"] == "fr"
    assert nb.cells[0].source.startswith("# Exercices")
    assert nb.cells[1].source.startswith("**Édition apprenant.**")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "Exercice 1" in markdown and "Exercise 1" not in markdown
    # the code is the English code (comments aside), with one line that chooses French
    setup = next(c for c in nb.cells if c.cell_type == "code")
    assert setup.source.startswith('import smartindustry; smartindustry.set_language("fr")')
    strip = re.compile(r"#.*")
    assert [strip.sub("", c.source).strip() for c in nb.cells if c.cell_type == "code"][1:] == [
        strip.sub("", c.source).strip() for c in english.cells if c.cell_type == "code"][1:]
    ran = _run(nb, tmp_path)
    checks = [c for c in ran.cells if c.cell_type == "code" and c.source.startswith("check(")]
    assert len(checks) == len(a.exercises)
    for cell in checks:
        text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        assert text.startswith("Pas encore de réponse"), text[:100]


def test_french_instructor_edition_and_answer_key():
    a = next(x for x in ASSIGNMENTS if x.stem == "03_digital_divide_exercises")
    nb = instructor_edition(a, ROOT, FRENCH, lang="fr")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "**Édition enseignant" in text and "#### Corrigé\u00a0: `divide-meaningful`" in text
    assert "## Notes pédagogiques\u00a0: la fracture numérique" in text and "Teaching notes" not in text
    key = course_answer_key("fr")
    assert key.startswith("# Corrigé de toutes les questions du cours")
    assert "- **Réponse\u00a0:** 0,695233, acceptée à ±0,006 près" in key

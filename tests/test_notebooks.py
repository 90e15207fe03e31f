"""Notebook hygiene and the chapter template, checked on every notebook of the book.

(nbval, run by the same `make test`, checks that re-running each notebook
gives its stored outputs; these tests check how the notebooks are made.)
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])
CHAPTERS = [p for p in NOTEBOOKS if p.parent.name == "chapters"]
EXERCISES = [p for p in NOTEBOOKS if p.parent.name == "exercises"]
ids = [p.relative_to(ROOT).as_posix() for p in NOTEBOOKS]


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def _markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _toc_files() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    found: set[str] = set()

    def walk(items):
        for item in items or []:
            if "file" in item:
                found.add(item["file"])
            walk(item.get("sections"))
            walk(item.get("chapters"))

    walk(toc["parts"])
    return found


def test_there_are_notebooks():
    assert len(CHAPTERS) >= 2 and len(EXERCISES) >= 2


def test_every_notebook_is_in_the_table_of_contents_and_every_entry_exists():
    toc = _toc_files()
    for path in NOTEBOOKS:
        assert path.relative_to(ROOT).with_suffix("").as_posix() in toc, path
    for entry in toc:
        assert any((ROOT / f"{entry}{ext}").exists() for ext in (".ipynb", ".md")), entry


def test_each_chapter_has_an_exercise_notebook():
    stems = {p.stem for p in EXERCISES}
    for chapter in CHAPTERS:
        assert f"{chapter.stem}_exercises" in stems, chapter


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_valid_python3_notebook_run_top_to_bottom(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    counts = [c.execution_count for c in _code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not executed in order: {counts}"
    assert any(c.outputs for c in _code_cells(nb)), "no stored outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_errors_warnings_or_machine_paths_in_outputs(path):
    for cell in _read(path).cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        for out in cell.outputs:
            if out.output_type == "error":
                assert "raises-exception" in tags, f"{path.name}: error output in an untagged cell"
            if out.output_type == "stream":
                assert out.name == "stdout", f"{path.name}: stderr output (a warning?): {out.text[:200]}"
            text = str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"/(home|root|work|tmp)/|[A-Z]:\\\\", text), f"{path.name}: a machine path in an output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_setup_cell_is_first_and_hidden(path):
    first = _code_cells(_read(path))[0]
    assert "remove-input" in first.metadata.get("tags", []), f"{path.name}: the first code cell is the setup cell, tagged remove-input"
    assert "import" in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_figures_have_alt_text_and_a_caption_with_the_source(path):
    for cell in _code_cells(_read(path)):
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            meta = cell.metadata.get("mystnb", {})
            alt = meta.get("image", {}).get("alt", "")
            caption = meta.get("figure", {}).get("caption", "")
            assert len(alt) > 40, f"{path.name}: a figure without real alt text"
            assert "Source" in caption, f"{path.name}: a figure caption must name its source"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapter_follows_the_template(path):
    nb = _read(path)
    md = _markdown(nb)
    assert len(re.findall(r"^# ", md, flags=re.M)) == 1, f"{path.name}: one # title, no more"
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    for required in ["Overview", "Prerequisites", "Learning objectives", "Summary", "What's next?", "Resources and references"]:
        assert required in headings, f"{path.name}: missing section {required!r}"
    order = [headings.index(h) for h in ["Overview", "Prerequisites", "Learning objectives", "Summary", "What's next?", "Resources and references"]]
    assert order == sorted(order), f"{path.name}: template sections out of order"
    assert "**Time to learn:**" in md
    objectives = md.split("## Learning objectives", 1)[1].split("\n## ", 1)[0]
    n = len(re.findall(r"^\d+\. \*\*", objectives, flags=re.M))
    assert 3 <= n <= 5, f"{path.name}: {n} learning objectives (3 to 5, each starting with a bold verb)"
    assert "{cite" in md, f"{path.name}: no citations"
    assert "ask(" in "".join(c.source for c in nb.cells if c.cell_type == "code"), "no self-check questions"
    words = len(re.findall(r"[A-Za-z']+", md))
    assert words >= 1200, f"{path.name}: only {words} words of prose"


@pytest.mark.parametrize("path", EXERCISES, ids=[p.name for p in EXERCISES])
def test_exercise_notebook_structure(path):
    nb = _read(path)
    labels = []
    inside = None
    for cell in nb.cells:
        src = cell.source
        if cell.cell_type == "markdown":
            labels += re.findall(r"```\{exercise\}\n:label: (\S+)", src)
            start = re.search(r"\{solution-start\} (\S+)", src)
            if start:
                assert start.group(1) in labels, f"{path.name}: solution for an unknown exercise {start.group(1)}"
                assert ":class: dropdown" in src, "solutions are folded"
                inside = start.group(1)
            if "{solution-end}" in src:
                inside = None
        elif inside is not None:
            assert "solution" in cell.metadata.get("tags", []), f"{path.name}: a code cell inside the solution of {inside} is not tagged 'solution'"
    assert len(labels) >= 4, f"{path.name}: fewer than 4 exercises"
    assert len(set(labels)) == len(labels)
    headings = re.findall(r"^## (?:Interactive demo \d+ and )?Exercise (\d+): ", _markdown(nb), flags=re.M)
    assert [int(h) for h in headings] == list(range(1, len(headings) + 1)), "exercises are numbered 1, 2, ..."
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert code.count("check(") >= 4


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_check_in_the_book_version_is_correct(path):
    """The committed notebooks include the solutions, so every stored check says Correct."""
    if path.parent.name != "exercises":
        pytest.skip("chapters show wrong answers on purpose, to demonstrate feedback")
    for cell in _code_cells(_read(path)):
        if cell.source.startswith("check("):
            text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert text.startswith("Correct"), f"{path.name}: {cell.source!r} -> {text[:100]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_widget_state_is_stored(path):
    nb = _read(path)
    has_widget = any(
        "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for c in _code_cells(nb) for o in c.outputs
    )
    if has_widget:
        state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        assert state.get("state"), f"{path.name}: run `make outputs` to store the widget state"

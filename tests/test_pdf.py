"""`make pdf`: the whole book printed to a learners' and an instructor's PDF.

The book is built as one page (singlehtml) and printed by Chromium, as
`make pdf` does (tools/pdf.py). Skipped, with the reason, without Chromium or
Playwright; `.ci/run` installs Chromium, so CI always runs these tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, jupyter_book

sys.path.insert(0, str(ROOT / "tools"))

from page_weights import CHROMIUM  # noqa: E402

pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed: run `make test`, which installs it")


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium is not installed ({CHROMIUM}): sudo apt-get install chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: run `make test`, which installs it"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


def _squash(text: str) -> str:
    """Text without spaces or line breaks, in lower case, ligatures as letters (a PDF's text
    breaks lines anywhere and may print "fi" as one glyph)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def chapter_titles() -> list[str]:
    """The `# ` title of every chapter and exercise notebook in the table of contents."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = re.findall(r"file: ((?:chapters|exercises)/\S+)", toc)
    titles = []
    for name in files:
        cells = json.loads((ROOT / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        text = "".join(cells[0]["source"])
        titles.append(re.search(r"^# (.+)$", text, flags=re.M).group(1).strip())
    return titles


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    build = subprocess.run(
        [str(jupyter_book()), "build", str(ROOT), "--builder", "singlehtml", "--path-output", str(out), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    import pdf as tool

    made = tool.print_book(out / "_build" / "singlehtml", out / "pdf")
    return {edition: Path(info["path"]) for edition, info in made.items()}


def _outline(reader) -> list[tuple[str, int, int]]:
    """(title, page number, depth) of every bookmark, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((item.title, reader.get_destination_page_number(item), depth))

    walk(reader.outline, 0)
    return found


def test_both_pdfs_open_and_hold_the_whole_book(pdfs):
    for path in pdfs.values():
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) > 200
        assert reader.pages[0].mediabox.width == pytest.approx(595.9, abs=1)  # A4
        assert _squash(reader.pages[0].extract_text()).startswith("smartandinclusiveindustry")  # the title first
        bookmarks = _squash(" | ".join(title for title, _, _ in _outline(reader)))
        missing = [t for t in chapter_titles() if _squash(t) not in bookmarks]
        assert missing == []


def test_every_chapter_title_is_printed(pdfs):
    reader = pypdf.PdfReader(pdfs["learner"])
    pages = dict()
    for title, page, _ in _outline(reader):
        pages.setdefault(_squash(title), page)
    for title in chapter_titles():
        page = next(p for t, p in pages.items() if _squash(title) in t)
        assert _squash(title) in _squash(reader.pages[page].extract_text() + reader.pages[page + 1].extract_text())


def _chapter_text(path: Path, title: str) -> str:
    """The text of the pages from the chapter's bookmark to the next bookmark at its level."""
    reader = pypdf.PdfReader(path)
    marks = _outline(reader)
    at = next(i for i, (t, _, _) in enumerate(marks) if _squash(title) in _squash(t))
    start, depth = marks[at][1], marks[at][2]
    end = next((p for _, p, d in marks[at + 1 :] if d <= depth), len(reader.pages) - 1)
    return "\n".join(reader.pages[i].extract_text() for i in range(start, end + 1))


def test_answers_are_in_the_instructor_pdf_only(pdfs):
    from smartindustry.questions import sdg9

    solution = _squash(sdg9.target_for_case.solution)[:60]
    learner = _squash(_chapter_text(pdfs["learner"], "SDG 9 and the 2030 Agenda"))
    instructor = _squash(_chapter_text(pdfs["instructor"], "SDG 9 and the 2030 Agenda"))
    prompt = _squash(sdg9.target_for_case.prompt)[:60]
    assert prompt in learner and prompt in instructor  # the question, as text, in both
    assert "target9.2" in learner  # with its choices
    assert solution not in learner and "answer:" not in learner
    assert solution in instructor and "answer:" in instructor
    assert "showsolution" not in learner  # no button that paper cannot press

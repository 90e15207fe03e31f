"""The book builds with warnings as errors (-W), nitpicky (-n), and shows what it should."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(built_book) -> tuple[dict, Path]:
    return built_book


def test_book_builds_with_zero_warnings(built):
    result, _ = built
    log = result["log"]
    warnings = [line for line in log.splitlines() if "WARNING" in line and "IPKernelApp" not in line]
    assert result["returncode"] == 0, log[-3000:]
    assert warnings == []


def test_chapters_show_questions_not_dead_widgets(built):
    _, html = built
    page = (html / "chapters" / "01_how_to_use.html").read_text()
    assert "teacher in a rural school" in page
    assert "widget-view+json" not in page and "widget-state+json" not in page
    assert "embed-amd" not in page  # no widget manager download on a page with nothing for it to do


def test_solutions_are_folded_and_figures_have_alt_text(built):
    _, html = built
    ex = (html / "exercises" / "07_industry40_fundamentals_exercises.html").read_text()
    assert ex.count('class="solution dropdown') == 6
    ch = (html / "chapters" / "07_industry40_fundamentals.html").read_text()
    alts = [a for a in re.findall(r'<img alt="([^"]*)"', ch) if not a.endswith(" logo")]
    assert len(alts) == 2 and all(len(a) > 40 for a in alts)
    assert all(re.search(r'<img alt="[^"]+"', tag) for tag in re.findall(r"<img [^>]*>", ch))


def test_glossary_and_references_pages(built):
    _, html = built
    glossary = (html / "glossary.html").read_text()
    for term in ["Kernel", "OEE", "Predictive maintenance", "SDG 9"]:
        assert term in glossary
    refs = (html / "references.html").read_text()
    assert "Joint Declaration" in refs and "Nakajima" in refs

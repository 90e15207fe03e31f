"""`make book` without npm or network: the book is complete, and its "Run in the browser" links say why there is no in-browser run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import lite  # noqa: E402


def test_no_npm_is_reported_not_crashed(tmp_path, monkeypatch):
    monkeypatch.setattr(lite.shutil, "which", lambda name: None)
    with pytest.raises(lite.CannotFetch, match="npm is needed once"):
        lite.fetch_pyodide(tmp_path / "empty-cache")


def test_the_book_build_goes_on_and_the_links_open_a_page_that_says_why(tmp_path, monkeypatch, capsys):
    def offline(*args, **kwargs):
        raise lite.CannotFetch("npm could not fetch pyodide@1 (offline?)")

    monkeypatch.setattr(lite, "build", offline)
    out = tmp_path / "html" / "lite"
    assert lite.main(["--out", str(out)]) == 0
    assert "was not built: npm could not fetch" in capsys.readouterr().out
    page = (out / "notebooks" / "index.html").read_text(encoding="utf-8")  # where every page's link points
    assert "not in this copy of the book" in page and "npm could not fetch pyodide@1 (offline?)" in page
    assert 'href="../../intro.html"' in page
    assert 'href="../intro.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_the_student_edition_cannot_be_made_without_the_files(tmp_path, monkeypatch):
    def offline(*args, **kwargs):
        raise lite.CannotFetch("no npm")

    monkeypatch.setattr(lite, "build", offline)
    with pytest.raises(SystemExit, match="lite: no npm"):
        lite.main(["--edition", "student", "--out", str(tmp_path / "s")])

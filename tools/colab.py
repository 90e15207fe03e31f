"""The few lines that let every notebook run on Colab, kept in step with `_config.yml`.

Usage: python tools/colab.py [--check] [NOTEBOOK ...]   (default: every notebook of the book)

Colab starts from its own Python environment, without the course's package or
data. The first code cell of every notebook (the setup cell) therefore starts
with a short block that, on Colab only, clones the course's repository
(``repository.url`` and ``repository.branch`` in `_config.yml`, the same
repository the launch buttons open) once per session and puts it on the
import path; the package then finds its data in the clone. Anywhere else the
block does nothing. Colab has pandas, numpy, matplotlib and ipywidgets
already; nothing else is installed.

Run this script after changing ``repository`` in `_config.yml` (`make outputs`
runs it too); with ``--check`` it changes nothing and exits 1 if a notebook is
out of step (the tests check the same).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
MARK = "# On Colab, fetch the course's package and data once per session (elsewhere this does nothing)."
FOLDER = "smart-inclusive-industry"


def repository(config: Path = ROOT / "_config.yml") -> tuple[str, str]:
    """(url, branch) of the course's repository, as `_config.yml` gives them."""
    repo = yaml.safe_load(config.read_text(encoding="utf-8"))["repository"]
    return repo["url"], repo.get("branch") or "main"


def block(url: str, branch: str) -> str:
    """The Colab lines for this repository."""
    return f'''{MARK}
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    course = os.path.abspath("{FOLDER}")
    if not os.path.isdir(course):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{branch}",
                        "{url}", course], check=True)
    if course not in sys.path:
        sys.path.insert(0, course)
'''


def with_block(source: str, url: str, branch: str) -> str:
    """``source`` of a setup cell, starting with the Colab lines for this repository (replacing older ones)."""
    if source.startswith(MARK):
        end = source.find("\n\n", source.find("sys.path.insert(0, course)"))
        source = source[end + 2 :] if end >= 0 else ""
    return block(url, branch) + "\n" + source


def setup_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The first code cell of a notebook."""
    return next(c for c in nb.cells if c.cell_type == "code")


def apply(path: Path, url: str, branch: str, write: bool = True) -> bool:
    """Put the Colab lines at the top of the notebook's setup cell; True if they were not there already."""
    nb = nbformat.read(path, as_version=4)
    cell = setup_cell(nb)
    new = with_block(cell.source, url, branch)
    if new == cell.source:
        return False
    if write:
        cell.source = new
        nbformat.write(nb, path)
    return True


def notebooks() -> list[Path]:
    return sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or notebooks()
    url, branch = repository()
    changed = [p for p in paths if apply(p, url, branch, write=not check)]
    for p in changed:
        print(f"{p}: {'out of step with _config.yml' if check else 'Colab lines updated'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

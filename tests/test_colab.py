"""The Colab lines at the top of every setup cell: in step with _config.yml, silent elsewhere, working on Colab.

"Colab" here is a stand-in: a Python process in an empty folder, with a module
named google.colab, cloning from a small git repository made in a temporary
folder (the files the notebooks need: the package and the data) instead of the
published one. No network is used.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import colab  # noqa: E402

URL, BRANCH = colab.repository()
FAKE_COLAB = "import sys, types; sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
REPORT = """
import json, smartindustry, smartindustry.data
print(json.dumps({"package": smartindustry.__file__, "data": str(smartindustry.data.data_dir()),
                  "paths": [p for p in sys.path if p.endswith("smart-inclusive-industry")]}))
"""


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("path", colab.notebooks(), ids=lambda p: p.stem)
def test_every_setup_cell_starts_with_the_colab_lines_of_the_configured_repository(path):
    source = colab.setup_cell(nbformat.read(path, as_version=4)).source
    assert source.startswith(colab.block(URL, BRANCH) + "\n")
    assert not colab.apply(path, URL, BRANCH, write=False)


def test_the_lines_follow_a_new_repository_and_replace_the_old_ones():
    old = colab.with_block("import pandas as pd\n", URL, BRANCH)
    new = colab.with_block(old, "https://github.com/a-school/its-copy", "2026")
    assert new == colab.block("https://github.com/a-school/its-copy", "2026") + "\nimport pandas as pd\n"
    assert colab.with_block(new, "https://github.com/a-school/its-copy", "2026") == new
    assert new.count(colab.MARK) == 1 and URL not in new


def test_elsewhere_the_lines_do_nothing(tmp_path):
    code = colab.block("file:///nowhere", BRANCH) + "\nprint(sorted(p.name for p in __import__('pathlib').Path('.').iterdir()))"
    proc = _run(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"  # nothing cloned


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """A git repository with what a notebook needs from the course: the package and the data."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("origin")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "smartindustry", repo / "smartindustry", ignore=ignore)
    shutil.copytree(ROOT / "data", repo / "data", ignore=ignore)
    git = ["git", "-c", "user.name=Course", "-c", "user.email=course@example.org", "-C", str(repo)]
    for args in (["init", "--quiet", "--initial-branch", BRANCH], ["add", "."], ["commit", "--quiet", "-m", "course"]):
        subprocess.run(git + args, check=True, capture_output=True)
    return repo


def test_on_colab_the_lines_fetch_the_course_once_and_its_package_finds_its_data(origin, tmp_path):
    lines = colab.block(origin.as_uri(), BRANCH)
    proc = _run(FAKE_COLAB + lines + lines + REPORT, tmp_path)  # run twice, as a learner rerunning the cell
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    clone = tmp_path / colab.FOLDER
    assert Path(found["package"]) == clone / "smartindustry" / "__init__.py"
    assert Path(found["data"]) == clone / "data"
    assert found["paths"] == [str(clone)]


@pytest.mark.parametrize("name", ["chapters/03_digital_divide.ipynb", "exercises/10_robots_exercises.ipynb"])
def test_on_colab_a_whole_setup_cell_runs_from_the_clone(origin, tmp_path, name):
    source = colab.setup_cell(nbformat.read(ROOT / name, as_version=4)).source
    source = source.replace(URL, origin.as_uri())
    proc = _run(FAKE_COLAB + "import matplotlib; matplotlib.use('Agg')\n" + source + REPORT, tmp_path)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(found["package"]).is_relative_to(tmp_path / colab.FOLDER)

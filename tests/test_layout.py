"""The package layout that CONTRIBUTING.md describes: a chapter's model and question bank share its topic name."""

from __future__ import annotations

import json
import pkgutil
import re
from pathlib import Path

import smartindustry.models as models
from smartindustry.questions import bank_modules

ROOT = Path(__file__).resolve().parents[1]
MODELS = sorted(m.name for m in pkgutil.iter_modules(models.__path__) if not m.name.startswith("_"))


def test_there_are_models_and_loose_modules_are_gone():
    assert "iot" in MODELS and "sdg9" in MODELS
    loose = {"divide", "sdg9", "skills", "security", "sim"}
    assert not [p.name for p in (ROOT / "smartindustry").iterdir() if p.stem in loose]


def test_every_model_has_a_question_bank_and_tests_of_its_own_name():
    banks = set(bank_modules())
    assert [m for m in MODELS if m not in banks] == []
    assert [m for m in MODELS if not (ROOT / "tests" / f"test_models_{m}.py").exists()] == []


def test_every_model_is_listed_in_the_package_docstring():
    doc = models.__doc__ or ""
    listed = re.findall(r"^([a-z_0-9]+)\n    ", doc, flags=re.M)
    assert listed == MODELS or sorted(listed) == MODELS


def _imports(notebook: Path) -> set[str]:
    cells = json.loads(notebook.read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return set(re.findall(r"from smartindustry\.models\.([a-z_0-9]+) import", code))


def test_notebooks_import_models_by_topic_and_their_own_bank():
    """A notebook that uses a model imports its own chapter's bank under the same topic name
    (a model of another chapter may be used besides, as chapter 11 uses chapter 7's line)."""
    for nb in sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb")):
        used = _imports(nb)
        assert used <= set(MODELS), nb.name
        text = nb.read_text()
        bank = re.search(r"from smartindustry\.questions import ([a-z_0-9]+) as q", text)
        if used and bank:
            assert bank.group(1) in used or bank.group(1) not in MODELS, nb.name

"""The catalogues of the course package's own texts, made from the English source.

Three kinds, in ``smartindustry/locales/<lang>/``:

``messages.po``
    Every text the package marks for translation in its code: ``_("...")``,
    ``gettext("...")`` or ``N_("...")`` with a literal English text (feedback,
    buttons, notes on the pages). Templates keep their ``{names}``.
``questions/<bank>.po``
    The texts of every question of one bank (:func:`smartindustry.i18n.questions.texts`).
``comments.po``
    The comments of the notebooks' code (the code itself stays in English).
``figures.po``
    The alt text of every figure of the notebooks (cell metadata ``mystnb.image.alt``),
    the words drawn in each figure and the title, instruction and controls of
    each interactive demo (recorded in the stored outputs' metadata).

:func:`update` writes them: a new English text arrives untranslated, a changed
one keeps its old translation marked fuzzy, a removed one goes. Only maintainers
run it (``make i18n-update``); it needs Babel, which Sphinx brings.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path
from typing import Any

from . import CATALOGUES
from .questions import texts

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
MARKERS = {"_", "N_", "gettext"}
#: What translators read above a message, by the kind of text.
COMMENTS = {
    "accepted answer": "An accepted answer. Give the French answer; several may be given, separated by ' | '.",
    "unit": "A unit of measure, shown after a number.",
    "known wrong answer": "A wrong answer learners often give. Give it as a French learner would write it; several may be given, separated by ' | '.",
    "in the figure": "Drawn in a figure: keep it short, it must fit where the English is.",
    "in a demo": "The title, instruction or a control's name of an interactive demo.",
}


def marked_texts() -> dict[str, list[str]]:
    """Every literal text marked for translation in the package's code, with where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value
            ):
                where = path.relative_to(ROOT).as_posix()
                if where not in found.setdefault(node.args[0].value, []):
                    found[node.args[0].value].append(where)
    return found


#: A text marked in ``static/selfcheck.js``: ``t("...")`` or ``N_("...")``, perhaps in parts joined by ``+``.
JS_TEXT = re.compile(r'\b(?:t|N_)\(\s*("(?:[^"\\]|\\.)*"(?:\s*\+\s*"(?:[^"\\]|\\.)*")*)')
JS_PART = re.compile(r'"(?:[^"\\]|\\.)*"')


def script_texts(path: Path | None = None) -> list[str]:
    """The texts the book's self-check script translates (its table is made from these)."""
    source = (path or PACKAGE / "static" / "selfcheck.js").read_text(encoding="utf-8")
    found: list[str] = []
    for match in JS_TEXT.finditer(source):
        text = "".join(json.loads(part) for part in JS_PART.findall(match.group(1)))
        if text not in found:
            found.append(text)
    return found


def question_texts(bank: str) -> dict[str, list[str]]:
    """Every text of the questions of one bank, with what it is (prompt, hint, ...)."""
    from ..exercises import Question

    module = importlib.import_module(f"smartindustry.questions.{bank}")
    found: dict[str, list[str]] = {}
    for value in vars(module).values():
        if not isinstance(value, Question):
            continue
        for kind, text in texts(value):
            found.setdefault(text, []).append(f"{value.id} ({kind})")
    return found


def figure_texts() -> dict[str, list[str]]:
    """The alt text of every figure of the chapter and exercise notebooks, and the words drawn in it.

    The words (title, labels, legend, source note) are those the stored output
    recorded when the notebook last ran (:mod:`smartindustry.plots`).
    """
    import nbformat

    from ..plots import FIGURE_METADATA

    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        where = path.relative_to(ROOT).as_posix()
        for cell in nb.cells:
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
            if alt:
                found.setdefault(alt, []).append(f"{where} (alt text)")
            for out in cell.get("outputs", []):
                kind = "in the figure" if "image/png" in out.get("data", {}) else "in a demo"
                for text in out.get("metadata", {}).get(FIGURE_METADATA, {}).get("texts", []):
                    if f"{where} ({kind})" not in found.setdefault(text, []):
                        found[text].append(f"{where} ({kind})")
    return found


def comment_texts() -> dict[str, list[str]]:
    """The comments of the notebooks' code cells (the code stays English; the comments that explain it do not)."""
    import nbformat

    from .notebooks import code_comments

    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb")):
        where = f"{path.relative_to(ROOT).as_posix()} (a comment in the code)"
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                for text in code_comments(cell.source):
                    if where not in found.setdefault(text, []):
                        found[text].append(where)
    return found


def templates() -> dict[str, dict[str, list[str]]]:
    """Every catalogue of the package: its name (a path under ``locales/<lang>/``) and its texts."""
    from ..questions import bank_modules

    messages = marked_texts()
    for text in script_texts():
        messages.setdefault(text, []).append("smartindustry/static/selfcheck.js")
    out = {"messages": messages, "figures": figure_texts(), "comments": comment_texts()}
    for bank in bank_modules():
        out[f"questions/{bank}"] = question_texts(bank)
    return out


def update(lang: str, only: set[str] | None = None) -> list[Path]:
    """Write the package's catalogues for ``lang`` from the English source; return their paths.

    ``only``: the names of the catalogues to write (``{"messages"}``), all by default.
    """
    from babel.messages.catalog import Catalog

    written = []
    for name, found in templates().items():
        if only is not None and name not in only:
            continue
        template = Catalog(
            locale=lang, project="Smart and Inclusive Industry", version="1", fuzzy=False,
            copyright_holder="The Smart and Inclusive Industry course authors",
            msgid_bugs_address="", last_translator="The Smart and Inclusive Industry course authors",
            language_team=lang, header_comment=f"# {name}: texts of the course package ({lang}). See locales/README.md.",
        )
        for text, where in found.items():
            kinds = {w.split("(")[-1].rstrip(")") for w in where if "(" in w}
            comments = [COMMENTS[k] for k in sorted(kinds) if k in COMMENTS]
            template.add(text, locations=[], auto_comments=comments + [", ".join(where[:3])],
                         flags=["python-brace-format"] if "{" in text and name == "messages" else [])
        written.append(merge(CATALOGUES / lang / f"{name}.po", template))
    return written


def merge(path: Path, template: Any) -> Path:
    """Write the Babel catalogue ``template`` to ``path``, keeping the translations already there.

    A new English text arrives untranslated, a changed one keeps its old translation marked fuzzy,
    a removed one goes.
    """
    from babel.messages.pofile import read_po, write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=template.locale)
        catalog.update(template, update_header_comment=True)
    else:
        catalog = template
    catalog.fuzzy = False
    with path.open("wb") as f:
        write_po(f, catalog, width=76, omit_header=False, ignore_obsolete=True, include_previous=False)
    return path

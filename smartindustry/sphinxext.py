"""Sphinx extension for the course book (listed in ``_config.yml``).

It keeps every page offline, light and free of console errors:

* **Math at build time.** Formulas (``$...$``, ``$$...$$``) are turned into
  MathML by latex2mathml when the book is built, and browsers draw MathML
  themselves: no page loads MathJax (about 2.7 MB, from a CDN by default).
  A formula that cannot be converted stops the build with a warning.
* **Self-check questions.** ``selfcheck.css`` is on every page (it also styles
  the feedback of ``check(...)`` cells); ``selfcheck.js`` (about 15 kB) only on
  pages that have a self-check form (see ``smartindustry.widgets.question_form``).
* **No thebe.** Live code on the page needs a server on the internet, its
  loader comes from a CDN, and jupyter-book 1 declares ``THEBE_JS_URL`` twice on
  every page (a console error). The launch buttons (Binder, Colab, JupyterHub)
  and the .ipynb download remain.
* **No fontawesome.js** (1.5 MB of JavaScript on every page): the theme's own
  stylesheet draws the same icons with its web fonts.
* **Accessible theme markup**: the sidebar's expand/collapse toggles get a
  name ("Sections") and the bibliography's entries are list items.
* **Search from disk.** Opened from the offline zip (file://), the search page
  lists results without the snippets it would fetch (a browser forbids that
  fetch from disk, and logs an error).
* **Execution status.** The ``si-notebook-status`` directive lists every
  notebook with its stored outputs (the book runs no code when it is built);
  when the book is built with execution on, myst-nb's table of that run
  follows it.
* **Faster citations.** pybtex looks up its style plugins among the entry points
  of every installed package each time a citation is resolved (about 3 s of a
  12 s build); the installed packages do not change during a build, so the
  list is read once.
* **Lighter code.** Pygments wraps every token of code in a ``<span>``; names
  and punctuation get spans whose colour is the code block's own colour in
  both themes (read from the built ``pygments.css``). Those spans go: about a
  sixth of a chapter page's bytes and a quarter of its elements, with nothing
  changed on screen.
* **Run in the browser.** Each chapter and exercise page gets a "Run in the
  browser" link that opens the same notebook in the book's JupyterLite site
  (``lite/``, built by ``tools/lite.py`` after the book), with a line that says,
  before the click, what the first start downloads and what comes from the internet.
* **A valid colour mode** (``html_context["default_mode"] = "auto"``): without it the theme logs
  "Got invalid theme mode" as a console error on a reader's first visit.

Static files live in ``smartindustry/static`` (not in a folder named
``_static``, whose files jupyter-book would add to every page).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import nbformat
from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.locale import _ as sphinx_text
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.math import get_node_equation_number

from .i18n import LANGUAGES as _ALL_LANGUAGES
from .i18n import N_
from .i18n import gettext as _

#: The languages besides English; each one's book is a folder of the English site.
LANGUAGES = tuple(lang for lang in _ALL_LANGUAGES if lang != "en")

logger = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
SELF_CHECK_MARK = 'class="si-check"'
FILE_SEARCH = 'if (location.protocol === "file:") DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;'
FONTAWESOME_JS = re.compile(r'\s*<script [^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


# -- math ------------------------------------------------------------------------


def to_mathml(latex: str, display: str = "inline") -> str:
    """LaTeX to a MathML ``<math>`` element (raises ValueError if it cannot)."""
    from latex2mathml.converter import convert

    try:
        mathml = convert(latex.strip(), display=display)
    except Exception as exc:  # latex2mathml raises its own error types
        raise ValueError(f"cannot convert {latex.strip()!r} to MathML ({type(exc).__name__}: {exc})") from None
    alt = latex.strip().replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return mathml.replace("<math ", f'<math alttext="{alt}" ', 1)


def _convert(translator: Any, node: nodes.Element, latex: str, display: str) -> str:
    try:
        return to_mathml(latex, display)
    except ValueError as exc:
        logger.warning("%s", exc, location=node, type="mathml")
        return f"<code>{translator.encode(latex)}</code>"


def visit_math(self: Any, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(_convert(self, node, node.astext(), "inline") + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self: Any, node: nodes.math_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, sphinx_text("Link to this equation"))
        self.body.append("</span>")
    # Sphinx's convention: equations separated by a blank line are shown one under the other.
    for part in [p for p in node.astext().split("\n\n") if p.strip()]:
        latex = rf"\begin{{aligned}}{part}\end{{aligned}}" if r"\\" in part else part
        self.body.append(_convert(self, node, latex, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


# -- assets ------------------------------------------------------------------------


def _configure(app: Sphinx, config: Any) -> None:
    config.html_static_path.append(str(STATIC))
    config.html_context.setdefault("default_mode", "auto")


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Per page: drop thebe's files; add the self-check script where a page needs it."""
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [
            js for js in scripts
            if not str(getattr(js, "filename", "") or "").endswith("sphinx-thebe.js")
            and "THEBE_JS_URL" not in (getattr(js, "attributes", None) or {}).get("body", "")
        ]
    styles = context.get("css_files")
    if isinstance(styles, list):
        styles[:] = [css for css in styles if not str(getattr(css, "filename", "") or "").endswith("sphinx-thebe.css")]
    if SELF_CHECK_MARK in context.get("body", ""):
        if (app.config.language or "en") != "en":  # the script's texts in the page's language, before it runs
            app.add_js_file(f"selfcheck-{app.config.language}.js", defer="defer")
        app.add_js_file("selfcheck.js", defer="defer")
    if pagename == "search":
        # Opened from disk (the offline zip), the browser forbids the fetch that
        # shows a snippet under each result: list the results without snippets.
        app.add_js_file(None, body=FILE_SEARCH, priority=300)


TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_TOGGLE = '<summary><span class="visually-hidden">Sections</span><span class="toctree-toggle" role="presentation">'
BIBLIOENTRY, LISTITEM = 'role="doc-biblioentry"', 'role="listitem"'
# The search button reads "Search Ctrl+K" but was named "Search" only: its name
# comes from its text instead (axe: label-content-name-mismatch, WCAG 2.5.3).
ARTICLE = '<article class="bd-article">'
SEARCH_LABEL = re.compile(r'title="([^"]+)" aria-label="\1" data-bs-placement')
SEARCH_NAMED = r'title="\1" data-bs-placement'


# pydata-sphinx-theme loads Sphinx's search index into every page, for search as
# you type; with that off (the theme's default), nothing on the page uses it, yet a
# reader's first page downloads it: 270 kB in English, 360 kB in French. Only the
# search page keeps it.
INLINE_SEARCH = re.compile(
    r'\s*<script src="[^"]*_static/searchtools\.js"></script>'
    r'\s*<script src="[^"]*_static/language_data\.js"></script>'
    r'\s*<script src="[^"]*searchindex\.js"></script>'
)


HIGHLIGHT_RULE = re.compile(r'html\[data-theme="(\w+)"\] \.highlight(?: \.([\w-]+))? \{([^}]*)\}')
PRE = re.compile(r"<pre>.*?</pre>", re.S)


def _colour(declarations: str) -> dict[str, str]:
    pairs = (d.split(":", 1) for d in declarations.split(";") if ":" in d)
    return {k.strip(): v.strip().lower() for k, v in pairs}


def plain_token_classes(css: str) -> set[str]:
    """Pygments classes whose every rule only sets the code block's own colour, in every theme."""
    default: dict[str, str | None] = {}
    rules: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for theme, cls, body in HIGHLIGHT_RULE.findall(css):
        if cls:
            rules.setdefault(cls, []).append((theme, _colour(body)))
        else:
            default[theme] = _colour(body).get("color")
    return {
        cls for cls, found in rules.items()
        if {t for t, _ in found} == set(default)
        and all(d == {"color": default[t]} for t, d in found)
    }


PLAIN_PRE = '<pre class="si-code">'  # selfcheck.css: its text takes the code block's colour, as the spans did


def without_plain_spans(html: str, classes: set[str]) -> str:
    """Code blocks without the spans of ``classes`` (their text stays, in the same colour)."""
    if not classes:
        return html
    span = re.compile(r'<span class="(?:%s)">([^<]*)</span>' % "|".join(map(re.escape, sorted(classes))))

    def lighter(m: re.Match) -> str:
        block, n = span.subn(r"\1", m.group(0))
        return PLAIN_PRE + block[len("<pre>") :] if n else block

    return PRE.sub(lighter, html)


def script_translations(lang: str) -> dict[str, str]:
    """The table ``selfcheck.js`` reads (``window.SI_TRANSLATIONS``): its texts in ``lang``; "" names the language."""
    from .i18n.catalogue import script_texts

    table = {text: _(text, lang) for text in script_texts()}
    table[""] = lang
    return table


def _post_process(app: Sphinx, exception: Exception | None) -> None:
    """Fix what the theme's templates write into every page.

    * the script tag of fontawesome.js goes (and the file with it);
    * the sidebar's expand/collapse toggles get a name for screen readers
      (axe: summary-name, serious);
    * the search button is named by its visible text (axe:
      label-content-name-mismatch, serious);
    * the entries of the bibliography's list are list items (docutils marks
      them with the deprecated role doc-biblioentry; axe:
      aria-required-children, critical);
    * code blocks lose the spans that do not change a colour (see
      ``plain_token_classes``);
    * pages other than the search page no longer load the search index
      (``INLINE_SEARCH``), unless search as you type is on.
    """
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    css = out / "_static" / "pygments.css"
    plain = plain_token_classes(css.read_text(encoding="utf-8")) if css.exists() else set()
    other_sites = tuple(f"{lang}/" for lang in LANGUAGES) + ("lite/",)
    inline_search = bool((app.config.html_theme_options or {}).get("search_as_you_type"))
    for page in out.rglob("*.html"):
        if page.relative_to(out).as_posix().startswith(other_sites):
            continue  # another language's book (fixed by its own build), or JupyterLite
        text = page.read_text(encoding="utf-8")
        fixed = FONTAWESOME_JS.sub("", text).replace(TOGGLE, NAMED_TOGGLE).replace(BIBLIOENTRY, LISTITEM)
        fixed = SEARCH_LABEL.sub(SEARCH_NAMED, fixed)
        if not inline_search and page != out / "search.html":
            fixed = INLINE_SEARCH.sub("", fixed)
        if app.builder.name == "html" and 'class="si-lang"' not in fixed:  # pages Sphinx writes itself (index, search)
            switch = language_switch(page.relative_to(out).with_suffix("").as_posix(), app.config.language or "en")
            if ARTICLE in fixed:
                fixed = fixed.replace(ARTICLE, ARTICLE + switch, 1)
            elif "<h1" in fixed:
                fixed = fixed.replace("<h1", switch + "<h1", 1)
        fixed = without_plain_spans(fixed, plain)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    for name in ("fontawesome.js", "fontawesome.js.map", "fontawesome.js.LICENSE.txt"):
        (out / "_static" / "scripts" / name).unlink(missing_ok=True)
    lang = app.config.language or "en"
    if lang != "en":
        table = script_translations(lang)
        (out / "_static" / f"selfcheck-{lang}.js").write_text(
            "// The self-check script's texts in this book's language (made from smartindustry/locales).\n"
            f"window.SI_TRANSLATIONS = {json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0)};\n",
            encoding="utf-8",
        )
    # When no page is out of date, Sphinx copies no static file: an edited
    # selfcheck.js or .css would not reach the book until `make clean`.
    for source in STATIC.iterdir():
        target = out / "_static" / source.name
        if source.is_file() and (not target.exists() or target.read_bytes() != source.read_bytes()):
            shutil.copyfile(source, target)


# -- execution status ------------------------------------------------------------


def notebook_status(path: Path) -> dict[str, Any]:
    """What a notebook's stored outputs say about its last run."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    counts = [c.execution_count for c in code]
    return {
        "code_cells": len(code),
        "with_output": sum(1 for c in code if c.outputs),
        "in_order": counts == list(range(1, len(counts) + 1)),
        "errors": sum(1 for c in code for o in c.outputs if o.output_type == "error"),
    }


class NotebookStatus(SphinxDirective):
    """A table of the book's notebooks and what their stored outputs say."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        headers = ["Notebook", "Code cells", "Cells with stored output", "Run top to bottom", "Errors"]
        table = nodes.table(classes=["colwidths-auto"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        group += [nodes.colspec(colwidth=1) for _ in headers]
        head, body = nodes.thead(), nodes.tbody()
        group += [head, body]
        head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in headers])
        for docname in sorted(self.env.found_docs):
            path = Path(self.env.doc2path(docname))
            if path.suffix != ".ipynb":
                continue
            self.env.note_dependency(str(path))
            info = notebook_status(path)
            link = pending_xref("", nodes.Text(docname), refdomain="std", reftype="doc",
                                reftarget="/" + docname, refexplicit=False, refwarn=True)
            cells = [nodes.paragraph("", "", link)] + [
                nodes.paragraph(text=t) for t in (
                    str(info["code_cells"]), str(info["with_output"]),
                    "yes" if info["in_order"] else "no", str(info["errors"]),
                )
            ]
            body += nodes.row("", *[nodes.entry("", c) for c in cells])
        result: list[nodes.Node] = [table]
        if self.config.nb_execution_mode != "off":  # this build ran the notebooks: show that run too
            from myst_nb.ext.execution_tables import METADATA_KEY, ExecutionStatsNode
            from myst_nb.sphinx_ import NbMetadataCollector

            NbMetadataCollector.set_doc_data(self.env, self.env.docname, METADATA_KEY, True)
            result += [nodes.paragraph(text="This build ran the notebooks:"), ExecutionStatsNode()]
        return result


# -- citations ---------------------------------------------------------------------


def _read_entry_points_once() -> None:
    """Make pybtex read the installed packages' entry points once per build, not once per citation."""
    import importlib.metadata

    import pybtex.plugin

    if getattr(pybtex.plugin.entry_points, "read_once", False):
        return
    every = importlib.metadata.entry_points()

    def entry_points(**selection):
        return every.select(**selection)

    entry_points.read_once = True  # type: ignore[attr-defined]
    pybtex.plugin.entry_points = entry_points


# -- run in the browser (JupyterLite) --------------------------------------------------

#: Measured by tests/test_lite.py (which fails if the site's part drifts): what the
#: first start of a notebook in JupyterLite downloads from the book's own site.
LITE_FIRST_START_MB = 31
#: Files that no registry this project reaches has; the browser fetches them from the Pyodide CDN.
LITE_FROM_INTERNET = N_("numpy, pandas, matplotlib, pillow and kiwisolver")
LITE_FOLDERS = ("chapters/", "exercises/")
H1_END = re.compile(r"</h1>")


def lite_launch(pagename: str, lang: str = "en") -> str:
    """The "Run in the browser" link and note of a notebook page (relative links, so the zip works).

    The JupyterLite site sits beside the English book; a translated book is one folder down.
    """
    up = "../" * (pagename.count("/") + (lang != "en"))
    href = f"{up}lite/notebooks/index.html?path={pagename}.ipynb"
    return (
        '<div class="si-lite-launch" role="note">'
        f'<p><a class="si-lite-link" href="{href}">{_("Run in the browser", lang)}</a>'
        + _(
            ": open this notebook in JupyterLite, "
            "a Python that runs inside your web browser, with nothing to install. Your changes are saved in this "
            "browser; <em>File, Download</em> saves the notebook to hand in.",
            lang,
        )
        + '</p><p class="si-lite-size">'
        + _(
            "The first start downloads the Python runtime once: about {mb} MB "
            "from this site, then {packages} from the Pyodide CDN on the internet (these five are not "
            "on any package registry this course can copy from). Later starts use the copy your browser keeps. "
            "It needs a recent browser and the site served over http(s), not opened from disk.",
            lang,
        ).format(mb=LITE_FIRST_START_MB, packages=_(LITE_FROM_INTERNET, lang))
        + "</p></div>"
    )


#: The other language of each language's book, as its switcher names it (in that language).
SWITCH_TO = {"en": ("fr", "Français"), "fr": ("en", "English")}


def language_switch(pagename: str, lang: str) -> str:
    """A link to the same page in the other language (relative, so it works from disk too)."""
    other, name = SWITCH_TO.get(lang, SWITCH_TO["en"])
    up = "../" * pagename.count("/")
    href = f"{up}{other}/{pagename}.html" if lang == "en" else f"{up}../{pagename}.html"
    label = _("Language", lang)
    return (
        f'<nav class="si-lang" aria-label="{label}">'
        f'<a href="{href}" hreflang="{other}" lang="{other}">{name}</a></nav>'
    )


def _language_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "body" not in context or app.builder.format != "html" or app.builder.name != "html":
        return
    context["body"] = language_switch(pagename, app.config.language or "en") + context["body"]


def _lite_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if not pagename.startswith(LITE_FOLDERS) or doctree is None:
        return
    if not str(app.env.doc2path(pagename, base=False)).endswith(".ipynb"):
        return
    body = context.get("body", "")
    lang = app.config.language or "en"
    context["body"] = H1_END.sub(lambda m: m.group(0) + lite_launch(pagename, lang), body, count=1)


def _sort_key(text: str) -> str:
    """Dictionary order: accents and case do not count (é sorts with e)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _sort_translated_glossary(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A translated glossary in the order of its own language (``:sorted:`` sorted the English terms)."""
    if (app.config.language or "en") == "en":
        return
    for glossary in doctree.findall(addnodes.glossary):
        for dl in glossary.findall(nodes.definition_list):
            dl.children.sort(key=lambda item: _sort_key(item[0].astext()))


def setup(app: Sphinx) -> dict[str, Any]:
    _read_entry_points_once()
    app.add_directive("si-notebook-status", NotebookStatus)
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _page_assets, priority=900)
    app.connect("html-page-context", _lite_link)  # after the handlers that add thebe
    app.connect("html-page-context", _language_link)
    app.connect("doctree-resolved", _sort_translated_glossary)
    app.connect("build-finished", _post_process, priority=900)  # after the theme writes pygments.css
    app.add_css_file("selfcheck.css")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

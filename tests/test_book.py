"""The book builds with warnings as errors (-W), nitpicky (-n), and shows what it should."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smartindustry.sphinxext import LANGUAGES

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


def _pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)


def test_no_page_loads_anything_from_outside_or_anything_it_does_not_need(built):
    _, html = built
    for page in _pages(html):
        text = page.read_text()
        for src in re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"', text) + re.findall(
            r'<link[^>]*href="([^"]+)"[^>]*>', text
        ):
            assert not re.match(r"(https?:)?//", src), f"{page.name} loads {src}"
        scripts = " ".join(re.findall(r"<script[^>]*>", text))
        for heavy in ("mathjax", "embed-amd", "require.js", "fontawesome.js", "thebe.js"):
            assert heavy not in scripts, f"{page.name} loads {heavy}"
        assert "THEBE_JS_URL" not in text
        # the search index (hundreds of kB) is loaded by the search page only
        assert ("searchindex.js" in scripts) == (page.name == "search.html"), page.relative_to(html)
        assert ("selfcheck.js" in text) == ('class="si-check"' in text), page.name  # only where a page needs it
    assert not (html / "_static" / "scripts" / "fontawesome.js").exists()


def test_math_is_mathml_written_at_build_time(built):
    _, html = built
    page = (html / "chapters" / "07_industry40_fundamentals.html").read_text()
    assert '<math alttext="\\text{OEE} = ' in page and 'display="block"' in page
    assert "<mtext>availability</mtext>" in page and "$$" not in page


def test_every_page_fits_the_byte_budget(built):
    """Upper bound without a browser (tools/page_weights.py; `make bench` measures in Chromium)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from page_weights import measure

    summary = measure(built[1], use_browser=False)["summary"]
    assert summary["median_chapter_first_visit"] <= 1_500_000
    assert set(summary["median_chapter_first_visit_by_language"]) == set(LANGUAGES)
    assert all(m <= 1_500_000 for m in summary["median_chapter_first_visit_by_language"].values())
    assert summary["largest_first_visit"] <= 3_000_000
    assert summary["largest_second_visit_without_images"] <= 200_000


def test_notebooks_can_be_downloaded_and_launched(built):
    _, html = built
    page = (html / "chapters" / "07_industry40_fundamentals.html").read_text()
    assert '_sources/chapters/07_industry40_fundamentals.ipynb' in page
    assert (html / "_sources" / "chapters" / "07_industry40_fundamentals.ipynb").exists()
    assert "mybinder.org/v2/gh/" in page and "colab.research.google.com/github/" in page


def test_exercise_pages_do_not_give_the_folded_solutions_away(built):
    """The stored check outputs say "Correct" about the worked solution; the book shows a note instead."""
    _, html = built
    for page in sorted((html / "exercises").glob("*.html")):
        text = page.read_text()
        assert "The worked solution is folded above this cell." in text, page.name
        assert "<strong>Correct:</strong>" not in text, page.name


def _shown_questions(notebook: Path) -> list[str]:
    """The ids of the questions an exercise notebook shows, in order (from its stored outputs)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [qid for cell in nb["cells"] if cell["cell_type"] == "code" and not "".join(cell["source"]).startswith("check(")
            for out in cell.get("outputs", [])
            for qid in re.findall(r'<div class="si-question" id="si-q-([^"]+)">', "".join(out.get("data", {}).get("text/html", "")))]


# Forms on each exercise page: every choice, number and short text, and each code task whose value is typed.
FORMS_PER_EXERCISE_PAGE = {
    "01_how_to_use_exercises.html": 4, "02_sdg9_exercises.html": 4, "03_digital_divide_exercises.html": 5,
    "04_partnership_exercises.html": 3, "05_digital_skills_exercises.html": 4, "06_work_exercises.html": 3,
    "07_industry40_fundamentals_exercises.html": 5, "08_iot_exercises.html": 5, "09_ai_ml_exercises.html": 4,
    "10_robots_exercises.html": 5, "11_digital_twins_exercises.html": 4, "12_cybersecurity_exercises.html": 3,
}


def test_every_exercise_answers_on_the_page_or_says_how_to_run_it(built):
    from smartindustry.exercises import CodeTask, MultipleChoice, Numeric, ShortText
    from smartindustry.exercises.page import page_question
    from smartindustry.questions import all_questions

    _, html = built
    questions = all_questions()
    counts = {}
    for notebook in sorted((ROOT / "exercises").glob("*.ipynb")):
        text = (html / "exercises" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        shown = [questions[qid] for qid in _shown_questions(notebook)]
        assert shown, notebook.name
        forms = re.findall(r'<form class="si-check" id="si-check-([^"]+)"', text)
        assert forms == [q.id for q in shown if page_question(q) is not None], notebook.name
        assert all(q.id in forms for q in shown if isinstance(q, (MultipleChoice, Numeric, ShortText))), notebook.name
        tasks = [q for q in shown if isinstance(q, CodeTask)]
        assert text.count('class="si-static-note si-run-note"') == len(tasks), notebook.name
        assert text.count("Run in the browser</strong> (if this book offers it), Binder or Colab") == len(tasks)
        for q in tasks:  # a function or a table: the question's text, with no form
            assert (f'id="si-check-{q.id}"' in text) != (f'id="si-q-{q.id}"' in text), q.id
        assert text.count("On this page, answer in the form above.") == len(forms), notebook.name
        counts[f"{notebook.stem}.html"] = len(forms)
    assert {k: counts.get(k) for k in FORMS_PER_EXERCISE_PAGE} == FORMS_PER_EXERCISE_PAGE


def _exercise_notebook(*cells) -> str:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("```{solution-start} ex-x\n```")] + list(cells)
    return nbformat.writes(nb)


def _shown(question) -> "nbformat.NotebookNode":
    import nbformat

    cell = nbformat.v4.new_code_cell("q.thing")
    cell.outputs = [nbformat.v4.new_output("execute_result", data=question._repr_mimebundle_(), execution_count=1)]
    return cell


def _checked(source: str, verdict: str) -> "nbformat.NotebookNode":
    import nbformat

    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/html": verdict, "text/plain": verdict}, execution_count=2)]
    return cell


def test_a_shown_question_becomes_a_form_and_its_check_a_note():
    from smartindustry.book import CHECK_CODE_NOTE, CHECK_NOTE, read_notebook
    from smartindustry.exercises.page import question_form, run_note
    from smartindustry.questions import divide, industry40, iot

    nb = read_notebook(_exercise_notebook(
        _shown(iot.drift_word), _checked("check(q.thing, answer_5)", "<strong>Correct:</strong> drift"),
        _shown(industry40.daily_summary_task), _checked("check(q.other, daily_summary)", "<strong>Correct:</strong>"),
        _shown(divide.women_below_task), _checked("check(q.thing, n_countries)", "<strong>Correct:</strong> 24"),
    ))
    outs = [c.outputs[0]["data"]["text/html"] for c in nb.cells if c.cell_type == "code"]
    assert outs[0] == question_form(iot.drift_word) and 'class="si-check"' in outs[0]
    assert outs[1] == CHECK_NOTE
    assert outs[2] == industry40.daily_summary_task.to_html() + run_note(value=False) and "<form" not in outs[2]
    assert outs[3] == CHECK_CODE_NOTE  # the question of the cell before it: no form
    assert outs[4].startswith('<form class="si-check" id="si-check-divide-women-below"') and outs[4].endswith(run_note(value=True))
    assert "Type the value of <code>n_countries</code>" in outs[4]
    assert outs[5] == CHECK_NOTE
    assert not any("Correct" in o for o in outs)


def test_a_chapter_notebook_keeps_its_outputs():
    import nbformat

    from smartindustry.book import read_notebook
    from smartindustry.questions import iot

    nb = nbformat.v4.new_notebook()
    nb.cells = [_shown(iot.drift_word)]
    out = read_notebook(nbformat.writes(nb)).cells[0].outputs[0]["data"]["text/html"]
    assert out == iot.drift_word.to_html()


def test_no_empty_setup_sections(built):
    _, html = built
    for page in sorted((html / "chapters").glob("*.html")):
        for body in re.findall(r'<section id="setup">(.*?)</section>', page.read_text(), flags=re.S):
            text = re.sub(r"<h2>.*?</h2>|<[^>]+>", "", body, flags=re.S).strip()
            assert text, f"{page.name}: an empty Setup section"


PYGMENTS_CSS = """
html[data-theme="light"] .highlight { background: #fefefe; color: #080808 }
html[data-theme="light"] .highlight .n { color: #080808 }
html[data-theme="light"] .highlight .o { color: #00622F }
html[data-theme="light"] .highlight .k { color: #080808; font-weight: bold }
html[data-theme="dark"] .highlight { background: #2b2b2b; color: #F8F8F2 }
html[data-theme="dark"] .highlight .n { color: #f8f8f2 }
html[data-theme="dark"] .highlight .o { color: #F8F8F2 }
html[data-theme="dark"] .highlight .k { color: #F8F8F2 }
"""


def test_only_spans_that_change_nothing_on_screen_are_plain():
    from smartindustry.sphinxext import plain_token_classes

    # .o has its own colour in the light theme, .k is bold: only .n is the block's colour in both themes
    assert plain_token_classes(PYGMENTS_CSS) == {"n"}
    assert plain_token_classes(PYGMENTS_CSS.replace('html[data-theme="dark"] .highlight .n { color: #f8f8f2 }\n', "")) == set()


def test_plain_spans_leave_code_blocks_and_nothing_else():
    from smartindustry.sphinxext import without_plain_spans

    html = ('<p><span class="n">prose</span></p><div class="highlight"><pre><span></span><span class="n">x</span> '
            '<span class="o">=</span> <span class="n">f</span>(1)</pre></div><div class="highlight"><pre>42</pre></div>')
    assert without_plain_spans(html, {"n"}) == (
        '<p><span class="n">prose</span></p><div class="highlight"><pre class="si-code"><span></span>x '
        '<span class="o">=</span> f(1)</pre></div><div class="highlight"><pre>42</pre></div>')
    assert without_plain_spans(html, set()) == html


def test_built_code_blocks_are_lighter_and_keep_their_colours(built):
    _, html = built
    page = (html / "chapters" / "02_sdg9.html").read_text(encoding="utf-8")
    assert '<pre class="si-code">' in page
    assert re.search(r'<pre class="si-code">(?:(?!</pre>).)*<span class="(?:n|p)">', page, re.S) is None
    assert '<span class="o">' in page  # operators keep their own colour
    assert ".highlight pre.si-code {color: inherit;}" in (html / "_static" / "selfcheck.css").read_text()


def test_a_question_no_bank_defines_is_left_as_it_is():
    from smartindustry.book import read_notebook
    from smartindustry.exercises import ShortText

    q = ShortText(id="nobank-x", prompt="A question from nowhere?", accepted=["a"])
    nb = read_notebook(_exercise_notebook(_shown(q)))
    assert nb.cells[1].outputs[0]["data"]["text/html"] == q.to_html()  # and the build warns (-W: it fails)


def test_a_question_shown_twice_is_one_form():
    from smartindustry.book import read_notebook
    from smartindustry.questions import iot

    nb = read_notebook(_exercise_notebook(_shown(iot.drift_word), _shown(iot.drift_word)))
    outs = [c.outputs[0]["data"]["text/html"] for c in nb.cells if c.cell_type == "code"]
    assert outs[0].startswith('<form class="si-check" id="si-check-iot-drift"') and outs[1] == iot.drift_word.to_html()


# -- the French edition (locales/, tools/i18n.py build) --------------------------------


@pytest.mark.parametrize("lang", ["fr"])
def test_each_translation_builds_with_zero_warnings(built, lang):
    result, html = built
    log = result[lang]["log"]
    warnings = [line for line in log.splitlines() if "WARNING" in line and "IPKernelApp" not in line]
    assert result[lang]["returncode"] == 0, log[-3000:]
    assert warnings == []
    assert '<html lang="fr"' in (html / lang / "intro.html").read_text()
    assert 'url=intro.html' in (html / lang / "index.html").read_text()


def test_every_page_links_to_itself_in_the_other_language(built):
    _, html = built
    english = sorted(p.relative_to(html) for p in html.rglob("*.html")
                     if p.relative_to(html).parts[0] not in ("fr", "lite", "_static") and p.name != "index.html")
    assert len(english) > 40
    for page in english:
        for source, other in ((html / page, "fr"), (html / "fr" / page, "en")):
            text = source.read_text(encoding="utf-8")
            found = re.search(r'<nav class="si-lang" aria-label="([^"]+)"><a href="([^"]+)" hreflang="(\w+)" lang="\w+">', text)
            assert found, f"{source}: no language switch"
            label, href, lang = found.groups()
            assert lang == other and label == ("Language" if other == "fr" else "Langue")
            assert (source.parent / href).resolve() == ((html / "fr" / page) if other == "fr" else (html / page)).resolve()
            assert (source.parent / href).exists()


def test_french_pages_ask_and_answer_in_french(built):
    _, html = built
    chapter = (html / "fr" / "chapters" / "03_digital_divide.html").read_text(encoding="utf-8")
    assert "La fracture numérique" in chapter
    # a chapter's self-check: the French question, its French buttons and the French texts of the script
    from smartindustry.exercises import inline_html
    from smartindustry.i18n import gettext
    from smartindustry.questions.divide import internet_user

    french = gettext(internet_user.prompt, "fr")
    assert french != internet_user.prompt and inline_html(french) in chapter
    assert 'disabled>Vérifier</button>' in chapter and 'disabled>Check</button>' not in chapter
    assert chapter.index("selfcheck-fr.js") < chapter.index("selfcheck.js")
    table = (html / "fr" / "_static" / "selfcheck-fr.js").read_text(encoding="utf-8")
    assert '"Hint": "Indice"' in table and '"": "fr"' in table
    exercises = (html / "fr" / "exercises" / "03_digital_divide_exercises.html").read_text(encoding="utf-8")
    assert "Sur cette page, répondez dans le formulaire ci-dessus." in exercises
    assert "On this page, answer" not in exercises
    # the English book stays English
    english = (html / "exercises" / "03_digital_divide_exercises.html").read_text(encoding="utf-8")
    assert 'disabled>Check</button>' in english and "selfcheck-fr.js" not in english

"""The built book in a real browser: offline, clean, accessible, and its self-checks work.

Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright opens
every page of the built book over http on 127.0.0.1 and, unzipped from the
`make bundle` zip, from disk (file://). Every request that leaves the site is
blocked and counted as a failure. On every page: no failed request, no
console error, math drawn as MathML, no control that cannot work; axe-core
finds no serious or critical WCAG 2.1 AA violation in the light and the dark
theme; each self-check question is answered (with the keyboard) empty, wrong
and right, and shows the same feedback as Python's ``Question.check``.

Without Chromium or Playwright these tests are skipped, with the reason.
`.ci/run` installs Chromium, so CI always runs them.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from smartindustry.exercises import MultipleChoice, Numeric, ShortText
from smartindustry.questions import all_questions

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _why_no_browser() -> str | None:
    if not CHROMIUM.exists():
        return "Chromium is not installed (/usr/bin/chromium; `apt-get install chromium`, as .ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
        import axe_playwright_python  # noqa: F401
    except ImportError as exc:
        return f"Playwright or axe-core is not installed ({exc.name}): run `make test`, which installs them"
    return None


REASON = _why_no_browser()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"browser tests skipped: {REASON}")

sys.path.insert(0, str(ROOT / "tools"))


# -- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built_book) -> Path:
    result, html = built_book
    assert result["returncode"] == 0, result["log"][-3000:]
    return html


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    from page_weights import pages as list_pages

    # index.html only redirects to intro.html (see test_index_sends_readers_to_the_first_page)
    found = [name for name in list_pages(site) if name != "index.html"]
    assert len(found) >= 10
    return found


@pytest.fixture(scope="module")
def server(site):
    from page_weights import serve

    httpd = serve(site)
    yield httpd.base
    httpd.shutdown()


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> Path:
    """The `make bundle` zip of the site, unzipped: what a classroom gets."""
    from bundle import FOLDER, bundle

    target = bundle(site, tmp_path_factory.mktemp("bundle") / "book.zip")
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert f"{FOLDER}/index.html" in names and f"{FOLDER}/README.txt" in names
        assert not [n for n in names if n.endswith(".map")]
        zf.extractall(out)
    return out / FOLDER


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


class Watch:
    """A browser context that blocks every request leaving the site and records what went wrong."""

    def __init__(self, browser, base: str, **options):
        self.base = base
        self.problems: list[str] = []
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:
            self.problems.append(f"request outside the site: {url}")
            route.abort()

    def open(self, url: str, idle: bool = True):
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.goto(url, wait_until="load")
        # index.html only sends the reader on to intro.html (a meta refresh, checked in
        # test_index_sends_readers_to_the_first_page); intro.html is visited on its own.
        if idle:  # fonts load after the page: wait for them too, so that a failed one is seen
            page.evaluate("document.fonts.ready.then(() => true)")
        return page

    def close(self):
        self.context.close()


# -- every page, over http and from disk --------------------------------------

PAGE_CHECKS = """() => {
  const problems = [];
  const text = document.body.innerText;
  if (/\\$\\$|\\\\(text|times|frac)\\b/.test(text)) problems.push("raw LaTeX in the page text");
  for (const m of document.querySelectorAll("div.math, span.math")) {
    const math = m.querySelector("math");
    const box = math && math.getBoundingClientRect();
    if (!math || box.width < 5 || box.height < 5) problems.push("math not drawn: " + m.textContent.slice(0, 60));
  }
  const main = document.querySelector("main") || document.body;
  for (const el of main.querySelectorAll("input[type=range], select, .jupyter-widgets, .widget-area, [class*=widget-]"))
    problems.push("a control that cannot work on this page: " + el.outerHTML.slice(0, 80));
  for (const f of document.querySelectorAll("form.si-check")) {
    if (!f.dataset.siReady) problems.push("self-check not set up: " + f.id);
    if (f.querySelector("button:disabled")) problems.push("self-check button left disabled: " + f.id);
  }
  if (document.querySelector("script[src*=embed-amd], script[src*=require], script[src*=mathjax], script[src*=thebe]"))
    problems.push("widget manager, MathJax or thebe loaded");
  return {problems, forms: document.querySelectorAll("form.si-check").length, math: document.querySelectorAll("math").length};
}"""


def _visit_all(browser, base: str, names: list[str]) -> tuple[list[str], dict]:
    watch = Watch(browser, base)
    problems, seen = [], {}
    for name in names:
        page = watch.open(base + name)
        found = page.evaluate(PAGE_CHECKS)
        problems += [f"{name}: {p}" for p in found["problems"] + watch.problems]
        watch.problems.clear()
        seen[name] = found
        page.close()
    watch.close()
    return problems, seen


def test_every_page_over_http_is_offline_clean_and_whole(browser, server, pages):
    problems, seen = _visit_all(browser, server, pages)
    assert problems == []
    assert seen["chapters/07_industry40_fundamentals.html"]["math"] >= 1  # the OEE formula
    assert seen["chapters/01_how_to_use.html"]["forms"] >= 4


def test_index_sends_readers_to_the_first_page(site):
    assert '<meta http-equiv="Refresh" content="0; url=intro.html" />' in (site / "index.html").read_text()


def test_every_page_of_the_zip_works_from_disk(browser, unzipped, pages):
    problems, seen = _visit_all(browser, unzipped.as_uri() + "/", pages)
    assert problems == []
    assert seen["chapters/07_industry40_fundamentals.html"]["math"] >= 1


def test_search_works_from_disk(browser, unzipped):
    watch = Watch(browser, unzipped.as_uri() + "/")
    page = watch.open(unzipped.as_uri() + "/search.html?q=kernel")
    page.wait_for_selector("#search-results li", timeout=15000)
    assert page.locator("#search-results li").count() >= 1
    assert watch.problems == []
    watch.close()


# -- accessibility ---------------------------------------------------------------


def _axe(page, axe_script: str, rules: list[str] | None = None) -> list[str]:
    """Serious and critical WCAG 2.1 AA violations axe-core finds on the page (or only these rules)."""
    page.add_script_tag(content=axe_script)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_AA}
    result = page.evaluate(
        "async only => await axe.run(document, {runOnly: only, resultTypes: ['violations'], preload: false})",
        run_only,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# -- self-check questions ----------------------------------------------------------


def _plain(text: str) -> str:
    """Text as the page shows it: `code` marks gone, spaces collapsed."""
    return re.sub(r"\s+", " ", text.replace("`", "")).strip()


def _expected(fb, on_page_empty: str) -> str:
    label = fb.label
    message = on_page_empty if fb.status == "empty" else fb.message
    text = f"{label}: {message}"
    if fb.explanation and fb.correct:
        text += f" Why: {fb.explanation}"
    if fb.hint and not fb.correct:
        text += f" Hint: {fb.hint}"
    return _plain(text)


def _answers(q):
    """(wrong, right) answers, as the page takes them."""
    if isinstance(q, MultipleChoice):
        key = sorted(q.key)
        others = [l for l in q.letters if l not in q.key]
        wrong = others[:1] or key[:1]
        return wrong, key
    if isinstance(q, Numeric):
        right = repr(q.answer).replace(".", ",") if "e" not in repr(q.answer) else repr(q.answer)
        return repr(q.answer * 3 + 7), right
    assert isinstance(q, ShortText)
    return "zzz", q.accepted[0]


def _set_answer(page, form_id: str, q, answer) -> None:
    """Enter an answer with the keyboard only."""
    form = page.locator(f"#{form_id}")
    if isinstance(q, MultipleChoice):
        for box in form.locator("input").all():
            want = box.get_attribute("value") in (answer if isinstance(answer, list) else [answer])
            if box.is_checked() != want and (q.multiple or want):
                box.focus()
                page.keyboard.press("Space")
    else:
        field = form.locator("input[type=text]")
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(answer)


def _check(page, form_id: str) -> str:
    page.locator(f"#{form_id} button[type=submit]").focus()
    page.keyboard.press("Enter")
    live = page.locator(f"#{form_id} .si-live")
    return _plain(live.inner_text())


def test_each_self_check_answers_right_and_wrong_like_python(browser, server, pages, axe_script):
    questions = all_questions()
    on_page_empty = "Choose or type your answer first, then press Check."
    watch = Watch(browser, server)
    checked = 0
    for name in pages:
        page = watch.open(server + name, idle=False)
        forms = page.locator("form.si-check")
        if forms.count() == 0:
            page.close()
            continue
        for i in range(forms.count()):
            form_id = forms.nth(i).get_attribute("id")
            q = questions[form_id.removeprefix("si-check-")]
            wrong, right = _answers(q)
            attempt = 0
            # nothing chosen, then a wrong answer, then the right one: the hints advance as in Python
            for answer in (None, wrong, right):
                attempt += 1
                if answer is not None:
                    _set_answer(page, form_id, q, answer)
                fb = q.check(answer, attempt=attempt)
                assert _check(page, form_id) == _expected(fb, on_page_empty), (name, form_id, answer)
            assert not q.check(wrong).correct and q.check(right).correct
            # hints build up and fold away; the solution opens and closes
            hint = page.locator(f"#{form_id} .si-hint-button")
            if q.hints:
                hint.focus()
                page.keyboard.press("Enter")
                assert hint.get_attribute("aria-expanded") == "true"
                assert _plain(page.locator(f"#{form_id} .si-hints").inner_text()).startswith(_plain(f"Hint 1: {q.hints[0]}"))
            solution = page.locator(f"#{form_id} .si-solution-button")
            solution.focus()
            page.keyboard.press("Space")
            assert solution.get_attribute("aria-expanded") == "true"
            assert _plain(page.locator(f"#{form_id} .si-solution").inner_text()) == _plain(q.solution)
            page.keyboard.press("Space")
            assert page.locator(f"#{form_id} .si-solution").is_hidden()
            checked += 1
        assert watch.problems == [], "\n".join(watch.problems)
        # the page with its feedback showing is still accessible (axe's own reading of the
        # stylesheets asks for ../basic.css at the wrong address: not the page's request)
        assert _axe(page, axe_script) == [], name
        watch.problems.clear()
        page.close()
    watch.close()
    assert checked >= 8

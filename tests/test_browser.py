"""The built book in a real browser: offline, clean, accessible, and its self-checks work.

Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright opens
every page of the built book over http on 127.0.0.1 and, unzipped from the
`make bundle` zip, from disk (file://). No host name resolves but this
machine's, and every request for an address outside the site counts as a
failure. On every page: no failed request, no console error, math drawn as
MathML, no control that cannot work; each self-check question is answered
(with the keyboard) empty, wrong and right, and shows the same feedback as
Python's ``Question.check`` in the page's language (the French book is swept too); then axe-core finds no serious or critical
violation of any of its WCAG rules (A, AA and AAA, the experimental ones
included) on the page with its feedback showing, in the light theme and after
the reader's system turns dark.

Each page is visited once over http for all of this (a reader's tab going from
page to page, with the browser's cache on), and the pages are shared between
two test classes so that two workers can share the work.

Without Chromium or Playwright these tests are skipped, with the reason.
`.ci/run` installs Chromium, so CI always runs them."""

from __future__ import annotations

import re
import sys
import time
import zipfile
from pathlib import Path

import pytest

from smartindustry.exercises import MultipleChoice, Numeric, ShortText
from smartindustry.exercises.feedback import LABELS
from smartindustry.exercises.page import page_question
from smartindustry.i18n import gettext, set_language
from smartindustry.i18n.questions import translated
from smartindustry.sphinxext import LANGUAGES
from smartindustry.questions import all_questions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from page_weights import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# no host name resolves but this machine's: nothing a page asks for can leave it
ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


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


# -- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built_book) -> Path:
    result, html = built_book
    assert result["returncode"] == 0, result["log"][-3000:]
    return html


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    from page_weights import pages as list_pages

    # index.html (and fr/index.html) only redirects to intro.html (see test_index_sends_readers_to_the_first_page)
    found = [name for name in list_pages(site) if name not in ("index.html", *(f"{lang}/index.html" for lang in LANGUAGES))]
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
        assert f"{FOLDER}/fr/intro.html" in names and f"{FOLDER}/fr/_static/selfcheck-fr.js" in names  # both languages
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
    """One tab that goes from page to page of the site and records what went wrong.

    Nothing leaves the machine: the browser resolves no host name but 127.0.0.1
    (ARGS), and every request for an address outside the site is recorded as a
    problem. (No request interception: it would turn off the browser's cache, so
    every page would load and compile every script and stylesheet again.)
    """

    def __init__(self, browser, base: str, **options):
        self.base = base
        self.problems: list[str] = []
        self.leaving = False
        self.context = browser.new_context(reduced_motion="reduce", **options)
        self.page = page = self.context.new_page()
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.base) or url.startswith("data:") or url == "about:blank"):
            self.problems.append(f"request outside the site: {url}")

    def _failed(self, request):
        # Leaving a page cancels what it was still loading: not a fault of either page.
        if not (self.leaving and request.failure == "net::ERR_ABORTED"):
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def open(self, url: str, scheme: str = "light"):
        """Go to ``url`` in the light or dark colour scheme; wait for its fonts too, so that a failed one is seen."""
        page = self.page
        self.leaving = True
        page.emulate_media(color_scheme=scheme)
        page.goto(url, wait_until="load")
        self.leaving = False
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    def take_problems(self) -> list[str]:
        found, self.problems = self.problems, []
        return found

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
        problems += [f"{name}: {p}" for p in found["problems"] + watch.take_problems()]
        seen[name] = found
    watch.close()
    return problems, seen


def test_watch_reports_a_request_outside_the_site_and_nothing_leaves(browser, server):
    watch = Watch(browser, server)
    page = watch.open(server + "intro.html")
    page.set_content('<img src="https://cdn.example.org/x.png" alt="x"><p>offline?</p>')
    page.wait_for_load_state("load")
    found = watch.take_problems()
    assert "request outside the site: https://cdn.example.org/x.png" in found
    assert any(p.startswith("failed request: https://cdn.example.org/x.png (net::ERR_NAME_NOT_RESOLVED") for p in found)
    watch.close()


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

# Switching the theme changes colours only: in the dark theme, the rules about colour.
COLOUR_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block"]
# Code cells and data tables repeat a few colours on one or two backgrounds, in
# thousands of small elements (most of a chapter page). axe's colour-contrast
# rule takes seconds on them, so they get REPEATED_CONTRAST instead: the same
# WCAG ratio (7:1 for text, AAA, asked of every cell, header or not), computed for
# every element with text in them, on every page, in both themes.
REPEATED = ".highlight, table.dataframe"

AXE_RUN = """async ([context, only]) => {
  const result = await axe.run(context, {runOnly: only, resultTypes: ['violations'], preload: false});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map(n => n.target))}`);
}"""

REPEATED_CONTRAST = """(selector) => {
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  const over = (top, below) => {  // a colour with transparency drawn over an opaque one
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]);
  };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const low = new Map();
  let checked = 0;
  for (const block of document.querySelectorAll(selector)) {
    for (const el of [block, ...block.querySelectorAll("*")]) {
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.getClientRects().length) continue;  // not shown
      const bg = background(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      checked += 1;
      const what = `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""}`;
      if (ratio < 7) low.set(what, `${what} ${ratio.toFixed(2)}:1`);
    }
  }
  return {checked, low: [...low.values()].map(v => "colour below 7:1 in code or a data table: " + v)};
}"""


# No colour is caught halfway through a transition (the theme's buttons fade for
# 0.15 s when the theme changes): transitions and animations end at once.
# Returns whether axe-core is on the page already.
STILL = """() => {
  if (!document.getElementById('si-test-still')) {
    const style = document.createElement('style');
    style.id = 'si-test-still';
    style.textContent = '*, *::before, *::after {transition: none !important; animation: none !important;}';
    document.head.appendChild(style);
  }
  return typeof axe !== 'undefined';
}"""


def axe_rules(page) -> list[str]:
    """Every rule of axe-core tagged with WCAG (A, AA and AAA; the experimental ones too, which
    axe leaves out when it runs rules by tag), but the colour rules."""
    rules = page.evaluate("() => axe.getRules().filter(r => r.tags.some(t => t.startsWith('wcag'))).map(r => r.ruleId)")
    return [r for r in rules if r not in COLOUR_RULES]


def accessibility(page, axe_script: str, scheme: str) -> list[str]:
    """Serious and critical violations of the WCAG rules on the page as it is now, in ``scheme``.

    Light: every rule (colours in code and data tables by REPEATED_CONTRAST). Dark: the colour rules.
    """
    if not page.evaluate(STILL):
        page.add_script_tag(content=axe_script)
    found = []
    if scheme == "light":
        found += page.evaluate(AXE_RUN, [{"exclude": []}, {"type": "rule", "values": axe_rules(page)}])
    found += page.evaluate(AXE_RUN, [{"exclude": [[r] for r in REPEATED.split(", ")]}, {"type": "rule", "values": COLOUR_RULES}])
    found += page.evaluate(REPEATED_CONTRAST, REPEATED)["low"]
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_without_its_plain_spans_has_the_colours_it_had(browser, server, scheme):
    watch = Watch(browser, server)
    page = watch.open(server + "chapters/02_sdg9.html", scheme=scheme)
    colours = page.evaluate("""() => {
      const block = document.querySelector('.highlight pre.si-code');
      const span = document.createElement('span'); span.className = 'n'; span.textContent = 'x';
      block.appendChild(span);  // a name as Pygments first wrote it
      return [getComputedStyle(block).color, getComputedStyle(span).color];
    }""")
    assert colours[0] == colours[1]
    watch.close()


def test_the_repeated_colour_check_finds_low_contrast(browser, server):
    watch = Watch(browser, server)
    page = watch.open(server + "chapters/02_sdg9.html")
    result = page.evaluate(REPEATED_CONTRAST, REPEATED)
    assert result["checked"] > 500 and result["low"] == []
    page.evaluate("""() => {
      document.querySelector('.highlight pre').insertAdjacentHTML('afterbegin',
        '<span class="faint" style="color: rgba(120, 120, 120, 0.5)">x = 1</span>');
      document.querySelector('table.dataframe td').style.background = '#777';
    }""")
    low = page.evaluate(REPEATED_CONTRAST, REPEATED)["low"]
    assert [v.split(": ")[1].split(" ")[0] for v in low] == ["span.faint", "td"]
    watch.close()


def test_axe_runs_every_wcag_rule_and_finds_what_the_theme_got_wrong(browser, server, axe_script):
    """The rules include the experimental and AAA ones; put back what the book mends, and they see it."""
    watch = Watch(browser, server)
    page = watch.open(server + "chapters/12_cybersecurity.html")
    accessibility(page, axe_script, "light")  # loads axe-core
    rules = set(axe_rules(page)) | set(COLOUR_RULES)
    assert {"label-content-name-mismatch", "td-has-header", "color-contrast-enhanced", "target-size"} <= rules
    assert accessibility(page, axe_script, "light") == []
    page.evaluate("""() => {
      for (const b of document.querySelectorAll('.search-button__button')) b.setAttribute('aria-label', 'Search');
      document.querySelector('#it-and-ot-two-worlds-on-one-network table th').textContent = '';
      document.documentElement.style.setProperty('--pst-color-link', '#176de8');
    }""")
    found = {v.split(" ")[0] for v in accessibility(page, axe_script, "light")}
    assert found == {"label-content-name-mismatch", "td-has-header", "color-contrast-enhanced"}
    watch.close()


# -- self-check questions ----------------------------------------------------------


def _plain(text: str) -> str:
    """Text as the page shows it: `code` marks gone, spaces collapsed."""
    return re.sub(r"\s+", " ", text.replace("`", "")).strip()


def _expected(fb, lang: str) -> str:
    """What the page shows for Python's feedback ``fb`` (Feedback.to_html as text), in ``lang``."""
    colon = gettext(":", lang)
    message = gettext("Choose or type your answer first, then press Check.", lang) if fb.status == "empty" else fb.message
    text = f"{gettext(LABELS[fb.status], lang)}{colon} {message}"
    if fb.explanation and fb.correct:
        text += f" {gettext('Why', lang)}{colon} {fb.explanation}"
    if fb.hint and not fb.correct:
        text += f" {gettext('Hint', lang)}{colon} {fb.hint}"
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
        want = set(answer if isinstance(answer, list) else [answer])
        boxes = form.locator("input")
        states = boxes.evaluate_all("boxes => boxes.map(b => [b.value, b.checked])")
        for i, (value, checked) in enumerate(states):
            if checked != (value in want) and (q.multiple or value in want):
                boxes.nth(i).press("Space")
    else:
        form.locator("input[type=text]").press("Control+A")
        page.keyboard.type(answer)


def _check(page, form_id: str) -> str:
    page.locator(f"#{form_id} button[type=submit]").press("Enter")
    return _plain(page.locator(f"#{form_id} .si-live").inner_text())


SHOWN = """(form, [button, panel]) => {
  const b = form.querySelector(button), p = form.querySelector(panel);
  return [b.getAttribute('aria-expanded'), p.hidden || !p.offsetParent ? null : p.innerText];
}"""


def _toggle(page, form_id: str, button: str, panel: str, key: str) -> tuple[str | None, str | None]:
    """Press ``key`` on the form's button; (its aria-expanded, the panel's text or None when hidden)."""
    page.locator(f"#{form_id} {button}").press(key)
    return page.locator(f"#{form_id}").evaluate(SHOWN, [button, panel])


def self_checks(page, questions: dict, lang: str = "en") -> tuple[int, list[str]]:
    """Answer every self-check of the page with the keyboard: nothing, a wrong answer, the right one.

    Returns how many were checked and every difference from Python's feedback (in the page's language).
    """
    problems: list[str] = []
    set_language(lang)  # Python's verdicts in the page's language
    form_ids = page.locator("form.si-check").evaluate_all("forms => forms.map(f => f.id)")
    for form_id in form_ids:
        q = questions[form_id.removeprefix("si-check-")]
        wrong, right = _answers(q)
        if q.check(wrong).correct or not q.check(right).correct:
            problems.append(f"{form_id}: the test's wrong/right answers are not wrong/right")
        # nothing chosen, then a wrong answer, then the right one: the hints advance as in Python
        for attempt, answer in enumerate((None, wrong, right), start=1):
            if answer is not None:
                _set_answer(page, form_id, q, answer)
            want, got = _expected(q.check(answer, attempt=attempt), lang), _check(page, form_id)
            if got != want:
                problems.append(f"{form_id} answered {answer!r}: page says {got!r}, Python {want!r}")
        # hints build up and fold away; the solution opens and closes
        if q.hints:
            expanded, shown = _toggle(page, form_id, ".si-hint-button", ".si-hints", "Enter")
            first = gettext("Hint {number}:", lang).format(number=1) + " " + q.hints[0]
            if expanded != "true" or not _plain(shown or "").startswith(_plain(first)):
                problems.append(f"{form_id}: the first hint does not open with the keyboard")
        expanded, shown = _toggle(page, form_id, ".si-solution-button", ".si-solution", "Space")
        if expanded != "true" or _plain(shown or "") != _plain(q.solution):
            problems.append(f"{form_id}: the solution does not open with the keyboard, or differs from Python's")
        expanded, shown = _toggle(page, form_id, ".si-solution-button", ".si-solution", "Space")
        if expanded != "false" or shown is not None:
            problems.append(f"{form_id}: the solution does not close with the keyboard")
    set_language(None)
    return len(form_ids), problems


# -- the sweep: every page over http, once ----------------------------------------------


SWEEP_PARTS = ("load", "self-checks", "axe, light", "axe, dark")  # timed on each page (tools/bench.py prints them)


def sweep(browser, server: str, names: list[str], axe_script: str) -> dict[str, dict]:
    """Open each page once and check all of it, as a reader would use it.

    In the light theme: the page checks; every self-check answered (those of the
    chapters and of the exercise pages, where a code task's value is typed as
    its ``page_question``); then axe-core
    on the page with its feedback showing. Then the reader's system turns dark:
    the page must follow, and pass the colour rules there too.
    """
    questions = {
        lang: {k: page_question(translated(q, lang)) or translated(q, lang) for k, q in all_questions().items()}
        for lang in ("en", *LANGUAGES)
    }
    watch = Watch(browser, server)
    results = {}
    for name in names:
        clock = [time.perf_counter()]
        page = watch.open(server + name, scheme="light")
        found = page.evaluate(PAGE_CHECKS)
        lang = page.evaluate("document.documentElement.lang")
        if lang != ("en" if name.split("/")[0] not in LANGUAGES else name.split("/")[0]):
            found["problems"].append(f"the page says it is in {lang!r}")
        clock.append(time.perf_counter())
        checked, answers = self_checks(page, questions[lang], lang)
        clock.append(time.perf_counter())
        light = accessibility(page, axe_script, "light")
        clock.append(time.perf_counter())
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5000)
        dark = accessibility(page, axe_script, "dark")
        clock.append(time.perf_counter())
        results[name] = {
            "seconds": dict(zip(SWEEP_PARTS, (b - a for a, b in zip(clock, clock[1:])))),
            "problems": found["problems"] + watch.take_problems(),
            "forms": found["forms"],
            "math": found["math"],
            "checked": checked,
            "self_checks": answers,
            "axe_light": light,
            "axe_dark": dark,
        }
    watch.close()
    return results


class Sweep:
    """The tests on one share of the pages (two shares, so that two workers share the work)."""

    share: int
    SHARES = 2

    @pytest.fixture(scope="class")
    @classmethod
    def swept(cls, browser, server, pages, axe_script):
        return sweep(browser, server, pages[cls.share :: cls.SHARES], axe_script)

    @staticmethod
    def _all(swept, key) -> list[str]:
        return [f"{name}: {p}" for name, r in swept.items() for p in r[key]]

    def test_every_page_over_http_is_offline_clean_and_whole(self, swept):
        assert self._all(swept, "problems") == []

    def test_each_self_check_answers_right_and_wrong_like_python(self, swept):
        assert self._all(swept, "self_checks") == []
        assert all(r["checked"] == r["forms"] for r in swept.values())

    def test_pages_show_their_math_and_self_checks(self, swept):
        least = {"chapters/07_industry40_fundamentals.html": ("math", 1),  # the OEE formula
                 "chapters/01_how_to_use.html": ("checked", 4),
                 "exercises/01_how_to_use_exercises.html": ("checked", 4),
                 "exercises/08_iot_exercises.html": ("checked", 5),
                 "fr/chapters/01_how_to_use.html": ("checked", 4),
                 "fr/exercises/08_iot_exercises.html": ("checked", 5)}
        for name, (key, n) in least.items():
            if name in swept:
                assert swept[name][key] >= n, name
        assert sum(r["checked"] for r in swept.values()) >= 8  # each share has pages with self-checks

    def test_axe_finds_no_serious_violation_in_the_light_theme(self, swept):
        assert self._all(swept, "axe_light") == []

    def test_axe_finds_no_serious_violation_in_the_dark_theme(self, swept):
        assert self._all(swept, "axe_dark") == []


class TestFirstShare(Sweep):
    share = 0


class TestSecondShare(Sweep):
    share = 1


def test_the_shares_cover_every_page_once(pages):
    shares = [pages[k :: Sweep.SHARES] for k in range(Sweep.SHARES)]
    assert sorted(sum(shares, [])) == sorted(pages) and all(shares)

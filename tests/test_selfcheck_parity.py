"""The browser's checker (smartindustry/static/selfcheck.js) gives the same verdicts as Python.

Thousands of answers, to every self-check question of the course (those of
the chapters and of the exercise pages, where a code task's value is typed as
its ``page_question``) and to
questions made to reach the corners of the rules, go through
``Question.check`` in Python and ``check(spec, answer, attempt)`` in
JavaScript, on the spec the page carries. Status, message, score, hint and
explanation must be equal, in English and in French (the questions and the
script's texts translated, numbers with a decimal comma). The JavaScript runs in Node.js when it is
installed, else in Chromium; with neither, the test is skipped and says why.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from smartindustry.exercises import Choice, CodeTask, Mistake, MultipleChoice, Numeric, ShortText
from smartindustry.exercises.page import SELFCHECK_JS, TypedNumber, TypedText, page_question
from smartindustry.exercises.text import format_number
from smartindustry.i18n import set_language
from smartindustry.i18n.questions import translated
from smartindustry.questions import all_questions
from smartindustry.sphinxext import script_translations

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = SELFCHECK_JS
CHROMIUM = Path("/usr/bin/chromium")

# Questions made to reach every branch: units, bounds, mistakes, several
# answers, accents and other scripts, long words that a typo can come close to.
EXTRA = [
    Numeric(id="x-mass", prompt="Mass?", answer=1234.5, tolerance=0.5, unit="kg", bounds=(0, 1e6),
            mistakes=[Mistake(1.2345, "That is in tonnes.", 0.001), Mistake(-1234.5, "Mind the sign.")],
            hints=["one", "two", "three"], solution="1234.5 kg", explanation="Because."),
    Numeric(id="x-small", prompt="Rate?", answer=2.5e-5, rel_tolerance=0.01, hints=["h"], solution="s"),
    Numeric(id="x-big", prompt="People?", answer=2.6e9, rel_tolerance=0.01, unit="people", hints=["h"], solution="s"),
    Numeric(id="x-neg", prompt="Change?", answer=-3.0, tolerance=0.1, unit="%", bounds=(-100, 100), solution="s"),
    ShortText(id="x-words", prompt="Word?", accepted=["predictive maintenance", "Predictive-Maintenance", "PdM", "ÉCOLE", "λόγος", "İstanbul"],
              wrong={"preventive maintenance": "Preventive is by the calendar.", "Preventive  maintenance": "second message"},
              hints=["h1", "h2"], solution="s", explanation="why"),
    ShortText(id="x-short", prompt="Unit?", accepted=["kWh", "kilowatt hour"], max_length=20, hints=[], solution="s"),
    MultipleChoice(id="x-multi", prompt="Which?", multiple=True, hints=["h"], solution="s", choices=[
        Choice("Alpha", correct=True, feedback="yes A"), Choice("Beta", correct=True),
        Choice("Gamma", feedback="no C"), Choice("Delta"), Choice("Epsilon", correct=True, feedback="yes E")]),
    MultipleChoice(id="x-single", prompt="One?", hints=["h1", "h2"], solution="s", explanation="ex", choices=[
        Choice("Zero"), Choice("One", correct=True), Choice("Two", feedback="not two")]),
]
SELF_CHECKS = [page_question(q) for q in all_questions().values() if page_question(q) is not None]
TYPED = [q for q in SELF_CHECKS if isinstance(q, (TypedNumber, TypedText))]
ALL = SELF_CHECKS + EXTRA + [TypedText(id="x-typed", prompt="Word?", accepted=["kWh"], hints=["h"], solution="s", name="unit")]

NUMBER_FORMS = [
    "", "   ", "...", " ... ", "abc", "12,5", "12.5", "1,234", "1,234,567", "1.234,5", "1,234.5", "12 000", "12\u00a0000",
    "12\u202f000", "12'000", "12_000", "1 2", "3.2e3", "3.2E-3", "-3", "\u22123", "\u20133", "+3", ".5", "5.", "-0", "0",
    "45 %", "45%", "45 kg", "45kg", "45 KG", "1e400", "-1e400", "nan", "inf", "1e", "1..2", "1,2,3", "1,23", "12,345",
    "\u0663\u066b\u0665", "\u0663.\u0665", "\u0967\u0968\u0969", "\uff11\uff12", "2.6e9", "2,6e9", "2600000000", "2 600 000 000",
    "1234500000000", "1234500000000.0", "0.0078125", "0.00001", "9.99999e-05", "2.5e-05", "6.103515625e-05",
    "99999999999.99999", "0.0000005", "123456.7890125", "1e12", "-1e-7", "\u3000 7 \u3000", "7\n", "\t8\t",
    "12,5 %", "1.2345", "1234,5 kg", "1 234,5", "1.234.567", "--1", "1-", "½", "\u00b2", "x" * 40,
]


def _answers(q, rng: random.Random) -> list:
    if isinstance(q, MultipleChoice):
        letters = q.letters
        found: list = ["", " ", "...", None, [], "A", "a", "b.", "B)", " c ", "AB", "AC", "ab", "A, C", "A;C", "A C",
                       "A,,C", "Z", "A, Z", "1", "A.B", "ÀB", "ΑΒ"]
        found += [c.text for c in q.choices] + [c.text.upper() + "." for c in q.choices]
        for _ in range(40):
            picks = rng.sample(letters, rng.randint(1, len(letters)))
            found.append(picks if rng.random() < 0.5 else ", ".join(picks))
            found.append(rng.choice([" ", ",", ";", ", "]).join(p.lower() if rng.random() < 0.3 else p for p in picks))
        return found
    if isinstance(q, Numeric):
        x = q.answer
        found = list(NUMBER_FORMS)
        for v in [x, x + q.allowed_error() * 0.99, x + q.allowed_error() * 1.01, x - q.allowed_error() * 1.5, -x, x * 100,
                  x / 100, *(m.value for m in q.mistakes), *(q.bounds or ())]:
            found += [repr(v), f"{v:.2f}", f"{v:.4g}", f"{v:,.2f}", f"{v:.2f}".replace(".", ","), f"{v} {q.unit}", f"{v}{q.unit}"]
        alphabet = "0123456789,. -%e\u2212\u00a0kg\u0663"
        for _ in range(120):
            found.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
        return found
    assert isinstance(q, ShortText)
    found = ["", "  ", "...", "x", "the", "The .", "a b", "x" * 250]
    for a in list(q.accepted) + list(q.wrong):
        found += [a, a.upper(), f"the {a}", f"An {a}.", a.replace(" ", "-"), a.replace(" ", "  "), f" {a} ", a + "s",
                  a[:-1], a[1:], a[:2] + a[3:], a[::-1], f"{a}!?", a.replace("e", "é")]
    alphabet = "abcdefghijklmnoprstuvwyz -_/.!?'éΣσςİıß"
    for _ in range(100):
        found.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))))
    return found


def _cases(lang: str = "en") -> list[dict]:
    rng = random.Random(2024)
    cases = []
    for q in ALL:
        q = translated(q, lang)
        spec = json.loads(json.dumps(q.to_spec()))  # exactly what the page carries
        for answer in _answers(q, rng):
            attempt = rng.randint(1, 4)
            fb = q.check(answer, attempt=attempt)
            cases.append({"spec": spec, "answer": answer, "attempt": attempt,
                          "python": {"status": fb.status, "message": fb.message, "score": fb.score,
                                     "hint": fb.hint, "explanation": fb.explanation}})
    return cases


NUMBERS = [0.0, -0.0, 1.0, 0.5, 0.0078125, -0.0078125, 1e-4, 9.99999e-05, 2.5e-05, 6.103515625e-05, 1e-300, 5e-324,
           1234500000000.0, 1235500000000.0, 999950000000.0, 1e12, 9.9995e15, 1e21, 1e22, 1.7976931348623157e308,
           123456.7890125, 0.1, 0.2 + 0.1, 2 / 3, 67.90123456790124, 1234.5, -1e-5, 12.0000005, 0.00010000000000000002]


def _run_in_node(payload: dict) -> dict:
    program = (
        "const sc = require(process.argv[1]);"
        "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "sc.setTranslations(data.translations);"
        "const out = {checks: data.cases.map(c => sc.check(c.spec, c.answer, c.attempt)),"
        "             numbers: data.numbers.map(x => sc.fmt(x))};"
        "process.stdout.write(JSON.stringify(out));"
    )
    proc = subprocess.run(["node", "-e", program, str(SCRIPT)], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(proc.stdout)


def _run_in_chromium(payload: dict) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><title>parity</title>")
        page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
        out = page.evaluate(
            "data => (SmartIndustrySelfCheck.setTranslations(data.translations), {checks: data.cases.map(c => SmartIndustrySelfCheck.check(c.spec, c.answer, c.attempt)),"
            "          numbers: data.numbers.map(x => SmartIndustrySelfCheck.fmt(x))})",
            payload,
        )
        browser.close()
    return out


def _runner():
    if shutil.which("node"):
        return _run_in_node
    if CHROMIUM.exists():
        try:
            import playwright  # noqa: F401
        except ImportError:
            pass
        else:
            return _run_in_chromium
    return None


@pytest.fixture
def language(request):
    """The course's texts in one language for the test, English again after it."""
    set_language(request.param)
    yield request.param
    set_language(None)


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_browser_checker_gives_the_python_verdicts(language):
    run = _runner()
    if run is None:
        pytest.skip("neither Node.js nor Chromium (/usr/bin/chromium) with Playwright is installed, "
                    "so the JavaScript checker cannot run here")
    cases = _cases(language)
    assert len(cases) > 3000
    table = script_translations(language) if language != "en" else {}
    payload = {"cases": [{k: c[k] for k in ("spec", "answer", "attempt")} for c in cases], "numbers": NUMBERS,
               "translations": table}
    out = run(payload)
    mismatches = []
    for case, got in zip(cases, out["checks"]):
        want = case["python"]
        same = (got["status"], got["message"], got["hint"], got["explanation"]) == (
            want["status"], want["message"], want["hint"], want["explanation"]) and math.isclose(
            got["score"], want["score"], abs_tol=1e-12)
        if not same:
            mismatches.append({"question": case["spec"]["id"], "answer": case["answer"], "python": want, "js": got})
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ; first: {json.dumps(mismatches[:3], ensure_ascii=False, indent=1)}"
    statuses = {c["python"]["status"] for c in cases}
    assert statuses == {"correct", "partial", "incorrect", "unreadable", "empty"}
    assert out["numbers"] == [format_number(x) for x in NUMBERS]
    if language == "fr":  # the French verdicts are French, with French numbers
        messages = {c["python"]["message"] for c in cases}
        assert "Choisissez une seule réponse pour cette question." in messages
        assert "1234,5 kg\u00a0: c’est juste." in messages
        assert not any(m.endswith(" is right.") for m in messages)


def test_exercise_pages_type_the_value_of_code_tasks_and_not_functions_or_tables():
    tasks = {q.id: q for q in all_questions().values() if isinstance(q, CodeTask)}
    typed = {q.id: q for q in TYPED}
    assert {"iot-alarm-count", "robots-cagr-world", "twins-slope-week4", "howto-offline-people"} <= set(typed)
    for task_id, task in tasks.items():
        if task.is_function_task:
            assert task_id not in typed, task_id
    assert "sdg9-medians-3g" not in typed and "cyber-ir-order" not in typed  # a table, a list
    q = typed["iot-alarm-count"]
    assert isinstance(q, TypedNumber) and q.answer == 5 and q.hints == tuple(tasks["iot-alarm-count"].hints)
    assert "`n_alarms`" in q.answer_format() and q.solution == tasks["iot-alarm-count"].solution


@pytest.mark.parametrize("question", TYPED, ids=lambda q: q.id)
def test_a_typed_value_is_right_where_its_code_task_says_right(question):
    """The page takes what the notebook's check takes (within the tolerance found), and refuses what it refuses."""
    task = all_questions()[question.id]
    x, error = question.answer, question.allowed_error()
    right = [repr(x), format_number(x), format_number(x + 0.9 * error), format_number(x - 0.9 * error)]
    wrong = [format_number(v) for v in (x + 3 * max(error, abs(x) * 0.05, 1), -x - 1, x * 10 + 1)]
    for answer in right:
        assert question.check(answer).correct and task.check(float(answer)).correct, answer
    for answer in wrong:
        assert not question.check(answer).correct and not task.check(float(answer)).correct, answer


def test_the_page_checker_records_nothing_about_the_reader():
    """Answers stay in the page: no storage, no cookie, no request."""
    code = SCRIPT.read_text(encoding="utf-8")
    for keeps in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest", "sendBeacon"):
        assert keeps not in code, keeps

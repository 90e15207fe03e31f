"""The JupyterLite site: every notebook in the browser, with nothing to install.

`tools/lite.py` builds the site into a temporary folder; headless Chromium
(Debian's /usr/bin/chromium, driven by Playwright) opens an exercise notebook
there over http on 127.0.0.1, where no host name resolves but this machine's.

What runs here is real: the Python kernel (Pyodide) starts from the site's own
files, the course package and its data tables install from the site, and a
value computed from them in the browser is compared with the same value here.
Every request for an address outside the site is counted and listed: the test
fails if anything but the five wheels that no registry has (numpy, pandas,
matplotlib, pillow, kiwisolver; see lite/README.md) is asked for.

Those five cannot be had on this machine, so the notebooks' own cells (which
import pandas) can only run where they are: with ``LITE_WASM_WHEELS=<folder of
those wheels>`` the site serves them itself, and the second test runs every cell
of a chapter and an exercise notebook and checks a printed value and a
self-check's feedback. Without that folder it is skipped, with the reason.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import lite  # noqa: E402
from page_weights import CHROMIUM  # noqa: E402

from smartindustry import sphinxext  # noqa: E402


def _why_not() -> str | None:
    if not CHROMIUM.exists():
        return "Chromium is not installed (/usr/bin/chromium; `apt-get install chromium`, as .ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
        import jupyterlite_core  # noqa: F401
        import jupyterlite_pyodide_kernel  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed: run `make test`, which installs it"
    if shutil.which("npm") is None and not (lite.CACHE / f"pyodide-{lite.PYODIDE_VERSION}.tgz").exists():
        return "npm is not installed (it fetches the Python runtime once; `apt-get install npm`, as .ci/run does)"
    return None


REASON = _why_not()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"JupyterLite tests skipped: {REASON}")

EXERCISE = "exercises/01_how_to_use_exercises.ipynb"
CHAPTER = "chapters/01_how_to_use.ipynb"
WASM = os.environ.get("LITE_WASM_WHEELS")

# Runs in the browser without pandas: the course wheel from the site, its data tables read with csv.
PROBE = """
import sys, csv, io, json, importlib.resources
import piplite
await piplite.install("smartindustry", deps=False)
tables = importlib.resources.files("smartindustry") / "data" / "tables"
descriptor = json.loads((tables / "datapackage.json").read_text())
rows = list(csv.DictReader(io.StringIO((tables / "countries.csv").read_text())))
print("platform:", sys.platform)
print("resources:", len(descriptor["resources"]))
print("countries:", len(rows), rows[0][next(iter(rows[0]))])
"""


# ipywidgets alone needs no pandas: a button whose click runs Python in the browser
WIDGET = """
%pip install ipywidgets
import ipywidgets as w
button = w.Button(description="Check in Python")
result = w.HTML("Not clicked yet")
button.on_click(lambda _: setattr(result, "value", "Clicked: the callback ran in Python"))
w.VBox([button, result])
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("lite") / "lite"
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "lite.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return out, json.loads((out / "lite-build.json").read_text())


def test_site_holds_every_notebook_the_package_and_the_runtime(site):
    out, report = site
    expected = sorted(f"{folder}/{p.name}" for folder in ("chapters", "exercises")
                      for p in (ROOT / folder).glob("*.ipynb"))
    assert report["notebooks"] == expected and len(expected) >= 24
    for rel in expected:
        nb = json.loads((out / "files" / rel).read_text())
        setup = [c for c in nb["cells"] if lite.SETUP_TAG in c.get("metadata", {}).get("tags", [])]
        assert len(setup) == 1 and "%pip install smartindustry" in "".join(setup[0]["source"])
    wheels = {p.name.split("-")[0] for p in (out / "pypi").glob("*.whl")}
    assert wheels == {"comm", "ipywidgets", "jupyterlab_widgets", "smartindustry"}
    runtime = out / "static" / "pyodide"
    assert (runtime / "pyodide.asm.wasm").stat().st_size > 5_000_000
    lock = json.loads((runtime / "pyodide-lock.json").read_text())["packages"]
    remote = sorted(k for k, v in lock.items() if "://" in v["file_name"])
    assert remote == sorted(lite.CDN_WHEELS if not WASM else [])
    for name, entry in lock.items():  # every other file is in the site
        assert "://" in entry["file_name"] or (runtime / entry["file_name"]).is_file(), name
    config = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True and kernel["pyodideUrl"].startswith("./static/pyodide/")


def test_student_edition_has_every_notebook_and_no_solution(tmp_path):
    """`make student-lite`: the chapters and the student editions of the exercises (no solutions)."""
    names = lite.contents("student", tmp_path / "files")
    assert [n for n in names if n.startswith("exercises/")] == sorted(
        f"exercises/{p.name}" for p in (ROOT / "exercises").glob("*.ipynb"))
    assert [n for n in names if n.startswith("chapters/")] == sorted(
        f"chapters/{p.name}" for p in (ROOT / "chapters").glob("*.ipynb"))
    source = json.loads((ROOT / EXERCISE).read_text())["cells"]
    student = json.loads((tmp_path / "files" / EXERCISE).read_text())["cells"]
    solutions = ["".join(c["source"]) for c in source if "solution" in c.get("metadata", {}).get("tags", [])]
    assert solutions and not any("".join(c["source"]) in solutions for c in student)
    assert not any("solution" in c.get("metadata", {}).get("tags", []) for c in student)
    assert sum(lite.SETUP_TAG in c.get("metadata", {}).get("tags", []) for c in student) == 1


def test_notebook_pages_say_what_the_first_start_downloads():
    note = sphinxext.lite_launch("exercises/08_iot_exercises")
    assert 'href="../lite/notebooks/index.html?path=exercises/08_iot_exercises.ipynb"' in note
    assert f"about {sphinxext.LITE_FIRST_START_MB} MB" in note and "internet" in note
    assert all(name in note for name in ("numpy", "pandas", "matplotlib", "pillow", "kiwisolver"))


def test_kernel_starts_from_the_site_and_the_course_package_installs(site):
    """One exercise notebook in the browser: what runs without the five CDN wheels, and what leaves the site."""
    from lite_browser import EXECUTE, Lite, serve

    out, report = site
    server = serve(out.parent)
    browser = Lite(server)
    try:
        visit = browser.open(EXERCISE)
        # the kernel started from the site's files: nothing asked for outside the site
        assert visit.outside == [], visit.outside
        # the notebook's own setup cell: everything comes from the site except the five CDN wheels
        cells = json.loads((out / "files" / EXERCISE).read_text())["cells"]
        setup = next("".join(c["source"]) for c in cells if lite.SETUP_TAG in c.get("metadata", {}).get("tags", []))
        result = browser.page.evaluate(EXECUTE, setup)
        asked = sorted({url.rsplit("/", 1)[-1].split("-")[0] for url in visit.outside})
        if WASM:
            assert visit.outside == [] and "ERROR" not in result, result
        else:
            assert asked == sorted(lite.CDN_WHEELS), (visit.outside, result)
            assert all(u.startswith(lite.cdn_base()) for u in visit.outside), visit.outside
        outside = list(visit.outside)
        # the course package and its data tables, from the site, used without pandas
        printed = browser.page.evaluate(EXECUTE, PROBE)
        browser.count()
        assert visit.outside == outside, visit.outside  # nothing more left the site
        here = json.loads((ROOT / "data" / "datapackage.json").read_text())["resources"]
        with open(ROOT / "data" / "countries.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert "platform: emscripten" in printed, printed
        assert f"resources: {len(here)}" in printed, printed
        assert f"countries: {len(rows)} {rows[0][next(iter(rows[0]))]}" in printed, printed
        # a live widget: ipywidgets from the site, its front end in the page, a Python callback on click
        browser.run_new_cell(WIDGET)
        page = browser.page
        page.get_by_role("button", name="Check in Python").click()
        page.wait_for_selector("text=Clicked: the callback ran in Python", timeout=30000)
        browser.count()
        assert visit.outside == outside, visit.outside
        print(f"\nJupyterLite first start: {visit.site_bytes / 1e6:.1f} MB in {visit.site_requests} requests "
              f"from the site, kernel ready after {visit.seconds_to_kernel:.0f} s; "
              f"requests outside the site: {len(visit.outside)} ({', '.join(sorted(set(visit.outside)))})")
        # what the first start downloads from the site: the figure on every notebook page
        mb = visit.site_bytes / 1e6
        assert abs(mb - sphinxext.LITE_FIRST_START_MB) <= 5, f"{mb:.1f} MB: update LITE_FIRST_START_MB"
    finally:
        browser.close()
        server.shutdown()


@pytest.mark.skipif(not WASM, reason="numpy, pandas and matplotlib for Pyodide are on no registry this machine "
                                    "reaches: set LITE_WASM_WHEELS to a folder of those wheels (lite/README.md)")
def test_chapter_and_exercise_run_in_the_browser(site):
    from lite_browser import Lite, serve

    from smartindustry.questions.how_to_use import ways_offline

    out, _ = site
    server = serve(out.parent)
    browser = Lite(server)
    try:
        browser.open(CHAPTER)
        text = browser.run_all()
        assert "Error" not in text and "Traceback" not in text
        browser.open(EXERCISE)
        text = browser.run_all()
        right = ways_offline.check("C")
        assert right.status == "correct" and right.message.split(".")[0] in text
        assert browser.visit.outside == []
    finally:
        browser.close()
        server.shutdown()


def test_myst_roles_become_plain_text_in_the_browser_copies():
    text = "(ch-iot)=\n# IoT\nA {term}`sensor`, the {term}`IoT <Internet of Things>`, {cite}`a_2024,b_2023`, {ref}`ch-x`."
    assert lite.plain_markdown(text) == "# IoT\nA sensor, the IoT, [a_2024, b_2023], ch-x."


def test_a_notebook_handed_in_from_the_browser_is_graded(tmp_path):
    """The student edition as the browser saves it (with its setup cell), one answer written: `make grade`."""
    lite.contents("student", tmp_path / "files")
    nb = json.loads((tmp_path / "files" / EXERCISE).read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "".join(cell["source"]).strip() == "answer_1 = ...":
            cell["source"] = 'answer_1 = "C"'
    handed_in = tmp_path / "handed-in"
    handed_in.mkdir()
    (handed_in / "amina_01_how_to_use_exercises.ipynb").write_text(json.dumps(nb))
    proc = subprocess.run([sys.executable, "-m", "smartindustry.classroom", "grade", str(handed_in),
                           "--out", str(tmp_path / "grades"), "--assignment", EXERCISE],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with open(tmp_path / "grades" / "gradebook.csv", encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert row["status"] == "graded" and row["Exercise 1 (howto-offline)"] == "1" and row["total"] == "1", row


def test_a_wasm_wheel_with_the_wrong_hash_is_not_served(site, tmp_path):
    """LITE_WASM_WHEELS: a file named like Pyodide's numpy but with other bytes stays out of the site."""
    pyodide = lite.fetch_pyodide(lite.CACHE)
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())["packages"]
    fake = tmp_path / "wheels" / lock["numpy"]["file_name"]
    fake.parent.mkdir()
    fake.write_bytes(b"not the numpy that Pyodide's lock file names")
    wheels = {**lite.fetch_wheels(lite.LITE / "wheels-pure.txt", lite.CACHE / "wheels", lite.PURE),
              **lite.fetch_wheels(lite.LITE / "wheels-wasm.txt", lite.CACHE / "wheels-wasm", lite.WASM)}
    report = lite.write_runtime(pyodide, tmp_path / "out", wheels, fake.parent)
    assert any(url.endswith(fake.name) for url in report["remote"])
    assert not (tmp_path / "out" / fake.name).exists()

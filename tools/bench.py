"""Benchmark of the book: build times, test-suite time and page weights. Prints figures; asserts nothing.

Usage: python tools/bench.py [--skip-tests] [--json FILE]

1. Build from stored outputs (what `make book` does; then the French edition, timed on its own) against the same book with
   `execute_notebooks: force` (every notebook run during the build); both are
   clean builds into a temporary folder. Target: stored <= 0.3 x force.
2. Incremental rebuild after editing one chapter: a copy of the book is built,
   one markdown cell of a chapter notebook in the copy gets a new sentence,
   and the copy is built again. Target: <= 10 s. (The notebooks of the course
   are never touched.)
3. The full test suite (`python -m pytest`, as `make test`). Target: <= 3 min on 2 cores.
   Then where the time goes: the test workers' seconds in each test file.
4. Page weights of the built book (tools/page_weights.py). Budget: median chapter
   page <= 1.5 MB on a first visit, no page above 3 MB, a second page <= 200 kB
   plus its own images.
5. The JupyterLite site (tools/lite.py): its build time, then in Chromium the bytes
   downloaded from the site and the seconds until the first cell's output, on a first
   visit and on a second visit with the first one's cache (tools/lite_browser.py),
   and every request that leaves the site.
6. The browser sweep of the tests, timed part by part on a sample of pages (load,
   self-checks, axe in the light theme, axe in the dark theme) and scaled to every
   page of both languages: the least time checking every page takes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from page_weights import measure, report  # noqa: E402
import lite_browser  # noqa: E402

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", ".hypothesis", "__pycache__", "*.egg-info", ".pytest_cache")


def jupyter_book() -> str:
    jb = Path(sys.executable).with_name("jupyter-book")
    return str(jb) if jb.exists() else "jupyter-book"


CPU: dict[str, float] = {}  # CPU seconds of each timed step (user + system, its processes)


def timed(name: str, cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``cmd``; return its wall-clock seconds (and note its CPU seconds in CPU[name]).

    On a machine shared with other work, wall-clock time grows with the load;
    the CPU time of the step's own processes does not, so both are printed.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[name] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, proc


def build(source: Path, out: Path, config: Path | None = None, name: str = "build") -> float:
    """Build the book at ``source`` into ``out``; return the seconds it took (raises if it fails)."""
    cmd = [jupyter_book(), "build", str(source), "--path-output", str(out), "-W", "-n", "--keep-going"]
    if config is not None:
        cmd += ["--config", str(config)]
    seconds, proc = timed(name, cmd)
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return seconds


def force_config(work: Path) -> Path:
    """A copy of _config.yml that runs every notebook during the build."""
    text = (ROOT / "_config.yml").read_text()
    assert 'execute_notebooks: "off"' in text, "_config.yml no longer says execute_notebooks: \"off\""
    path = work / "_config_force.yml"
    path.write_text(text.replace('execute_notebooks: "off"', "execute_notebooks: force"))
    return path


def edit_one_chapter(book: Path) -> Path:
    """Add a sentence to the first markdown cell of the first chapter notebook of ``book``."""
    path = sorted((book / "chapters").glob("*.ipynb"))[0]
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += "\n\nA sentence added by the benchmark."
    nbformat.write(nb, path)
    return path


def suite_parts(report: str) -> dict[str, float]:
    """Seconds of the test workers spent in each test file (setup, call and teardown), from
    pytest's ``--durations=0`` report, largest first; the notebooks (nbval) are one part."""
    parts: dict[str, float] = {}
    for line in report.splitlines():
        found = re.match(r"^([\d.]+)s (setup|call|teardown)\s+(\S+?)::", line)
        if found:
            path = found[3]
            part = "notebooks (nbval)" if path.endswith(".ipynb") else path
            parts[part] = parts.get(part, 0.0) + float(found[1])
    return dict(sorted(parts.items(), key=lambda item: -item[1]))


SWEEP_SAMPLE = 12  # pages timed, spread over the book and its languages


def sweep_floor(site: Path) -> dict:
    """Time each part of the browser sweep on a sample of pages, and scale it to every page.

    The parts are those of ``tests/test_browser.py``'s sweep: load the page, answer its
    self-checks, axe-core with every WCAG rule (light theme), the colour rules again in the
    dark theme. Scaled to all pages and shared between the suite's two workers, the axe part
    alone is the least time the sweep can take while it checks every page in both themes."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_browser as tb
    from page_weights import pages, serve
    from playwright.sync_api import sync_playwright
    import axe_playwright_python

    names = [n for n in pages(site) if not n.endswith("index.html")]
    sample = names[:: max(1, len(names) // SWEEP_SAMPLE)]
    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    httpd = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(tb.CHROMIUM), args=tb.ARGS)
        results = tb.sweep(browser, httpd.base, sample, axe)
        browser.close()
    httpd.shutdown()
    spent = {part: sum(r["seconds"][part] for r in results.values()) for part in tb.SWEEP_PARTS}
    problems = sum(len(r[key]) for r in results.values() for key in ("problems", "self_checks", "axe_light", "axe_dark"))
    return {"pages": len(names), "sampled": len(sample), "problems": problems,
            "per_page_s": {part: seconds / len(sample) for part, seconds in spent.items()}}


def sweep_report(sweep: dict) -> str:
    per_page, pages = sweep["per_page_s"], sweep["pages"]
    lines = [f"   {sweep['sampled']} of {pages} pages timed ({sweep['problems']} problems found on them); "
             "seconds per page, and for every page on one of two workers:"]
    for part, seconds in per_page.items():
        lines.append(f"     {part:12} {seconds:5.2f} s   x {pages} / 2 = {seconds * pages / 2:6.0f} s")
    axe = (per_page["axe, light"] + per_page["axe, dark"]) * pages / 2
    lines.append(f"   axe on every page in both themes alone takes {axe:.0f} s of the suite's wall-clock time")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    figures: dict = {"cores": os.cpu_count()}

    with tempfile.TemporaryDirectory(prefix="si-bench-") as tmp:
        work = Path(tmp)
        print("1. clean build from stored outputs ...", flush=True)
        figures["build_stored_s"] = build(ROOT, work / "stored", name="stored")
        print(f"   {figures['build_stored_s']:.1f} s ({CPU['stored']:.1f} s CPU)", flush=True)
        print("   the French edition, clean (tools/i18n.py build, as make book does after the English) ...", flush=True)
        seconds, proc = timed("french", [sys.executable, str(ROOT / "tools" / "i18n.py"), "build", "--lang", "fr",
                                         "--site", str(work / "stored" / "_build" / "html"), "--work", str(work / "fr")])
        if proc.returncode != 0:
            raise SystemExit(f"French build failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
        figures["build_french_s"] = seconds
        figures["build_both_s"] = figures["build_stored_s"] + seconds
        print(f"   {seconds:.1f} s ({CPU['french']:.1f} s CPU); both languages {figures['build_both_s']:.1f} s", flush=True)
        print("   clean build with execute_notebooks: force ...", flush=True)
        figures["build_force_s"] = build(ROOT, work / "force", force_config(work), name="force")
        figures["build_ratio"] = figures["build_stored_s"] / figures["build_force_s"]
        figures["build_ratio_cpu"] = CPU["stored"] / CPU["force"]
        print(f"   {figures['build_force_s']:.1f} s ({CPU['force']:.1f} s CPU); stored / force = "
              f"{figures['build_ratio']:.2f}, in CPU time {figures['build_ratio_cpu']:.2f} (target <= 0.30)", flush=True)

        print("2. incremental rebuild after editing one chapter ...", flush=True)
        book = work / "book"
        shutil.copytree(ROOT, book, ignore=IGNORE)
        build(book, book)
        edited = edit_one_chapter(book)
        figures["incremental_s"] = build(book, book, name="incremental")
        figures["incremental_edited"] = edited.relative_to(book).as_posix()
        figures["noop_s"] = build(book, book, name="noop")
        print(f"   {figures['incremental_s']:.1f} s ({CPU['incremental']:.1f} s CPU) after editing "
              f"{figures['incremental_edited']} (target <= 10 s); {figures['noop_s']:.1f} s with nothing changed",
              flush=True)

        if not args.skip_tests:
            print("3. full test suite (python -m pytest) ...", flush=True)
            figures["tests_s"], proc = timed("tests", [sys.executable, "-m", "pytest", "-q", "--durations=0"], cwd=ROOT)
            figures["tests_summary"] = (proc.stdout.strip().splitlines() or [""])[-1]
            print(f"   {figures['tests_s']:.0f} s on {figures['cores']} cores (target <= 180 s), "
                  f"{CPU['tests']:.0f} s CPU in the test processes (Chromium's not counted): "
                  f"{figures['tests_summary']}", flush=True)
            figures["tests_parts_s"] = parts = suite_parts(proc.stdout)
            print(f"   where the workers' time goes ({sum(parts.values()):.0f} worker-seconds in all):", flush=True)
            for part, seconds in list(parts.items())[:12]:
                print(f"     {seconds:7.1f} s  {part}", flush=True)

        print("4. page weights", flush=True)
        weights = measure(work / "stored" / "_build" / "html")
        figures["page_weights"] = weights
        print(report(weights))

        print("5. JupyterLite: build, then bytes and time to the first cell's output ...", flush=True)
        lite_out = work / "stored" / "_build" / "html" / "lite"
        figures["lite_build_s"], proc = timed("lite", [sys.executable, str(ROOT / "tools" / "lite.py"),
                                                       "--out", str(lite_out)], cwd=ROOT)
        print(f"   built in {figures['lite_build_s']:.1f} s ({CPU['lite']:.1f} s CPU)", flush=True)
        if proc.returncode != 0:
            print(f"   the JupyterLite build failed:\n{(proc.stdout + proc.stderr)[-2000:]}", flush=True)
        elif lite_browser.CHROMIUM.exists():
            figures["lite"] = lite_browser.measure(lite_out.parent)
            print(lite_browser.report(figures["lite"]), flush=True)

        if lite_browser.CHROMIUM.exists():
            print("6. the browser sweep, per page (a sample of the built pages; tests/test_browser.py) ...", flush=True)
            figures["sweep"] = sweep_floor(work / "stored" / "_build" / "html")
            print(sweep_report(figures["sweep"]), flush=True)

    figures["cpu_s"] = CPU
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nSummary (load average now {load:.1f} on {figures['cores']} cores: wall-clock times grow with other work)")
    print(f"  build from stored outputs   {figures['build_stored_s']:6.1f} s  ({CPU['stored']:.1f} s CPU)")
    print(f"  French edition              {figures['build_french_s']:6.1f} s  ({CPU['french']:.1f} s CPU)   "
          f"both languages {figures['build_both_s']:.1f} s")
    print(f"  build with force            {figures['build_force_s']:6.1f} s  ({CPU['force']:.1f} s CPU)   "
          f"ratio {figures['build_ratio']:.2f}, CPU {figures['build_ratio_cpu']:.2f} (<= 0.30)")
    print(f"  incremental (one chapter)   {figures['incremental_s']:6.1f} s  ({CPU['incremental']:.1f} s CPU)   (<= 10 s)")
    if "tests_s" in figures:
        print(f"  full test suite             {figures['tests_s']:6.0f} s  ({CPU['tests']:.0f} s CPU)   (<= 180 s)")
    if "sweep" in figures:
        per_page = figures["sweep"]["per_page_s"]
        axe = (per_page["axe, light"] + per_page["axe, dark"]) * figures["sweep"]["pages"] / 2
        print(f"  axe on every page, 2 themes {axe:6.0f} s on two workers, after the build of both languages: "
              f"at least {figures['build_both_s'] + axe:.0f} s of any run of the suite")
    s = weights["summary"]
    print(f"  median chapter first visit  {s['median_chapter_first_visit']:>9,.0f} B (<= 1,500,000)")
    for lang, median in s["median_chapter_first_visit_by_language"].items():
        print(f"    in the book in {lang!r}       {median:>9,.0f} B (<= 1,500,000)")
    print(f"  largest first visit         {s['largest_first_visit']:>9,} B (<= 3,000,000)")
    print(f"  largest second visit        {s['largest_second_visit_without_images']:>9,} B + images; search page + its index (<= 200,000)")
    if "lite" in figures:
        for name in ("first_visit", "second_visit"):
            f = figures["lite"][name]
            print(f"  JupyterLite {name.split('_')[0]:6} visit    {f['site_bytes']:>12,} B, first output after "
                  f"{f['seconds_to_first_output']:.0f} s, {len(f['outside_requests'])} request(s) outside the site")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

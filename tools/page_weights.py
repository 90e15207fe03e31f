"""Page weights of the built book: what a reader downloads, in exact bytes.

Usage: python tools/page_weights.py [_build/html] [--json FILE] [--static]

For every page: the first visit (the HTML and every file it loads, uncompressed)
and a second visit (the page opened after the landing page, whose files the
browser has cached: the HTML plus the files the landing page did not load;
images are counted apart, as the budget allows them on top, and so is the
search index, the search page's own data, which no other page loads).

With Chromium (Debian's /usr/bin/chromium) and Playwright installed, each page
is opened over http on 127.0.0.1 and the files it really requested are
counted. Without them (or with --static) the files are read from the HTML and
CSS: every script, stylesheet and image, plus the first source of every
@font-face (a browser loads a font only when the page uses it, so this is an
upper bound).

Budget (issue: fast and light): median chapter page first visit <= 1.5 MB,
no page above 3 MB, a second page <= 200 kB plus its own images (and the search page, its index).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

MB = 1_000_000
BUDGET = {"median_chapter_first_visit": 1.5 * MB, "any_page_first_visit": 3 * MB, "second_visit_without_images": 200_000}
IMAGE = re.compile(r"\.(png|jpe?g|gif|svg|webp)$", re.I)
SEARCH_INDEX = "searchindex.js"  # loaded by the search page only (smartindustry.sphinxext.INLINE_SEARCH)
CHROMIUM = Path("/usr/bin/chromium")


def pages(site: Path) -> list[str]:
    """Every HTML page of the site, relative to it (not the theme's template fragments, nor the
    JupyterLite app in ``lite/``, measured by tools/lite_browser.py)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and p.relative_to(site).parts[0] != "lite")


def _local(site: Path, base: Path, ref: str) -> Path | None:
    ref = urldefrag(ref)[0]
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = (base / unquote(parts.path)).resolve()
    return target if target.is_file() and site.resolve() in target.parents else None


def _css_files(site: Path, css: Path, seen: set[Path]) -> set[Path]:
    text = css.read_text(encoding="utf-8", errors="replace")
    found: set[Path] = set()
    for face in re.findall(r"@font-face\s*{[^}]*}", text):
        first = re.search(r"url\(([^)]+)\)", face)
        if first and (p := _local(site, css.parent, first.group(1).strip("'\""))):
            found.add(p)
    text = re.sub(r"@font-face\s*{[^}]*}", "", text)
    for ref in re.findall(r"@import\s+(?:url\()?['\"]?([^'\")\s;]+)", text):
        if (p := _local(site, css.parent, ref)) and p not in seen:
            seen.add(p)
            found |= {p} | _css_files(site, p, seen)
    return found


def static_files(site: Path, page: str) -> set[Path]:
    """Files a page loads, read from its HTML and CSS (no browser)."""
    path = site / page
    html = path.read_text(encoding="utf-8")
    refs = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    refs += re.findall(r'<link[^>]*rel="(?:stylesheet|preload)"[^>]*href="([^"]+)"', html)
    refs += re.findall(r'<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"', html)
    refs += re.findall(r'<img[^>]*\ssrc="([^"]+)"', html)
    files = {p for r in refs if (p := _local(site, path.parent, r))}
    for css in [f for f in files if f.suffix == ".css"]:
        files |= _css_files(site, css, set())
    return files | {path.resolve()}


def browser_files(site: Path, names: list[str]) -> dict[str, set[Path]]:
    """Files each page requested in headless Chromium, served over http on 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = server.base
    found: dict[str, set[Path]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name in names:
                context = browser.new_context()  # empty cache: a first visit
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
                page = context.new_page()
                urls: list[str] = []
                page.on("requestfinished", lambda r: urls.append(r.url))
                page.goto(base + name, wait_until="load")
                page.wait_for_load_state("networkidle")
                files = {p for u in urls if (p := _local(site, site, u[len(base):]))}
                found[name] = files | {(site / name).resolve()}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return found


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class serve:
    """Serve ``site`` on 127.0.0.1 from a separate process (a server thread inside the
    process that drives the browser can stall it). ``.base`` is the address; ``.shutdown()`` stops it.

    The server picks a free port itself and says which (no other program can take
    the port between the choice and its use, as kernels started at the same time could).
    """

    def __init__(self, site: Path):
        import select
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"port (\d+)", line)
        if not found:
            self.shutdown()
            raise RuntimeError(f"the web server did not start: {line!r}")
        self.base = f"http://127.0.0.1:{found.group(1)}/"

    def shutdown(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


def measure(site: Path, use_browser: bool | None = None) -> dict:
    """The weights of every page; ``use_browser=None`` uses Chromium when it is there."""
    site = site.resolve()
    names = pages(site)
    if use_browser is None:
        use_browser = CHROMIUM.exists() and _has_playwright()
    files = browser_files(site, names) if use_browser else {n: static_files(site, n) for n in names}
    size = {p: p.stat().st_size for fs in files.values() for p in fs}
    landing = "intro.html" if "intro.html" in files else names[0]
    # A translated book (fr/intro.html, ...) is a site of its own: its second visit follows its own first page.
    landings = {name.split("/")[0]: name for name in names if name.count("/") == 1 and name.endswith("/intro.html")}
    rows = []
    for name in names:
        own = landings.get(name.split("/")[0], landing)
        first = sum(size[p] for p in files[name])
        new = files[name] - files[own] if name != own else files[name]
        images = sum(size[p] for p in new if (IMAGE.search(p.name) and p.suffix != ".html") or p.name == SEARCH_INDEX)
        second = sum(size[p] for p in new) - images
        rows.append({"page": name, "first_visit": first, "second_visit": second, "second_visit_images": images,
                     "files": len(files[name])})
    chapters = [r["first_visit"] for r in rows if r["page"].startswith(("chapters/", "exercises/"))]
    translated = {lang: [r["first_visit"] for r in rows if r["page"].startswith((f"{lang}/chapters/", f"{lang}/exercises/"))]
                  for lang in landings}
    summary = {
        "method": "browser" if use_browser else "static (upper bound)",
        "landing_page": landing,
        "median_chapter_first_visit": statistics.median(chapters) if chapters else 0,
        # the same median in each translated book (fr/chapters/..., fr/exercises/...)
        "median_chapter_first_visit_by_language": {lang: statistics.median(v) for lang, v in translated.items() if v},
        "largest_first_visit": max(r["first_visit"] for r in rows),
        "largest_second_visit_without_images": max(
            r["second_visit"] for r in rows if r["page"] != landing and r["page"] not in landings.values()),
    }
    summary["within_budget"] = (
        summary["median_chapter_first_visit"] <= BUDGET["median_chapter_first_visit"]
        and all(m <= BUDGET["median_chapter_first_visit"] for m in summary["median_chapter_first_visit_by_language"].values())
        and summary["largest_first_visit"] <= BUDGET["any_page_first_visit"]
        and summary["largest_second_visit_without_images"] <= BUDGET["second_visit_without_images"]
    )
    return {"pages": rows, "summary": summary}


def _has_playwright() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return True


def report(result: dict) -> str:
    s = result["summary"]
    lines = [f"Page weights ({s['method']}; bytes, uncompressed; second visit = after {s['landing_page']})",
             f"{'page':58} {'first visit':>12} {'2nd visit':>10} {'+images':>9}"]
    for r in result["pages"]:
        lines.append(f"{r['page']:58} {r['first_visit']:>12,} {r['second_visit']:>10,} {r['second_visit_images']:>9,}")
    lines.append(f"median chapter page, first visit: {s['median_chapter_first_visit']:,.0f} (budget 1,500,000)")
    for lang, median in s["median_chapter_first_visit_by_language"].items():
        lines.append(f"  in the book in {lang!r}: {median:,.0f} (budget 1,500,000)")
    lines.append(f"largest first visit: {s['largest_first_visit']:,} (budget 3,000,000)")
    lines.append(f"largest second visit without images (nor, on the search page, its index): "
                 f"{s['largest_second_visit_without_images']:,} (budget 200,000)")
    lines.append("within budget: " + ("yes" if s["within_budget"] else "NO"))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="_build/html")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--static", action="store_true", help="read the files from the HTML, without a browser")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "intro.html").exists() and not list(site.glob("*.html")):
        print(f"No built book in {site}: run `make book` first.", file=sys.stderr)
        return 2
    result = measure(site, use_browser=False if args.static else None)
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0 if result["summary"]["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

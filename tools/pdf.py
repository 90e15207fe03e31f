"""The whole book as PDF files, for printing and for reading offline on a phone.

Usage: python tools/pdf.py [_build/singlehtml] [--out _build/pdf]

`make pdf` first builds the book as one HTML page (jupyter-book's
`--builder singlehtml`, the first half of its `pdfhtml` builder), then this
script prints that page to PDF with Debian's Chromium, the browser the tests
already use (jupyter-book's own `pdfhtml` downloads a browser of its own,
which a machine with no internet cannot do). It writes two files:

* `smart-inclusive-industry.pdf`: for learners. Self-check questions appear as
  text (the question, its choices, a line to write on); no answer, hint or
  solution is printed.
* `smart-inclusive-industry-instructor.pdf`: the same book with the answer of
  every self-check and every exercise's worked solution printed after it.

Figures keep their captions; the sidebars, buttons and search box are left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from page_weights import CHROMIUM, CHROMIUM_ARGS, serve

NAME = "smart-inclusive-industry"

# What paper does not need, in both editions.
PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .prev-next-area,
.bd-footer, .bd-footer-content, .bd-footer-article, .search-button-field, .theme-switch-button,
.si-buttons, .si-live, .si-hints, .si-static-note, .headerlink, .toggle-button, .skip-link,
.cell_input:has(> .highlight-ipython3 pre:only-child) + .cell_output .si-format { display: none !important; }
#jb-print-toc { display: none !important; }  /* the theme's print header lists one page's sections: the PDF's bookmarks list them all */
.bd-page-width, .bd-container, .bd-container__inner, .bd-main, .bd-content, .bd-article-container, .bd-article {
  max-width: none !important; width: auto !important; margin: 0 !important; padding: 0 !important; display: block !important; }
body { font-size: 10.5pt; }
pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
.pst-scrollable-table-container, div.cell_output .output { overflow: visible !important; }
table { font-size: 9pt; }
span[id^="document-"] + section { break-before: page; }  /* each page of the book starts a new sheet */
figure, img, table, .si-check, .si-demo, pre { break-inside: avoid; }
.si-check input[type=text] { border: 0; border-bottom: 1px solid #000; width: 14em; }
a { color: inherit; text-decoration: none; }
"""

# Learners' edition: no answers.
LEARNER_CSS = """
.solution, .tag_solution, .si-solution { display: none !important; }
"""

# Instructor's edition: every answer shown where it belongs.
INSTRUCTOR_CSS = """
.solution, .solution > *, .toggle-hidden, .tag_solution, .tag_solution .cell_input { display: block !important; visibility: visible !important; }
.si-solution { display: block !important; border-left: 4px solid #000; padding: .3em .8em; margin: .3em 0; }
.si-solution::before { content: "Answer: "; font-weight: 700; }
"""

# Before printing, the instructor's edition writes each self-check's answer from
# its question's spec (the same data the page's checker uses) into its form.
FILL_ANSWERS = """() => {
  let filled = 0;
  for (const form of document.querySelectorAll('form.si-check')) {
    const spec = JSON.parse(form.querySelector('script.si-spec').textContent);
    const box = form.querySelector('.si-solution');
    if (box && spec.solution) { box.hidden = false; box.textContent = spec.solution; filled += 1; }
  }
  for (const d of document.querySelectorAll('details')) d.open = true;
  return filled;
}"""


def print_book(site: Path, out: Path) -> dict[str, dict]:
    """Print ``site/intro.html`` (a singlehtml build) to the learners' and the instructor's PDF."""
    from playwright.sync_api import sync_playwright

    if not (site / "intro.html").exists():
        raise SystemExit(f"{site}/intro.html is missing: build the book with --builder singlehtml first (make pdf)")
    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    url = server.base
    made: dict[str, dict] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for edition, css in (("learner", LEARNER_CSS), ("instructor", INSTRUCTOR_CSS)):
                page = browser.new_page(color_scheme="light")
                page.goto(url + "intro.html", wait_until="load")
                page.emulate_media(media="print")
                page.add_style_tag(content=PRINT_CSS + css)
                answers = page.evaluate(FILL_ANSWERS) if edition == "instructor" else 0
                target = out / (f"{NAME}.pdf" if edition == "learner" else f"{NAME}-instructor.pdf")
                page.pdf(
                    path=str(target), format="A4", print_background=True, outline=True, tagged=True,
                    display_header_footer=True, header_template="<span></span>",
                    footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                    margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                )
                made[edition] = {"path": str(target), "bytes": target.stat().st_size, "answers": answers}
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="_build/singlehtml", type=Path)
    parser.add_argument("--out", default="_build/pdf", type=Path)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Chromium is needed to print the PDF ({CHROMIUM}); on Debian or Ubuntu: sudo apt-get install chromium")
        return 1
    for edition, info in print_book(args.site, args.out).items():
        print(f"{edition:10s} {info['path']}  {info['bytes'] / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

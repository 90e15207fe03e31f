"""Zip the built book for classrooms without internet.

Usage: python tools/bundle.py [SITE] [ZIP]     (defaults: _build/html, _build/smart-inclusive-industry.zip)

The zip holds one folder, ``smart-inclusive-industry/``. Unzipped anywhere,
its ``index.html`` opens the book from disk (file://) with everything working:
pages, search, self-check questions, math, downloads of the notebooks. No page
asks for anything outside the folder. Left out: source maps (``*.map``, only
read by browser developer tools) and the theme's translation catalogues
(``_static/locales``, used when a book is built, never by a page). The zip is the same, byte for byte,
for the same site: files in sorted order, with a fixed date.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FOLDER = "smart-inclusive-industry"
SKIP_SUFFIXES = {".map"}
SKIP_NAMES = {".buildinfo"}
SKIP_FOLDERS = ("_static/locales/",)
README = """Smart and Inclusive Industry: the course book, offline edition.
Industrie intelligente et inclusive : le livre du cours, édition hors ligne.

En français : ouvrez fr/index.html dans ce dossier avec un navigateur web
(double-cliquez dessus). Tout fonctionne sans connexion Internet : pages,
recherche, questions d'autoévaluation, formules. Chaque page a un lien vers
la même page en anglais.

In English: open index.html in this folder with any web browser (double-click it).
Each page links to the same page in French.
Nothing needs an internet connection: pages, search, self-check questions,
formulas and the notebook downloads (.ipynb) all work from this folder.
To run the notebooks, install the course once (see the "How to use this
course" chapter); after that it runs offline too.

The folder lite/ runs every notebook inside the web browser (JupyterLite),
with nothing to install, but only when this folder is served by a web server
(a school server, or on a computer with Python: python -m http.server in this
folder, then open http://127.0.0.1:8000/lite/). Browsers do not run it from
disk. Its first start downloads numpy, pandas, matplotlib, pillow and
kiwisolver from the internet, unless the book was built with those files
(see lite/README.md in the course's repository).
"""


def bundle(site: Path, target: Path) -> Path:
    """Write the zip of ``site`` to ``target``; return its path."""
    if not (site / "index.html").exists():
        raise SystemExit(f"No built book in {site}: run `make book` first.")
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(
        p for p in site.rglob("*")
        if p.is_file() and p.suffix not in SKIP_SUFFIXES and p.name not in SKIP_NAMES
        and not any(f"/{folder}" in f"/{p.relative_to(site).as_posix()}" for folder in SKIP_FOLDERS)
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo(f"{FOLDER}/README.txt", date_time=(2024, 6, 1, 0, 0, 0))
        zf.writestr(info, README, compress_type=zipfile.ZIP_DEFLATED)
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", date_time=(2024, 6, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    return target


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("_build/html")
    target = Path(argv[1]) if len(argv) > 1 else Path("_build/smart-inclusive-industry.zip")
    path = bundle(site, target)
    print(f"Wrote {path} ({path.stat().st_size:,} bytes). Unzip it and open {FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

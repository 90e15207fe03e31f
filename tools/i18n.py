"""Translations of the course: update the catalogues, print their status, check them.

Usage:
    python tools/i18n.py build  [--lang fr] [--site _build/html]
                                               the book in that language, into SITE/<lang>/
    python tools/i18n.py update [--lang fr]    new English text -> catalogues (locales/)
    python tools/i18n.py status [--lang fr]    per page: share of messages translated
    python tools/i18n.py check  [--lang fr] [FILE.po ...]
                                               every problem, one line each; exit 1 if any

`update` extracts the book's messages with Sphinx's gettext builder (into
_build/i18n) and merges them into locales/<lang>/LC_MESSAGES/ with sphinx-intl: a
new English sentence arrives untranslated, a changed one is marked fuzzy (its old
translation kept as a suggestion). It also refreshes the catalogue of the course
package's own texts (questions, feedback, figure labels) in
smartindustry/locales/<lang>/. See locales/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smartindustry.i18n.po import problems, read_po  # noqa: E402

BOOK_LOCALES = ROOT / "locales"
PACKAGE_LOCALES = ROOT / "smartindustry" / "locales"


def catalogues(lang: str) -> list[Path]:
    """Every catalogue of one language: the book's pages and table of contents, then the package's."""
    book = sorted((BOOK_LOCALES / lang / "LC_MESSAGES").rglob("*.po"))
    toc = [BOOK_LOCALES / lang / TOC_CATALOGUE] if (BOOK_LOCALES / lang / TOC_CATALOGUE).exists() else []
    package = sorted((PACKAGE_LOCALES / lang).rglob("*.po"))
    return book + toc + package


#: The captions of the parts of the book (``_toc.yml``), which Sphinx's gettext does not collect.
TOC_CATALOGUE = "toc.po"
CAPTION = re.compile(r'^(\s*- caption: )(.+?)\s*$', re.M)


def toc_captions(text: str) -> list[str]:
    """The captions of the book's parts, as written in ``_toc.yml`` (quotes removed)."""
    return [_unquote_yaml(m.group(2)) for m in CAPTION.finditer(text)]


def _unquote_yaml(value: str) -> str:
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value


def translated_toc(text: str, lang: str) -> str:
    """``_toc.yml`` with the captions of its parts in ``lang`` (English where there is no translation)."""
    table = {m.id: m.string for m in read_po(BOOK_LOCALES / lang / TOC_CATALOGUE) if m.translated} \
        if (BOOK_LOCALES / lang / TOC_CATALOGUE).exists() else {}
    return CAPTION.sub(lambda m: m.group(1) + json.dumps(table.get(_unquote_yaml(m.group(2)), _unquote_yaml(m.group(2))),
                                                        ensure_ascii=False), text)


def is_book(path: Path) -> bool:
    """True for a catalogue of the book's pages (MyST Markdown), False for the package's (plain text)."""
    return BOOK_LOCALES in path.resolve().parents


def label(path: Path) -> str:
    if path.name == TOC_CATALOGUE and path.parent.parent == BOOK_LOCALES:
        return "_toc (the parts of the book)"
    for base in (BOOK_LOCALES, PACKAGE_LOCALES):
        try:
            rel = path.relative_to(base)
        except ValueError:
            continue
        parts = rel.parts[2:] if base == BOOK_LOCALES else ("smartindustry",) + rel.parts[1:]
        return str(Path(*parts).with_suffix(""))
    return str(path)


#: The languages the book is published in, besides English (the source).
LANGUAGES = ("fr",)


def package_hash() -> str:
    """A fingerprint of the course package (its code and catalogues), which renders part of every page."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "smartindustry").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".po", ".js", ".css"):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(lang: str, site: Path, work: Path | None = None, quiet: bool = False) -> int:
    """Build the book in ``lang`` (warnings are errors) and put it in ``site/<lang>/``.

    The build uses the English book's configuration with ``language`` changed, so
    the catalogues of ``locales/<lang>`` translate every page; the course package
    renders questions and notes in that language (``SMARTINDUSTRY_LANG``).
    Returns the build's exit code.
    """
    work = work or ROOT / "_build" / lang
    work.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    if "\n    language: en\n" not in config:
        raise SystemExit("_config.yml: `language: en` under sphinx.config not found")
    (work / "_config.yml").write_text(config.replace("\n    language: en\n", f"\n    language: {lang}\n"), encoding="utf-8")
    (work / "_toc.yml").write_text(translated_toc((ROOT / "_toc.yml").read_text(encoding="utf-8"), lang), encoding="utf-8")
    env = dict(os.environ, SMARTINDUSTRY_LANG=lang)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--path-output", str(work),
               "--config", str(work / "_config.yml"), "--toc", str(work / "_toc.yml"), "-W", "-n", "--keep-going"]
    # Sphinx rebuilds a page when its source changed, not when the package that
    # translates its questions did: then every page is read again.
    stamp, package = work / "package.sha256", package_hash()
    if not stamp.exists() or stamp.read_text() != package:
        command.append("--all")
    done = subprocess.run(command, env=env, capture_output=quiet, text=True)
    if quiet and done.returncode:
        print(done.stdout[-20000:], done.stderr[-20000:], sep="\n")
    if done.returncode == 0:
        stamp.write_text(package)
        target = site / lang
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(work / "_build" / "html", target)
    return done.returncode


def update(lang: str) -> None:
    bin_dir = Path(sys.executable).parent
    out = ROOT / "_build" / "i18n"
    subprocess.run(
        [str(bin_dir / "jupyter-book"), "build", str(ROOT), "--path-output", str(out),
         "--builder", "custom", "--custom-builder", "gettext", "-W", "-n", "--keep-going", "-q"],
        check=True,
    )
    subprocess.run(
        [str(bin_dir / "sphinx-intl"), "update", "-p", str(out / "_build" / "gettext"),
         "-l", lang, "-d", str(BOOK_LOCALES), "-w", "76"],
        check=True,
    )
    update_toc(lang)
    from smartindustry.i18n import catalogue

    catalogue.update(lang)


def update_toc(lang: str) -> Path:
    """The catalogue of the part captions of ``_toc.yml`` (translations kept, new captions added)."""
    from babel.messages.catalog import Catalog

    from smartindustry.i18n.catalogue import merge

    template = Catalog(locale=lang, project="Smart and Inclusive Industry", fuzzy=False,
                       header_comment=f"# The captions of the book's parts (_toc.yml), in {lang}.")
    for caption in toc_captions((ROOT / "_toc.yml").read_text(encoding="utf-8")):
        template.add(caption, auto_comments=["a part of the book, in the sidebar"])
    return merge(BOOK_LOCALES / lang / TOC_CATALOGUE, template)


def status(lang: str) -> int:
    rows = []
    for path in catalogues(lang):
        messages = read_po(path)
        done = sum(m.translated for m in messages)
        fuzzy = sum(m.fuzzy for m in messages)
        rows.append((label(path), len(messages), done, fuzzy))
    total = sum(r[1] for r in rows)
    done = sum(r[2] for r in rows)
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'page':<{width}}  messages  translated  fuzzy")
    for name, n, d, f in rows:
        share = 100.0 * d / n if n else 100.0
        print(f"{name:<{width}}  {n:8d}  {share:9.1f}%  {f:5d}")
    share = 100.0 * done / total if total else 0.0
    print(f"{'all (' + lang + ')':<{width}}  {total:8d}  {share:9.1f}%  {sum(r[3] for r in rows):5d}")
    return 0


def check(lang: str, files: list[str]) -> int:
    paths = [Path(f) for f in files] if files else catalogues(lang)
    count = 0
    for path in paths:
        for message in read_po(path):
            for problem in problems(message, french=(lang == "fr"), myst=is_book(path)):
                count += 1
                head = message.id.replace("\n", " ")[:70]
                print(f"{path}:{message.line}: {problem}  [{head}]")
    print(f"{count} problem(s) in {len(paths)} catalogue(s)", file=sys.stderr)
    return 1 if count else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "update", "status", "check"])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--work", type=Path, default=None, help="build folder (default: _build/<lang>)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.lang, args.site, args.work)
    if args.command == "update":
        update(args.lang)
        return 0
    if args.command == "status":
        return status(args.lang)
    return check(args.lang, args.files)


if __name__ == "__main__":
    sys.exit(main())

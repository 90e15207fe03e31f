"""Notebooks in another language, from the same catalogues as the book.

The book's pages are translated by Sphinx, message by message. A notebook handed
to a learner (the student and instructor editions) is translated here with the
same catalogue (``locales/<lang>/LC_MESSAGES/<page>.po``): each heading,
paragraph, list item, table cell and directive title of a Markdown cell is a
message, as for Sphinx, and is replaced by its translation. The comments in
code cells come from the package's catalogue (``comments.po``); the code itself
never changes. What has no translation stays in English.
"""

from __future__ import annotations

import functools
import io
import tokenize
from pathlib import Path

from . import gettext
from .po import read_po

__all__ = ["book_catalogue", "translate_markdown", "translate_comments", "code_comments", "translate_notebook"]

ROOT = Path(__file__).resolve().parents[2]
BOOK_LOCALES = ROOT / "locales"
OPTION = ":"


@functools.lru_cache(maxsize=None)
def book_catalogue(page: str, lang: str) -> dict[str, str]:
    """The translated messages of one page of the book (``chapters/03_digital_divide``), by English text."""
    path = BOOK_LOCALES / lang / "LC_MESSAGES" / f"{page}.po"
    if not path.exists():
        return {}
    return {m.id: m.string for m in read_po(path) if m.translated}


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "dollarmath", "substitution"})
    return create_md_parser(config, RendererHTML)


def _key(content: str) -> str:
    """The message Sphinx makes of a block's text: its lines joined by spaces."""
    return " ".join(line.strip() for line in content.split("\n")).strip()


def translate_markdown(source: str, table: dict[str, str]) -> str:
    """A MyST Markdown text with each of its messages replaced by its translation in ``table``."""
    lines = source.split("\n")
    edits: list[tuple[int, int, list[str]]] = []  # (first line, end line, new lines)
    in_table = 0
    for token in _parser().parse(source):
        if token.type == "table_open":
            in_table += 1
        elif token.type == "table_close":
            in_table -= 1
        elif token.type == "inline" and token.map and in_table:
            row = token.map[0]
            translation = table.get(_key(token.content))
            if translation and token.content in lines[row]:
                lines[row] = lines[row].replace(f" {token.content} ", f" {translation} ", 1)
        elif token.type == "inline" and token.map:
            first, end = token.map
            text = token.content.split("\n")
            translation = table.get(_key(token.content))
            at = lines[first].find(text[0]) if text else -1
            if translation and at >= 0:
                edits.append((first, end, [lines[first][:at] + translation]))
        elif token.type in ("fence", "colon_fence") and token.map and token.info.startswith("{"):
            first, end = token.map
            directive, _, argument = token.info.partition(" ")
            head = lines[first]
            if argument.strip() and table.get(argument.strip()):
                head = head.replace(argument.strip(), table[argument.strip()], 1)
            body = token.content.rstrip("\n").split("\n")
            options = 0
            while options < len(body) and body[options].startswith(OPTION):
                options += 1
            inner = translate_markdown("\n".join(body[options:]), table)
            closing = lines[end - 1] if end - 1 > first else ""
            edits.append((first, end, [head, *body[:options], *inner.split("\n"), closing]))
    for first, end, new in sorted(edits, reverse=True):
        lines[first:end] = new
    return "\n".join(lines)


def code_comments(source: str) -> list[str]:
    """The comments of a code cell, without their ``#`` (what a translator translates)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    return [t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT and t.string.lstrip("#").strip()]


def translate_comments(source: str, lang: str | None = None) -> str:
    """A code cell with its comments translated; the code is unchanged."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source
    lines = source.split("\n")
    for t in reversed([t for t in tokens if t.type == tokenize.COMMENT]):
        text = t.string.lstrip("#").strip()
        translation = gettext(text, lang) if text else text
        if translation != text:
            row, col = t.start
            line = lines[row - 1]
            marks = t.string[: len(t.string) - len(t.string.lstrip("#"))]
            lines[row - 1] = line[:col] + f"{marks} {translation}" + line[col + len(t.string):]
    return "\n".join(lines)


def translate_notebook(nb, page: str, lang: str):
    """The notebook of ``page`` (for example ``exercises/03_digital_divide_exercises``) in ``lang``, in place."""
    if lang == "en":
        return nb
    table = book_catalogue(page, lang)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = translate_markdown(cell.source, table)
        elif cell.cell_type == "code":
            cell.source = translate_comments(cell.source, lang)
    return nb

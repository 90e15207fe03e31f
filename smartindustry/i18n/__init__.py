"""Languages of the course: English, the source, and its translations.

The book's pages are translated by Sphinx from the catalogues in ``locales/``.
The course package translates its own texts (questions, feedback, notes on the
pages, labels) from the catalogues in ``smartindustry/locales/<lang>/``, with
:func:`gettext`: the English text is the key, so a text with no translation
stays in English rather than disappearing.

The language is English unless :func:`set_language` chose another, or the
environment variable ``SMARTINDUSTRY_LANG`` names one (the French book is built
with ``SMARTINDUSTRY_LANG=fr``; a learner can run ``set_language("fr")`` at the
top of a notebook).
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from typing import Iterator

from .po import read_po

__all__ = ["LANGUAGES", "language", "set_language", "gettext", "_", "N_", "format_decimal", "using"]

#: Languages the course is written or translated in.
LANGUAGES = ("en", "fr")
CATALOGUES = Path(__file__).resolve().parents[1] / "locales"

_chosen: str | None = None


def language() -> str:
    """The language of the course's texts now ("en" or "fr")."""
    lang = _chosen or os.environ.get("SMARTINDUSTRY_LANG", "en")
    lang = (lang or "en").split("_")[0].split("-")[0].lower()
    return lang if lang in LANGUAGES else "en"


def set_language(lang: str | None) -> str:
    """Choose the language of questions, feedback and widgets ("en" or "fr"; None: back to the default)."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    _chosen = lang
    return language()


@contextlib.contextmanager
def using(lang: str | None) -> Iterator[str]:
    """``with using("fr"):`` texts in that language inside the block, then the language as it was."""
    global _chosen
    before = _chosen
    set_language(lang)
    try:
        yield language()
    finally:
        _chosen = before


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> dict[str, str]:
    """Every translated text of the package in one language, by English text."""
    table: dict[str, str] = {}
    folder = CATALOGUES / lang
    if folder.is_dir():
        for path in sorted(folder.rglob("*.po")):
            for message in read_po(path):
                if message.translated:
                    table.setdefault(message.id, message.string)
    return table


def gettext(text: str, lang: str | None = None) -> str:
    """``text`` in the language (the current one by default); English if there is no translation."""
    lang = lang or language()
    if lang == "en" or not text:
        return text
    return translations(lang).get(text, text)


_ = gettext


def N_(text: str) -> str:
    """Mark a text for translation where it is defined; translate it where it is shown (``_(TEXT)``)."""
    return text


def format_decimal(text: str, lang: str | None = None) -> str:
    """A number written in English digits (``"62.6"``, ``"2,495"``) the way the language writes it."""
    if (lang or language()) != "fr":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")

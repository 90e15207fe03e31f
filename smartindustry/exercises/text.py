"""Small helpers for the wording of questions and feedback.

How text is compared (case, accents, hyphens), how numbers and values are
written in messages. ``static/selfcheck.js`` copies these rules for the static page.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

import pandas as pd

from ..i18n import format_decimal
from ..i18n import gettext as _

_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """Escape text for HTML and turn `code` spans into <code> elements."""
    return _CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))


def normalise_text(text: str) -> str:
    """Fold case, accents-compatible forms, hyphens and spacing for comparing words."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\-_/]", " ", text)
    text = re.sub(r"[^\w\s.%+]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = re.sub(r"^(the|a|an) ", "", text)
    return text


def cap(text: str) -> str:
    """Upper-case the first letter only (leaves `code` and names as they are)."""
    return text[:1].upper() + text[1:]


def option_letters(n: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(n)]


def describe(value: Any) -> str:
    """A short, safe description of any value, for messages."""
    if isinstance(value, pd.DataFrame):
        return _("a DataFrame with {rows} rows and columns {columns}").format(rows=len(value), columns=list(value.columns)[:8])
    if isinstance(value, pd.Series):
        return _("a pandas Series of length {length}").format(length=len(value))
    if value is pd.NA or value is pd.NaT:
        return _("a missing value (NA)")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text {text}").format(text=repr(shown))
    name = type(value).__name__
    if name == "NoneType":
        return "None"
    if name == "function":
        return _("a function")
    return _("a value of type {name}").format(name=name)



def format_number(x: float) -> str:
    """Format a number for a message: no trailing zeros, no scientific notation for everyday sizes."""
    if abs(x) >= 1e12 or (0 < abs(x) < 1e-4):
        return format_decimal(f"{x:.4g}")
    return format_decimal(f"{x:.6f}".rstrip("0").rstrip("."))


def unit_suffix(unit: str) -> str:
    """' kg' for most units, '%' with no space."""
    if not unit:
        return ""
    return unit if unit == "%" else f" {unit}"


def join_parts(*parts: str) -> str:
    return " ".join(p for p in parts if p)

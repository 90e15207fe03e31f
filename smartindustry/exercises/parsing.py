"""Reading answers the way people write them: numbers with commas, spaces, units."""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from .text import describe
from ..i18n import gettext as _

_MINUS = "\u2212\u2012\u2013"
_THOUSANDS_GROUPS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(answer: Any, unit: str = "") -> tuple[float, str]:
    """Read a number the way people write it. Return (value, note).

    Accepts ints, floats, numpy numbers, one-element pandas objects, and text
    such as ``"1.5"``, ``"1,5"`` (decimal comma), ``"12 000"``, ``"1,200.5"``,
    ``"3.2e3"``, ``"45 %"`` or the number followed by ``unit``. The note says
    how an ambiguous text was read (empty if nothing to say).

    Raises ValueError with a message meant for the learner.
    """
    note = ""
    if isinstance(answer, bool) or isinstance(answer, np.bool_):
        raise ValueError(_("True/False is not a number. Please give a number."))
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        if isinstance(answer, (list, tuple)):
            items = list(answer)
        else:
            items = list(np.asarray(answer, dtype=object).ravel())
        if len(items) != 1:
            raise ValueError(
                _("Your answer is {what}, with {count} values. "
                  "Give one number (for example with `.iloc[0]` or `float(...)`).").format(what=describe(answer), count=len(items))
            )
        return parse_number(items[0], unit)
    if isinstance(answer, numbers.Number) and not isinstance(answer, complex):
        try:
            value = float(answer)
        except (TypeError, ValueError, OverflowError):
            raise ValueError(_("This number is too large to read. Please check it.")) from None
    elif isinstance(answer, str):
        text = unicodedata.normalize("NFKC", answer).strip()
        for ch in _MINUS:
            text = text.replace(ch, "-")
        if unit and text.lower().endswith(unit.lower()):
            text = text[: -len(unit)].strip()
        text = text.rstrip("%").strip()
        text = re.sub(r"(?<=\d)[\s\u00a0\u202f'_](?=\d{3}\b)", "", text)  # 12 000
        if "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):  # 1.234,5 (decimal comma)
                text = text.replace(".", "").replace(",", ".")
            else:  # 1,234.5
                text = text.replace(",", "")
        elif "," in text:
            if _THOUSANDS_GROUPS.match(text) and text.count(",") > 1:
                text = text.replace(",", "")  # 1,234,567
            else:
                if _THOUSANDS_GROUPS.match(text):
                    note = _(
                        "We read \"{answer}\" with a decimal comma. "
                        "If you meant thousands, write the number without the comma."
                    ).format(answer=answer.strip())
                text = text.replace(",", ".")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
            shown = answer.strip() if len(answer.strip()) <= 30 else answer.strip()[:27] + "..."
            raise ValueError(_("\"{answer}\" is not a number we can read. Write digits, such as 12.5.").format(answer=shown))
        value = float(text)
    else:
        raise ValueError(_("Your answer is {what}. Please give a number.").format(what=describe(answer)))
    if math.isnan(value):
        raise ValueError(_("Your answer is NaN (not a number): is a value missing in your calculation?"))
    if math.isinf(value):
        raise ValueError(_("Your answer is infinite: did you divide by zero?"))
    return value, note
